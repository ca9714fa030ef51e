package org.cyberreport.kit.testing;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * A verifier of RFC 9421 signatures written for the tests from the RFC, sharing no code with the
 * services, as a partner's system would verify what it receives (WireMock records what it received).
 */
public final class SignatureVerifier {

    private SignatureVerifier() {
    }

    public static void verify(LoggedRequest request, String publicKeyBase64, Instant now) throws Exception {
        byte[] body = request.getBody();
        String digest = "sha-256=:" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body)) + ":";
        if (!digest.equals(request.getHeader("Content-Digest"))) {
            throw new AssertionError("Content-Digest does not match the body");
        }
        Matcher input = Pattern.compile("sig1=\\(([^)]*)\\)(.*)").matcher(request.getHeader("Signature-Input"));
        if (!input.matches()) {
            throw new AssertionError("Signature-Input not understood: " + request.getHeader("Signature-Input"));
        }
        List<String> covered = new ArrayList<>();
        for (String item : input.group(1).split(" ")) {
            covered.add(item.substring(1, item.length() - 1));
        }
        if (!covered.containsAll(List.of("@method", "@target-uri", "content-digest"))) {
            throw new AssertionError("method, target and digest must be signed: " + covered);
        }
        Matcher created = Pattern.compile(";created=(\\d+)").matcher(input.group(2));
        if (!created.find() || Duration.between(Instant.ofEpochSecond(Long.parseLong(created.group(1))), now).abs()
                .compareTo(Duration.ofMinutes(5)) > 0 || !input.group(2).contains(";nonce=\"")) {
            throw new AssertionError("created must be recent and a nonce present: " + input.group(2));
        }
        StringBuilder base = new StringBuilder();
        for (String component : covered) {
            String value = switch (component) {
                case "@method" -> request.getMethod().getName();
                case "@target-uri" -> request.getAbsoluteUrl();
                case "@path" -> URI.create(request.getAbsoluteUrl()).getRawPath();
                default -> request.getHeader(component);
            };
            base.append('"').append(component).append("\": ").append(value).append('\n');
        }
        base.append("\"@signature-params\": (").append(input.group(1)).append(')').append(input.group(2));
        String header = request.getHeader("Signature");
        byte[] signature = Base64.getDecoder().decode(header.substring("sig1=:".length(), header.length() - 1));
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(
                new X509EncodedKeySpec(Base64.getDecoder().decode(publicKeyBase64)));
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(base.toString().getBytes(StandardCharsets.UTF_8));
        if (!verifier.verify(signature)) {
            throw new AssertionError("The signature does not verify");
        }
    }
}
