package org.cyberreport.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class LanguagesTest {

    private static Locale forHeader(String acceptLanguage) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        if (acceptLanguage != null) {
            request.addHeader("Accept-Language", acceptLanguage);
        }
        return Languages.fromBrowser(request);
    }

    @Test
    void takesTheBrowsersBestSupportedLanguage() {
        assertThat(forHeader("fr-FR,fr;q=0.9,en;q=0.8")).isEqualTo(Locale.FRENCH);
        assertThat(forHeader("ar-MA,ar;q=0.9")).isEqualTo(Locale.forLanguageTag("ar"));
        assertThat(forHeader("de-DE,fr;q=0.5")).isEqualTo(Locale.FRENCH);
    }

    @Test
    void fallsBackToEnglishForUnsupportedMissingOrMalformedHeaders() {
        assertThat(forHeader("de-DE")).isEqualTo(Locale.ENGLISH);
        assertThat(forHeader(null)).isEqualTo(Locale.ENGLISH);
        assertThat(forHeader(";;q=x,,")).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void onlyTheThreeLanguagesCanBeChosenAndArabicIsRightToLeft() {
        assertThat(Languages.supported("ar")).isEqualTo(Locale.forLanguageTag("ar"));
        assertThat(Languages.supported("de")).isNull();
        assertThat(Languages.supported(null)).isNull();
        assertThat(Languages.isRightToLeft(Locale.forLanguageTag("ar"))).isTrue();
        assertThat(Languages.isRightToLeft(Locale.FRENCH)).isFalse();
    }

    @Test
    void returnsOnlyToPathsOfTheConsole() {
        assertThat(LocalPath.orHome("/reports?page=2")).isEqualTo("/reports?page=2");
        assertThat(LocalPath.orHome("//evil.example/")).isEqualTo("/");
        assertThat(LocalPath.orHome("/\\evil.example")).isEqualTo("/");
        assertThat(LocalPath.orHome("https://evil.example/")).isEqualTo("/");
        assertThat(LocalPath.orHome("/reports\r\nSet-Cookie: x")).isEqualTo("/");
        assertThat(LocalPath.orHome(null)).isEqualTo("/");
    }
}
