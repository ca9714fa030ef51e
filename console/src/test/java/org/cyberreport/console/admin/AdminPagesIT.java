package org.cyberreport.console.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cyberreport.console.Signed.aLiaison;
import static org.cyberreport.console.Signed.aTriageOfficer;
import static org.cyberreport.console.Signed.anAdmin;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.cyberreport.console.api.ApiProblem;
import org.cyberreport.console.api.ApiProblemException;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The administrator's pages against a stubbed API: the directory, the relays' hand-offs and the scorecard. */
@SpringBootTest
@AutoConfigureMockMvc
class AdminPagesIT {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AdminApi api;

    @Test
    void anAdministratorStartsAtTheHandOffsAndHasTheAdministratorsMenu() throws Exception {
        mvc.perform(get("/").with(anAdmin())).andExpect(redirectedUrl("/admin/deliveries"));
        when(api.directory()).thenReturn(List.of());

        String page = mvc.perform(get("/admin/directory").with(anAdmin())).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("href=\"/admin/deliveries\"", "href=\"/admin/directory\"", "href=\"/admin/scorecard\"")
                .doesNotContain("href=\"/triage/queue\"");
    }

    @Test
    void theDirectoryIsSearchedByCodeByNameInTheUsersLanguageAndByOffice() throws Exception {
        when(api.directory()).thenReturn(List.of(spain(), france(), morocco()));

        String byFrenchName = mvc.perform(get("/admin/directory").param("q", "maroc").with(anAdmin()).header("Accept-Language", "fr"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String byOffice = mvc.perform(get("/admin/directory").param("q", "OCLCTIC").with(anAdmin()))
                .andReturn().getResponse().getContentAsString();
        String all = mvc.perform(get("/admin/directory").with(anAdmin())).andReturn().getResponse().getContentAsString();

        assertThat(byFrenchName).contains("href=\"/admin/directory/MA\"", "value=\"maroc\"", "Gardées dans la boîte de réception")
                .doesNotContain("href=\"/admin/directory/ES\"", "href=\"/admin/directory/FR\"");
        assertThat(byOffice).contains("href=\"/admin/directory/FR\"").doesNotContain("href=\"/admin/directory/MA\"");
        assertThat(all.indexOf("/admin/directory/ES")).as("by country code").isLessThan(all.indexOf("/admin/directory/FR"));
        assertThat(all).contains("3 member countries");
    }

    @Test
    void anEntryOpensWithItsFormFilledFromTheEntry() throws Exception {
        when(api.entry("FR")).thenReturn(france());

        String page = mvc.perform(get("/admin/directory/FR").with(anAdmin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("action=\"/admin/directory/FR\"", "name=\"_csrf\"",
                "value=\"https://liaison.police.example/requests\"", "value=\"OCLCTIC\"", "value=\"+33140000000\"",
                "<option value=\"PUSH\" selected=\"selected\">", "platform-2026-1",
                // hit/no-hit stays as it is when the entry is saved for another change
                "value=\"https://plateforme.police.example/api/cooperation/partners/MA/hitcheck\"");
        assertThat(page).containsPattern("name=\"hitcheck\"[^>]*checked");
    }

    @Test
    void savingSendsEveryFieldAsTheDirectoryTakesItAndConfirms() throws Exception {
        mvc.perform(post("/admin/directory/FR").with(anAdmin()).with(csrf())
                        .param("delivery", "PUSH").param("endpoint", " https://liaison.police.example/v2 ")
                        .param("partnerKeyId", "fr-2026").param("partnerPublicKey", "")
                        .param("contact.office", "OCLCTIC").param("contact.phone", "+33140000000").param("contact.email", "")
                        .param("hitcheck", "true").param("hitcheckEndpoint", "https://plateforme.police.example/hitcheck"))
                .andExpect(redirectedUrl("/admin/directory/FR"))
                .andExpect(flash().attribute("notice", "directory.saved"));

        ArgumentCaptor<DirectoryForm> sent = ArgumentCaptor.forClass(DirectoryForm.class);
        verify(api).update(eq("FR"), sent.capture());
        assertThat(sent.getValue().body()).isEqualTo(Map.of("delivery", "PUSH", "endpoint", "https://liaison.police.example/v2",
                "partnerKeyId", "fr-2026", "contact", Map.of("office", "OCLCTIC", "phone", "+33140000000"),
                "hitcheck", true, "hitcheckEndpoint", "https://plateforme.police.example/hitcheck"));
    }

    @Test
    void anEndpointTheDirectoryRefusesComesBackBesideItsFieldWithWhatWasTyped() throws Exception {
        when(api.entry("FR")).thenReturn(france());
        doThrow(new ApiProblemException(new ApiProblem(400, "urn:cyberreport:problem:validation-failed", null, null,
                List.of(new ApiProblem.FieldProblem("endpoint", "the host resolves to a non-public address (10.0.0.7)"),
                        new ApiProblem.FieldProblem("contact.phone", "must match \"\\+[1-9][0-9]{1,14}\"")), null, null)))
                .when(api).update(eq("FR"), any());

        String page = mvc.perform(post("/admin/directory/FR").with(anAdmin()).with(csrf()).header("Accept-Language", "fr")
                        .param("delivery", "PUSH").param("endpoint", "https://intranet.example/requests")
                        .param("contact.office", "Permanence").param("contact.phone", "01 40 00 00 00"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"endpoint-error\"",
                "désigne un hôte à une adresse non publique (10.0.0.7) ; seul l&#39;internet public est permis",
                "id=\"contact.phone-error\"", "n&#39;a pas la forme attendue", "href=\"#endpoint\"",
                "value=\"https://intranet.example/requests\"", "value=\"01 40 00 00 00\"", "value=\"Permanence\"");
    }

    @Test
    void theHandOffsPageListsEachRelayWithAReDriveFormForEachParkedOne() throws Exception {
        when(api.reportHandoffs("PARKED")).thenReturn(List.of(new AdminViews.ReportHandoff("r-1", "MA-2026-000001", "MA", 2,
                "PARKED", 8, NOW, NOW.plusSeconds(60), "503 from triage", NOW)));
        when(api.escalationHandoffs("PARKED")).thenReturn(List.of(new AdminViews.EscalationHandoff("e-1", "c-1",
                "MA-2026-000002", "MA", "FR", "PAYMENT_STOP", "PARKED", 8, NOW, NOW, "connection refused", NOW)));
        when(api.deliveries("PARKED")).thenReturn(List.of());

        String page = mvc.perform(get("/admin/deliveries").with(anAdmin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("MA-2026-000001", "503 from triage", "action=\"/admin/deliveries/reports/r-1/redrive\"",
                "MA-2026-000002", "Payment stop", "connection refused", "action=\"/admin/deliveries/escalations/e-1/redrive\"",
                "aria-label=\"Re-drive MA-2026-000001\"", "None in the state Parked.", "name=\"_csrf\"")
                .doesNotContain(" style=");
    }

    @Test
    void onlyAParkedHandOffCanBeReDriven() throws Exception {
        when(api.reportHandoffs("PENDING")).thenReturn(List.of(new AdminViews.ReportHandoff("r-2", "MA-2026-000003", "MA", 1,
                "PENDING", 1, NOW, NOW.plusSeconds(60), null, null)));
        when(api.escalationHandoffs("PENDING")).thenReturn(List.of());
        when(api.deliveries("PENDING")).thenReturn(List.of(new AdminViews.Delivery("q-1", "FR", "PRESERVATION", "PENDING", 2,
                NOW, "timeout", null)));

        String page = mvc.perform(get("/admin/deliveries").param("state", "PENDING").with(anAdmin()).header("Accept-Language", "ar"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("dir=\"rtl\"", "MA-2026-000003", "q-1", "timeout", "<option value=\"PENDING\" selected=\"selected\">")
                .doesNotContain("/redrive\"");
    }

    @Test
    void reDrivingPutsTheItemBackAndSaysSo() throws Exception {
        mvc.perform(post("/admin/deliveries/escalations/e-1/redrive").with(anAdmin()).with(csrf()))
                .andExpect(redirectedUrl("/admin/deliveries"))
                .andExpect(flash().attribute("notice", "deliveries.redriven.escalations"));
        verify(api).redrive(AdminApi.Relay.ESCALATIONS, "e-1");

        when(api.reportHandoffs(anyString())).thenReturn(List.of());
        when(api.escalationHandoffs(anyString())).thenReturn(List.of());
        when(api.deliveries(anyString())).thenReturn(List.of());
        String page = mvc.perform(get("/admin/deliveries").with(anAdmin()).flashAttr("notice", "deliveries.redriven.escalations")
                        .header("Accept-Language", "fr"))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("role=\"status\"", "La transmission de l&#39;escalade à la coopération est de nouveau en file.");
    }

    @Test
    void aReDriveOfSomethingNoLongerParkedSaysSoAndAnyOtherRefusalGetsItsPage() throws Exception {
        doThrow(new ApiProblemException(new ApiProblem(404, "urn:cyberreport:problem:not-found", null, null, List.of(), null, null)))
                .when(api).redrive(AdminApi.Relay.DELIVERIES, "q-9");
        doThrow(new ApiProblemException(new ApiProblem(429, "urn:cyberreport:problem:rate-limited", null, null, List.of(), null, "2")))
                .when(api).redrive(AdminApi.Relay.REPORTS, "r-9");

        mvc.perform(post("/admin/deliveries/deliveries/q-9/redrive").with(anAdmin()).with(csrf()))
                .andExpect(redirectedUrl("/admin/deliveries"))
                .andExpect(flash().attribute("notice", "deliveries.not-parked"));
        mvc.perform(post("/admin/deliveries/reports/r-9/redrive").with(anAdmin()).with(csrf()))
                .andExpect(status().isTooManyRequests());
    }

    @Test
    void aReDriveWithoutTheFormsTokenOrOfAnUnknownRelayIsRefused() throws Exception {
        mvc.perform(post("/admin/deliveries/reports/r-1/redrive").with(anAdmin())).andExpect(status().isForbidden());
        mvc.perform(post("/admin/deliveries/mail/r-1/redrive").with(anAdmin()).with(csrf())).andExpect(status().isBadRequest());
        verify(api, never()).redrive(any(), anyString());
    }

    @Test
    void theScorecardIsATableAndAChartOfTheMedianTimes() throws Exception {
        when(api.scorecard()).thenReturn(List.of(
                new AdminViews.Scorecard("ES", 4, 4, 3, 0, 0, 1800L, 86_400L),
                new AdminViews.Scorecard("FR", 10, 9, 7, 1, 2, 7200L, 172_800L),
                new AdminViews.Scorecard("TN", 2, 0, 0, 0, 2, null, null)));

        String page = mvc.perform(get("/admin/scorecard").with(anAdmin()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.containsString("style-src 'self';")))
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("role=\"img\"", "aria-labelledby=\"chart-title chart-desc\"", "<title id=\"chart-title\">",
                "<desc id=\"chart-desc\">", "<th scope=\"row\">France</th>", "2 d 0 h", "2 h 0 min", "30 min", "none yet",
                "class=\"bar-answer\"", "class=\"bar-acknowledge\"").doesNotContain(" style=");
        // France's two days to answer are the longest median: its bar is the chart's full width.
        assertThat(page).contains("width=\"" + (double) (ScorecardChart.WIDTH - ScorecardChart.LABELS - ScorecardChart.VALUES) + "\"");
    }

    @Test
    void theScorecardInArabicIsMirrored() throws Exception {
        when(api.scorecard()).thenReturn(List.of(new AdminViews.Scorecard("FR", 1, 1, 1, 0, 0, 60L, 120L)));

        String page = mvc.perform(get("/admin/scorecard").with(anAdmin()).header("Accept-Language", "ar"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("dir=\"rtl\"", "فرنسا", "بطاقة أداء التعاون",
                "x=\"" + (ScorecardChart.WIDTH - ScorecardChart.LABELS + ScorecardChart.GAP) + "\"");
    }

    @Test
    void otherRolesHaveNoAdministratorsPages() throws Exception {
        mvc.perform(get("/admin/directory").with(aTriageOfficer())).andExpect(status().isForbidden());
        mvc.perform(get("/admin/scorecard").with(aLiaison())).andExpect(status().isForbidden());
        mvc.perform(post("/admin/deliveries/reports/r-1/redrive").with(aTriageOfficer()).with(csrf()))
                .andExpect(status().isForbidden()).andExpect(forwardedUrl("/forbidden"));
        verify(api, never()).redrive(any(), anyString());
    }

    private static AdminViews.DirectoryEntry france() {
        return new AdminViews.DirectoryEntry("FR", "France", "PUSH", "https://liaison.police.example/requests", "fr-2026",
                null, "platform-2026-1", new AdminViews.Contact("OCLCTIC", "+33140000000", "permanence@police.example"),
                NOW, "admin", true, "https://plateforme.police.example/api/cooperation/partners/MA/hitcheck");
    }

    private static AdminViews.DirectoryEntry spain() {
        return new AdminViews.DirectoryEntry("ES", "Spain", "INBOX", null, null, null, "platform-2026-1",
                new AdminViews.Contact("Guardia Civil", null, null), NOW, "admin", null, null);
    }

    private static AdminViews.DirectoryEntry morocco() {
        return new AdminViews.DirectoryEntry("MA", "Morocco", "INBOX", null, null, null, "platform-2026-1", null, NOW, "admin", null, null);
    }
}
