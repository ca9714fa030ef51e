package org.cyberreport.cooperation.evidence;

import java.util.List;

import org.cyberreport.kit.security.Caller;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

@RestController
@RequestMapping("/api/cooperation/requests/{id}/files")
@Tag(name = "Evidence abroad", description = "Evidence files that travel with a request")
class RequestFilesController {

    private final RequestFiles files;

    RequestFilesController(RequestFiles files) {
        this.files = files;
    }

    record AttachRequest(@NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,64}", message = "must be a file's id") String fileId) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Attach an evidence file of the case's report (triage officer of the requesting country): only to a "
            + "mutual legal assistance request or a payment stop, never to one marked TLP:RED or H2 without permission")
    RequestFiles.AttachedFile attach(Caller caller, @PathVariable String id, @Valid @RequestBody AttachRequest body) {
        return files.attach(caller, id, body.fileId());
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The files a request carries (its officers; the destination's liaisons once it was sent)")
    List<RequestFiles.AttachedFile> list(Caller caller, @PathVariable String id) {
        return files.list(caller, id);
    }

    @GetMapping("/{fileId}/content")
    @Operation(summary = "The destination's liaison downloads a file (never shown inline); the disclosure joins the file's "
            + "chain of custody in the reporting country first")
    void download(Caller caller, @PathVariable String id, @PathVariable String fileId, HttpServletResponse response) {
        files.download(caller, id, fileId, (headers, body) -> {
            response.setContentType(MediaType.APPLICATION_OCTET_STREAM_VALUE);
            for (String name : List.of(HttpHeaders.CONTENT_DISPOSITION, HttpHeaders.CONTENT_LENGTH, "Repr-Digest")) {
                String value = headers.getFirst(name);
                if (value != null) {
                    response.setHeader(name, value);
                }
            }
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            body.transferTo(response.getOutputStream());
        });
    }
}
