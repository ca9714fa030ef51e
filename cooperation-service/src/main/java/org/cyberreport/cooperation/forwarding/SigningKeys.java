package org.cyberreport.cooperation.forwarding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;

/**
 * The platform's Ed25519 key pair for signing what it sends abroad. In deployment both halves come
 * from the secret store ({@code COOPERATION_SIGNING_PRIVATE_KEY}, PKCS#8, and
 * {@code COOPERATION_SIGNING_PUBLIC_KEY}, X.509, both Base64); for local development a pair is made
 * once and kept in the data folder, in a file whose name says what it is.
 */
public final class SigningKeys {

    private final String keyId;
    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private SigningKeys(String keyId, PrivateKey privateKey, PublicKey publicKey) {
        this.keyId = keyId;
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    public static SigningKeys load(String keyId, String privateKey, String publicKey, Path localDevelopmentKeyFile) {
        try {
            if (privateKey != null && !privateKey.isBlank()) {
                return from(keyId, privateKey, publicKey);
            }
            if (Files.exists(localDevelopmentKeyFile)) {
                List<String> lines = Files.readAllLines(localDevelopmentKeyFile);
                return from(keyId, lines.get(0), lines.get(1));
            }
            KeyPair fresh = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            Files.createDirectories(localDevelopmentKeyFile.getParent());
            Files.writeString(localDevelopmentKeyFile, encode(fresh.getPrivate().getEncoded()) + "\n"
                    + encode(fresh.getPublic().getEncoded()) + "\n");
            return new SigningKeys(keyId, fresh.getPrivate(), fresh.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Unusable signing key", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SigningKeys from(String keyId, String privateKey, String publicKey) throws GeneralSecurityException {
        if (publicKey == null || publicKey.isBlank()) {
            throw new IllegalStateException("The signing key's public half is missing (COOPERATION_SIGNING_PUBLIC_KEY)");
        }
        KeyFactory ed25519 = KeyFactory.getInstance("Ed25519");
        SigningKeys keys = new SigningKeys(keyId,
                ed25519.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKey.trim()))),
                ed25519.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey.trim()))));
        byte[] probe = "cyberreport signing key check".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(keys.privateKey);
        signer.update(probe);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(keys.publicKey);
        verifier.update(probe);
        if (!verifier.verify(signature)) {
            throw new IllegalStateException("The signing key's private and public halves do not belong together");
        }
        return keys;
    }

    /** Reads a partner's Ed25519 public key (X.509, Base64), as kept in the directory. */
    public static PublicKey publicKey(String base64) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64.trim())));
        } catch (GeneralSecurityException | IllegalArgumentException unusable) {
            return null;
        }
    }

    private static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    public String keyId() {
        return keyId;
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public String publicKeyBase64() {
        return encode(publicKey.getEncoded());
    }
}
