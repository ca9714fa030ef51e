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
