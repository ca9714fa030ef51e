package org.cyberreport.triage.hitcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.cyberreport.triage.correlation.IndicatorNormaliser;
import org.junit.jupiter.api.Test;

/**
 * What each side of a hit/no-hit exchange keeps, and that neither can confirm a guessed phone number from
 * it: the holder keeps (at most) the blinded elements it was sent, the asker the holder's table.
 */
class HitcheckPrivacyTest {

    private static final BigInteger HOLDER = Oprf.randomKey();

    private static String phoneKey(String number) {
        return IndicatorNormaliser.phone(number).orElseThrow();
    }

    /** Ten numbers a guesser would try, the asked one among them. */
    private static List<String> guesses() {
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            numbers.add(phoneKey("+212 6 00 00 00 " + (10 + i)));
        }
        return numbers;
    }

    @Test
    void the_holder_cannot_confirm_a_guessed_number_from_the_blinded_element_it_received() throws Exception {
        String asked = guesses().get(3);
        Oprf.Blinded first = Oprf.blind(asked.getBytes(StandardCharsets.UTF_8));
        Oprf.Blinded second = Oprf.blind(asked.getBytes(StandardCharsets.UTF_8));
        // the same number asked twice looks like two unrelated random points
        assertThat(first.element()).isNotEqualTo(second.element());
        byte[] evaluated = Oprf.blindEvaluate(HOLDER, first.element());

        // the holder, with its key, tries every guess against what it received and what it answered
        for (String guess : guesses()) {
            byte[] input = guess.getBytes(StandardCharsets.UTF_8);
            byte[] guessedOutput = Oprf.evaluate(HOLDER, input);
            byte[] guessedBlindless = Oprf.blind(input, BigInteger.ONE).element(); // H(guess), no blind
            byte[] guessedKeyed = Oprf.blindEvaluate(HOLDER, guessedBlindless);   // k * H(guess)
            for (byte[] kept : List.of(first.element(), evaluated)) {
                assertThat(kept).isNotEqualTo(guessedBlindless).isNotEqualTo(guessedKeyed);
                assertThat(HexFormat.of().formatHex(kept)).doesNotContain(HexFormat.of().formatHex(guessedOutput))
                        .doesNotContain(HexFormat.of().formatHex(sha256(input)));
                assertThat(new String(kept, StandardCharsets.ISO_8859_1)).doesNotContain(guess);
            }
        }
        // while the asker, who holds the blind, does obtain the function's value
        assertThat(Oprf.finalize(asked.getBytes(StandardCharsets.UTF_8), first.blind(), evaluated))
                .isEqualTo(Oprf.evaluate(HOLDER, asked.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void the_asker_cannot_confirm_a_guessed_number_from_the_table_it_received() {
        String held = guesses().get(5);
        byte[] heldOutput = Oprf.evaluate(HOLDER, held.getBytes(StandardCharsets.UTF_8));
        HitTable.Entry entry = new HitTable.Entry(Tags.tag(heldOutput), Tags.seal(heldOutput, "FR-CASE-0042"));

        // without the holder's key, no guess yields the tag or opens the reference: not an unkeyed hash,
        // not the function under any other key
        BigInteger otherKey = Oprf.randomKey();
        for (String guess : guesses()) {
            byte[] input = guess.getBytes(StandardCharsets.UTF_8);
            for (byte[] candidate : List.of(sha256(input), input, Oprf.evaluate(otherKey, input))) {
                assertThat(Tags.tag(candidate)).isNotEqualTo(entry.tag());
                assertThat(Tags.open(candidate, entry.sealed())).isEmpty();
            }
        }
        // only an evaluation by the holder (online: signed, rate-limited and audited there) does
        Oprf.Blinded asked = Oprf.blind(held.getBytes(StandardCharsets.UTF_8));
        byte[] output = Oprf.finalize(held.getBytes(StandardCharsets.UTF_8), asked.blind(),
                Oprf.blindEvaluate(HOLDER, asked.element()));
        assertThat(Tags.tag(output)).isEqualTo(entry.tag());
        assertThat(Tags.open(output, entry.sealed())).contains("FR-CASE-0042");
    }

    @Test
    void a_reference_sealed_under_one_identifier_does_not_open_under_another() {
        byte[] one = Oprf.evaluate(HOLDER, guesses().get(0).getBytes(StandardCharsets.UTF_8));
        byte[] other = Oprf.evaluate(HOLDER, guesses().get(1).getBytes(StandardCharsets.UTF_8));
        String sealed = Tags.seal(one, "FR-CASE-7");
        assertThat(Tags.open(one, sealed)).contains("FR-CASE-7");
        assertThat(Tags.open(other, sealed)).isEmpty();
        assertThat(Tags.open(one, "not-base64url!")).isEmpty();
        assertThat(Tags.tag(one)).isNotEqualTo(Tags.tag(other));
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (Exception impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
