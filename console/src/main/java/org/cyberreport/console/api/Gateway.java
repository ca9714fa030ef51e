package org.cyberreport.console.api;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API, through the gateway, as the signed-in user: every call carries the user's access token
 * (added by the client's interceptor from the server-side session), runs within the timeouts of
 * {@link ApiProperties} and inside the {@code gateway} circuit breaker. A refusal becomes an
 * {@link ApiProblemException}; a failure for everyone an {@link ApiUnavailableException}.
 */
public class Gateway {

    private final RestClient rest;
    private final CircuitBreaker breaker;
    private final JsonMapper json;

    public Gateway(RestClient rest, CircuitBreaker breaker, JsonMapper json) {
        this.rest = rest;
        this.breaker = breaker;
        this.json = json;
    }

    public <T> T get(Function<UriBuilder, URI> uri, Class<T> type) {
        return call(() -> rest.get().uri(uri).retrieve().onStatus(HttpStatusCode::isError, this::refuse).body(type));
    }

    public <T> T get(Function<UriBuilder, URI> uri, ParameterizedTypeReference<T> type) {
        return call(() -> rest.get().uri(uri).retrieve().onStatus(HttpStatusCode::isError, this::refuse).body(type));
    }

    public <T> Versioned<T> getVersioned(Function<UriBuilder, URI> uri, Class<T> type) {
        return call(() -> versioned(rest.get().uri(uri).retrieve().onStatus(HttpStatusCode::isError, this::refuse)
                .toEntity(type)));
    }

    /** A POST with a JSON body (or none) and extra headers such as {@code Idempotency-Key} or {@code If-Match}. */
    public <T> Versioned<T> post(Function<UriBuilder, URI> uri, Object body, Map<String, String> headers, Class<T> type) {
        return call(() -> {
            RestClient.RequestBodySpec request = rest.post().uri(uri).contentType(MediaType.APPLICATION_JSON)
                    .headers(h -> headers.forEach(h::set));
            if (body != null) {
                // Written by the console's own mapper (Jackson 3), whatever converters the client was given.
                request.body(json.writeValueAsString(body));
            }
            return versioned(request.retrieve().onStatus(HttpStatusCode::isError, this::refuse).toEntity(type));
        });
    }

    /** A PUT with a JSON body: it replaces the resource, so the body holds every field of it. */
    public <T> T put(Function<UriBuilder, URI> uri, Object body, Class<T> type) {
        return call(() -> rest.put().uri(uri).contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsString(body))
                .retrieve().onStatus(HttpStatusCode::isError, this::refuse).body(type));
    }

    /** A DELETE without a body. */
    public void delete(Function<UriBuilder, URI> uri) {
        call(() -> rest.delete().uri(uri).retrieve().onStatus(HttpStatusCode::isError, this::refuse).toBodilessEntity());
    }

    /** A POST whose body is a file's bytes, streamed from {@code content} (never held whole). */
    public <T> T upload(Function<UriBuilder, URI> uri, java.io.InputStream content, long length, String contentType,
                        Class<T> type) {
        MediaType mediaType;
        try {
            mediaType = contentType == null ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(contentType);
        } catch (org.springframework.util.InvalidMimeTypeException unreadable) {
            mediaType = MediaType.APPLICATION_OCTET_STREAM;
        }
        MediaType sent = mediaType;
        return call(() -> rest.post().uri(uri).contentType(sent).contentLength(length)
                .body(out -> content.transferTo(out))
                .retrieve().onStatus(HttpStatusCode::isError, this::refuse).body(type));
    }

    /** A GET whose answer (a file) is streamed to {@code sink} with its headers, never held whole. */
    public void download(Function<UriBuilder, URI> uri, Download sink) {
        call(() -> rest.get().uri(uri).exchange((request, response) -> {
            if (response.getStatusCode().isError()) {
                refuse(request, response);
            }
            sink.accept(response.getHeaders(), response.getBody());
            return null;
        }));
    }

    @FunctionalInterface
    public interface Download {
        void accept(HttpHeaders headers, java.io.InputStream body) throws IOException;
    }

    private static <T> Versioned<T> versioned(ResponseEntity<T> entity) {
        return new Versioned<>(entity.getBody(), entity.getHeaders().getETag());
    }

    private <T> T call(Supplier<T> call) {
        try {
            return breaker.executeSupplier(call);
        } catch (CallNotPermittedException open) {
            throw new ApiUnavailableException("The console's circuit breaker for the API is open", open);
        } catch (ResourceAccessException io) {
            throw new ApiUnavailableException("The API did not answer: " + io.getMessage(), io);
        }
    }

    private void refuse(org.springframework.http.HttpRequest request, ClientHttpResponse response) throws IOException {
        int status = response.getStatusCode().value();
        String retryAfter = response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER);
        if (status == 502 || status == 503 || status == 504) {
            throw new ApiUnavailableException("The API answered " + status + " to " + request.getMethod() + " " + request.getURI().getPath());
        }
        throw new ApiProblemException(problemOf(status, response).withRetryAfter(retryAfter));
    }

    private ApiProblem problemOf(int status, ClientHttpResponse response) throws IOException {
        MediaType type = response.getHeaders().getContentType();
        if (type == null || !(type.getSubtype().equals("problem+json") || type.getSubtype().equals("json"))) {
            return ApiProblem.withoutBody(status, null);
        }
        try {
            ApiProblem problem = json.readValue(response.getBody(), ApiProblem.class);
            return new ApiProblem(status, problem.type(), problem.title(), problem.detail(), problem.errors(),
                    problem.moreErrors(), null);
        } catch (JacksonException unreadable) {
            return ApiProblem.withoutBody(status, null);
        }
    }
}
