package org.cyberreport.triage.casework.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.cyberreport.triage.Fixtures;
import org.cyberreport.triage.casework.TriageCase;
import org.junit.jupiter.api.Test;

class SharedIdentifiersTest {

    private static final String WALLET = "wallet:evm:0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed";
    private static final String IBAN = "iban:FR7630006000011234567890189";
    private static final String PHONE = "phone:+212612345678";

    @Test
    void anIdentifierHeldByTwoOrMoreMembersIsListedWithItsCasesAndOneHeldByOneIsNot() {
        List<TriageCase> members = List.of(aCase("ma-1", "MA", WALLET, PHONE), aCase("ma-2", "MA", WALLET),
                aCase("fr-1", "FR", WALLET, IBAN));

        SharedIdentifiers shared = SharedIdentifiers.among(members, "MA", SharedIdentifiers.LIMIT);

        assertThat(shared.listed()).containsExactly(new SharedIdentifiers.Shared("WALLET",
                "evm:0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", false,
                List.of("MA-2026-ma-1", "MA-2026-ma-2", "FR-2026-fr-1")));
        assertThat(shared.unlisted()).isZero();
    }

    @Test
    void anIdentifierHeldOnlyByCasesAbroadIsGivenByItsTypeWithoutItsValue() {
        List<TriageCase> members = List.of(aCase("ma-1", "MA", WALLET), aCase("fr-1", "FR", WALLET, IBAN),
                aCase("es-1", "ES", IBAN));

        SharedIdentifiers shared = SharedIdentifiers.among(members, "MA", SharedIdentifiers.LIMIT);

        assertThat(shared.listed()).containsExactly(
                new SharedIdentifiers.Shared("WALLET", "evm:0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", false,
                        List.of("MA-2026-ma-1", "FR-2026-fr-1")),
                new SharedIdentifiers.Shared("IBAN", null, true, List.of("FR-2026-fr-1", "ES-2026-es-1")));
        assertThat(shared.toString()).doesNotContain("FR7630006000011234567890189");
        assertThat(SharedIdentifiers.among(members, "FR", SharedIdentifiers.LIMIT).listed())
                .as("the same cluster seen from France").allMatch(identifier -> identifier.value() != null);
    }

    @Test
    void theMostWidelySharedComeFirstAndTheRestBeyondTheLimitAreCounted() {
        List<TriageCase> members = IntStream.rangeClosed(1, 6).mapToObj(i -> aCase("ma-" + i, "MA",
                i <= 2 ? IBAN : "account:12345678", WALLET, "email:x" + (i % 3) + "@example.com")).toList();

        SharedIdentifiers shared = SharedIdentifiers.among(members, "MA", 3);

        assertThat(shared.listed()).extracting(SharedIdentifiers.Shared::type).containsExactly("WALLET", "ACCOUNT", "EMAIL");
        assertThat(shared.listed().getFirst().cases()).hasSize(6);
        assertThat(shared.listed().get(1).cases()).hasSize(4);
        assertThat(shared.unlisted()).as("two more e-mails and the IBAN").isEqualTo(3);
    }

    private static TriageCase aCase(String id, String country, String... keys) {
        return TriageCase.open(Fixtures.aHandoff(id, 1, country, Fixtures.aPlainFraud()), "{}", Set.of(keys), Fixtures.NOW);
    }
}
