package org.cyberreport.triage.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.cyberreport.triage.Fixtures;
import org.cyberreport.triage.report.ReportFacts;
import org.junit.jupiter.api.Test;

class IndicatorNormaliserTest {

    @Test
    void normalisesIbansWhateverTheSpacingAndCase() {
        assertThat(IndicatorNormaliser.iban("fr76 3000 6000 0112 3456 7890 189"))
                .contains("iban:FR7630006000011234567890189");
    }

    @Test
    void normalisesAccountNumbers() {
        assertThat(IndicatorNormaliser.account("12-3456 78/9")).contains("account:123456789");
    }

    @Test
    void normalisesWalletsByChain() {
        assertThat(IndicatorNormaliser.wallet("ETHEREUM", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"))
                .contains("wallet:evm:0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");
        assertThat(IndicatorNormaliser.wallet("POLYGON", "0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED"))
                .as("one EVM account on every EVM chain").contains("wallet:evm:0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");
        assertThat(IndicatorNormaliser.wallet("BITCOIN", "BC1QAR0SRRR7XFKVY5L643LYDNW9RE59GTZZWF5MDQ"))
                .contains("wallet:bitcoin:bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq");
        assertThat(IndicatorNormaliser.wallet("TRON", " TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t "))
                .as("Base58 keeps its case").contains("wallet:tron:TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t");
    }

    @Test
    void normalisesEmails() {
        assertThat(IndicatorNormaliser.email(" Support@BlueCoast-Invest.COM ")).contains("email:support@bluecoast-invest.com");
        assertThat(IndicatorNormaliser.email("no-at-sign")).isEmpty();
    }

    @Test
    void normalisesPhoneNumbersToE164() {
        assertThat(IndicatorNormaliser.phone("+212 6 12-34-56-78")).contains("phone:+212612345678");
        assertThat(IndicatorNormaliser.phone("0612345678")).as("no country: not comparable").isEmpty();
    }

    @Test
    void normalisesDomainsAndTheHostsOfUrls() {
        assertThat(IndicatorNormaliser.domain("https://WWW.Bluecoast-Invest.com/login?x=1")).contains("domain:bluecoast-invest.com");
        assertThat(IndicatorNormaliser.domain("bluecoast-invest.com.")).contains("domain:bluecoast-invest.com");
        assertThat(IndicatorNormaliser.domain("bücher.example")).contains("domain:xn--bcher-kva.example");
        assertThat(IndicatorNormaliser.domain("http://198.51.100.7:8080/panel")).contains("ip:198.51.100.7");
    }

    @Test
    void normalisesIpAddressesWithoutLookingNamesUp() {
        assertThat(IndicatorNormaliser.ip("198.51.100.7")).contains("ip:198.51.100.7");
        assertThat(IndicatorNormaliser.ip("2001:0db8:0000:0000:0000:0000:0000:0001")).contains("ip:2001:db8::1");
        assertThat(IndicatorNormaliser.ip("example.com")).isEmpty();
    }

    @Test
    void normalisesHandlesWithTheirPlatform() {
        assertThat(IndicatorNormaliser.handle("Instagram", "@Lisa.Crypto.Mentor")).contains("handle:instagram:lisa.crypto.mentor");
        assertThat(IndicatorNormaliser.handle(null, "lisa")).contains("handle:lisa");
    }

    @Test
    void collectsTheIndicatorsOfAReportFromSubjectsPaymentsAndTransfers() {
        ReportFacts facts = new ReportFacts("CRYPTO", "MA", Fixtures.NOW, Fixtures.NOW, List.of(),
                List.of(new ReportFacts.Subject("EMAIL", "A@B.example", null, null),
                        new ReportFacts.Subject("NAME", "John Doe", null, null),
                        new ReportFacts.Subject("URL", "https://www.scam.example/x", null, null)),
                List.of(new ReportFacts.Transaction("BANK_TRANSFER", null, Fixtures.NOW, null, new ReportFacts.Party("FR76 3000 6000 0112 3456 7890 189", null, null, null, null, null, "FR"), null, "COMPLETED")),
                null, null, null, null,
                new ReportFacts.Crypto("RUG_PULL", List.of(new ReportFacts.Transfer("ETHEREUM", "ETH", null,
                        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", Fixtures.NOW))), null);

        assertThat(Indicators.of(facts)).isEqualTo(Set.of("email:a@b.example", "domain:scam.example",
                "iban:FR7630006000011234567890189", "wallet:evm:0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"));
    }
}
