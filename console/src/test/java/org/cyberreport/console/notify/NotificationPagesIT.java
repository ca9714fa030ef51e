package org.cyberreport.console.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cyberreport.console.Signed.aLiaison;
import static org.cyberreport.console.Signed.aReporter;
import static org.cyberreport.console.Signed.aTriageOfficer;
import static org.cyberreport.console.Signed.anAdmin;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The notifications page, its preferences and the stream every page listens to, against a stubbed
 * API: texts in the user's language, only the console's own links, the area on the pages of the users
 * who have notices.
 */
@SpringBootTest(properties = {"console.notifications.poll=100ms", "console.notifications.stream-lifetime=1s"})
@AutoConfigureMockMvc
class NotificationPagesIT {

    private static final Instant AT = Instant.parse("2026-11-30T10:00:00Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    NoticeApi api;

    @Test
    void theNotificationsPageShowsEachNoticeInTheUsersLanguageWithThePreferences() throws Exception {
        when(api.list(any())).thenReturn(List.of(p1("MA-2026-000123"), closed("MA-2026-000099")));
        when(api.preferences(any())).thenReturn(preferences());

        String french = mvc.perform(get("/notifications").with(aTriageOfficer()).header("Accept-Language", "fr"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String arabic = mvc.perform(get("/notifications").with(aTriageOfficer()).header("Accept-Language", "ar"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(french).contains("Le dossier MA-2026-000123 est passé en P1 (était P3).", "href=\"/triage/cases/c-123\"",
                "Signalement MA-2026-000099 : son dossier a été clos.", "name=\"muted\" value=\"CASE_DUE_SOON\"",
                "Un dossier arrive à échéance dans");
        assertThat(arabic).contains("dir=\"rtl\"", "ارتفع الملف MA-2026-000123 إلى المستوى P1");
    }

    @Test
    void savingThePreferencesSendsTheUsersChoice() throws Exception {
        when(api.save(any(), any())).thenReturn(preferences());

        mvc.perform(post("/notifications/preferences").with(aReporter()).with(csrf()).param("email", "true")
                        .param("muted", "CASE_LEVEL").param("muted", "CASE_LEVEL").param("digestAfter", "5"))
                .andExpect(status().is3xxRedirection());

        ArgumentCaptor<NoticeApi.PreferencesBody> body = ArgumentCaptor.forClass(NoticeApi.PreferencesBody.class);
        verify(api).save(any(), body.capture());
        assertThat(body.getValue()).isEqualTo(new NoticeApi.PreferencesBody(true, List.of("CASE_LEVEL"), 5));
        mvc.perform(post("/notifications/preferences").with(aReporter()).param("email", "true"))
                .andExpect(status().isForbidden());
    }

    @Test
    void theStreamSendsOnlyWhatCameAfterItOpenedInTheUsersLanguageWhileTheUserOpensPages() throws Exception {
        when(api.list(any())).thenReturn(List.of(closed("MA-2026-000099")),
                List.of(p1("MA-2026-000123"), closed("MA-2026-000099")));

        MockHttpSession session = new MockHttpSession();
        mvc.perform(get("/notifications/stream").with(aTriageOfficer()).session(session)).andExpect(status().isNoContent());
        session.setAttribute(PageViews.LAST_PAGE, Instant.now());
        String stream = mvc.perform(get("/notifications/stream").with(aTriageOfficer()).session(session)
                        .header("Accept-Language", "fr"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(stream).contains("event: notice\nid: n-MA-2026-000123\ndata: ")
                .contains("Le dossier MA-2026-000123 est passé en P1 (était P3).").doesNotContain("MA-2026-000099");
        assertThat(stream.split("event: notice", -1)).hasSize(2);
    }

    @Test
    void everyPageOfAUserWithNoticesHasTheAreaAndOnlyTheConsolesOwnLinksAreFollowed() throws Exception {
        when(api.list(any())).thenReturn(List.of());
        when(api.preferences(any())).thenReturn(preferences());
        String page = mvc.perform(get("/notifications").with(aLiaison())).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-notice-stream=\"/notifications/stream\"", "href=\"/notifications\"");
        mvc.perform(get("/notifications").with(anAdmin())).andExpect(status().is3xxRedirection());

        assertThat(NotificationsController.link("/triage/cases/c-1")).isEqualTo("/triage/cases/c-1");
        assertThat(NotificationsController.link("https://evil.example/x")).isEqualTo("/notifications");
        assertThat(NotificationsController.link("//evil.example")).isEqualTo("/notifications");
        assertThat(NotificationsController.link("/reports/../admin")).isEqualTo("/notifications");
    }

    private static NoticeApi.Item p1(String reference) {
        return new NoticeApi.Item("n-" + reference, "CASE_P1", reference, "/triage/cases/c-123",
                Map.of("level", "P1", "from", "P3", "category", "ONLINE_FRAUD"), "Case " + reference + " rose to P1", AT);
    }

    private static NoticeApi.Item closed(String reference) {
        return new NoticeApi.Item("n-" + reference, "CASE_CLOSED", reference, "/reports/r-99",
                Map.of("level", "P2", "status", "CLOSED", "outcome", "RESOLVED"), "closed", AT);
    }

    private static NoticeApi.Preferences preferences() {
        return new NoticeApi.Preferences(true, Set.of("CASE_LEVEL"), 3,
                List.of("CASE_P1", "CASE_DUE_SOON", "CASE_OVERDUE", "CASE_LEVEL", "CASE_ESCALATED", "CASE_CLOSED"));
    }
}
