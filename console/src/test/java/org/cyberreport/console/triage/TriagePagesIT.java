package org.cyberreport.console.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cyberreport.console.Signed.aReporter;
import static org.cyberreport.console.Signed.aTriageOfficer;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
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

import tools.jackson.databind.node.ObjectNode;

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
    void aDraftRequestAbroadListsWhatTheCompletenessCheckFoundMissingInTheUsersLanguage() throws Exception {
        Instant due = Instant.now().plus(8, ChronoUnit.HOURS);
        when(api.requestsSent(0)).thenReturn(List.of(
                new CaseViews.SentRequest("q-1", "MA-2026-000001", "FR", "PAYMENT_STOP", true, "DRAFT", null, due, false,
                        null, null, null, List.of("valueDate", "transactionReference")),
                new CaseViews.SentRequest("q-2", "MA-2026-000002", "ES", "MUTUAL_LEGAL_ASSISTANCE", false, "DRAFT", null,
                        due, false, null, null, null, List.of("persons (identity, location and nationality of each)")),
                new CaseViews.SentRequest("q-3", "MA-2026-000003", "FR", "PRESERVATION", false, "SENT", Instant.now(), due,
                        false, null, null, "DELIVERED", List.of())));

        String english = mvc.perform(get("/triage/requests").with(aTriageOfficer()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String french = mvc.perform(get("/triage/requests").with(aTriageOfficer()).header("Accept-Language", "fr"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String arabic = mvc.perform(get("/triage/requests").with(aTriageOfficer()).header("Accept-Language", "ar"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(english).contains("Missing before it can be sent: the value date, the transaction reference or UETR",
                "Missing before it can be sent: the persons concerned (identity, location and nationality of each)");
        assertThat(english.split("Missing before it can be sent", -1)).as("only the two drafts lack something").hasSize(3);
        assertThat(french).contains("Manque avant l&#39;envoi : la date de valeur, la référence de l&#39;opération ou l&#39;UETR");
        assertThat(arabic).contains("ينقص قبل الإرسال: تاريخ القيمة، مرجع العملية أو UETR", "سُلِّم");
        assertThat(french).as("the delivery state in the user's language").contains("Remise");
        assertThat(english).contains("Delivered");
        assertThat(english).contains("href=\"/triage/requests/q-1/completion\"", "href=\"/triage/requests/q-2/completion\"")
                .doesNotContain("/triage/requests/q-3/completion");
        assertThat(arabic).contains("إكمال وإرسال");
    }

    @Test
    void theCompletionFormOffersExactlyTheMissingItemsEachTypedByItsKind() throws Exception {
        when(api.request("q-1")).thenReturn(aPaymentStopDraft());

        String page = mvc.perform(get("/triage/requests/q-1/completion").with(aTriageOfficer()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("MA-2026-000001", "France", "Payment stop", "action=\"/triage/requests/q-1/completion\"",
                "name=\"_csrf\"", "type=\"number\" id=\"amount.amount\"", "name=\"amount.amount\" value=\"\"",
                "name=\"amount.currency\" value=\"EUR\"", "type=\"datetime-local\" id=\"valueDate\"",
                "type=\"text\" id=\"transactionReference\"");
        assertThat(page).doesNotContain("name=\"paymentRail\"", "name=\"victimBank\"", "name=\"beneficiaryBank\"",
                "name=\"beneficiaryAccount\"", "name=\"persons[0].name\"", "name=\"measures\"", "name=\"summaryOfFacts\"");
        List<String> ids = java.util.regex.Pattern.compile("\\sid=\"([^\"]+)\"").matcher(page).results().map(m -> m.group(1)).toList();
        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void theCompletionOfAnAssetTracingOffersTheFourMeasuresAndTheAssetsOnePerLineInFrench() throws Exception {
        when(api.request("q-4")).thenReturn(anAssetTracingDraft());

        String page = mvc.perform(get("/triage/requests/q-4/completion").with(aTriageOfficer()).header("Accept-Language", "fr"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("lang=\"fr\"", "Compléter et envoyer", "Localiser", "Identifier",
                "Obtenir des informations", "Surveiller", "value=\"LOCATE\" id=\"measures1\" name=\"measures\" checked=\"checked\"",
                "un par ligne", "name=\"assetTypes\"");
        assertThat(page).doesNotContain("value=\"FREEZE\"", "name=\"personOfInterest\"", "name=\"offence\"");
        assertThat(page).contains("value=\"IDENTIFY\" id=\"measures2\" name=\"measures\">");
    }

    @Test
    void theCompletedContentKeepsWhatTheDraftStatedAndAddsTheTypedItemsAsNumbersInstantsAndTexts() throws Exception {
        when(api.request("q-1")).thenReturn(aPaymentStopDraft());

        mvc.perform(post("/triage/requests/q-1/completion").with(aTriageOfficer()).with(csrf())
                        .param("amount.amount", "1500.50").param("amount.currency", "EUR")
                        .param("valueDate", "2026-11-30T09:30").param("transactionReference", " TX-2026-0001 ")
                        .param("paymentRail", "NOT-OFFERED").param("summaryOfFacts", "not offered either"))
                .andExpect(redirectedUrl("/triage/requests"))
                .andExpect(flash().attribute("notice", "completion.sent"));

        ArgumentCaptor<ObjectNode> sent = ArgumentCaptor.forClass(ObjectNode.class);
        verify(api).submit(eq("q-1"), sent.capture());
        ObjectNode content = sent.getValue();
        assertThat(content.get("paymentRail").asString()).as("a stated item is kept, whatever was posted").isEqualTo("SEPA_INSTANT");
        assertThat(content.get("victimBank").asString()).isEqualTo("Attijariwafa bank");
        assertThat(content.has("summaryOfFacts")).as("an item the draft does not lack is never taken from the form").isFalse();
        assertThat(content.at("/victims/0/name").asString()).as("fields the form does not know go back as read").isEqualTo("A. Victim");
        assertThat(content.at("/amount/amount").isNumber()).isTrue();
        assertThat(content.at("/amount/amount").decimalValue()).isEqualByComparingTo("1500.50");
        assertThat(content.at("/amount/currency").asString()).isEqualTo("EUR");
        assertThat(content.get("valueDate").asString()).as("typed in the console's zone (UTC here), sent as an instant")
                .isEqualTo("2026-11-30T09:30:00Z");
        assertThat(content.get("transactionReference").asString()).isEqualTo("TX-2026-0001");
    }

    @Test
    void theCompletedListsAreSentAsListsAndTheMeasuresAsTheTickedOnes() throws Exception {
        when(api.request("q-4")).thenReturn(anAssetTracingDraft());

        mvc.perform(post("/triage/requests/q-4/completion").with(aTriageOfficer()).with(csrf())
                        .param("measures", "LOCATE", "MONITOR").param("assetTypes", "Real estate\r\n\r\n  Vehicles \r\n"))
                .andExpect(redirectedUrl("/triage/requests"));

        ArgumentCaptor<ObjectNode> sent = ArgumentCaptor.forClass(ObjectNode.class);
        verify(api).submit(eq("q-4"), sent.capture());
        ObjectNode content = sent.getValue();
        assertThat(content.get("measures").isArray()).isTrue();
        assertThat(content.get("measures").valueStream().map(node -> node.asString()).toList()).containsExactly("LOCATE", "MONITOR");
        assertThat(content.get("assetTypes").valueStream().map(node -> node.asString()).toList())
                .containsExactly("Real estate", "Vehicles");
        assertThat(content.get("personOfInterest").asString()).isEqualTo("J. Doe");
    }

    @Test
    void thePersonsAreRowsThatCanBeAddedAndAreSentWithoutTheBlankOnes() throws Exception {
        when(api.request("q-2")).thenReturn(aMutualLegalAssistanceDraft());

        String page = mvc.perform(get("/triage/requests/q-2/completion").with(aTriageOfficer()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("name=\"persons[0].name\" value=\"K. Suspect\"", "name=\"persons[0].nationality\" value=\"\"",
                "name=\"_add\" value=\"persons\"").doesNotContain("name=\"persons[1].name\"");

        String added = mvc.perform(post("/triage/requests/q-2/completion").with(aTriageOfficer()).with(csrf())
                        .param("persons[0].name", "K. Suspect").param("persons[0].location", "Lyon").param("_add", "persons"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(added).contains("name=\"persons[0].location\" value=\"Lyon\"", "name=\"persons[1].name\"");

        mvc.perform(post("/triage/requests/q-2/completion").with(aTriageOfficer()).with(csrf())
                        .param("persons[0].name", "K. Suspect").param("persons[0].location", "Lyon")
                        .param("persons[0].nationality", "FR").param("persons[1].name", "").param("persons[2].name", "M. Other")
                        .param("persons[2].location", "Paris").param("persons[2].nationality", "BE"))
                .andExpect(redirectedUrl("/triage/requests"));
        ArgumentCaptor<ObjectNode> sent = ArgumentCaptor.forClass(ObjectNode.class);
        verify(api).submit(eq("q-2"), sent.capture());
        assertThat(sent.getValue().get("persons").toString()).isEqualTo(
                "[{\"name\":\"K. Suspect\",\"location\":\"Lyon\",\"nationality\":\"FR\"},"
                        + "{\"name\":\"M. Other\",\"location\":\"Paris\",\"nationality\":\"BE\"}]");
        assertThat(sent.getValue().get("summaryOfFacts").asString()).isEqualTo("Funds moved through Lyon");
    }

    @Test
    void anItemTheApiStillFindsMissingIsShownBesideItsFieldWithWhatWasTypedKept() throws Exception {
        when(api.request("q-1")).thenReturn(aPaymentStopDraft());
        doThrow(new ApiProblemException(new ApiProblem(422, "urn:cyberreport:problem:unprocessable", null,
                "The request cannot be sent: amount", List.of(new ApiProblem.FieldProblem("amount",
                "is required for a PAYMENT_STOP request")), null, null))).when(api).submit(eq("q-1"), any());

        String page = mvc.perform(post("/triage/requests/q-1/completion").with(aTriageOfficer()).with(csrf())
                        .param("amount.currency", "EUR").param("valueDate", "2026-11-30T09:30")
                        .param("transactionReference", "TX-2026-0001"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"amount.amount-error\"", "is needed for a request of type Payment stop",
                "href=\"#amount.amount\"", "value=\"TX-2026-0001\"", "value=\"2026-11-30T09:30\"");
    }

    @Test
    void aDraftWhoseDataMayNotBePassedOnIsRefusedWithASentenceRatherThanTheApisItemName() throws Exception {
        when(api.request("q-1")).thenReturn(aPaymentStopDraft());
        doThrow(new ApiProblemException(new ApiProblem(422, "urn:cyberreport:problem:unprocessable", null, null,
                List.of(new ApiProblem.FieldProblem("handling.permission (the data is marked AMBER [H3] and may not be passed on"
                        + " without its owner's permission)", "is required for a PAYMENT_STOP request")), null, null)))
                .when(api).submit(eq("q-1"), any());

        String page = mvc.perform(post("/triage/requests/q-1/completion").with(aTriageOfficer()).with(csrf())
                        .header("Accept-Language", "fr").param("amount.amount", "10").param("valueDate", "2026-11-30T09:30")
                        .param("transactionReference", "TX-2026-0001"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("ne devant pas être transmises sans l&#39;autorisation", "value=\"TX-2026-0001\"")
                .doesNotContain("handling.permission", "La demande a été refusée");
    }

    @Test
    void aRefusedValueComesBackBesideItsFieldInArabicRightToLeft() throws Exception {
        when(api.request("q-1")).thenReturn(aPaymentStopDraft());
        doThrow(new ApiProblemException(new ApiProblem(400, "urn:cyberreport:problem:validation-failed", null, null,
                List.of(new ApiProblem.FieldProblem("content.valueDate", "must be within 366 days before and 31 days after now")),
                null, null))).when(api).submit(eq("q-1"), any());

        String page = mvc.perform(post("/triage/requests/q-1/completion").with(aTriageOfficer()).with(csrf())
                        .header("Accept-Language", "ar").param("amount.amount", "10").param("valueDate", "2020-01-01T10:00"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("dir=\"rtl\"", "id=\"valueDate-error\"", "يجب أن يكون بين 366 يوماً قبل الآن و31 يوماً بعده",
                "value=\"2020-01-01T10:00\"", "تاريخ القيمة");
    }

    @Test
    void aCompletionWithoutItsCsrfTokenIsRefusedAndSendsNothing() throws Exception {
        mvc.perform(post("/triage/requests/q-1/completion").with(aTriageOfficer()).param("transactionReference", "TX"))
                .andExpect(status().isForbidden());

        verify(api, never()).submit(any(), any());
    }

    @Test
    void aRequestNoLongerADraftOrNotTheCountrysGetsTheErrorPages() throws Exception {
        when(api.request("q-1")).thenReturn(aPaymentStopDraft());
        doThrow(new ApiProblemException(new ApiProblem(409, "urn:cyberreport:problem:state-conflict", null, null, List.of(),
                null, null))).when(api).submit(eq("q-1"), any());
        when(api.request("q-9")).thenThrow(new ApiProblemException(new ApiProblem(404, "urn:cyberreport:problem:not-found",
                null, null, List.of(), null, null)));

        mvc.perform(post("/triage/requests/q-1/completion").with(aTriageOfficer()).with(csrf())
                        .param("amount.amount", "10").param("valueDate", "2026-11-30T09:30").param("transactionReference", "TX"))
                .andExpect(status().isConflict());
        mvc.perform(get("/triage/requests/q-9/completion").with(aTriageOfficer())).andExpect(status().isNotFound());
        mvc.perform(post("/triage/requests/q-9/completion").with(aTriageOfficer()).with(csrf())).andExpect(status().isNotFound());
    }

    @Test
    void aSentRequestHasNothingLeftToComplete() throws Exception {
        when(api.request("q-3")).thenReturn(new CaseViews.Request("q-3", "MA-2026-000003", "FR", "PRESERVATION", false, "SENT",
                List.of(), json("{\"offence\":\"fraud\"}")));

        String page = mvc.perform(get("/triage/requests/q-3/completion").with(aTriageOfficer()))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        mvc.perform(post("/triage/requests/q-3/completion").with(aTriageOfficer()).with(csrf()))
                .andExpect(status().isConflict());

        assertThat(page).contains("This request is no longer a draft").doesNotContain("action=\"/triage/requests/q-3/completion\"");
        verify(api, never()).submit(any(), any());
    }

    @Test
    void theOfficerWithdrawsAnOpenRequestAbroadWithAReason() throws Exception {
        when(api.request("q-3")).thenReturn(new CaseViews.Request("q-3", "MA-2026-000003", "FR", "PRESERVATION", false, "SENT",
                List.of(), json("{\"offence\":\"fraud\"}")));
        ArgumentCaptor<RequestWithdrawalController.WithdrawalForm> sent =
                ArgumentCaptor.forClass(RequestWithdrawalController.WithdrawalForm.class);

        String page = mvc.perform(get("/triage/requests/q-3/withdrawal").with(aTriageOfficer()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        mvc.perform(post("/triage/requests/q-3/withdrawal").with(aTriageOfficer()).with(csrf())
                        .param("reason", "The suspect was arrested; the data is no longer needed."))
                .andExpect(redirectedUrl("/triage/requests"))
                .andExpect(flash().attribute("notice", "withdrawal.done"));

        assertThat(page).contains("MA-2026-000003", "Preservation", "action=\"/triage/requests/q-3/withdrawal\"", "name=\"reason\"");
        verify(api).withdraw(eq("q-3"), sent.capture());
        assertThat(sent.getValue().reason).isEqualTo("The suspect was arrested; the data is no longer needed.");
    }

    @Test
    void aWithdrawalWithoutAReasonIsRefusedBesideTheFieldInFrench() throws Exception {
        when(api.request("q-3")).thenReturn(new CaseViews.Request("q-3", "MA-2026-000003", "FR", "PRESERVATION", false,
                "ACKNOWLEDGED", List.of(), json("{}")));
        doThrow(new ApiProblemException(new ApiProblem(400, "urn:cyberreport:problem:validation-failed", null, null,
                List.of(new ApiProblem.FieldProblem("reason", "must not be blank")), null, null)))
                .when(api).withdraw(eq("q-3"), any());

        String page = mvc.perform(post("/triage/requests/q-3/withdrawal").with(aTriageOfficer()).with(csrf())
                        .header("Accept-Language", "fr").param("reason", " "))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("lang=\"fr\"", "id=\"reason-error\"", "doit être renseigné", "Retirer une demande à l&#39;étranger");
    }

    @Test
    void anAnsweredRequestCannotBeWithdrawnAndTheFormIsRefusedWithoutItsCsrfToken() throws Exception {
        when(api.request("q-4")).thenReturn(new CaseViews.Request("q-4", "MA-2026-000004", "ES", "INFORMATION_REQUEST", false,
                "ANSWERED", List.of(), json("{}")));
        when(api.request("q-3")).thenReturn(new CaseViews.Request("q-3", "MA-2026-000003", "FR", "PRESERVATION", false, "SENT",
                List.of(), json("{}")));

        String page = mvc.perform(get("/triage/requests/q-4/withdrawal").with(aTriageOfficer()).header("Accept-Language", "ar"))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        mvc.perform(post("/triage/requests/q-4/withdrawal").with(aTriageOfficer()).with(csrf()).param("reason", "x"))
                .andExpect(status().isConflict());
        mvc.perform(post("/triage/requests/q-3/withdrawal").with(aTriageOfficer()).param("reason", "x"))
                .andExpect(status().isForbidden());

        assertThat(page).contains("dir=\"rtl\"").doesNotContain("action=\"/triage/requests/q-4/withdrawal\"");
        verify(api, never()).withdraw(any(), any());
    }

    @Test
    void aMissingReasonForTheUrgencyIsExplainedRatherThanOffered() throws Exception {
        when(api.request("q-5")).thenReturn(new CaseViews.Request("q-5", "MA-2026-000005", "ES", "INFORMATION_REQUEST", true,
                "DRAFT", List.of("purpose", "urgencyReason"), json("{\"questions\":[\"Who holds the account?\"]}")));

        String page = mvc.perform(get("/triage/requests/q-5/completion").with(aTriageOfficer()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("The reason for the urgency is missing, and this page cannot add it")
                .doesNotContain("name=\"urgencyReason\"", "action=\"/triage/requests/q-5/completion\"");
    }

    @Test
    void aCaseShowsTheReportAsFiled() throws Exception {
        CaseViews.Case c = aCase();
        when(api.read("c-1")).thenReturn(new CaseViews.Case(c.id(), c.reference(), c.country(), c.unit(), c.filedBy(),
                c.receivedAt(), c.reportVersion(), c.reportStatus(), c.reportedCategory(), c.category(), c.subtype(), c.status(),
                c.level(), c.dueAt(), c.priority(), null, null, null, c.links(), null, null, null, null, c.notes(), c.history(), json("""
                        {"category":"ONLINE_FRAUD","jurisdictionCountry":"MA","narrative":"A trading mentor met on Instagram took her savings.",
                         "victims":[{"kind":"PERSON","name":"Amina El Idrissi","minor":false}],
                         "subjects":[{"type":"PHONE","value":"+447911123456"}],
                         "transactions":[{"method":"INSTANT_PAYMENT","amount":{"amount":500.00,"currency":"EUR"},
                           "executedAt":"2026-11-30T08:00:00Z","to":{"iban":"FR7630006000011234567890189","country":"FR"},
                           "status":"COMPLETED"}],
                         "evidence":[{"fileName":"chat.txt","sha256":"%s"}],
                         "handling":{"tlp":"AMBER"},"someFieldTheConsoleDoesNotShow":1}""".formatted("ab".repeat(32)))));

        String page = mvc.perform(get("/triage/cases/c-1").with(aTriageOfficer()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("The report as filed", "A trading mentor met on Instagram took her savings.",
                "Amina El Idrissi", "+447911123456", "€500.00", "France", "chat.txt", "ab".repeat(32));
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
    void aCaseShowsItsIdentifiersSetAsideAndItsRequestsAbroadWithTheirAnswersInEachLanguage() throws Exception {
        when(api.read("c-1")).thenReturn(aCase());
        when(api.requestsAbout("c-1")).thenReturn(List.of(
                new CaseViews.SentRequest("q-1", "MA-2026-000001", "FR", "PAYMENT_STOP", true, "ANSWERED", Instant.now(),
                        Instant.now().plus(1, ChronoUnit.DAYS), false, new CaseViews.Answer("Funds frozen at BNP Paribas", "liaison.fr",
                        Instant.now()), null, "DELIVERED", List.of()),
                new CaseViews.SentRequest("q-2", "MA-2026-000001", "ES", "PRESERVATION", false, "SENT", Instant.now(),
                        Instant.now().plus(3, ChronoUnit.DAYS), false, null, null, "DELIVERED", List.of())));

        String english = mvc.perform(get("/triage/cases/c-1").with(aTriageOfficer()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String french = mvc.perform(get("/triage/cases/c-1").with(aTriageOfficer()).header("Accept-Language", "fr"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String arabic = mvc.perform(get("/triage/cases/c-1").with(aTriageOfficer()).header("Accept-Language", "ar"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(english).contains("Identifiers set aside", "domain:gmail.com",
                "On the warning list \u201cPublic webmail providers\u201d (version 20261130)",
                "It names a platform that hosts many users, not an account on it",
                "Requests abroad about this case", "Funds frozen at BNP Paribas", "Spain");
        assertThat(french).contains("Identifiants mis de côté", "Sur la liste d&#39;avertissement « Public webmail providers » (version 20261130)",
                "Demandes à l&#39;étranger sur ce dossier", "Funds frozen at BNP Paribas");
        assertThat(arabic).contains("معرّفات مستبعدة", "الطلبات إلى الخارج بشأن هذا الملف", "dir=\"ltr\"");
    }

    @Test
    void aSupervisorReadsACaseWithoutItsActionsOrTheOfficersRequests() throws Exception {
        when(api.read("c-1")).thenReturn(aCase());

        String page = mvc.perform(get("/triage/cases/c-1").with(org.cyberreport.console.Signed.user("supervisor.ma",
                        "triage-supervisor", "MA", null)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("MA-2026-000001", "Identifiers set aside").doesNotContain("action=\"/triage/cases/c-1/claim\"")
                .doesNotContain("Requests abroad about this case");
        org.mockito.Mockito.verify(api, org.mockito.Mockito.never()).requestsAbout("c-1");
        mvc.perform(get("/triage/queue").with(org.cyberreport.console.Signed.user("supervisor.ma", "triage-supervisor", "MA", null)))
                .andExpect(status().isForbidden());
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

    private static tools.jackson.databind.JsonNode json(String content) {
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(content);
    }

    /** A payment stop lacking the amount (its currency is known), the value date and the transaction reference. */
    private static CaseViews.Request aPaymentStopDraft() {
        return new CaseViews.Request("q-1", "MA-2026-000001", "FR", "PAYMENT_STOP", true, "DRAFT",
                List.of("amount", "valueDate", "transactionReference"), json("""
                        {"paymentRail":"SEPA_INSTANT","victimBank":"Attijariwafa bank","beneficiaryBank":"Banque Exemple",
                         "beneficiaryAccount":"FR7630006000011234567890189","amount":{"currency":"EUR"},
                         "questions":[],"persons":[],"measures":[],"assetTypes":[],"knownAssets":[],
                         "victims":[{"name":"A. Victim","role":"account holder"}]}"""));
    }

    /** An asset tracing whose measures name one the check does not accept, and with no kinds of assets. */
    private static CaseViews.Request anAssetTracingDraft() {
        return new CaseViews.Request("q-4", "MA-2026-000004", "ES", "ASSET_TRACING", false, "DRAFT",
                List.of("measures", "assetTypes"), json("""
                        {"personOfInterest":"J. Doe","offence":"fraud","measures":["FREEZE","LOCATE"],"assetTypes":[]}"""));
    }

    /** A mutual legal assistance whose one person has no nationality. */
    private static CaseViews.Request aMutualLegalAssistanceDraft() {
        return new CaseViews.Request("q-2", "MA-2026-000002", "ES", "MUTUAL_LEGAL_ASSISTANCE", false, "DRAFT",
                List.of("persons (identity, location and nationality of each)"), json("""
                        {"summaryOfFacts":"Funds moved through Lyon","persons":[{"name":"K. Suspect","location":null}]}"""));
    }

    private static CaseViews.Summary summary(String id, String reference, String level, Instant due) {
        return new CaseViews.Summary(id, reference, "MA-CASABLANCA-CYBER", "ONLINE_FRAUD", "INVESTMENT", "NEW", level, 70,
                true, due, Instant.now(), null, 0, false);
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
                c.setAside(), null, null, c.notes(), c.history(), null);
    }

    private static CaseViews.Case aCase() {
        return new CaseViews.Case("c-1", "MA-2026-000001", "MA", "MA-CASABLANCA-CYBER", "reporter.ma", Instant.now(), 1,
                "FILED", "ONLINE_FRAUD", "ONLINE_FRAUD", "INVESTMENT", "NEW", "P1", Instant.now().plusSeconds(3600),
                new CaseViews.Priority(80, "P1", true, Instant.now(),
                        List.of(new CaseViews.Factor("GOLDEN_HOUR", 35, "payment 40 minutes ago"))),
                null, null, null, List.of(new CaseViews.Link(null, "FR-2026-000009", "FR", null)), null,
                List.of(new CaseViews.SetAside("domain:gmail.com", "WARNING_LIST", "webmail", "Public webmail providers", "20261130"),
                        new CaseViews.SetAside("domain:facebook.com", "PLATFORM_WITHOUT_ACCOUNT", null, null, null)),
                null, null, List.of(), List.of(new CaseViews.HistoryEntry(Instant.now(), "triage", "CREATED", Map.of())), null);
    }
}
