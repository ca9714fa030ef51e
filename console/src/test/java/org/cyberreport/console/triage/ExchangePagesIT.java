package org.cyberreport.console.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cyberreport.console.Signed.aTriageOfficer;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.cyberreport.console.Signed;
import org.cyberreport.console.api.Gateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.json.JsonMapper;

/**
 * The pages of intelligence exchange and of the trafficking flag, against a stubbed triage API: the
 * case shows the flag and drafts the request about the compound into the escalation form, the
 * known-bad feeds naming its identifiers, its exports as downloads, and, to a supervisor of a TLP:RED
 * case, the form that records the originator's permission; the feeds page imports and removes feeds.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ExchangePagesIT {

    private static final RequestPostProcessor SUPERVISOR = Signed.user("supervisor.ma", "triage-supervisor", "MA", null);

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @MockitoBean
    TriageApi api;

    @Test
    void aFlaggedCaseShowsTheFlagAndDraftsTheRequestAboutTheCompoundIntoTheEscalationForm() throws Exception {
        when(api.read("c-1")).thenReturn(flaggedCase("AMBER"));
        when(api.compoundRequests("c-1")).thenReturn(List.of(new CaseViews.CompoundDraft("KH", "INFORMATION_REQUEST", true,
                "Report MA-2026-000001 names 1 person(s) who may be victims of trafficking. Location given: Sihanoukville.")));

        String page = mvc.perform(get("/triage/cases/c-1").with(aTriageOfficer()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        verify(api, never()).compoundRequests("c-1");
        String drafted = mvc.perform(get("/triage/cases/c-1?draft=compound&country=KH").with(aTriageOfficer()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String french = mvc.perform(get("/triage/cases/c-1").with(aTriageOfficer()).header("Accept-Language", "fr"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Possible victims of trafficking", "Flagged for MA-TRAFFICKING", "Cambodia",
                "href=\"/triage/cases/c-1?draft=compound&amp;country=KH#escalation-form\"", "Draft the request about the compound in Cambodia", "A possible victim of trafficking, not a suspect",
                "phone:+855962345678");
        assertThat(drafted).contains("Drafted from the case", "Location given: Sihanoukville",
                "<option value=\"KH\" selected=\"selected\">", "<option value=\"INFORMATION_REQUEST\" selected=\"selected\">",
                "name=\"urgent\" value=\"true\" checked=\"checked\"");
        assertThat(french).contains("Victimes possibles de traite", "Préparer la demande sur le centre en Cambodge");
    }

    @Test
    void aCaseShowsTheFeedsThatListItsIdentifiersAndItsExportsAsDownloads() throws Exception {
        when(api.read("c-1")).thenReturn(flaggedCase("AMBER"));

        String page = mvc.perform(get("/triage/cases/c-1").with(aTriageOfficer()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Known bad in imported feeds", "iban:FR7630006000011234567890189",
                "in &#39;Phishing kit infrastructure&#39; from CERT-XX (TLP:AMBER+STRICT)",
                "href=\"/triage/cases/c-1/export/stix\"", "href=\"/triage/cases/c-1/export/misp\"",
                "href=\"/triage/clusters/k-1/export/stix\"");
        String supervisor = mvc.perform(get("/triage/cases/c-1").with(SUPERVISOR))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(supervisor).as("an AMBER case needs no permission, even for a supervisor")
                .doesNotContain("action=\"/supervision/cases/c-1/export-permission\"");
    }

    @Test
    void anExportIsADownloadOfWhatTriageGave() throws Exception {
        doAnswer(call -> {
            Gateway.Download sink = call.getArgument(3);
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"case-c-1.stix.json\"");
            headers.set("Cyberreport-Tlp", "TLP:AMBER");
            sink.accept(headers, new ByteArrayInputStream("{\"type\":\"bundle\"}".getBytes(StandardCharsets.UTF_8)));
            return null;
        }).when(api).export(eq("cases"), eq("c-1"), eq("stix"), any());

        var answer = mvc.perform(get("/triage/cases/c-1/export/stix").with(aTriageOfficer()))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"case-c-1.stix.json\""))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Cyberreport-Tlp", "TLP:AMBER"))
                .andReturn().getResponse();
        assertThat(answer.getContentAsString()).isEqualTo("{\"type\":\"bundle\"}");
        mvc.perform(get("/triage/cases/c-1/export/pdf").with(aTriageOfficer())).andExpect(status().isNotFound());
        mvc.perform(get("/triage/cases/c-1/export/stix").with(Signed.aReporter())).andExpect(status().isForbidden());
    }

    @Test
    void aSupervisorRecordsTheOriginatorsPermissionForATlpRedCase() throws Exception {
        when(api.read("c-1")).thenReturn(flaggedCase("RED"));

        String officer = mvc.perform(get("/triage/cases/c-1").with(aTriageOfficer()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String supervisor = mvc.perform(get("/triage/cases/c-1").with(SUPERVISOR))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        mvc.perform(post("/supervision/cases/c-1/export-permission").with(SUPERVISOR).with(csrf())
                        .param("permission", "NCB Rabat, message 2026/118"))
                .andExpect(status().is3xxRedirection()).andExpect(header().string("Location", "/triage/cases/c-1"));

        assertThat(officer).contains("nothing leaves without the originator").doesNotContain("export-permission\"");
        assertThat(supervisor).contains("action=\"/supervision/cases/c-1/export-permission\"", "Record the permission");
        verify(api).permitExport(eq("c-1"), any());
        mvc.perform(post("/supervision/cases/c-1/export-permission").with(aTriageOfficer()).with(csrf())
                .param("permission", "x")).andExpect(status().isForbidden());
    }

    @Test
    void aSupervisorImportsListsAndRemovesFeeds() throws Exception {
        CaseViews.Feed feed = new CaseViews.Feed("f-1", "Phishing kit infrastructure", "CERT-XX", "MISP", "AMBER_STRICT",
                Instant.now(), "supervisor.ma", 2, 1);
        when(api.feeds()).thenReturn(List.of(feed));
        when(api.importFeed(any(), anyLong(), eq("Kit"))).thenReturn(feed);
        byte[] event = "{\"Event\": {\"Attribute\": []}}".getBytes(StandardCharsets.UTF_8);

        String page = mvc.perform(get("/supervision/feeds").with(SUPERVISOR))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        mvc.perform(multipart("/supervision/feeds").file(new MockMultipartFile("file", "event.json", "application/json", event))
                        .param("name", "Kit").with(SUPERVISOR).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(header().string("Location", "/supervision/feeds"));
        mvc.perform(post("/supervision/feeds/f-1/remove").with(SUPERVISOR).with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(page).contains("Phishing kit infrastructure", "CERT-XX", "TLP:AMBER+STRICT", "enctype=\"multipart/form-data\"",
                "action=\"/supervision/feeds/f-1/remove\"");
        verify(api).importFeed(any(), eq((long) event.length), eq("Kit"));
        verify(api).removeFeed("f-1");
        mvc.perform(get("/supervision/feeds").with(aTriageOfficer())).andExpect(status().isForbidden());
    }

    @Test
    void anOfficerSendsAFileWithARequestAndReadsWhyCooperationRefusedAnother() throws Exception {
        mvc.perform(post("/triage/cases/c-1/request-files").with(aTriageOfficer()).with(csrf())
                        .param("requestId", "q-1").param("fileId", "f-1"))
                .andExpect(status().is3xxRedirection()).andExpect(header().string("Location", "/triage/cases/c-1"));
        verify(api).attachFile("q-1", "f-1");

        org.mockito.Mockito.doThrow(new org.cyberreport.console.api.ApiProblemException(new org.cyberreport.console.api.ApiProblem(
                422, "urn:cyberreport:problem:unprocessable", "Unprocessable", "A INFORMATION_REQUEST carries no evidence file",
                List.of(), null, null))).when(api).attachFile("q-2", "f-1");
        var refused = mvc.perform(post("/triage/cases/c-1/request-files").with(aTriageOfficer()).with(csrf())
                        .param("requestId", "q-2").param("fileId", "f-1"))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(refused.getFlashMap().get("fileRefusal")).isEqualTo("A INFORMATION_REQUEST carries no evidence file");
    }

    private CaseViews.Case flaggedCase(String tlp) {
        String content = """
                {"category":"ONLINE_FRAUD","jurisdictionCountry":"MA","narrative":"The mentor said she is held.",
                 "victims":[{"kind":"PERSON","name":"Amina El Idrissi","minor":false}],
                 "handling":{"tlp":"%s","codes":[]},
                 "possibleTraffickingVictims":[{"name":"Lisa","indicators":["FORCED_WORK"],
                   "identifiers":[{"type":"PHONE","value":"+855962345678"}],"compound":{"country":"KH","locality":"Sihanoukville"}}]}"""
                .formatted(tlp);
        return new CaseViews.Case("c-1", "MA-2026-000001", "MA", "MA-CASABLANCA-CYBER", "reporter.ma", Instant.now(), 1,
                "FILED", "ONLINE_FRAUD", "ONLINE_FRAUD", "INVESTMENT", "NEW", "P2", Instant.now().plusSeconds(3600),
                new CaseViews.Priority(60, "P2", false, Instant.now(),
                        List.of(new CaseViews.Factor("KNOWN_BAD_INDICATOR", 25, "1 identifier(s) listed as known bad"))),
                null, null, null, List.of(),
                new CaseViews.Cluster("k-1", 2, new java.math.BigDecimal("900.00"), "EUR", 2, List.of(), List.of(), null, 0),
                List.of(new CaseViews.SetAside("phone:+855962345678", "POSSIBLE_TRAFFICKING_VICTIM", null, null, null)),
                new CaseViews.Trafficking("MA-TRAFFICKING", 1, List.of("FORCED_WORK"), List.of("KH"), Instant.now()),
                List.of(new CaseViews.KnownBad("iban:FR7630006000011234567890189", "f-1", "Phishing kit infrastructure",
                        "CERT-XX", "TLP:AMBER+STRICT", Instant.now())),
                List.of(), List.of(new CaseViews.HistoryEntry(Instant.now(), "system", "FLAGGED_FOR_TRAFFICKING_UNIT", Map.of())),
                json.readTree(content));
    }
}
