package org.cyberreport.triage.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cyberreport.triage.Fixtures;
import org.cyberreport.triage.casework.SetAsideIdentifier;
import org.cyberreport.triage.report.ReportFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarningListsTest {

    private static final WarningLists BUNDLED = WarningLists.load(null);

    @Test
    void hostnameListsNameTheHostAndItsSubdomains() {
        assertThat(BUNDLED.find("domain:bit.ly")).isPresent();
        assertThat(BUNDLED.find("domain:tinyurl.com")).isPresent();
        assertThat(BUNDLED.find("domain:facebook.com")).map(WarningLists.Listing::list).contains("tranco10k");
        assertThat(BUNDLED.find("domain:gmail.com")).isPresent();
        assertThat(BUNDLED.find("domain:menara.ma")).map(WarningLists.Listing::list).contains("webmail");
        assertThat(BUNDLED.find("domain:linktr.ee")).isPresent();
        assertThat(BUNDLED.find("domain:sites.google.com")).as("a subdomain of a listed host").isPresent();
        assertThat(BUNDLED.find("domain:bluecoast-invest.com")).isEmpty();
        assertThat(BUNDLED.find("domain:notgoogle.com")).as("a suffix of the name is not a parent").isEmpty();
    }

    @Test
    void cidrListsNameAddressesInTheirBlocksAndSingleAddresses() {
        assertThat(BUNDLED.find("ip:10.20.30.40")).isPresent();
        assertThat(BUNDLED.find("ip:192.168.1.1")).isPresent();
        assertThat(BUNDLED.find("ip:100.64.0.9")).map(WarningLists.Listing::list).contains("rfc6598");
        assertThat(BUNDLED.find("ip:2001:db8::1")).map(WarningLists.Listing::list).contains("rfc3849");
        assertThat(BUNDLED.find("ip:8.8.8.8")).map(WarningLists.Listing::list).contains("public-dns-v4");
        assertThat(BUNDLED.find("ip:1.0.0.1")).isPresent();
        assertThat(BUNDLED.find("ip:198.51.100.7")).as("documentation addresses are reserved")
                .map(WarningLists.Listing::list).contains("rfc5735");
        assertThat(BUNDLED.find("ip:203.0.114.9")).isEmpty();
        assertThat(BUNDLED.find("ip:2a01:4f8::7")).isEmpty();
    }

    @Test
    void regexListsNameFictionalPhoneNumbers() {
        assertThat(BUNDLED.find("phone:+12025550123")).map(WarningLists.Listing::list).contains("phone_numbers");
        assertThat(BUNDLED.find("phone:+212612345678")).isEmpty();
    }

    @Test
    void aListAppliesOnlyToTheKindsOfIdentifierItsAttributesName() {
        assertThat(BUNDLED.find("email:someone@gmail.com")).as("an address at a webmail is an account").isEmpty();
        assertThat(BUNDLED.find("handle:x:gmail.com")).isEmpty();
        assertThat(BUNDLED.find("iban:FR7630006000011234567890189")).isEmpty();
    }

    @Test
    void aDeploymentsOwnListsReplaceTheBundledOnesWithStringAndSubstringTypes(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve("exchange-wallets.json"), """
                {"name": "Deposit addresses of large exchanges", "version": 3, "type": "string",
                 "matching_attributes": ["btc", "eth"], "list": ["0x28C6c06298d514Db089934071355E5743bf21d60"]}
                """);
        Files.writeString(directory.resolve("parking.json"), """
                {"name": "Parked domains", "version": 1, "type": "substring",
                 "matching_attributes": ["domain"], "list": ["parked-"]}
                """);
        Files.writeString(directory.resolve("notes.txt"), "not a list");
        WarningLists own = WarningLists.load(directory);

        assertThat(own.versions()).containsOnlyKeys("exchange-wallets", "parking").containsEntry("exchange-wallets", "3");
        assertThat(own.find("wallet:evm:0x28c6c06298d514db089934071355e5743bf21d60")).map(WarningLists.Listing::label)
                .contains("exchange-wallets@3");
        assertThat(own.find("domain:my-parked-site.com")).isPresent();
        assertThat(own.find("domain:gmail.com")).as("the bundled lists are replaced").isEmpty();
    }

    @Test
    void aReportsSharedInfrastructureIsSetAsideWithTheListThatNamesIt() {
        ReportFacts facts = new ReportFacts("ONLINE_FRAUD", "MA", Fixtures.NOW, Fixtures.NOW, List.of(),
                List.of(new ReportFacts.Subject("DOMAIN", "gmail.com", null, null),
                        new ReportFacts.Subject("URL", "https://bit.ly/3xYz9Q", null, null),
                        new ReportFacts.Subject("URL", "https://www.facebook.com/", null, null),
                        new ReportFacts.Subject("URL", "https://www.facebook.com/lisa.crypto.mentor", null, null),
                        new ReportFacts.Subject("IP_ADDRESS", "8.8.8.8", null, null),
                        new ReportFacts.Subject("EMAIL", "lisa.mentor@gmail.com", null, null)),
                List.of(), null, null, null, null, null, null);

        Indicators.Found found = Fixtures.INDICATORS.of(facts);

        assertThat(found.keys()).containsExactlyInAnyOrder("url:bit.ly/3xYz9Q", "handle:facebook:lisa.crypto.mentor",
                "email:lisa.mentor@gmail.com");
        assertThat(found.setAside()).extracting(SetAsideIdentifier::identifier, SetAsideIdentifier::reason)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("domain:gmail.com", SetAsideIdentifier.Reason.WARNING_LIST),
                        org.assertj.core.groups.Tuple.tuple("domain:bit.ly", SetAsideIdentifier.Reason.WARNING_LIST),
                        org.assertj.core.groups.Tuple.tuple("domain:facebook.com", SetAsideIdentifier.Reason.PLATFORM_WITHOUT_ACCOUNT),
                        org.assertj.core.groups.Tuple.tuple("ip:8.8.8.8", SetAsideIdentifier.Reason.WARNING_LIST));
        assertThat(found.setAside()).filteredOn(aside -> aside.identifier().equals("ip:8.8.8.8"))
                .singleElement().satisfies(aside -> assertThat(aside.listVersion()).isEqualTo("20240615"));
    }
}
