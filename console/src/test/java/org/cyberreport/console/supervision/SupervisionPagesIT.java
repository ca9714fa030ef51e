package org.cyberreport.console.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cyberreport.console.Signed.aTriageOfficer;
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
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.cyberreport.console.Signed;
import org.cyberreport.console.api.Gateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The supervisor's page against a stubbed API: officers, what is overdue, who holds what, reassignment. */
@SpringBootTest
@AutoConfigureMockMvc
class SupervisionPagesIT {

    private static final RequestPostProcessor SUPERVISOR = Signed.user("supervisor.ma", "triage-supervisor", "MA", null);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Gateway gateway;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void theCountry() {
        Instant late = Instant.now().minus(3, ChronoUnit.HOURS);
        when(gateway.get(any(Function.class), any(ParameterizedTypeReference.class))).thenReturn(List.of(
                new SupervisionController.OfficerLoad("amina", Instant.now(), 2, 1),
                new SupervisionController.OfficerLoad("karim", Instant.now(), 0, 0)));
        when(gateway.get(any(Function.class), eq(SupervisionController.Overdue.class))).thenReturn(new SupervisionController.Overdue(
                Instant.now(), 2, true, List.of(new SupervisionController.OverdueByOfficer("amina", 1, Map.of("P2", 1L), late),
                        new SupervisionController.OverdueByOfficer(null, 1, Map.of("P1", 1L), late))));
        when(gateway.get(any(Function.class), eq(SupervisionController.Page.class))).thenReturn(new SupervisionController.Page(List.of(
                new SupervisionController.Held("c-1", "MA-2026-000001", "ONLINE_FRAUD", "INVESTMENT", "IN_PROGRESS", "P2", 50, late, "amina"),
                new SupervisionController.Held("c-2", "MA-2026-000002", "EXTORTION", "SEXTORTION", "NEW", "P1", 80, late, null)),
                0, 20, 2, 1));
        when(gateway.get(any(Function.class), eq(SupervisionController.Held.class))).thenReturn(
                new SupervisionController.Held("c-1", "MA-2026-000001", "ONLINE_FRAUD", "INVESTMENT", "IN_PROGRESS", "P2", 50, late, "amina"));
    }

    @Test
    void theSupervisorSeesTheOfficersWhatIsOverdueAndWhoHoldsWhatInEachLanguage() throws Exception {
        String english = mvc.perform(get("/supervision").with(SUPERVISOR)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        String french = mvc.perform(get("/supervision").with(SUPERVISOR).header("Accept-Language", "fr")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String arabic = mvc.perform(get("/supervision").with(SUPERVISOR).header("Accept-Language", "ar")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(english).contains("Officers", "amina", "karim", "Past their due time: 2", "nobody yet", "MA-2026-000002",
                "href=\"/supervision/cases/c-1/assignment\"", "href=\"/supervision?heldBy=amina\"");
        assertThat(french).contains("Agents", "Échéance dépassée : 2", "Réattribuer");
        assertThat(arabic).contains("dir=\"rtl\"", "الإشراف", "إعادة الإسناد");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCaseIsReassignedWithAReason() throws Exception {
        String form = mvc.perform(get("/supervision/cases/c-1/assignment").with(SUPERVISOR)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(form).contains("Reassign case MA-2026-000001", "<option value=\"karim\">karim</option>");

        mvc.perform(post("/supervision/cases/c-1/assignment").with(SUPERVISOR).with(csrf())
                        .param("officer", "karim").param("reason", "Amina is on leave"))
                .andExpect(redirectedUrl("/supervision"));

        verify(gateway).post(any(Function.class), eq(Map.of("officer", "karim", "reason", "Amina is on leave")), anyMap(),
                eq(SupervisionController.Held.class));
    }

    @Test
    void onlySupervisorsSupervise() throws Exception {
        mvc.perform(get("/supervision").with(aTriageOfficer())).andExpect(status().isForbidden());
        mvc.perform(get("/").with(SUPERVISOR)).andExpect(redirectedUrl("/supervision"));
    }
}
