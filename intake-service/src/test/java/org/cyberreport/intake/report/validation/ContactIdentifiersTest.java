package org.cyberreport.intake.report.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContactIdentifiersTest {

    @ParameterizedTest
    @ValueSource(strings = {"+212612345678", "+33612345678", "+447911123456", "+14155552671", "+34612345678", "+4915123456789"})
    void acceptsValidE164Numbers(String phone) {
        assertThat(ContactIdentifiers.isE164Phone(phone)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"+2126123456789", "0612345678", "+33 6 12 34 56 78", "+0612345678", "+3361234567", "212612345678"})
    void refusesNumbersNotInE164OrNotInTheirPlan(String phone) {
        assertThat(ContactIdentifiers.isE164Phone(phone)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"amina.elidrissi@example.ma", "support@bluecoast-invest.com", "x+tag@mail.example.org"})
    void acceptsEmails(String email) {
        assertThat(ContactIdentifiers.isEmail(email)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"amina.elidrissi@", "@example.ma", "a@b", "a b@example.ma", "a@example.invalidtld"})
    void refusesMalformedEmails(String email) {
        assertThat(ContactIdentifiers.isEmail(email)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://bluecoast-invest.com/login", "http://198.51.100.7:8080/panel"})
    void acceptsHttpUrls(String url) {
        assertThat(ContactIdentifiers.isUrl(url)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "ftp://example.com/x", "https://", "bluecoast-invest.com"})
    void refusesOtherUrls(String url) {
        assertThat(ContactIdentifiers.isUrl(url)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"198.51.100.7", "2001:db8::1"})
    void acceptsIpAddresses(String ip) {
        assertThat(ContactIdentifiers.isIpAddress(ip)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"198.51.100.256", "2001:db8:::1", "198.51.100"})
    void refusesMalformedIpAddresses(String ip) {
        assertThat(ContactIdentifiers.isIpAddress(ip)).isFalse();
    }
}
