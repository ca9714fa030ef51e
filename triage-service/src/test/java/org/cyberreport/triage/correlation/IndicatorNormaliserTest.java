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
    void normalisesDomainsToTheirRegistrableDomain() {
        assertThat(IndicatorNormaliser.domain("https://WWW.Bluecoast-Invest.com/login?x=1")).contains("domain:bluecoast-invest.com");
        assertThat(IndicatorNormaliser.domain("bluecoast-invest.com.")).contains("domain:bluecoast-invest.com");
        assertThat(IndicatorNormaliser.domain("secure.login.bluecoast-invest.com")).contains("domain:bluecoast-invest.com");
        assertThat(IndicatorNormaliser.domain("bücher.de")).contains("domain:xn--bcher-kva.de");
        assertThat(IndicatorNormaliser.domain("http://198.51.100.7:8080/panel")).contains("ip:198.51.100.7");
    }

    @Test
    void findsRegistrableDomainsUnderMultiPartPublicSuffixes() {
        assertThat(IndicatorNormaliser.registrable("shop.bluecoast.co.uk")).isEqualTo("bluecoast.co.uk");
        assertThat(IndicatorNormaliser.registrable("portail.douane.gov.ma")).isEqualTo("douane.gov.ma");
        assertThat(IndicatorNormaliser.registrable("www.example.com.br")).isEqualTo("example.com.br");
        assertThat(IndicatorNormaliser.registrable("fake-bank.blogspot.com"))
                .as("a private suffix: each blog is its own registrant").isEqualTo("fake-bank.blogspot.com");
        assertThat(IndicatorNormaliser.registrable("gov.ma")).as("a public suffix stays as it is").isEqualTo("gov.ma");
        assertThat(IndicatorNormaliser.domain("http://mail.example.co.uk/")).contains("domain:example.co.uk");
    }

    @Test
    void aUrlElsewhereIsThePageAndItsRegistrableDomain() {
        assertThat(IndicatorNormaliser.url("https://WWW.Bluecoast-Invest.com/login/?ref=7&utm_source=sms#top").keys())
                .containsExactly("url:bluecoast-invest.com/login?ref=7", "domain:bluecoast-invest.com");
        assertThat(IndicatorNormaliser.url("http://bluecoast-invest.com/login").keys())
                .as("the scheme does not matter").contains("url:bluecoast-invest.com/login");
        assertThat(IndicatorNormaliser.url("bluecoast-invest.co.uk").keys())
                .as("a bare host is its domain only").containsExactly("domain:bluecoast-invest.co.uk");
        assertThat(IndicatorNormaliser.url("http://pay.bluecoast.co.uk:8443/a").keys())
                .containsExactly("url:pay.bluecoast.co.uk:8443/a", "domain:bluecoast.co.uk");
        assertThat(IndicatorNormaliser.url("http://198.51.100.7:8080/panel").keys())
                .containsExactly("url:198.51.100.7:8080/panel", "ip:198.51.100.7");
        assertThat(IndicatorNormaliser.url("not a url at all").keys()).isEmpty();
    }

    @Test
    void aFacebookUrlIsTheProfileItPointsTo() {
        assertThat(IndicatorNormaliser.url("https://www.facebook.com/Lisa.Crypto.Mentor/").keys())
                .containsExactly("handle:facebook:lisa.crypto.mentor");
        assertThat(IndicatorNormaliser.url("https://m.facebook.com/profile.php?id=100012345678&ref=x").keys())
                .containsExactly("handle:facebook:100012345678");
        assertThat(IndicatorNormaliser.url("https://facebook.com/people/Lisa-Mentor/100012345678").keys())
                .containsExactly("handle:facebook:100012345678");
        assertThat(IndicatorNormaliser.url("https://facebook.com/groups/cryptowins").keys())
                .containsExactly("handle:facebook:groups/cryptowins");
        IndicatorNormaliser.UrlKeys home = IndicatorNormaliser.url("https://www.facebook.com/");
        assertThat(home.keys()).as("the platform itself links nothing").isEmpty();
        assertThat(home.platformWithoutAccount()).contains("facebook.com");
        assertThat(IndicatorNormaliser.url("https://facebook.com/login.php").keys()).isEmpty();
    }

    @Test
    void aTelegramUrlIsTheChannelOrTheInvitation() {
        assertThat(IndicatorNormaliser.url("https://t.me/CryptoSignalsVIP").keys()).containsExactly("handle:telegram:cryptosignalsvip");
        assertThat(IndicatorNormaliser.url("t.me/s/CryptoSignalsVIP").keys()).containsExactly("handle:telegram:cryptosignalsvip");
        assertThat(IndicatorNormaliser.url("https://telegram.me/CryptoSignalsVIP").keys()).containsExactly("handle:telegram:cryptosignalsvip");
        assertThat(IndicatorNormaliser.url("https://t.me/+AbCdEf123").keys())
                .as("invitations keep their case").containsExactly("handle:telegram:invite:AbCdEf123");
        assertThat(IndicatorNormaliser.url("https://t.me/joinchat/AbCdEf123").keys()).containsExactly("handle:telegram:invite:AbCdEf123");
        assertThat(IndicatorNormaliser.url("https://t.me/+212612345678").keys()).containsExactly("phone:+212612345678");
        assertThat(IndicatorNormaliser.url("https://t.me/").platformWithoutAccount()).contains("t.me");
    }

    @Test
    void aWhatsAppLinkIsThePhoneNumberOrTheGroupInvitation() {
        assertThat(IndicatorNormaliser.url("https://wa.me/212612345678").keys()).containsExactly("phone:+212612345678");
        assertThat(IndicatorNormaliser.url("https://api.whatsapp.com/send?phone=212612345678&text=hi").keys())
                .containsExactly("phone:+212612345678");
        assertThat(IndicatorNormaliser.url("https://chat.whatsapp.com/Fx3kQ9").keys()).containsExactly("handle:whatsapp:invite:Fx3kQ9");
        assertThat(IndicatorNormaliser.url("https://wa.me/").keys()).isEmpty();
    }

    @Test
    void otherPlatformUrlsAreTheirAccounts() {
        assertThat(IndicatorNormaliser.url("https://www.instagram.com/lisa.crypto.mentor/").keys())
                .containsExactly("handle:instagram:lisa.crypto.mentor");
        assertThat(IndicatorNormaliser.url("https://instagram.com/p/Cx12ab/").keys()).as("a post, not an account").isEmpty();
        assertThat(IndicatorNormaliser.url("https://twitter.com/LisaMentor/status/1").keys()).containsExactly("handle:x:lisamentor");
        assertThat(IndicatorNormaliser.url("https://x.com/LisaMentor").keys()).containsExactly("handle:x:lisamentor");
        assertThat(IndicatorNormaliser.url("https://www.tiktok.com/@lisa.mentor/video/1").keys()).containsExactly("handle:tiktok:lisa.mentor");
        assertThat(IndicatorNormaliser.url("https://www.youtube.com/@LisaMentor").keys()).containsExactly("handle:youtube:lisamentor");
        assertThat(IndicatorNormaliser.url("https://youtube.com/channel/UCabcDEF").keys()).containsExactly("handle:youtube:channel:UCabcDEF");
        assertThat(IndicatorNormaliser.url("https://www.linkedin.com/in/lisa-mentor").keys()).containsExactly("handle:linkedin:lisa-mentor");
        assertThat(IndicatorNormaliser.url("https://discord.gg/Abc123").keys()).containsExactly("handle:discord:invite:Abc123");
    }

    @Test
    void aPlatformUrlAndAHandleOnThatPlatformMeet() {
        assertThat(IndicatorNormaliser.handle("Twitter", "@LisaMentor"))
                .isEqualTo(IndicatorNormaliser.url("https://x.com/lisamentor").keys().stream().findFirst());
        assertThat(IndicatorNormaliser.handle("TELEGRAM", "CryptoSignalsVIP"))
                .isEqualTo(IndicatorNormaliser.url("https://t.me/cryptosignalsvip").keys().stream().findFirst());
        assertThat(IndicatorNormaliser.handle("fb", "lisa.crypto.mentor"))
                .isEqualTo(IndicatorNormaliser.url("https://facebook.com/lisa.crypto.mentor").keys().stream().findFirst());
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

        assertThat(Fixtures.INDICATORS.of(facts).keys()).isEqualTo(Set.of("email:a@b.example", "url:scam.example/x",
                "domain:scam.example", "iban:FR7630006000011234567890189",
                "wallet:evm:0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"));
    }
}
