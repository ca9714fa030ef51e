package org.cyberreport.console.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cyberreport.console.Signed.aTriageOfficer;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** A value date is typed in the console's time zone (CONSOLE_TIME_ZONE) and sent as the instant it names. */
@SpringBootTest(properties = "console.zone=Europe/Paris")
@AutoConfigureMockMvc
class RequestCompletionZoneIT {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    TriageApi api;

    @Test
    void theValueDateIsReadInTheConsolesZone() throws Exception {
        when(api.request("q-1")).thenReturn(new CaseViews.Request("q-1", "MA-2026-000001", "FR", "PAYMENT_STOP", true, "DRAFT",
                List.of("valueDate"), JsonMapper.builder().build().readTree("{\"paymentRail\":\"SEPA_INSTANT\"}")));

        mvc.perform(post("/triage/requests/q-1/completion").with(aTriageOfficer()).with(csrf())
                        .param("valueDate", "2026-11-30T10:30"))
                .andExpect(redirectedUrl("/triage/requests"));

        ArgumentCaptor<ObjectNode> sent = ArgumentCaptor.forClass(ObjectNode.class);
        verify(api).submit(eq("q-1"), sent.capture());
        assertThat(sent.getValue().get("valueDate").asString()).as("10:30 in Paris in winter").isEqualTo("2026-11-30T09:30:00Z");
        assertThat(sent.getValue().get("paymentRail").asString()).isEqualTo("SEPA_INSTANT");
    }
}
