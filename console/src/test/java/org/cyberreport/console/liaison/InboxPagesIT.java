package org.cyberreport.console.liaison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cyberreport.console.Signed.aLiaison;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.cyberreport.console.api.Gateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A liaison's request page against a stubbed API client. */
@SpringBootTest
@AutoConfigureMockMvc
class InboxPagesIT {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Gateway gateway;

    @Test
    void aRequestShowsItsHandlingMarksAsATlpBannerWithTheCodesSpeltOut() throws Exception {
        RequestViews.Request request = new RequestViews.Request("q-1", "MA-2026-000001", "MA", "FR", "PAYMENT_STOP",
                new RequestViews.LegalBasis("INTERPOL I-GRIP", "Art. 10",
                        List.of("Proposed: INTERPOL I-GRIP: the procedure is open to every member country.")), true,
                new RequestViews.Handling("AMBER_STRICT", List.of("H2", "H0"), null), "SENT", Instant.now(), Instant.now(),
                Instant.now().plusSeconds(7200), false, null, false, null, null, null,
                JsonMapper.builder().build().readTree("{\"beneficiaryBank\":\"BIC DEUTDEFF\",\"purpose\":null}"),
                JsonMapper.builder().build().readTree("""
                        {"goldenHourFrom":"2026-11-29T08:00:00Z","firstRequestId":"q-0","hops":[{"requestId":"q-0","country":"FR",
                         "institution":"BNP Paribas","account":"FR7630006000011234567890189","amount":{"amount":4500.00,"currency":"EUR"}}]}"""),
                null);
        when(gateway.get(any(Function.class), eq(RequestViews.Request.class))).thenReturn(request);

        String page = mvc.perform(get("/inbox/q-1").with(aLiaison()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("tlp-banner tlp-amber-strict", "TLP:AMBER+STRICT", "Limited disclosure, to your organisation only.",
                "Not to be passed on without permission.", "Use only for the stated purpose.", "BIC DEUTDEFF",
                "action=\"/inbox/q-1/acknowledge\"", "urgent",
                "the procedure is open to every member country.", "BNP Paribas", "FR7630006000011234567890189", "4500 EUR");
        assertThat(page).as("a payment stop's answer has no preservation date").doesNotContain("name=\"preservedUntil\"");
    }

    @Test
    void theFilesARequestCarriesAreListedAsDownloadsThatPassThroughTheLiaisonsOwnSession() throws Exception {
        RequestViews.Request request = new RequestViews.Request("q-1", "MA-2026-000001", "MA", "FR", "PAYMENT_STOP",
                new RequestViews.LegalBasis("INTERPOL I-GRIP", "Art. 10", List.of()), true,
                new RequestViews.Handling("AMBER", List.of(), null), "SENT", Instant.now(), Instant.now(),
                Instant.now().plusSeconds(7200), false, null, false, null, null, null,
                JsonMapper.builder().build().readTree("{}"), null, null);
        when(gateway.get(any(Function.class), eq(RequestViews.Request.class))).thenReturn(request);
        when(gateway.get(any(Function.class), any(org.springframework.core.ParameterizedTypeReference.class))).thenReturn(List.of(
                new RequestViews.AttachedFile("f-1", "statement.pdf", "application/pdf", 1234, "ab".repeat(32), "triage.ma",
                        Instant.now())));
        org.mockito.Mockito.doAnswer(call -> {
            org.cyberreport.console.api.Gateway.Download sink = call.getArgument(1);
            org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
            headers.set("Content-Disposition", "attachment; filename=\"statement.pdf\"");
            sink.accept(headers, new java.io.ByteArrayInputStream("%PDF-1.7".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
            return null;
        }).when(gateway).download(any(Function.class), any());

        String page = mvc.perform(get("/inbox/q-1").with(aLiaison()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        var download = mvc.perform(get("/inbox/q-1/files/f-1/download").with(aLiaison()))
                .andExpect(status().isOk()).andReturn().getResponse();

        assertThat(page).contains("Evidence files", "href=\"/inbox/q-1/files/f-1/download\"", "statement.pdf",
                "recorded in the reporting country");
        assertThat(download.getContentAsString()).isEqualTo("%PDF-1.7");
        assertThat(download.getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"statement.pdf\"");
        assertThat(download.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(download.getContentType()).isEqualTo("application/octet-stream");
    }

    @Test
    void aPreservationIsAnsweredWithTheDayUntilWhichTheDataIsKept() throws Exception {
        RequestViews.Request request = new RequestViews.Request("q-2", "MA-2026-000002", "MA", "FR", "PRESERVATION",
                new RequestViews.LegalBasis("Budapest Convention on Cybercrime", "Art. 29", List.of()), false,
                new RequestViews.Handling("AMBER", List.of("H0"), null), "ACKNOWLEDGED", Instant.now(), Instant.now(),
                Instant.now().plusSeconds(86_400), false, null, false, Instant.now(), null, null,
                JsonMapper.builder().build().readTree("{\"dataToPreserve\":\"Subscriber and log data\"}"), null, null);
        when(gateway.get(any(Function.class), eq(RequestViews.Request.class))).thenReturn(request);

        String page = mvc.perform(get("/inbox/q-2").with(aLiaison()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("name=\"preservedUntil\"", "type=\"date\"");

        mvc.perform(post("/inbox/q-2/answer").with(aLiaison()).with(csrf())
                        .param("text", "The data is preserved").param("preservedUntil", "2027-03-01"))
                .andExpect(redirectedUrl("/inbox/q-2"));
        verify(gateway).post(any(Function.class), eq(Map.of("text", "The data is preserved", "preservedUntil", "2027-03-01T23:59:59Z")),
                anyMap(), eq(JsonNode.class));
    }
}
