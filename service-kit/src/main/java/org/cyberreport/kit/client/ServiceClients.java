package org.cyberreport.kit.client;

import java.net.http.HttpClient;
import java.time.Duration;

import org.springframework.http.client.BufferingClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** HTTP clients for calls to other services: bounded connect and read times, no redirects followed. */
public final class ServiceClients {

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
        RestClient.Builder builder = RestClient.builder().requestFactory(new BufferingClientHttpRequestFactory(requests));
        return baseUrl == null ? builder.build() : builder.baseUrl(baseUrl).build();
    }
}
