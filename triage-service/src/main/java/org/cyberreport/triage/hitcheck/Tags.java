package org.cyberreport.triage.hitcheck;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * What the holder's table keeps of one identifier, derived from the OPRF's output {@code F(k, identifier)}
 * only: a tag to match on (128 bits of a hash of the output) and the holder's reference sealed with
 * AES-256-GCM under a key hashed from the same output. Whoever lacks the output (the holder's key, or
 * an oblivious evaluation of that very identifier) can neither match a tag nor open a reference.
 */
final class Tags {

    private static final byte[] TAG = "cyberreport hit/no-hit tag v1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEAL = "cyberreport hit/no-hit seal v1".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Tags() {
    }

    static String tag(byte[] output) {
        return ENCODER.encodeToString(Arrays.copyOf(sha256(TAG, output), 16));
    }

    static String seal(byte[] output, String reference) {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, output, nonce);
            byte[] sealed = cipher.doFinal(reference.getBytes(StandardCharsets.UTF_8));
            byte[] whole = new byte[12 + sealed.length];
            System.arraycopy(nonce, 0, whole, 0, 12);
            System.arraycopy(sealed, 0, whole, 12, sealed.length);
            return ENCODER.encodeToString(whole);
        } catch (GeneralSecurityException unexpected) {
            throw new IllegalStateException(unexpected);
        }
    }

    /** The reference, when the output is the one it was sealed under. */
    static Optional<String> open(byte[] output, String sealed) {
        try {
            byte[] whole = DECODER.decode(sealed);
            if (whole.length < 12 + 16) {
                return Optional.empty();
            }
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, output, Arrays.copyOf(whole, 12));
            return Optional.of(new String(cipher.doFinal(whole, 12, whole.length - 12), StandardCharsets.UTF_8));
        } catch (AEADBadTagException | IllegalArgumentException notThisOne) {
            return Optional.empty();
        } catch (GeneralSecurityException unexpected) {
            throw new IllegalStateException(unexpected);
        }
    }

    private static Cipher cipher(int mode, byte[] output, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(sha256(SEAL, output), "AES"), new GCMParameterSpec(128, nonce));
        return cipher;
    }

    private static byte[] sha256(byte[] label, byte[] output) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(label);
            return digest.digest(output);
        } catch (NoSuchAlgorithmException unexpected) {
            throw new IllegalStateException(unexpected);
        }
    }
}
