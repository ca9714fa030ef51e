package org.cyberreport.cooperation.forwarding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.IntPredicate;

import org.cyberreport.kit.outbox.RejectedDeliveryException;
import org.cyberreport.kit.outbox.TransientStatusException;
import org.cyberreport.kit.tracing.TraceContexts;

/**
 * A JSON body posted to a partner, signed (RFC 9421, Ed25519) with this platform's key over the given
 * components, with a fresh nonce and the current trace context (a random id, for the partner's logs).
 * Redirects are never followed.
 */
public final class SignedPost {

    private static final String JSON = "application/json";
    /** The largest answer read from a partner (a hit/no-hit table of some hundreds of thousands of entries). */
    static final int MAX_ANSWER = 64 * 1024 * 1024;

    /** An answer, its body read (within {@link #MAX_ANSWER}). */
    private record Answered(HttpResponse<java.io.InputStream> response, byte[] body) implements HttpResponse<byte[]> {
        @Override public int statusCode() { return response.statusCode(); }
        @Override public HttpRequest request() { return response.request(); }
        @Override public java.util.Optional<HttpResponse<byte[]>> previousResponse() { return java.util.Optional.empty(); }
        @Override public java.net.http.HttpHeaders headers() { return response.headers(); }
        @Override public java.util.Optional<javax.net.ssl.SSLSession> sslSession() { return response.sslSession(); }
        @Override public URI uri() { return response.uri(); }
        @Override public HttpClient.Version version() { return response.version(); }
    }

    private final HttpClient http;
    private final SigningKeys keys;
    private final Clock clock;
    private final Duration timeout;

    public SignedPost(SigningKeys keys, Clock clock, Duration connectTimeout, Duration timeout) {
        this.keys = keys;
        this.clock = clock;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Sends; the answer whatever its status. A timeout is {@link HttpTimeoutException}, any other failure {@link IOException}. */
    public HttpResponse<byte[]> send(URI endpoint, byte[] body, List<String> components) throws IOException {
        var signed = MessageSignatures.sign(components, MessageSignatures.values("POST", endpoint, JSON, body),
                keys.privateKey(), keys.keyId(), clock.instant(), UUID.randomUUID().toString());
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", JSON)
                .header("Content-Digest", signed.contentDigest())
                .header("Signature-Input", signed.signatureInput())
                .header("Signature", signed.signature());
        String trace = TraceContexts.current();
        if (trace != null) {
            builder.header(TraceContexts.TRACEPARENT, trace);
        }
        try {
            HttpResponse<java.io.InputStream> response = http.send(builder.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            byte[] answer;
            try (java.io.InputStream in = response.body()) {
                // a partner's answer is read up to a bound: one that never ends cannot fill our memory
                answer = in.readNBytes(MAX_ANSWER + 1);
            }
            if (answer.length > MAX_ANSWER) {
                throw new IOException("the answer exceeds " + MAX_ANSWER + " bytes");
            }
            return new Answered(response, answer);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", interrupted);
        }
    }

    /**
     * Sends as a relay's delivery: returns when the partner took it (2xx, or a status {@code alsoTaken} accepts);
     * a timeout or a transient status is to be tried again, a redirect or any other status is refused.
     */
    public void deliver(URI endpoint, byte[] body, List<String> components, IntPredicate alsoTaken) {
        HttpResponse<byte[]> response;
        try {
            response = send(endpoint, body, components);
        } catch (HttpTimeoutException slow) {
            throw new TransientStatusException(504);
        } catch (IOException unreachable) {
            throw new UncheckedIOException(unreachable);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300 || alsoTaken.test(status)) {
            return;
        }
        if (status >= 300 && status < 400) {
            throw new RejectedDeliveryException(status, "redirect to " + response.headers().firstValue("Location")
                    .orElse("?") + " not followed");
        }
        if (TransientStatusException.isTransient(status)) {
            throw new TransientStatusException(status);
        }
        throw new RejectedDeliveryException(status, new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
    }
}
