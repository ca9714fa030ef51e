package org.cyberreport.gateway.web;

import java.util.List;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.propagation.Propagator;

/**
 * The gateway is where traces start: a trace context that a caller from outside sends
 * ({@code traceparent}, {@code tracestate}, {@code baggage}, B3) is not continued, so that nobody outside
 * chooses the trace id under which the platform logs a request or joins two callers' requests into one
 * trace. The gateway's own context still travels to the services (injection is unchanged), and the
 * caller's headers are dropped before routing ({@link CorrelationIdFilter}).
 */
@Component
class EdgeTracing implements BeanPostProcessor {

    /** The trace headers a caller may send, removed from every request before it is routed. */
    static final List<String> CALLER_TRACE_HEADERS = List.of("traceparent", "tracestate", "baggage", "b3",
            "X-B3-TraceId", "X-B3-SpanId", "X-B3-ParentSpanId", "X-B3-Sampled", "X-B3-Flags");

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof Propagator propagator && !(bean instanceof StartingHere) ? new StartingHere(propagator) : bean;
    }

    /** A propagator that injects as before and extracts nothing: every request received starts a new trace. */
    static final class StartingHere implements Propagator {

        private final Propagator delegate;

        StartingHere(Propagator delegate) {
            this.delegate = delegate;
        }

        @Override
        public List<String> fields() {
            return delegate.fields();
        }

        @Override
        public <C> void inject(TraceContext context, C carrier, Setter<C> setter) {
            delegate.inject(context, carrier, setter);
        }

        @Override
        public <C> Span.Builder extract(C carrier, Getter<C> getter) {
            return delegate.extract(carrier, (ignored, key) -> null);
        }
    }
}
