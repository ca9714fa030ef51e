package org.cyberreport.kit.web;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import org.cyberreport.kit.problem.ProblemResponses;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Takes the caller's {@code X-Correlation-Id} when it is well-formed, otherwise makes one; puts it in
 * the logging context for every log line of the request and returns it on the response.
 */
public final class CorrelationIdFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Correlation-Id";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String offered = request.getHeader(HEADER);
        String correlationId = offered != null && ACCEPTED.matcher(offered).matches()
                ? offered : UUID.randomUUID().toString();
        MDC.put(ProblemResponses.CORRELATION_ID_MDC, correlationId);
        response.setHeader(HEADER, correlationId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(ProblemResponses.CORRELATION_ID_MDC);
        }
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }
}
