package org.cyberreport.console.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cyberreport.console.Signed.aReporter;
import static org.cyberreport.console.Signed.aTriageOfficer;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
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

/** The triage officer's pages against a stubbed triage API. */
@SpringBootTest
@AutoConfigureMockMvc
class TriagePagesIT {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    TriageApi api;

    @Test
    void theQueueShowsTimeLeftAndMarksTheOverdue() throws Exception {
        Instant now = Instant.now();
        when(api.queue(any())).thenReturn(new CaseViews.Page(List.of(
                summary("c-1", "MA-2026-000001", "P1", now.minus(2, ChronoUnit.HOURS)),
                summary("c-2", "MA-2026-000002", "P3", now.plus(3, ChronoUnit.DAYS).plus(5, ChronoUnit.MINUTES))), 0, 20, 2, 1));

        String page = mvc.perform(get("/triage/queue").with(aTriageOfficer()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("MA-2026-000001", "overdue by 2 h", "class=\"overdue\"", "3 d 0 h left", "golden hour");
    }

    @Test
    void aCaseShowsEachFactorOfItsScoreAndTheActions() throws Exception {
        when(api.read("c-1")).thenReturn(aCase());

        String page = mvc.perform(get("/triage/cases/c-1").with(aTriageOfficer()).header("Accept-Language", "ar"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("dir=\"rtl\"", "35", "payment 40 minutes ago",
                "action=\"/triage/cases/c-1/claim\"", "name=\"destinationCountry\"", "فرنسا");
    }

    @Test
    void anOverrideWithoutAReasonComesBackWithTheApisErrorBesideTheReason() throws Exception {
        when(api.read("c-1")).thenReturn(aCase());
        doThrow(new ApiProblemException(new ApiProblem(400, "urn:cyberreport:problem:validation-failed", null, null,
                List.of(new ApiProblem.FieldProblem("reason", "must not be blank")), null, null)))
                .when(api).act(eq("c-1"), eq("level-override"), any());

        String page = mvc.perform(post("/triage/cases/c-1/override").with(aTriageOfficer()).with(csrf()).param("level", "P1"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"override-reason-error\"", "must be filled in", "href=\"#override-reason\"");
        List<String> ids = java.util.regex.Pattern.compile("\\sid=\"([^\"]+)\"").matcher(page).results().map(m -> m.group(1)).toList();
        assertThat(ids).as("one id per element, so each label names its own field").doesNotHaveDuplicates();
    }

    @Test
    void aCaseClaimedByAnotherOfficerGetsTheConflictPage() throws Exception {
        doThrow(new ApiProblemException(new ApiProblem(409, "urn:cyberreport:problem:state-conflict", null, null, List.of(), null, null)))
                .when(api).act(eq("c-1"), eq("claim"), any());

        mvc.perform(post("/triage/cases/c-1/claim").with(aTriageOfficer()).with(csrf()))
                .andExpect(status().isConflict());
    }

    @Test
    void tooManyRequestsSaysWhenToTryAgain() throws Exception {
        when(api.queue(any())).thenThrow(new ApiProblemException(new ApiProblem(429, "urn:cyberreport:problem:rate-limited",
                null, null, List.of(), null, "3")));

        String page = mvc.perform(get("/triage/queue").with(aTriageOfficer()))
                .andExpect(status().isTooManyRequests()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Try again in 3 seconds.");
    }

    @Test
    void aCaseInAClusterLeadsToTheClustersPicture() throws Exception {
        when(api.read("c-1")).thenReturn(aCaseInACluster());

        String page = mvc.perform(get("/triage/cases/c-1").with(aTriageOfficer()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("href=\"/triage/clusters/k-1?case=c-1\"", "See the cluster");
    }

    @Test
    void theClusterIsDrawnWithEachCaseAndEachSharedIdentifierAndListedInTables() throws Exception {
        when(api.cluster("k-1")).thenReturn(ClusterPictureTest.cluster(List.of(ClusterPictureTest.own("c-1", "P1"),
                ClusterPictureTest.own("c-2", "P3"), ClusterPictureTest.abroad("FR-2026-000009", "FR"),
                ClusterPictureTest.abroad("ES-2026-000031", "ES")), List.of(
                ClusterPictureTest.shown("WALLET", "evm:0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", "MA-2026-c-1", "MA-2026-c-2",
                        "FR-2026-000009"),
                ClusterPictureTest.abroadOnly("IBAN", "FR-2026-000009", "ES-2026-000031"))));

        String page = mvc.perform(get("/triage/clusters/k-1").param("case", "c-1").with(aTriageOfficer()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("role=\"img\"", "aria-labelledby=\"cluster-title cluster-desc\"", "<title id=\"cluster-title\">",
                "class=\"node-own node-P1 node-current\"", "class=\"node-own node-P3\"", "class=\"node-abroad\"",
                "<title>FR-2026-000009 — France</title>", "href=\"/triage/cases/c-2\"", "(this case)",
                "href=\"/triage/cases/c-1\"", "Back to the case",
                "<title>A — Wallet evm:0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed</title>",
                "<title>B — IBAN, held only abroad: value not shown</title>",
                "class=\"identifier\"", "class=\"identifier identifier-abroad\"",
                "The identifiers shared by cases of the cluster", "<code dir=\"ltr\">evm:0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed</code>",
                "<em>held only abroad: value not shown</em>")
                .doesNotContain(" style=", "href=\"/triage/cases/null\"", "Triage names no identifier");
        assertThat(count(page, "<line ")).as("three cases hold the wallet, two the IBAN").isEqualTo(5);
        assertThat(count(page, "class=\"edge edge-current\"")).as("the line to the case the officer came from").isEqualTo(1);
        assertThat(page).containsPattern("<td class=\"number\">A</td>\\s*<td>Wallet</td>[\\s\\S]*?<span>1</span>, <span>2</span>, <span>3</span>")
                .containsPattern("<td class=\"number\">B</td>\\s*<td>IBAN</td>[\\s\\S]*?<span>3</span>, <span>4</span>");
        assertThat(page).doesNotContain("more are in the table", "are not listed");
    }

    @Test
    void anIdentifierHeldOnlyAbroadIsNamedSoInFrenchAndArabic() throws Exception {
        when(api.cluster("k-1")).thenReturn(ClusterPictureTest.cluster(List.of(ClusterPictureTest.own("c-1", "P1"),
                ClusterPictureTest.abroad("FR-2026-000009", "FR"), ClusterPictureTest.abroad("ES-2026-000031", "ES")), List.of(
                ClusterPictureTest.abroadOnly("IBAN", "FR-2026-000009", "ES-2026-000031"))));

        String french = mvc.perform(get("/triage/clusters/k-1").with(aTriageOfficer()).header("Accept-Language", "fr"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String arabic = mvc.perform(get("/triage/clusters/k-1").with(aTriageOfficer()).header("Accept-Language", "ar"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(french).contains("valeur non montrée", "un identifiant détenu seulement par des dossiers à l", "Dossiers qui le détiennent")
                .doesNotContain("held only abroad");
        assertThat(arabic).contains("dir=\"rtl\"", "لا تحمله إلا ملفات في الخارج: القيمة غير معروضة");
    }

    @Test
    void aLargeClusterIsDrawnUpToThirtyCasesAndTwelveIdentifiersAndSaysHowManyMore() throws Exception {
        List<CaseViews.Link> members = java.util.stream.IntStream.rangeClosed(1, 42)
                .mapToObj(i -> ClusterPictureTest.own("c-" + i, "P2")).toList();
        List<CaseViews.Identifier> identifiers = java.util.stream.IntStream.rangeClosed(1, 14)
                .mapToObj(i -> ClusterPictureTest.shown("EMAIL", "x" + i + "@example.com", "MA-2026-c-" + i, "MA-2026-c-" + (i + 1)))
                .toList();
        CaseViews.Cluster listed = ClusterPictureTest.cluster(members, identifiers);
        when(api.cluster("k-1")).thenReturn(new CaseViews.Cluster(listed.clusterId(), listed.cases(), listed.totalLoss(),
                listed.currency(), listed.victims(), listed.countries(), members, identifiers, 186));

        String page = mvc.perform(get("/triage/clusters/k-1").with(aTriageOfficer()).header("Accept-Language", "ar"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("dir=\"rtl\"", "رُسمت أول 30 ملفات؛ و12 أخرى في الجدول.", "href=\"/triage/cases/c-42\"",
                "رُسمت أول 12 معرّفات؛ و2 أخرى في جدول المعرّفات.", "186 معرّفات مشتركة أخرى غير مدرجة.");
        assertThat(count(page, "<circle class=\"node-")).isEqualTo(30);
        assertThat(count(page, "<rect class=\"identifier")).isEqualTo(12);
        assertThat(count(page, "<td class=\"number\">N</td>")).as("the fourteenth identifier's row").isEqualTo(1);
    }

    @Test
    void aClusterOutsideTheOfficersCountryIsNotFound() throws Exception {
        when(api.cluster("k-9")).thenThrow(new ApiProblemException(new ApiProblem(404, "urn:cyberreport:problem:not-found", null,
                null, List.of(), null, null)));

        mvc.perform(get("/triage/clusters/k-9").with(aTriageOfficer())).andExpect(status().isNotFound());
    }

    @Test
    void aReclassificationSendsTheCategoryTheKindAndTheReason() throws Exception {
        mvc.perform(post("/triage/cases/c-1/reclassify").with(aTriageOfficer()).with(csrf())
                        .param("category", "CRYPTO").param("subtype", "PIG_BUTCHERING").param("reason", " wallets, not a bank "))
                .andExpect(redirectedUrl("/triage/cases/c-1"))
                .andExpect(flash().attribute("notice", "case.reclassified"));

        ArgumentCaptor<Object> body = ArgumentCaptor.forClass(Object.class);
        verify(api).act(eq("c-1"), eq("classification"), body.capture());
        CaseForms.ClassificationForm sent = (CaseForms.ClassificationForm) body.getValue();
        assertThat(List.of(sent.category, sent.subtype, sent.reason)).containsExactly("CRYPTO", "PIG_BUTCHERING", "wallets, not a bank");
    }

    @Test
    void aRefusedReclassificationShowsTheErrorBesideTheKindAndKeepsTheReason() throws Exception {
        when(api.read("c-1")).thenReturn(aCase());
        doThrow(new ApiProblemException(new ApiProblem(400, "urn:cyberreport:problem:validation-failed", null, null,
                List.of(new ApiProblem.FieldProblem("subtype", "must be a subtype such as ROMANCE")), null, null)))
                .when(api).act(eq("c-1"), eq("classification"), any());

        String page = mvc.perform(post("/triage/cases/c-1/reclassify").with(aTriageOfficer()).with(csrf())
                        .header("Accept-Language", "fr").param("category", "CRYPTO").param("reason", "portefeuilles"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"classification-subtype-error\"", "doit être un type de la catégorie, p. ex. ROMANCE",
                "href=\"#classification-subtype\"", ">portefeuilles</textarea>", "<option value=\"CRYPTO\" selected=\"selected\">");
        List<String> ids = java.util.regex.Pattern.compile("\\sid=\"([^\"]+)\"").matcher(page).results().map(m -> m.group(1)).toList();
        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void theCaseFormsStartFromTheCasesOwnCategoryAndTheOfficerWhoClaimedItMayReleaseIt() throws Exception {
        when(api.read("c-1")).thenReturn(aCaseInACluster());

        String page = mvc.perform(get("/triage/cases/c-1").with(aTriageOfficer()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("action=\"/triage/cases/c-1/reclassify\"", "<option value=\"INVESTMENT\" selected=\"selected\">",
                "action=\"/triage/cases/c-1/release\"").doesNotContain("action=\"/triage/cases/c-1/claim\"");

        mvc.perform(post("/triage/cases/c-1/release").with(aTriageOfficer()).with(csrf()))
                .andExpect(redirectedUrl("/triage/cases/c-1")).andExpect(flash().attribute("notice", "case.released"));
        verify(api).act("c-1", "release", null);
    }

    @Test
    void aReporterHasNoTriagePages() throws Exception {
        mvc.perform(get("/triage/queue").with(aReporter())).andExpect(status().isForbidden());
    }

    private static CaseViews.Summary summary(String id, String reference, String level, Instant due) {
        return new CaseViews.Summary(id, reference, "MA-CASABLANCA-CYBER", "ONLINE_FRAUD", "INVESTMENT", "NEW", level, 70,
                true, due, Instant.now(), null, 0);
    }

    private static int count(String page, String text) {
        return page.split(java.util.regex.Pattern.quote(text), -1).length - 1;
    }

    /** Claimed by the signed-in officer, and in a cluster of three. */
    private static CaseViews.Case aCaseInACluster() {
        CaseViews.Case c = aCase();
        return new CaseViews.Case(c.id(), c.reference(), c.country(), c.unit(), c.filedBy(), c.receivedAt(), c.reportVersion(),
                c.reportStatus(), c.reportedCategory(), c.category(), c.subtype(), "IN_PROGRESS", c.level(), c.dueAt(), c.priority(),
                null, "triage.ma", null, c.links(),
                new CaseViews.Cluster("k-1", 3, new java.math.BigDecimal("12000.00"), "EUR", 3, List.of(), List.of(), null, 0),
                c.notes(), c.history(), null);
    }

    private static CaseViews.Case aCase() {
        return new CaseViews.Case("c-1", "MA-2026-000001", "MA", "MA-CASABLANCA-CYBER", "reporter.ma", Instant.now(), 1,
                "FILED", "ONLINE_FRAUD", "ONLINE_FRAUD", "INVESTMENT", "NEW", "P1", Instant.now().plusSeconds(3600),
                new CaseViews.Priority(80, "P1", true, Instant.now(),
                        List.of(new CaseViews.Factor("GOLDEN_HOUR", 35, "payment 40 minutes ago"))),
                null, null, null, List.of(new CaseViews.Link(null, "FR-2026-000009", "FR", null)), null, List.of(),
                List.of(new CaseViews.HistoryEntry(Instant.now(), "triage", "CREATED", Map.of())), null);
    }
}
