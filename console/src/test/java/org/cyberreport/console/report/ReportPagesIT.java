package org.cyberreport.console.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cyberreport.console.Signed.aReporter;
import static org.cyberreport.console.Signed.aTriageOfficer;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.cyberreport.console.api.ApiProblem;
import org.cyberreport.console.api.ApiProblemException;
import org.cyberreport.console.api.ApiUnavailableException;
import org.cyberreport.console.api.Versioned;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The reporter's pages against a stubbed intake API: what is sent, and how refusals come back. */
@SpringBootTest
@AutoConfigureMockMvc
class ReportPagesIT {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ReportApi api;

    @Autowired
    JsonMapper json;

    @Test
    void theFormOfACategoryHasItsOwnSectionAndAKeyForIdempotency() throws Exception {
        mvc.perform(get("/reports/new").param("category", "ONLINE_FRAUD").with(aReporter()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"onlineFraud.contactChannel\"")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("name=\"crypto.custody\""))))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"idempotencyKey\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"_csrf\"")));
    }

    @Test
    void everyFieldOfTheFormIsRenderedOnce() throws Exception {
        String page = mvc.perform(get("/reports/new").param("category", "DATA_THEFT").with(aReporter()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        for (String name : List.of("victims[0].kind", "victims[0].residenceCountry", "narrative", "jurisdictionCountry",
                "dataTheft.leakUrls", "victims[0].name")) {
            assertThat(page.split("name=\"" + java.util.regex.Pattern.quote(name) + "\"", -1)).as(name).hasSize(2);
        }
    }

    @Test
    void filingSendsOnlyWhatWasTypedAndShowsTheFiledReport() throws Exception {
        when(api.file(any(), anyString())).thenReturn(report("r-1"));

        mvc.perform(post("/reports/new").with(aReporter()).with(csrf())
                        .param("category", "ONLINE_FRAUD").param("idempotencyKey", "0b8f5c1e-8d7b-4a53-9c1e-2f6a1c1d0e11")
                        .param("jurisdictionCountry", "MA").param("incidentStartedAt", "2026-09-02T18:30")
                        .param("victims[0].kind", "PERSON").param("victims[0].name", "Amina")
                        .param("evidence[0].kind", "").param("evidence[0].sha256", "")
                        .param("onlineFraud.subtype", "INVESTMENT").param("crypto.custody", "CUSTODIAL")
                        .param("narrative", "  Wired her savings  "))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/reports/r-1"));

        ArgumentCaptor<ObjectNode> body = ArgumentCaptor.forClass(ObjectNode.class);
        verify(api).file(body.capture(), eq("0b8f5c1e-8d7b-4a53-9c1e-2f6a1c1d0e11"));
        assertThat(body.getValue().get("incidentStartedAt").asString()).isEqualTo("2026-09-02T18:30:00Z");
        assertThat(body.getValue().get("narrative").asString()).isEqualTo("Wired her savings");
        assertThat(body.getValue().get("victims").get(0).get("name").asString()).isEqualTo("Amina");
        assertThat(body.getValue().has("evidence")).as("blank rows are not sent").isFalse();
        assertThat(body.getValue().has("crypto")).as("other categories' sections are not sent").isFalse();
        assertThat(body.getValue().get("onlineFraud").get("subtype").asString()).isEqualTo("INVESTMENT");
    }

    @Test
    void aFiledReportIsShownWithWhatItStates() throws Exception {
        JsonNode content = json.readTree(Files.readString(Path.of("..", "docs", "examples", "online-fraud.json")));
        ReportViews.Report filed = report("r-1");
        when(api.read("r-1")).thenReturn(new Versioned<>(new ReportViews.Report(filed.id(), filed.reference(), filed.status(),
                filed.version(), filed.country(), filed.unit(), filed.filedBy(), filed.receivedAt(), filed.updatedAt(), content,
                List.of(), null, null), "\"1\""));

        String page = mvc.perform(get("/reports/r-1").with(aReporter()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("MA-2026-000001", "Online fraud", "Amina El Idrissi",
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "Not yet in triage&#39;s queue.");
    }

    @Test
    void theUnitSeesItsReportsCaseLevelStatusAndOutcomeInEachLanguage() throws Exception {
        JsonNode content = json.readTree(Files.readString(Path.of("..", "docs", "examples", "online-fraud.json")));
        ReportViews.Report filed = report("r-1");
        when(api.read("r-1")).thenReturn(new Versioned<>(new ReportViews.Report(filed.id(), filed.reference(), filed.status(),
                filed.version(), filed.country(), filed.unit(), filed.filedBy(), filed.receivedAt(), filed.updatedAt(), content,
                List.of(), null, new ReportViews.CaseState("MA-2026-000001", "P2", "CLOSED", "REFERRED_FOR_INVESTIGATION",
                        Instant.parse("2026-11-30T10:00:00Z"), Instant.parse("2026-11-30T10:00:00Z"))), "\"1\""));

        String english = mvc.perform(get("/reports/r-1").with(aReporter())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String french = mvc.perform(get("/reports/r-1").with(aReporter()).header("Accept-Language", "fr")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String arabic = mvc.perform(get("/reports/r-1").with(aReporter()).header("Accept-Language", "ar")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(english).contains("In triage", "level-P2", "Closed", "Referred for investigation");
        assertThat(french).contains("Au tri", "Transmis pour enquête");
        assertThat(arabic).contains("لدى الفرز", "أحيل للتحقيق");
    }

    @Test
    void theApisFieldErrorsAppearBesideTheirFieldsWithWhatWasTyped() throws Exception {
        when(api.file(any(), anyString())).thenThrow(new ApiProblemException(new ApiProblem(400,
                "urn:cyberreport:problem:validation-failed", "The request has invalid fields", null,
                List.of(new ApiProblem.FieldProblem("victims[0].phone", "must be an E.164 phone number"),
                        new ApiProblem.FieldProblem("onlineFraud.contactChannel", "must not be null")), null, null)));

        String page = mvc.perform(post("/reports/new").with(aReporter()).with(csrf())
                        .param("category", "ONLINE_FRAUD").param("idempotencyKey", "0b8f5c1e-8d7b-4a53-9c1e-2f6a1c1d0e11")
                        .param("victims[0].name", "Amina").param("victims[0].phone", "0612 nope"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"victims0.phone-error\"", "must be an E.164 phone number", "value=\"0612 nope\"",
                "id=\"onlineFraud.contactChannel-error\"", "value=\"0b8f5c1e-8d7b-4a53-9c1e-2f6a1c1d0e11\"");
    }

    @Test
    void theApisFieldErrorsAreShownInTheUsersLanguage() throws Exception {
        when(api.file(any(), anyString())).thenThrow(new ApiProblemException(new ApiProblem(400,
                "urn:cyberreport:problem:validation-failed", "The request has invalid fields", null,
                List.of(new ApiProblem.FieldProblem("victims[0].phone", "must be a valid phone number in E.164 form, e.g. +212612345678"),
                        new ApiProblem.FieldProblem("victims[0].age", "must be less than or equal to 130")), null, null)));

        String page = mvc.perform(post("/reports/new").with(aReporter()).with(csrf()).header("Accept-Language", "fr-FR")
                        .param("category", "ONLINE_FRAUD").param("victims[0].name", "Amina").param("victims[0].phone", "0612 nope"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("doit être un numéro de téléphone au format international, p. ex. +212612345678",
                "doit être au plus 130").doesNotContain("E.164 form");
    }

    @Test
    void addingARowKeepsWhatWasTypedAndSendsNothing() throws Exception {
        String page = mvc.perform(post("/reports/new").with(aReporter()).with(csrf())
                        .param("category", "CRYPTO").param("victims[0].name", "Karim").param("_add", "transactions"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("value=\"Karim\"", "name=\"transactions[0].method\"");
        verify(api, never()).file(any(), anyString());
    }

    @Test
    void aFormPostedWithoutTheCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/reports/new").with(aReporter()).param("category", "CRYPTO"))
                .andExpect(status().isForbidden());
        verify(api, never()).file(any(), anyString());
    }

    @Test
    void theLanguageSwitchWorksSignedOutOnTheSignedOutPageAndStillNeedsItsCsrfToken() throws Exception {
        mvc.perform(post("/language").with(csrf()).param("lang", "ar").param("back", "/signed-out"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/signed-out"))
                .andExpect(header().string("Set-Cookie", org.hamcrest.Matchers.containsString("console-language=ar")));
        mvc.perform(post("/language").param("lang", "ar").param("back", "/signed-out"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aReportOutsideTheUnitGetsTheNotFoundPage() throws Exception {
        when(api.read("elsewhere")).thenThrow(new ApiProblemException(new ApiProblem(404,
                "urn:cyberreport:problem:not-found", "No such resource", null, List.of(), null, null)));

        mvc.perform(get("/reports/elsewhere").with(aReporter()))
                .andExpect(status().isNotFound())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("belongs to another unit or country")));
        mvc.perform(get("/reports/elsewhere").with(aReporter()).header("Accept-Language", "ar"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("<html lang=\"ar\" dir=\"rtl\">")));
    }

    @Test
    void aVersionMovedOnGetsThePreconditionPageAndAnUnavailableApiTheUnavailablePage() throws Exception {
        when(api.withdraw(eq("r-1"), anyLong(), anyString())).thenThrow(new ApiProblemException(new ApiProblem(412,
                "urn:cyberreport:problem:precondition-failed", null, null, List.of(), null, null)));
        mvc.perform(post("/reports/r-1/withdraw").with(aReporter()).with(csrf()).param("version", "1").param("reason", "duplicate"))
                .andExpect(status().isPreconditionFailed())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Someone changed this record")));

        when(api.list(any(), any())).thenThrow(new ApiUnavailableException("down"));
        mvc.perform(get("/reports").with(aReporter()))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Temporarily unavailable")));
    }

    @Test
    void badQueryParametersGetA400PageNotA500() throws Exception {
        mvc.perform(get("/reports").param("page", "abc").with(aReporter())).andExpect(status().isBadRequest());
        mvc.perform(get("/reports").param("size", "1000").with(aReporter())).andExpect(status().isBadRequest());
        mvc.perform(get("/reports").param("receivedFrom", "yesterday").with(aReporter())).andExpect(status().isBadRequest());
        when(api.file(any(), anyString())).thenReturn(report("r-2"));
        mvc.perform(post("/reports/new").with(aReporter()).with(csrf()).param("category", "CRYPTO")
                .param("victims[100000].name", "x")).andExpect(result -> assertThat(result.getResponse().getStatus()).isLessThan(500));
    }

    @Test
    void theListShowsTheUnitsReportsInTheUsersLanguage() throws Exception {
        when(api.list(any(), any())).thenReturn(new ReportViews.Page(List.of(new ReportViews.Summary("r-1", "MA-2026-000001",
                "FILED", "ONLINE_FRAUD", "INVESTMENT", "MA", "MA-CASABLANCA-CYBER", Instant.parse("2026-11-20T09:15:00Z"),
                Instant.parse("2026-11-20T09:15:00Z"), 1, new ReportViews.Money(new BigDecimal("4500.00"), "EUR"))), 0, 20, 1, 1));

        String french = mvc.perform(get("/reports").with(aReporter()).header("Accept-Language", "fr-FR,fr;q=0.9"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(french).contains("lang=\"fr\"", "dir=\"ltr\"", "Fraude en ligne", "MA-2026-000001", "4\u202f500,00\u00a0€");

        String arabic = mvc.perform(get("/reports").with(aReporter()).header("Accept-Language", "ar-MA"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(arabic).contains("lang=\"ar\"", "dir=\"rtl\"", "احتيال إلكتروني");
    }

    @Test
    void aTriageOfficerHasNoReporterPages() throws Exception {
        mvc.perform(get("/reports/new").with(aTriageOfficer())).andExpect(status().isForbidden());
    }

    @Test
    void everyPageCarriesAStrictContentSecurityPolicy() throws Exception {
        mvc.perform(get("/reports/new").with(aReporter()))
                .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("script-src 'self';"),
                        org.hamcrest.Matchers.containsString("style-src 'self';"),
                        org.hamcrest.Matchers.containsString("frame-ancestors 'none'"),
                        org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("unsafe-inline")))))
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")));
    }

    private static ReportViews.Report report(String id) {
        return new ReportViews.Report(id, "MA-2026-000001", "FILED", 1, "MA", "MA-CASABLANCA-CYBER", "reporter.ma",
                Instant.now(), Instant.now(), null, List.of(), null, null);
    }
}
