package org.cyberreport.triage.hitcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** RFC 9497, Appendix A.3.1: OPRF(P-256, SHA-256), mode 0x00, its two test vectors. */
class OprfTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final String KEY = "159749d750713afe245d2d39ccfaae8381c53ce92d098a9375ee70739c7ac0bf";
    private static final BigInteger BLIND = new BigInteger("3338fa65ec36e0290022b48eb562889d89dbfa691d1cde91517fa222ed7ad364", 16);

    @Test
    void theKeyDerivesFromTheSeedAndInfo() {
        byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) 0xa3);
        assertThat(Oprf.deriveKey(seed, "test key".getBytes(StandardCharsets.US_ASCII)).toString(16)).isEqualTo(KEY);
    }

    @Test
    void testVector1() {
        vector("00", "03723a1e5c09b8b9c18d1dcbca29e8007e95f14f4732d9346d490ffc195110368d",
                "030de02ffec47a1fd53efcdd1c6faf5bdc270912b8749e783c7ca75bb412958832",
                "a0b34de5fa4c5b6da07e72af73cc507cceeb48981b97b7285fc375345fe495dd");
    }

    @Test
    void testVector2() {
        vector("5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a", "03cc1df781f1c2240a64d1c297b3f3d16262ef5d4cf102734882675c26231b0838",
                "03a0395fe3828f2476ffcd1f4fe540e5a8489322d398be3c4e5a869db7fcb7c52c",
                "c748ca6dd327f0ce85f4ae3a8cd6d4d5390bbb804c9e12dcf94f853fece3dcce");
    }

    @Test
    void aRandomBlindGivesTheSameOutputAsTheHoldersOwnEvaluation() {
        BigInteger key = Oprf.randomKey();
        byte[] input = "+212612345678".getBytes(StandardCharsets.UTF_8);
        Oprf.Blinded blinded = Oprf.blind(input);
        byte[] output = Oprf.finalize(input, blinded.blind(), Oprf.blindEvaluate(key, blinded.element()));
        assertThat(output).isEqualTo(Oprf.evaluate(key, input));
        assertThat(Oprf.blind(input).element()).as("each blinding looks different").isNotEqualTo(blinded.element());
        assertThat(Oprf.evaluate(Oprf.randomKey(), input)).as("another key, another function").isNotEqualTo(output);
    }

    @Test
    void whatIsNotAPointIsRefused() {
        BigInteger key = Oprf.randomKey();
        assertThatIllegalArgumentException().isThrownBy(() -> Oprf.blindEvaluate(key, new byte[33]));
        assertThatIllegalArgumentException().isThrownBy(() -> Oprf.blindEvaluate(key, HEX.parseHex("00")));
        byte[] offCurve = HEX.parseHex("02" + "ff".repeat(32));
        assertThatIllegalArgumentException().isThrownBy(() -> Oprf.blindEvaluate(key, offCurve));
    }

    private static void vector(String input, String blindedElement, String evaluationElement, String output) {
        BigInteger key = new BigInteger(KEY, 16);
        byte[] in = HEX.parseHex(input);
        Oprf.Blinded blinded = Oprf.blind(in, BLIND);
        assertThat(HEX.formatHex(blinded.element())).isEqualTo(blindedElement);
        byte[] evaluated = Oprf.blindEvaluate(key, blinded.element());
        assertThat(HEX.formatHex(evaluated)).isEqualTo(evaluationElement);
        assertThat(HEX.formatHex(Oprf.finalize(in, BLIND, evaluated))).isEqualTo(output);
        assertThat(HEX.formatHex(Oprf.evaluate(key, in))).isEqualTo(output);
    }
}
