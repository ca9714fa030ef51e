package org.cyberreport.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextRulesTest {

    @Test
    void freeTextKeepsTabsLineBreaksAndTheMarksThatArabicNeeds() {
        assertThat(TextRules.freeTextProblem("Line one\r\n\tline two \u200f\u0645\u0631\u062d\u0628\u0627 \ud83d\ude00")).isNull();
    }

    @Test
    void freeTextRefusesControlsLoneSurrogatesNoncharactersAndOverrides() {
        assertThat(TextRules.freeTextProblem("a\u0000b")).contains("control");
        assertThat(TextRules.freeTextProblem("\u001b[31mred")).contains("control");
        assertThat(TextRules.freeTextProblem("\u0085next")).contains("control");
        assertThat(TextRules.freeTextProblem("x\ud800")).contains("surrogate");
        assertThat(TextRules.freeTextProblem("\udc00x")).contains("surrogate");
        assertThat(TextRules.freeTextProblem("\ufffe")).contains("noncharacter");
        assertThat(TextRules.freeTextProblem("gpj\u202eexe")).contains("override");
    }

    @Test
    void identifiersAlsoRefuseInvisibleCharactersAndOtherSpaces() {
        assertThat(TextRules.identifierProblem("@lisa.crypto.mentor")).isNull();
        assertThat(TextRules.identifierProblem("Jean Dupont")).isNull();
        for (String hidden : new String[] {"a\u200bb", "a\u200eb", "a\u2066b", "a\u00adb", "\ufeffa", "a\u00a0b", "a\tb",
                "a\ue000b"}) {
            assertThat(TextRules.identifierProblem(hidden)).as(hidden).isNotNull();
        }
    }

    @Test
    void textIsNormalisedToNfc() {
        assertThat(TextRules.nfc("Cafe\u0301")).isEqualTo("Caf\u00e9");
    }
}
