package org.cyberreport.triage.hitcheck;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECFieldElement;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The oblivious pseudo-random function of RFC 9497, ciphersuite P256-SHA256, base mode (OPRF, mode 0x00),
 * on Bouncy Castle's P-256 arithmetic, with hash-to-curve {@code P256_XMD:SHA-256_SSWU_RO_} of RFC 9380.
 * <p>
 * The holder of a key {@code k} computes F(k, x) for a client without learning x: the client sends
 * {@code r·H(x)} for a random {@code r} ({@link #blind}), the holder answers {@code k·r·H(x)}
 * ({@link #blindEvaluate}), and the client removes {@code r} ({@link #finalize}). Without the holder's key
 * nobody can compute F, so a value of F cannot be tested against guesses offline; each guess costs a
 * query the holder sees, counts and limits. Checked against the RFC's test vectors (Appendix A.3.1).
 */
public final class Oprf {

    private static final X9ECParameters P256 = CustomNamedCurves.getByName("secp256r1");
    private static final ECCurve CURVE = P256.getCurve();
    private static final BigInteger ORDER = P256.getN();
    private static final BigInteger FIELD = CURVE.getField().getCharacteristic();
    private static final byte[] CONTEXT = concat("OPRFV1-".getBytes(StandardCharsets.US_ASCII), new byte[] {0},
            "-P256-SHA256".getBytes(StandardCharsets.US_ASCII));
    private static final byte[] HASH_TO_GROUP_DST = concat("HashToGroup-".getBytes(StandardCharsets.US_ASCII), CONTEXT);
    private static final byte[] HASH_TO_SCALAR_DST = concat("HashToScalar-".getBytes(StandardCharsets.US_ASCII), CONTEXT);
    private static final byte[] DERIVE_KEY_DST = concat("DeriveKeyPair".getBytes(StandardCharsets.US_ASCII), CONTEXT);
    private static final byte[] FINALIZE = "Finalize".getBytes(StandardCharsets.US_ASCII);
    /** SSWU constants of P-256 (RFC 9380, section 8.2): Z = -10. */
    private static final ECFieldElement Z = CURVE.fromBigInteger(FIELD.subtract(BigInteger.TEN));
    private static final SecureRandom RANDOM = new SecureRandom();

    private Oprf() {
    }

    /** A client's blinded input: the random scalar it keeps, and the element it sends (SEC1 compressed). */
    public record Blinded(BigInteger blind, byte[] element) {
    }

    /** DeriveKeyPair of RFC 9497 (section 3.2.1): the secret key from a seed and an info string. */
    public static BigInteger deriveKey(byte[] seed, byte[] info) {
        byte[] deriveInput = concat(seed, i2osp(info.length, 2), info);
        for (int counter = 0; counter < 256; counter++) {
            BigInteger key = hashToScalar(concat(deriveInput, i2osp(counter, 1)), DERIVE_KEY_DST);
            if (key.signum() != 0) {
                return key;
            }
        }
        throw new IllegalStateException("DeriveKeyPairError");
    }

    /** The order of P-256's group: keys and blinds are scalars below it. */
    public static BigInteger order() {
        return ORDER;
    }

    /** A fresh random secret key. */
    public static BigInteger randomKey() {
        return randomScalar();
    }

    public static Blinded blind(byte[] input) {
        return blind(input, randomScalar());
    }

    /** Blind with a given scalar (the RFC's vectors fix it). */
    public static Blinded blind(byte[] input, BigInteger blind) {
        if (blind.signum() <= 0 || blind.compareTo(ORDER) >= 0) {
            throw new IllegalArgumentException("A blind is a scalar between 1 and the group order");
        }
        ECPoint inputElement = hashToGroup(input);
        if (inputElement.isInfinity()) {
            throw new IllegalArgumentException("InvalidInputError");
        }
        return new Blinded(blind, inputElement.multiply(blind).normalize().getEncoded(true));
    }

    /** The key holder's part: k times the blinded element, which must be a point of P-256 other than the identity. */
    public static byte[] blindEvaluate(BigInteger key, byte[] blindedElement) {
        return deserialize(blindedElement).multiply(key).normalize().getEncoded(true);
    }

    /** The client's last step: F(k, input) from the holder's answer. */
    public static byte[] finalize(byte[] input, BigInteger blind, byte[] evaluatedElement) {
        ECPoint unblinded = deserialize(evaluatedElement).multiply(blind.modInverse(ORDER)).normalize();
        return output(input, unblinded.getEncoded(true));
    }

    /** F(k, input) computed by the key holder itself (RFC 9497, section 3.3.1's Evaluate). */
    public static byte[] evaluate(BigInteger key, byte[] input) {
        ECPoint element = hashToGroup(input);
        if (element.isInfinity()) {
            throw new IllegalArgumentException("InvalidInputError");
        }
        return output(input, element.multiply(key).normalize().getEncoded(true));
    }

    private static byte[] output(byte[] input, byte[] element) {
        if (input.length > 0xffff) {
            throw new IllegalArgumentException("InvalidInputError: an input is at most 65,535 bytes");
        }
        return sha256(concat(i2osp(input.length, 2), input, i2osp(element.length, 2), element, FINALIZE));
    }

    /** A point of P-256 from its SEC1 encoding; the identity and anything off the curve are refused. */
    static ECPoint deserialize(byte[] encoded) {
        ECPoint point;
        try {
            point = CURVE.decodePoint(encoded);
        } catch (RuntimeException notAPoint) {
            throw new IllegalArgumentException("DeserializeError: not a point of P-256");
        }
        if (point.isInfinity() || !point.isValid()) {
            throw new IllegalArgumentException("DeserializeError: not a point of P-256");
        }
        return point;
    }

    static ECPoint hashToGroup(byte[] input) {
        if (input.length > 0xffff) {
            throw new IllegalArgumentException("InvalidInputError: an input is at most 65,535 bytes");
        }
        BigInteger[] u = hashToField(input, HASH_TO_GROUP_DST, FIELD, 2);
        return mapToCurve(u[0]).add(mapToCurve(u[1])).normalize(); // cofactor 1
    }

    static BigInteger hashToScalar(byte[] input, byte[] dst) {
        return hashToField(input, dst, ORDER, 1)[0];
    }

    /** hash_to_field of RFC 9380 (section 5.2) with expand_message_xmd and SHA-256, L = 48. */
    private static BigInteger[] hashToField(byte[] message, byte[] dst, BigInteger modulus, int count) {
        int length = 48;
        byte[] uniform = expandMessageXmd(message, dst, count * length);
        BigInteger[] elements = new BigInteger[count];
        for (int i = 0; i < count; i++) {
            elements[i] = new BigInteger(1, Arrays.copyOfRange(uniform, i * length, (i + 1) * length)).mod(modulus);
        }
        return elements;
    }

    /** expand_message_xmd of RFC 9380 (section 5.3.1) with SHA-256. */
    static byte[] expandMessageXmd(byte[] message, byte[] dst, int length) {
        int ell = (length + 31) / 32;
        if (ell > 255 || dst.length > 255) {
            throw new IllegalArgumentException("expand_message_xmd: length or DST too long");
        }
        byte[] dstPrime = concat(dst, i2osp(dst.length, 1));
        byte[] b0 = sha256(concat(new byte[64], message, i2osp(length, 2), new byte[] {0}, dstPrime));
        ByteArrayOutputStream uniform = new ByteArrayOutputStream();
        byte[] previous = sha256(concat(b0, new byte[] {1}, dstPrime));
        uniform.writeBytes(previous);
        for (int i = 2; i <= ell; i++) {
            byte[] mixed = new byte[32];
            for (int j = 0; j < 32; j++) {
                mixed[j] = (byte) (b0[j] ^ previous[j]);
            }
            previous = sha256(concat(mixed, i2osp(i, 1), dstPrime));
            uniform.writeBytes(previous);
        }
        return Arrays.copyOf(uniform.toByteArray(), length);
    }

    /** The simplified SWU map of RFC 9380 (section 6.6.2) for P-256 (p = 3 mod 4). */
    private static ECPoint mapToCurve(BigInteger uValue) {
        ECFieldElement u = CURVE.fromBigInteger(uValue);
        ECFieldElement a = CURVE.getA();
        ECFieldElement b = CURVE.getB();
        ECFieldElement zu2 = Z.multiply(u.square());
        ECFieldElement denominator = zu2.square().add(zu2);
        ECFieldElement x1 = denominator.isZero() ? b.divide(Z.multiply(a))
                : b.negate().divide(a).multiply(CURVE.fromBigInteger(BigInteger.ONE).add(denominator.invert()));
        ECFieldElement gx1 = x1.square().add(a).multiply(x1).add(b);
        ECFieldElement x;
        ECFieldElement y;
        ECFieldElement root = gx1.sqrt();
        if (root != null) {
            x = x1;
            y = root;
        } else {
            x = zu2.multiply(x1);
            y = x.square().add(a).multiply(x).add(b).sqrt();
        }
        if (u.toBigInteger().testBit(0) != y.toBigInteger().testBit(0)) {
            y = y.negate();
        }
        return CURVE.createPoint(x.toBigInteger(), y.toBigInteger());
    }

    private static BigInteger randomScalar() {
        BigInteger scalar;
        do {
            scalar = new BigInteger(ORDER.bitLength(), RANDOM);
        } while (scalar.signum() == 0 || scalar.compareTo(ORDER) >= 0);
        return scalar;
    }

    static byte[] i2osp(int value, int length) {
        byte[] bytes = new byte[length];
        for (int i = length - 1; i >= 0; i--) {
            bytes[i] = (byte) (value & 0xff);
            value >>>= 8;
        }
        return bytes;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
