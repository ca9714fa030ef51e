package org.cyberreport.kit.client;

import java.net.http.HttpClient;
import java.time.Duration;

import org.cyberreport.kit.tracing.TraceContexts;
import org.springframework.http.client.BufferingClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * HTTP clients for calls to other services: bounded connect and read times, no redirects followed, the
 * current trace context passed on.
 */
public final class ServiceClients {

    /**
     * Adds the current trace context's {@code traceparent} to a call that does not carry one: a call made
     * by a relay for a stored hand-off continues the trace of the request that made the change.
     */
    public static final ClientHttpRequestInterceptor PROPAGATE_TRACE = (request, body, execution) -> {
        String current = TraceContexts.current();
        if (current != null && !request.getHeaders().containsHeader(TraceContexts.TRACEPARENT)) {
            request.getHeaders().set(TraceContexts.TRACEPARENT, current);
        }
        return execution.execute(request, body);
    };

    private ServiceClients() {
    }

    /** A client for {@code baseUrl} (or for absolute URLs when null); buffered, so bodies carry a Content-Length. */
    public static RestClient restClient(String baseUrl, Duration connectTimeout, Duration readTimeout) {
        // HTTP/1.1 from the start: the platform's servers speak it in clear text, so an h2c upgrade offer
        // on every new connection would only add a code path to each exchange.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(readTimeout);
        RestClient.Builder builder = RestClient.builder().requestFactory(new BufferingClientHttpRequestFactory(requests))
                .requestInterceptor(PROPAGATE_TRACE);
        return baseUrl == null ? builder.build() : builder.baseUrl(baseUrl).build();
    }
}
