package org.cyberreport.console.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cyberreport.console.Signed.aTriageOfficer;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.cyberreport.console.api.Gateway;
import org.cyberreport.console.api.Versioned;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.UriBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/** Hit/no-hit in the console against a stubbed API: the partners switched on, the question, the answer, the follow-up. */
@SpringBootTest
@AutoConfigureMockMvc
class PartnerCheckPagesIT {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Gateway gateway;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void franceIsSwitchedOn() {
        when(gateway.get(any(Function.class), any(ParameterizedTypeReference.class))).thenReturn(List.of(
                new PartnerCheckController.Entry("ES", null), new PartnerCheckController.Entry("FR", true)));
    }

    @Test
    void theLookUpPageOffersThePartnersSwitchedOnToOfficersOnly() throws Exception {
        String officer = mvc.perform(get("/lookup").with(aTriageOfficer())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String supervisor = mvc.perform(get("/lookup").with(org.cyberreport.console.Signed.user("supervisor.ma", "triage-supervisor", "MA", null))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(officer).contains("action=\"/lookup/partner\"", "<option value=\"FR\">").doesNotContain("<option value=\"ES\">France");
        assertThat(officer.substring(officer.indexOf("/lookup/partner"))).doesNotContain("value=\"ES\"");
        assertThat(supervisor).doesNotContain("action=\"/lookup/partner\"");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aHitShowsThePartnersReferenceAndItsRequestGoesWithOneAction() throws Exception {
        ArgumentCaptor<Object> asked = ArgumentCaptor.forClass(Object.class);
        Map<String, Object> followUp = Map.of("destinationCountry", "FR", "type", "INFORMATION_REQUEST",
                "handling", Map.of("tlp", "AMBER", "codes", List.of()),
                "content", Map.of("questions", List.of("Your reference(s) FR-2026-000031 name an identifier"), "purpose", "Wallet check"));
        when(gateway.post(any(Function.class), asked.capture(), anyMap(), eq(PartnerCheckController.Answer.class)))
                .thenReturn(new Versioned<>(new PartnerCheckController.Answer("FR", "CRYPTO_ADDRESS", List.of(
                        new PartnerCheckController.Result("crypto:ethereum:0xabc", true, List.of("FR-2026-000031"))), 12, followUp), null));

        String page = mvc.perform(post("/lookup/partner").with(aTriageOfficer()).with(csrf()).header("Accept-Language", "fr")
                        .param("partner", "FR").param("type", "CRYPTO_ADDRESS").param("value", " 0xabc ").param("chain", "ETHEREUM")
                        .param("purpose", "Wallet check"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat((Map<String, Object>) asked.getValue()).containsEntry("partner", "FR").containsEntry("value", "0xabc")
                .containsEntry("chain", "ETHEREUM").containsEntry("purpose", "Wallet check").doesNotContainKey("platform");
        assertThat(page).contains("Réponse de la plateforme de France", "Hit : sa référence FR-2026-000031",
                "action=\"/lookup/partner/request\"");
        String hidden = page.substring(page.indexOf("name=\"followUp\""));
        String json = org.springframework.web.util.HtmlUtils.htmlUnescape(hidden.substring(hidden.indexOf("value=\"") + 7,
                hidden.indexOf('"', hidden.indexOf("value=\"") + 7)));

        ArgumentCaptor<Function<UriBuilder, URI>> where = ArgumentCaptor.forClass(Function.class);
        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        when(gateway.post(where.capture(), sent.capture(), anyMap(), eq(Map.class))).thenReturn(new Versioned<>(Map.of(), null));
        mvc.perform(post("/lookup/partner/request").with(aTriageOfficer()).with(csrf()).param("followUp", json))
                .andExpect(redirectedUrl("/triage/requests"));

        assertThat(where.getValue().apply(UriComponentsBuilder.newInstance()).getPath()).isEqualTo("/api/cooperation/requests");
        assertThat((Map<String, Object>) sent.getValue()).containsEntry("send", true).containsEntry("destinationCountry", "FR")
                .containsEntry("type", "INFORMATION_REQUEST");
    }

    @Test
    @SuppressWarnings("unchecked")
    void withoutAPartnerNothingIsAsked() throws Exception {
        String page = mvc.perform(post("/lookup/partner").with(aTriageOfficer()).with(csrf())
                        .param("type", "PHONE").param("value", "+212600000000").param("purpose", "Call from a bank"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Choose the partner country to ask.");
        verify(gateway, never()).post(any(Function.class), any(), anyMap(), eq(PartnerCheckController.Answer.class));
    }
}
