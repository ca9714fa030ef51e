package org.cyberreport.console.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cyberreport.console.Signed.aReporter;
import static org.cyberreport.console.Signed.aTriageOfficer;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import org.cyberreport.console.Signed;
import org.cyberreport.console.api.ApiProblem;
import org.cyberreport.console.api.ApiProblemException;
import org.cyberreport.console.api.Gateway;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.UriBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/** "Have we seen this?" against a stubbed API: the question as a form, the answer in the user's language. */
@SpringBootTest
@AutoConfigureMockMvc
class LookupPagesIT {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Gateway gateway;

    @Test
    @SuppressWarnings("unchecked")
    void theOfficerAsksWithAPurposeAndSeesTheCountrysCasesAndOnlyTheNamesOfOtherCountries() throws Exception {
        ArgumentCaptor<Function<UriBuilder, URI>> asked = ArgumentCaptor.forClass(Function.class);
        when(gateway.get(asked.capture(), eq(LookupController.Answer.class))).thenReturn(new LookupController.Answer("IBAN",
                List.of(new LookupController.Found("iban:FR7630006000011234567890189", 2,
                        List.of(new LookupController.CaseFound("c-1", "MA-2026-000011", "MA-CASABLANCA-CYBER", "ONLINE_FRAUD", "P2",
                                "NEW", Instant.now(), 1, "cluster-1", 2)), true, List.of("FR", "ES"))),
                List.of()));

        String french = mvc.perform(post("/lookup").with(aTriageOfficer()).with(csrf()).header("Accept-Language", "fr")
                        .param("type", "IBAN").param("value", " FR76 3000 6000 0112 3456 7890 189 ")
                        .param("purpose", "Appel de la banque du plaignant"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        URI uri = asked.getValue().apply(UriComponentsBuilder.newInstance());
        assertThat(uri.getPath()).isEqualTo("/api/triage/lookup");
        assertThat(uri.getQuery()).contains("type=IBAN", "value=FR76 3000 6000 0112 3456 7890 189", "purpose=Appel de la banque du plaignant");
        assertThat(french).contains("iban:FR7630006000011234567890189", "Dossiers de votre pays qui le citent : 2", "MA-2026-000011",
                "href=\"/triage/cases/c-1\"", "Des signalements d&#39;autres pays le citent aussi : France, Espagne");
    }

    @Test
    void withoutAPurposeNothingIsAskedAndTheFieldSaysWhy() throws Exception {
        String page = mvc.perform(post("/lookup").with(aTriageOfficer()).with(csrf()).param("type", "PHONE").param("value", "+212600000000"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Say why you look it up", "aria-invalid=\"true\"");
        verify(gateway, never()).get(any(Function.class), eq(LookupController.Answer.class));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anIdentifierTheApiCannotReadComesBackBesideTheFieldInArabic() throws Exception {
        when(gateway.get(any(Function.class), eq(LookupController.Answer.class))).thenThrow(new ApiProblemException(new ApiProblem(422,
                "urn:cyberreport:problem:unprocessable", null, "The value cannot be read as PHONE",
                List.of(new ApiProblem.FieldProblem("value", "is not a PHONE that reports could name")), null, null)));

        String page = mvc.perform(post("/lookup").with(aTriageOfficer()).with(csrf()).header("Accept-Language", "ar")
                        .param("type", "PHONE").param("value", "not a number").param("purpose", "مكالمة من البنك"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("dir=\"rtl\"", "value=\"not a number\"", "id=\"value-error\"");
    }

    @Test
    void aSupervisorMayLookUpAReporterMayNot() throws Exception {
        mvc.perform(get("/lookup").with(Signed.user("supervisor.ma", "triage-supervisor", "MA", null))).andExpect(status().isOk());
        mvc.perform(get("/lookup").with(aReporter())).andExpect(status().isForbidden());
        mvc.perform(post("/lookup").with(aTriageOfficer()).param("type", "IBAN").param("value", "x").param("purpose", "p"))
                .andExpect(status().isForbidden());
    }
}
