package org.cyberreport.kit.web;

import java.io.IOException;

import org.cyberreport.kit.problem.BodyEncodingException;
import org.cyberreport.kit.problem.PayloadTooLargeException;
import org.cyberreport.kit.problem.ProblemKind;
import org.cyberreport.kit.problem.ProblemResponses;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses request bodies over the limit with 413: at once when {@code Content-Length} says so, and
 * while reading when the body is chunked, so no handler ever sees an oversized body. Also refuses
 * bodies that are not UTF-8, told by their first two bytes: a JSON text starts with an ASCII
 * character, so a byte-order mark (UTF-8's EF BB BF, or UTF-16's and UTF-32's) or a NUL byte there
 * means another encoding, which Jackson would otherwise guess and accept. Upload paths (a file's bytes, any
 * of them) have their own limit and no such inspection.
 */
public final class BodySizeLimitFilter extends OncePerRequestFilter {

    private static final org.springframework.util.AntPathMatcher PATHS = new org.springframework.util.AntPathMatcher();

    private final ProblemResponses problems;
    private final long bodyLimit;
    private final java.util.List<WebProperties.Upload> uploads;

    public BodySizeLimitFilter(ProblemResponses problems, long limit) {
        this(problems, limit, java.util.List.of());
    }

    public BodySizeLimitFilter(ProblemResponses problems, long limit, java.util.List<WebProperties.Upload> uploads) {
        this.problems = problems;
        this.bodyLimit = limit;
        this.uploads = uploads == null ? java.util.List.of() : java.util.List.copyOf(uploads);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        WebProperties.Upload upload = uploads.stream()
                .filter(candidate -> PATHS.match(candidate.path(), request.getRequestURI())).findFirst().orElse(null);
        long limit = upload == null ? bodyLimit : upload.maxSize().toBytes();
        if (request.getContentLengthLong() > limit) {
            problems.write(response, ProblemResponses.problem(ProblemKind.PAYLOAD_TOO_LARGE,
                    "The request body exceeds the limit of " + limit + " bytes", request.getRequestURI()));
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit, upload == null), response);
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long limit;
        private final boolean text;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long limit, boolean text) {
            super(request);
            this.limit = limit;
            this.text = text;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), limit, text);
            }
            return stream;
        }
    }

    private static final class LimitedStream extends ServletInputStream {
        private final ServletInputStream delegate;
        private final long limit;
        private long read;

        LimitedStream(ServletInputStream delegate, long limit, boolean text) {
            this.delegate = delegate;
            this.limit = limit;
            this.inspected = text ? 0 : 2;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                inspect((byte) b);
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            for (int i = 0; i < n && read + i < 2; i++) {
                inspect(buffer[offset + i]);
            }
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private int inspected;

        /** Called with each of the first two bytes, in order. */
        private void inspect(byte b) throws IOException {
            if (inspected++ < 2 && (b == 0 || inspected == 1 && (b & 0x80) != 0)) {
                throw new BodyEncodingException();
            }
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > limit) {
                throw new PayloadTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
