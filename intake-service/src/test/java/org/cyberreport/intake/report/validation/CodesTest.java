package org.cyberreport.intake.report.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class CodesTest {

    @Test
    void knowsIsoCountries() {
        assertThat(Codes.isCountry("MA")).isTrue();
        assertThat(Codes.isCountry("FR")).isTrue();
        assertThat(Codes.isCountry("ma")).isFalse();
        assertThat(Codes.isCountry("XX")).isFalse();
        assertThat(Codes.isCountry("FRA")).isFalse();
    }

    @Test
    void knowsPaymentCurrenciesAndRefusesUnknownOrUnitless() {
        assertThat(Codes.isCurrency("EUR")).isTrue();
        assertThat(Codes.isCurrency("MAD")).isTrue();
        assertThat(Codes.isCurrency("EURO")).isFalse();
        assertThat(Codes.isCurrency("XAU")).isFalse();
        assertThat(Codes.isCurrency("ABC")).isFalse();
    }

    @Test
    void holdsAmountsToTheCurrencysMinorUnit() {
        assertThat(Codes.fitsCurrencyScale(new BigDecimal("10.50"), "EUR")).isTrue();
        assertThat(Codes.fitsCurrencyScale(new BigDecimal("10.505"), "EUR")).isFalse();
        assertThat(Codes.fitsCurrencyScale(new BigDecimal("1000"), "JPY")).isTrue();
        assertThat(Codes.fitsCurrencyScale(new BigDecimal("1000.5"), "JPY")).isFalse();
        assertThat(Codes.fitsCurrencyScale(new BigDecimal("1.125"), "KWD")).isTrue();
        assertThat(Codes.fitsCurrencyScale(new BigDecimal("10.500"), "EUR")).isTrue();
    }
}
