package org.cyberreport.kit.web;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;

import org.cyberreport.kit.problem.ProblemKind;
import org.cyberreport.kit.problem.ProblemResponses;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses, before security or any handler runs, the parts of a request that the servlet container and
 * Spring would otherwise turn into exceptions (and so into 500s) deep inside the stack:
 * <ul>
 * <li>a query string that is badly percent-encoded, not UTF-8 once decoded, has control characters, or
 * a parameter without a name (400);</li>
 * <li>a header value with control characters or bytes that are not text (400);</li>
 * <li>a body declared in another charset than UTF-8 (415): UTF-8 is the only encoding accepted.</li>
 * </ul>
 */
final class InputGuardFilter extends OncePerRequestFilter {

    private final ProblemResponses problems;

    InputGuardFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String problem = queryProblem(request.getQueryString());
        ProblemKind kind = ProblemKind.MALFORMED_REQUEST;
        if (problem == null) {
            problem = headerProblem(request);
        }
        if (problem == null && request.getHeader(StatedPurpose.HEADER) != null) {
            try {
                StatedPurpose.decode(request.getHeader(StatedPurpose.HEADER));
            } catch (IllegalArgumentException unreadable) {
                problem = unreadable.getMessage();
            }
        }
        if (problem == null && !declaresUtf8OrNothing(request.getHeader("Content-Type"))) {
            problem = "Only UTF-8 request bodies are accepted (a Content-Type charset, when given, must be UTF-8)";
            kind = ProblemKind.UNSUPPORTED_MEDIA_TYPE;
        }
        if (problem != null) {
            problems.write(response, ProblemResponses.problem(kind, problem, null));
            return;
        }
        chain.doFilter(request, response);
    }

    static String queryProblem(String query) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        for (String pair : query.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            if (name.isEmpty()) {
                return "The query string has a parameter without a name";
            }
            String problem = componentProblem(name);
            if (problem == null && equals >= 0) {
                problem = componentProblem(pair.substring(equals + 1));
            }
            if (problem != null) {
                return "The query string " + problem;
            }
        }
        return null;
    }

    /** Decodes one percent-encoded name or value strictly; says what is wrong, or {@code null}. */
    private static String componentProblem(String encoded) {
        String decoded;
        try {
            decoded = PercentEncoding.decodeUtf8(encoded, false);
        } catch (IllegalArgumentException badlyEncoded) {
            return badlyEncoded.getMessage();
        }
        String problem = TextRules.identifierProblem(decoded);
        return problem == null ? null : "has a parameter that " + problem;
    }

    private static String headerProblem(HttpServletRequest request) {
        for (String name : Collections.list(request.getHeaderNames())) {
            for (String value : Collections.list(request.getHeaders(name))) {
                for (int i = 0; i < value.length(); i++) {
                    char c = value.charAt(i);
                    // Header bytes above 0x7E are decoded as Latin-1 or replaced: in either case not text we accept.
                    if (c < 0x20 && c != '\t' || c > 0x7E) {
                        return "Header " + clip(name) + " has bytes that are not printable ASCII text";
                    }
                }
            }
        }
        return null;
    }

    /** Read from the header itself: Boot's encoding filter has already forced the request's encoding to UTF-8. */
    private static boolean declaresUtf8OrNothing(String contentType) {
        if (contentType == null) {
            return true;
        }
        try {
            Charset charset = MediaType.parseMediaType(contentType).getCharset();
            return charset == null || charset.equals(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException unreadable) {
            // An unparsable type or an unknown charset: left to the handler, which answers 415 for the type.
            return !contentType.toLowerCase(java.util.Locale.ROOT).contains("charset");
        }
    }

    private static String clip(String name) {
        String printable = name.replaceAll("[^A-Za-z0-9-]", "?");
        return printable.length() <= 40 ? printable : printable.substring(0, 40) + "…";
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return true;
    }
}
