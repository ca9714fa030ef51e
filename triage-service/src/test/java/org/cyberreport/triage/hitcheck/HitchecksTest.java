package org.cyberreport.triage.hitcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.cyberreport.kit.problem.ProblemException;
import org.cyberreport.kit.problem.ProblemKind;
import org.cyberreport.kit.security.Caller;
import org.cyberreport.triage.Fixtures;
import org.junit.jupiter.api.Test;

/** The asking side against answers a partner's platform could give: each query the same size, a bad answer no crash. */
class HitchecksTest {

    private static final Caller OFFICER = new Caller("s", "triage.ma", Set.of(Caller.TRIAGE_OFFICER), "MA", null, null);
    private static final String WALLET = "0x5aeda56215b167893e80b4fe645ba6d5bab767de";

    /** A partner that answers what {@code answer} makes of the blinded elements it receives. */
    private static final class Partner extends PartnerPlatforms {
        final List<List<String>> asked = new ArrayList<>();
        final java.util.function.Function<List<String>, Reply> answer;

        Partner(java.util.function.Function<List<String>, Reply> answer) {
            super(null, null, null);
            this.answer = answer;
        }

        @Override
        Reply ask(String partner, List<String> blinded) {
            asked.add(blinded);
            return answer.apply(blinded);
        }
    }

    private static Hitchecks asking(Partner partner) {
        return new Hitchecks(Fixtures.INDICATORS, null, null, partner, null, 8);
    }

    @Test
    void everyQueryCarriesEightElementsWhateverTheIdentifier() {
        Partner partner = new Partner(blinded -> null);
        for (String[] question : List.of(new String[] {"CRYPTO_ADDRESS", WALLET, "ETHEREUM"},
                new String[] {"URL", "https://bluecoast-invest.com/deposit?ref=1", null})) {
            assertThatThrownBy(() -> asking(partner).ask(OFFICER, "FR", question[0], question[1], question[2], null,
                    "A bank's fraud team called")).isInstanceOf(ProblemException.class);
        }
        assertThat(partner.asked).hasSize(2).allSatisfy(blinded -> assertThat(blinded).hasSize(8).doesNotHaveDuplicates());
    }

    @Test
    void aMalformedAnswerIsUnavailableNeverACrash() {
        List<java.util.function.Function<List<String>, PartnerPlatforms.Reply>> answers = List.of(
                blinded -> null,
                blinded -> new PartnerPlatforms.Reply(null, List.of()),
                blinded -> new PartnerPlatforms.Reply(List.of("AAAA"), List.of()),
                blinded -> new PartnerPlatforms.Reply(Arrays.asList(new String[blinded.size()]), List.of()),
                blinded -> new PartnerPlatforms.Reply(blinded.stream().map(b -> "not base64url!").toList(), List.of()),
                blinded -> new PartnerPlatforms.Reply(blinded.stream().map(b -> "AAAA").toList(), List.of()));
        for (var answer : answers) {
            assertThatThrownBy(() -> asking(new Partner(answer)).ask(OFFICER, "FR", "CRYPTO_ADDRESS", WALLET, "ETHEREUM", null,
                    "A bank's fraud team called"))
                    .isInstanceOfSatisfying(ProblemException.class,
                            refused -> assertThat(refused.kind()).isEqualTo(ProblemKind.SERVICE_UNAVAILABLE));
        }
    }
}
