package org.cyberreport.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.support.ResourceBundleMessageSource;

class ApiMessagesTest {

    private static final Locale FRENCH = Locale.FRENCH;
    private static final Locale ARABIC = Locale.forLanguageTag("ar");

    private final ResourceBundleMessageSource messages = messages();

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("i18n/messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setAlwaysUseMessageFormat(true);
        return source;
    }

    private String in(Locale locale, String english) {
        return messages.getMessage(ApiMessages.of(english), locale);
    }

    /** The messages the services send today: Bean Validation's defaults, the intake's rules, each service's own. */
    @ParameterizedTest
    @ValueSource(strings = {
            "must not be null", "must not be blank", "size must be between 0 and 200", "must be less than or equal to 130",
            "must be greater than or equal to 0", "must not be negative",
            "numeric value out of bounds (<16 digits>.<18 digits> expected)",
            "must be a valid phone number in E.164 form, e.g. +212612345678", "must be a valid e-mail address",
            "must be a valid http or https URL", "must be a valid domain name", "must be a valid IPv4 or IPv6 address",
            "must be a handle of 1 to 64 letters, digits, '.', '_' or '-'",
            "must be a valid IBAN (country, length and check digits)", "must be a valid BIC",
            "must be a SWIFT UETR (a lower-case version 4 UUID)", "must be an ISO 3166-1 alpha-2 country code in upper case",
            "must be an ISO 3166-1 alpha-2 code", "must be another country", "must be an ISO 4217 currency code",
            "must be a SHA-256 digest in 64 lower-case hex digits", "must be a SHA-256 digest in hex",
            "must be a media type such as application/pdf", "must be an asset ticker such as BTC or USDT",
            "must be a transaction hash (64 hex digits, optionally 0x-prefixed, or a Base58 signature)",
            "must not contain invisible, formatting or bidirectional control characters, nor spaces other than U+0020",
            "must be a report category", "cannot be changed by an amendment", "is required for a PAYMENT_STOP request",
            "is required to push requests", "must be a valid instant", "is invalid",
            "must be a subtype such as ROMANCE", "must be an Ed25519 public key (X.509, Base64)", "only https is allowed",
            "credentials in the URL are not allowed", "a fragment is not allowed", "not a valid URL",
            "an absolute URL with a host is required", "the host does not resolve",
            "the host resolves to a non-public address (10.0.0.7)", "must be within 366 days before and 31 days after now",
            "must match \"\\+[1-9][0-9]{1,14}\""})
    void everyMessageTheServicesSendIsShownInFrenchAndArabic(String english) {
        assertThat(ApiMessages.of(english).getCodes()).doesNotContain("api.field");
        assertThat(in(FRENCH, english)).isNotBlank().isNotEqualTo(english).doesNotContain("{");
        assertThat(in(ARABIC, english)).isNotBlank().isNotEqualTo(english).doesNotContain("{");
        assertThat(in(ARABIC, english)).isNotEqualTo(in(FRENCH, english));
    }

    @Test
    void theNumbersAndNamesAMessageCarriesStayInIt() {
        assertThat(in(FRENCH, "size must be between 0 and 200")).isEqualTo("doit compter entre 0 et 200 caractères ou éléments");
        assertThat(in(Locale.ENGLISH, "must be less than or equal to 130")).isEqualTo("must be at most 130");
        assertThat(in(FRENCH, "is required for a PAYMENT_STOP request"))
                .isEqualTo("est nécessaire pour une demande de type Blocage de paiement");
    }

    @Test
    void aMessageNotKnownIsShownAsTheApiWroteIt() {
        assertThat(in(FRENCH, "must be within the last 90 days")).isEqualTo("must be within the last 90 days");
    }
}
