package org.cyberreport.cooperation.forwarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MessageSignaturesTest {

    private static final List<String> COMPONENTS = List.of("@method", "@path", "content-digest", "content-type");
    private static final URI TARGET = URI.create("https://partner.example/api/cooperation/callbacks/FR");
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    private final KeyPair partner = generate();
    private final KeyPair stranger = generate();

    /**
     * RFC 9421's own Ed25519 example (appendix B.2.6, key test-key-ed25519 of B.1.4): the signature base
     * that this class builds from the example's components and parameters is the one the RFC's signature
     * was made over, so the RFC's signature verifies here; a changed component or another key does not.
     */
    @Test
    void verifiesRfc9421sOwnEd25519Example() throws Exception {
        java.security.PublicKey rfcKey = java.security.KeyFactory.getInstance("Ed25519").generatePublic(
                new java.security.spec.X509EncodedKeySpec(java.util.Base64.getDecoder().decode(
                        "MCowBQYDK2VwAyEAJrQLj5P/89iXES9+vFgrIy29clF9CC/oPPsw3c5D0bs=")));
        Map<String, String> values = Map.of("date", "Tue, 20 Apr 2021 02:07:55 GMT", "@method", "POST", "@path", "/foo",
                "@authority", "example.com", "content-type", "application/json", "content-length", "18");
        MessageSignatures.Parsed input = MessageSignatures.parse("sig-b26=(\"date\" \"@method\" \"@path\" \"@authority\" "
                + "\"content-type\" \"content-length\");created=1618884473;keyid=\"test-key-ed25519\"");
        String signature = "sig-b26=:wqcAqbmYJ2ji2glfAMaRy4gruYYnx2nEFN2HN6jrnDnQCK1u02Gb04v9EDgwUPiu4A0w6vuQv5lIp5WPpBKRCw==:";

        assertThat(input.label()).isEqualTo("sig-b26");
        assertThat(input.covered()).containsExactly("date", "@method", "@path", "@authority", "content-type", "content-length");
        assertThat(input.params()).containsEntry("created", "1618884473").containsEntry("keyid", "test-key-ed25519");
        assertThat(MessageSignatures.verifies(input, signature, values, rfcKey)).isTrue();

        Map<String, String> changed = new java.util.HashMap<>(values);
        changed.put("@path", "/bar");
        assertThat(MessageSignatures.verifies(input, signature, changed, rfcKey)).isFalse();
        assertThat(MessageSignatures.verifies(input, signature, values, partner.getPublic())).isFalse();
        assertThat(MessageSignatures.verifies(input, signature.replace("sig-b26", "sig1"), values, rfcKey)).isFalse();
    }

    @Test
    void verifiesWhatWasSigned() {
        byte[] body = "{\"action\":\"ANSWER\"}".getBytes(StandardCharsets.UTF_8);
        var signed = sign(partner, body, NOW);

        var verified = verify(body, signed, NOW.plusSeconds(30), partner);

        assertThat(verified.keyId()).isEqualTo("fr-2026");
        assertThat(verified.nonce()).isEqualTo("n-1");
    }

    @Test
    void refusesATamperedBody() {
        var signed = sign(partner, "{\"action\":\"ANSWER\"}".getBytes(StandardCharsets.UTF_8), NOW);
        byte[] tampered = "{\"action\":\"REFUSE\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> verify(tampered, signed, NOW, partner)).hasMessageContaining("digest");
        var forgedDigest = new MessageSignatures.Signed(MessageSignatures.contentDigest(tampered), signed.signatureInput(),
                signed.signature());
        assertThatThrownBy(() -> verify(tampered, forgedDigest, NOW, partner)).hasMessageContaining("does not verify");
    }

    @Test
    void refusesAnOldSignatureAnotherKeyAndAMissingNonce() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> verify(body, sign(partner, body, NOW.minus(Duration.ofMinutes(10))), NOW, partner))
                .hasMessageContaining("fresh");
        assertThatThrownBy(() -> verify(body, sign(stranger, body, NOW), NOW, partner)).hasMessageContaining("does not verify");
        var noNonce = sign(partner, body, NOW);
        var stripped = new MessageSignatures.Signed(noNonce.contentDigest(),
                noNonce.signatureInput().replace(";nonce=\"n-1\"", ""), noNonce.signature());
        assertThatThrownBy(() -> verify(body, stripped, NOW, partner)).hasMessageContaining("nonce");
        // a creation time that is no number, or out of every range, is a refusal like any other (not a crash)
        for (String created : List.of("x", "99999999999999999999", "-9223372036854775808")) {
            var odd = new MessageSignatures.Signed(noNonce.contentDigest(),
                    noNonce.signatureInput().replaceAll("created=\\d+", "created=" + created), noNonce.signature());
            assertThatThrownBy(() -> verify(body, odd, NOW, partner)).as(created)
                    .isInstanceOf(MessageSignatures.SignatureRejected.class);
        }
    }

    @Test
    void requiresTheComponentsTheReceiverNeeds() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        var partial = MessageSignatures.sign(List.of("content-digest"), MessageSignatures.values("POST", TARGET,
                "application/json", body), partner.getPrivate(), "fr-2026", NOW, "n-2");

        assertThatThrownBy(() -> verify(body, partial, NOW, partner)).hasMessageContaining("must cover");
    }

    private static MessageSignatures.Signed sign(KeyPair keys, byte[] body, Instant created) {
        return MessageSignatures.sign(COMPONENTS, MessageSignatures.values("POST", TARGET, "application/json", body),
                keys.getPrivate(), "fr-2026", created, "n-1");
    }

    private static MessageSignatures.Verified verify(byte[] body, MessageSignatures.Signed signed, Instant now, KeyPair keys) {
        Map<String, String> values = MessageSignatures.values("POST", TARGET, "application/json", body);
        return MessageSignatures.verify(COMPONENTS, values, signed.signatureInput(), signed.signature(),
                signed.contentDigest(), keyId -> keyId.equals("fr-2026") ? keys.getPublic() : null, now, Duration.ofMinutes(5));
    }

    private static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
