package org.cyberreport.console.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cyberreport.console.Signed.aReporter;
import static org.cyberreport.console.Signed.aTriageOfficer;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import org.cyberreport.console.api.Gateway;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.UriBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/** Evidence files in the console against a stubbed API: attached streamed, shown with their custody, downloaded only. */
@SpringBootTest
@AutoConfigureMockMvc
class EvidencePagesIT {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Gateway gateway;

    private static final EvidencePages.FileView PROGRAM = new EvidencePages.FileView("f-1", "r-1", "statement.pdf",
            "application/x-msdownload", "application/pdf", false, true, 512L,
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", Instant.parse("2026-12-01T10:00:00Z"),
            "reporter.ma", List.of(
                    new EvidencePages.Custody(Instant.parse("2026-12-01T10:00:00Z"), "RECEIVED", "reporter.ma", "MA",
                            "MA-CASABLANCA-CYBER", "SHA-256 9f86…, 512 bytes"),
                    new EvidencePages.Custody(Instant.parse("2026-12-01T10:05:00Z"), "PASSED_TO_TRIAGE", "triage relay", "MA",
                            null, "listed in version 2 of report MA-2026-000001, delivered to triage"),
                    new EvidencePages.Custody(Instant.parse("2026-12-01T11:00:00Z"), "DOWNLOADED", "triage.ma", "MA", null,
                            "SHA-256 9f86…")));

    @Test
    @SuppressWarnings("unchecked")
    void aFileIsAttachedStreamedWithItsStatedDigest() throws Exception {
        ArgumentCaptor<Function<UriBuilder, URI>> where = ArgumentCaptor.forClass(Function.class);
        ArgumentCaptor<InputStream> content = ArgumentCaptor.forClass(InputStream.class);
        byte[] bytes = "%PDF-1.7 the chat export".getBytes(StandardCharsets.US_ASCII);
        when(gateway.upload(where.capture(), content.capture(), anyLong(), anyString(), eq(EvidencePages.FileView.class)))
                .thenAnswer(invocation -> {
                    assertThat(((InputStream) invocation.getArgument(1)).readAllBytes()).isEqualTo(bytes);
                    return PROGRAM;
                });

        mvc.perform(multipart("/reports/r-1/files").file(new MockMultipartFile("file", "chat export.pdf", "application/pdf", bytes))
                        .param("sha256", " 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 ").with(aReporter()).with(csrf()))
                .andExpect(redirectedUrl("/reports/r-1#evidence"));

        URI uri = where.getValue().apply(UriComponentsBuilder.newInstance());
        assertThat(uri.getPath()).isEqualTo("/api/reports/r-1/files");
        assertThat(uri.getQuery()).contains("name=chat export.pdf", "sha256=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
    }

    @Test
    void aFileIsShownWithItsChainOfCustodyAndAWarningForAProgram() throws Exception {
        when(gateway.get(any(Function.class), eq(EvidencePages.FileView.class))).thenReturn(PROGRAM);

        String officer = mvc.perform(get("/triage/cases/r-1/files/f-1").with(aTriageOfficer()).header("Accept-Language", "fr"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(officer).contains("Chaîne de traçabilité", "Reçu", "Transmis au triage", "Téléchargé", "triage.ma",
                "Ce fichier est un programme", "application/x-msdownload", "href=\"/triage/cases/r-1/files/f-1/download\"");
        String reporter = mvc.perform(get("/reports/r-1/files/f-1").with(aReporter()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(reporter).contains("Chain of custody", "href=\"/reports/r-1/files/f-1/download\"");
        mvc.perform(get("/triage/cases/r-1/files/f-1").with(aReporter())).andExpect(status().isForbidden());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDownloadIsStreamedAsAnAttachmentNeverShown() throws Exception {
        byte[] bytes = new byte[] {'M', 'Z', 0, 1, 2};
        doAnswer(invocation -> {
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"statement.pdf\"");
            headers.set("Repr-Digest", "sha-256=:abc=:");
            ((Gateway.Download) invocation.getArgument(1)).accept(headers, new ByteArrayInputStream(bytes));
            return null;
        }).when(gateway).download(any(Function.class), any());

        MockHttpServletResponse response = mvc.perform(get("/reports/r-1/files/f-1/download").with(aReporter()))
                .andExpect(status().isOk()).andReturn().getResponse();

        assertThat(response.getContentAsByteArray()).isEqualTo(bytes);
        assertThat(response.getContentType()).isEqualTo("application/octet-stream");
        assertThat(response.getHeader(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment;");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeader("Content-Security-Policy")).contains("sandbox");
        assertThat(response.getHeader("Repr-Digest")).isEqualTo("sha-256=:abc=:");
        verify(gateway).download(any(Function.class), any());
    }
}
