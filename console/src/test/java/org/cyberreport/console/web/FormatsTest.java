package org.cyberreport.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

class FormatsTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    private final Formats formats = new Formats(new ConsoleProperties(ZoneId.of("UTC")), messages(),
            Clock.fixed(NOW, ZoneOffset.UTC));

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setAlwaysUseMessageFormat(true);
        return messages;
    }

    @AfterEach
    void reset() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void amountsAndCountriesFollowTheLanguage() {
        LocaleContextHolder.setLocale(Locale.FRENCH);
        assertThat(formats.money(new BigDecimal("4500.00"), "EUR")).isEqualTo("4\u202f500,00\u00a0€");
        assertThat(formats.country("MA")).isEqualTo("Maroc");

        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(formats.money(new BigDecimal("4500.00"), "EUR")).isEqualTo("€4,500.00");
        assertThat(formats.country("MA")).isEqualTo("Morocco");

        LocaleContextHolder.setLocale(Locale.forLanguageTag("ar"));
        assertThat(formats.country("MA")).isEqualTo("المغرب");
    }

    @Test
    void cryptoAmountsKeepTheirDecimalsAndUnknownCodesStayAsTheyAre() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(formats.money(new BigDecimal("0.015"), "BTC")).isEqualTo("0.015 BTC");
        assertThat(formats.country("XX")).isEqualTo("XX");
        assertThat(formats.label("category", "NOT_A_CODE")).isEqualTo("Not a code");
    }

    @Test
    void timeLeftSaysHowLongAndMarksTheOverdue() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(formats.timeLeft(NOW.plusSeconds(3 * 3600 + 20 * 60))).isEqualTo("3 h 20 min left");
        assertThat(formats.timeLeft(NOW.minusSeconds(2 * 3600))).isEqualTo("overdue by 2 h 0 min");
        assertThat(formats.overdue(NOW.minusSeconds(1))).isTrue();

        LocaleContextHolder.setLocale(Locale.FRENCH);
        assertThat(formats.timeLeft(NOW.plusSeconds(26 * 3600))).isEqualTo("reste 1 j 2 h");
    }

    @Test
    void everyLanguageHasEveryText() throws Exception {
        java.util.Properties english = load("");
        for (String language : new String[] {"_fr", "_ar"}) {
            assertThat(load(language).stringPropertyNames()).as(language).isEqualTo(english.stringPropertyNames());
        }
    }

    private static java.util.Properties load(String suffix) throws Exception {
        java.util.Properties properties = new java.util.Properties();
        try (var in = FormatsTest.class.getResourceAsStream("/i18n/messages" + suffix + ".properties");
             var reader = new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
