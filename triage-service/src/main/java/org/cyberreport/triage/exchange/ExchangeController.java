package org.cyberreport.triage.exchange;

import java.util.List;
import java.util.Map;

import org.cyberreport.kit.security.Caller;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping(path = "/api/triage")
@Tag(name = "Intelligence exchange", description = "Indicators out as STIX 2.1 and MISP, known-bad feeds in")
class ExchangeController {

    static final String STIX = "application/stix+json;version=2.1";

    private final Exchange exchange;

    ExchangeController(Exchange exchange) {
        this.exchange = exchange;
    }

    @GetMapping(path = "/cases/{id}/export/stix", produces = {STIX, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "A case's suspect identifiers as a STIX 2.1 bundle, marked with TLP 2.0 and its handling codes; "
            + "403 for a case marked TLP:RED or H2 without the originator's permission")
    ResponseEntity<Map<String, Object>> caseStix(Caller caller, @PathVariable String id) {
        return file(exchange.exportCase(caller, id, Exchange.Format.STIX), "case-" + id + ".stix.json", STIX);
    }

    @GetMapping(path = "/cases/{id}/export/misp", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A case's suspect identifiers as a MISP event (core JSON format), TLP as a tag")
    ResponseEntity<Map<String, Object>> caseMisp(Caller caller, @PathVariable String id) {
        return file(exchange.exportCase(caller, id, Exchange.Format.MISP), "case-" + id + ".misp.json",
                MediaType.APPLICATION_JSON_VALUE);
    }

    @GetMapping(path = "/clusters/{clusterId}/export/stix", produces = {STIX, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "The identifiers of a cluster's cases of the officer's country as a STIX 2.1 bundle under the "
            + "strictest TLP among them; cases needing permission are left out and counted (Cyberreport-Withheld-Cases)")
    ResponseEntity<Map<String, Object>> clusterStix(Caller caller, @PathVariable String clusterId) {
        return file(exchange.exportCluster(caller, clusterId, Exchange.Format.STIX), clusterId + ".stix.json", STIX);
    }

    @GetMapping(path = "/clusters/{clusterId}/export/misp", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The identifiers of a cluster's cases of the officer's country as a MISP event")
    ResponseEntity<Map<String, Object>> clusterMisp(Caller caller, @PathVariable String clusterId) {
        return file(exchange.exportCluster(caller, clusterId, Exchange.Format.MISP), clusterId + ".misp.json",
                MediaType.APPLICATION_JSON_VALUE);
    }

    record PermissionRequest(@NotBlank @Size(max = 2000) String permission) {
    }

    @PostMapping(path = "/cases/{id}/export-permission", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Supervisor: record the originator's permission to export a case marked TLP:RED or H2 "
            + "(who gave it, the reference of their agreement)")
    Map<String, Object> permit(Caller caller, @PathVariable String id, @Valid @RequestBody PermissionRequest request) {
        var permitted = exchange.permitExport(caller, id, request.permission());
        return Map.of("caseId", permitted.id(), "reference", permitted.reference(), "exportPermitted", true);
    }

    @PostMapping(path = "/feeds", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Supervisor: import a MISP event (or a list of them) or a STIX 2.1 bundle of known-bad indicators; "
            + "the cases naming them gain the KNOWN_BAD_INDICATOR factor at once")
    FeedStore.Feed importFeed(Caller caller, @RequestBody JsonNode document,
                              @RequestParam(required = false) @Size(max = 200)
                              @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
                              String name) {
        return exchange.importFeed(caller, document, name);
    }

    @GetMapping(path = "/feeds", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The feeds the caller's country imported, newest first")
    List<FeedStore.Feed> feeds(Caller caller) {
        return exchange.feeds(caller);
    }

    @DeleteMapping(path = "/feeds/{feedId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Supervisor: remove a feed; the cases it matched are re-scored")
    void removeFeed(Caller caller, @PathVariable String feedId) {
        exchange.removeFeed(caller, feedId);
    }

    private static ResponseEntity<Map<String, Object>> file(Exchange.Export export, String name, String mediaType) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(mediaType))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .header("Cyberreport-Tlp", export.tlp().displayName())
                .header("Cyberreport-Withheld-Cases", String.valueOf(export.withheldCases()))
                .body(export.document());
    }
}
