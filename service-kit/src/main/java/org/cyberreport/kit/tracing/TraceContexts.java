package org.cyberreport.kit.tracing;

import java.util.regex.Pattern;

import org.slf4j.MDC;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/**
 * The trace context of a change, carried where an HTTP request cannot carry it: into a hand-off stored
 * in the outbox, and out again when the relay delivers it later, so that the delivery belongs to the
 * trace of the request that made the change (W3C Trace Context's {@code traceparent}). It reads and
 * makes current OpenTelemetry's context, which Micrometer Tracing's OpenTelemetry bridge uses, so the
 * spans and log lines of the delivery's receiver join the same trace. Without tracing there is no
 * current context and everything here does nothing.
 */
public final class TraceContexts {

    public static final String TRACEPARENT = "traceparent";
    private static final Pattern W3C = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");

    private TraceContexts() {
    }

    /** The current span's context as a {@code traceparent} value, or null outside any trace. */
    public static String current() {
        SpanContext context = Span.current().getSpanContext();
        if (!context.isValid()) {
            return null;
        }
        return "00-" + context.getTraceId() + "-" + context.getSpanId() + "-" + context.getTraceFlags().asHex();
    }

    /**
     * Makes a stored {@code traceparent} the current context (and its trace id the log lines') until the
     * returned scope is closed; a missing or malformed value changes nothing.
     */
    public static Scope resume(String traceparent) {
        var parts = traceparent == null ? null : W3C.matcher(traceparent);
        if (parts == null || !parts.matches()) {
            return Scope.noop();
        }
        SpanContext remote = SpanContext.createFromRemoteParent(parts.group(1), parts.group(2),
                TraceFlags.fromHex(parts.group(3), 0), TraceState.getDefault());
        if (!remote.isValid()) {
            return Scope.noop();
        }
        Scope scope = Context.root().with(Span.wrap(remote)).makeCurrent();
        String previousTrace = MDC.get("traceId");
        String previousSpan = MDC.get("spanId");
        MDC.put("traceId", remote.getTraceId());
        MDC.put("spanId", remote.getSpanId());
        return () -> {
            restore("traceId", previousTrace);
            restore("spanId", previousSpan);
            scope.close();
        };
    }

    private static void restore(String key, String previous) {
        if (previous == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, previous);
        }
    }
}
