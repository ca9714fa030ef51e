package org.cyberreport.kit.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.cyberreport.kit.security.Caller;
import org.junit.jupiter.api.Test;

class AudienceTest {

    @Test
    void aCallersKeysComeFromItsTokenAlone() {
        Caller reporter = new Caller("s-1", "reporter.ma", Set.of("reporter"), "MA", "MA-CASABLANCA-CYBER", "cli");

        assertThat(Audience.keysOf(reporter)).containsExactlyInAnyOrder("user:s-1", "reporter@MA",
                "reporter@MA#MA-CASABLANCA-CYBER");
        assertThat(Audience.keysOf(reporter)).contains(Audience.roleInUnit("reporter", "MA", "MA-CASABLANCA-CYBER").key())
                .doesNotContain(Audience.roleInUnit("reporter", "MA", "MA-RABAT-CYBER").key(),
                        Audience.roleInCountry("triage-officer", "MA").key(), Audience.roleInCountry("reporter", "FR").key());
    }

    @Test
    void aCallerWithoutCountryAnswersOnlyToItself() {
        Caller admin = new Caller("s-9", "admin", Set.of("admin"), null, null, "cli");
        assertThat(Audience.keysOf(admin)).containsExactly("user:s-9");
    }

    @Test
    void aStoredKeyReadsBackToTheSameAudience() {
        for (Audience audience : Set.of(Audience.user("s-1"), Audience.roleInCountry("liaison", "FR"),
                Audience.roleInUnit("reporter", "MA", "MA-CASABLANCA-CYBER"))) {
            assertThat(NoticeStore.StoredAudience.of(audience.key()).key()).isEqualTo(audience.key());
        }
    }

    @Test
    void preferencesMailWhatIsNotMutedWhileMailIsOn() {
        Preferences chosen = new Preferences(true, Set.of("CASE_LEVEL"), 3);
        assertThat(chosen.mails("CASE_P1")).isTrue();
        assertThat(chosen.mails("CASE_LEVEL")).isFalse();
        assertThat(new Preferences(false, Set.of(), 3).mails("CASE_P1")).isFalse();
    }
}
