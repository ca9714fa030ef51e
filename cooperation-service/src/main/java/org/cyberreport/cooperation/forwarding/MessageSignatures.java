package org.cyberreport.cooperation.forwarding;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP Message Signatures (RFC 9421) with Ed25519, over a Content-Digest (RFC 9530) of the body: the
 * receiver can verify who sent a message, that its method, target and body are what was signed, and
 * when it was signed; a nonce lets it refuse a replay. Chosen over a JWS envelope because the
 * signature covers the HTTP message itself (method, target, digest) and leaves the body as plain JSON.
 */
public final class MessageSignatures {

    public static final String LABEL = "sig1";
    /** A Signature-Input member: its label, the covered components, then the parameters. */
    private static final Pattern INPUT = Pattern.compile("^([a-z*][a-z0-9_.*-]*)=\\(([^)]*)\\)(.*)$");
    private static final Pattern PARAM = Pattern.compile(";([a-z]+)=(\"[^\"]*\"|[0-9]+)");

    private MessageSignatures() {
    }

    public record Signed(String contentDigest, String signatureInput, String signature) {
    }

    public static String contentDigest(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return "sha-256=:" + Base64.getEncoder().encodeToString(hash) + ":";
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Signs a message over the given components; {@code values} gives each component's value. */
    public static Signed sign(List<String> components, Map<String, String> values, PrivateKey key, String keyId,
                              Instant created, String nonce) {
        String params = "(" + String.join(" ", components.stream().map(c -> "\"" + c + "\"").toList()) + ")"
                + ";created=" + created.getEpochSecond() + ";keyid=\"" + keyId + "\";nonce=\"" + nonce + "\";alg=\"ed25519\"";
        String base = base(components, values, params);
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key);
            signer.update(base.getBytes(StandardCharsets.UTF_8));
            String signature = Base64.getEncoder().encodeToString(signer.sign());
            return new Signed(values.get("content-digest"), LABEL + "=" + params, LABEL + "=:" + signature + ":");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign", e);
        }
    }

    /** The component values of a request: method, target URI, path, digest and content type. */
    public static Map<String, String> values(String method, URI target, String contentType, byte[] body) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("@method", method.toUpperCase());
        values.put("@target-uri", target.toString());
        values.put("@path", target.getRawPath());
        values.put("content-digest", contentDigest(body));
        values.put("content-type", contentType);
        return values;
    }

    /** A verified signature's parameters. */
    public record Verified(String keyId, String nonce, Instant created) {
    }

    /**
     * Verifies a received message. Refuses when a required component is not covered, the digest does
     * not match the body, the signature was made too long ago (or in the future), there is no nonce,
     * the key is unknown, or the signature does not verify. Replays are the caller's to refuse, by nonce.
     */
    public static Verified verify(List<String> required, Map<String, String> values, String signatureInput,
                                  String signature, String contentDigestHeader, Function<String, PublicKey> keys,
                                  Instant now, Duration window) {
        if (signatureInput == null || signature == null || contentDigestHeader == null) {
            throw new SignatureRejected("the message is not signed");
        }
        Parsed input = parse(signatureInput);
        if (!LABEL.equals(input.label())) {
            throw new SignatureRejected("Signature-Input is not understood");
        }
        List<String> covered = input.covered();
        if (!covered.containsAll(required)) {
            throw new SignatureRejected("the signature must cover " + required);
        }
        Map<String, String> params = input.params();
        if (!contentDigestHeader.equals(values.get("content-digest"))) {
            throw new SignatureRejected("the content digest does not match the body");
        }
        if (!"ed25519".equals(params.get("alg")) || params.get("keyid") == null || params.get("created") == null) {
            throw new SignatureRejected("alg=ed25519, keyid and created are required");
        }
        String nonce = params.get("nonce");
        if (nonce == null || nonce.isBlank()) {
            throw new SignatureRejected("a nonce is required");
        }
        Instant created;
        try {
            created = Instant.ofEpochSecond(Long.parseLong(params.get("created")));
        } catch (NumberFormatException | java.time.DateTimeException unreadable) {
            throw new SignatureRejected("created must be a time in seconds");
        }
        if (created.isBefore(now.minus(window)) || created.isAfter(now.plus(Duration.ofMinutes(1)))) {
            throw new SignatureRejected("the signature is not fresh");
        }
        PublicKey key = keys.apply(params.get("keyid"));
        if (key == null) {
            throw new SignatureRejected("unknown key " + params.get("keyid"));
        }
        for (String component : covered) {
            if (!values.containsKey(component)) {
                throw new SignatureRejected("component " + component + " is not available");
            }
        }
        if (!verifies(input, signature, values, key)) {
            throw new SignatureRejected("the signature does not verify");
        }
        return new Verified(params.get("keyid"), nonce, created);
    }

    /** A Signature-Input member, read: label, covered components in order, parameters, and their text. */
    record Parsed(String label, List<String> covered, Map<String, String> params, String signatureParams) {
    }

    static Parsed parse(String signatureInput) {
        Matcher input = INPUT.matcher(signatureInput.trim());
        if (!input.matches()) {
            throw new SignatureRejected("Signature-Input is not understood");
        }
        List<String> covered = new ArrayList<>();
        for (String item : input.group(2).trim().split("\\s+")) {
            if (!item.isEmpty()) {
                covered.add(item.replace("\"", ""));
            }
        }
        Map<String, String> params = new LinkedHashMap<>();
        Matcher param = PARAM.matcher(input.group(3));
        while (param.find()) {
            params.put(param.group(1), param.group(2).replace("\"", ""));
        }
        return new Parsed(input.group(1), List.copyOf(covered), params,
                input.group(0).substring(input.group(1).length() + 1));
    }

    /**
     * Whether {@code signature} (the Signature member of the same label) is an Ed25519 signature by
     * {@code key} over the signature base that the covered components' values and the parameters make
     * (RFC 9421 §2.5, §3.3.6). What a message must cover, and how fresh it must be, is {@link #verify}'s.
     */
    static boolean verifies(Parsed input, String signature, Map<String, String> values, PublicKey key) {
        String prefix = input.label() + "=:";
        String encoded = signature.trim();
        if (!encoded.startsWith(prefix) || !encoded.endsWith(":") || encoded.length() <= prefix.length()) {
            return false;
        }
        Map<String, String> coveredValues = new LinkedHashMap<>();
        for (String component : input.covered()) {
            if (!values.containsKey(component)) {
                return false;
            }
            coveredValues.put(component, values.get(component));
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(base(input.covered(), coveredValues, input.signatureParams()).getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(encoded.substring(prefix.length(), encoded.length() - 1)));
        } catch (GeneralSecurityException | IllegalArgumentException broken) {
            return false;
        }
    }

    /** The signature base of RFC 9421 §2.5: one line per component, then the signature parameters. */
    private static String base(List<String> components, Map<String, String> values, String params) {
        StringBuilder base = new StringBuilder();
        for (String component : components) {
            base.append('"').append(component).append("\": ").append(values.get(component)).append('\n');
        }
        return base.append("\"@signature-params\": ").append(params).toString();
    }

    /** A message whose signature cannot be accepted. */
    public static class SignatureRejected extends RuntimeException {
        public SignatureRejected(String reason) {
            super(reason);
        }
    }
}
