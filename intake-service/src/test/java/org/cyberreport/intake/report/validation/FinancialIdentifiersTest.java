package org.cyberreport.intake.report.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FinancialIdentifiersTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "DE89370400440532013000", "GB82WEST12345698765432", "FR1420041010050500013M02606",
            "ES9121000418450200051332", "NL91ABNA0417164300", "BE68539007547034", "MA64011519000001205000534921",
            "FR7630006000011234567890189", "DE89 3704 0044 0532 0130 00", "gb82west12345698765432"})
    void acceptsValidIbansOfSeveralCountries(String iban) {
        assertThat(FinancialIdentifiers.isIban(iban)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "DE89370400440532013001",       // one digit off: mod-97 fails
            "GB82WEST12345698765431",       // one digit off
            "FR1420041010050500013M0260",   // one character short for FR
            "ES9121000418450200051333",     // last digit changed
            "NL91ABNA0417164301",           // last digit changed
            "XX89370400440532013000",       // unknown country
            "DE8937040044053201300",        // too short for DE
            "", "DE89-3704-0044-0532-0130-00"})
    void refusesIbansWithOneWrongCharacterOrShape(String iban) {
        assertThat(FinancialIdentifiers.isIban(iban)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"DEUTDEFF", "BNPAFRPP", "BMCEMAMC", "DEUTDEFF500", "CAIXESBB"})
    void acceptsValidBics(String bic) {
        assertThat(FinancialIdentifiers.isBic(bic)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"DEUTD3FF", "DEUTXXFF", "DEUTDEF", "DEUTDEFF5", "deutdeff"})
    void refusesMalformedBics(String bic) {
        assertThat(FinancialIdentifiers.isBic(bic)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"eb3e7d3c-1b9a-4d6f-9a3f-2c6e5b1d8f70", "00000000-0000-4000-8000-000000000000"})
    void acceptsVersionFourUetrs(String uetr) {
        assertThat(FinancialIdentifiers.isUetr(uetr)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"eb3e7d3c-1b9a-1d6f-9a3f-2c6e5b1d8f70", "EB3E7D3C-1B9A-4D6F-9A3F-2C6E5B1D8F70", "eb3e7d3c1b9a4d6f9a3f2c6e5b1d8f70"})
    void refusesOtherUuidsAsUetr(String uetr) {
        assertThat(FinancialIdentifiers.isUetr(uetr)).isFalse();
    }
}
