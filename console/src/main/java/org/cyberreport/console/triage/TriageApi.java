package org.cyberreport.console.triage;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cyberreport.console.api.Gateway;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Triage's case API and the requests the officer's country sent abroad, as the console uses them. */
@Component
class TriageApi {

    private final Gateway gateway;
    private final JsonMapper json;

    TriageApi(Gateway gateway, JsonMapper json) {
        this.gateway = gateway;
        this.json = json;
    }

    CaseViews.Page queue(QueueFilter filter) {
        return gateway.get(uri -> uri.path("/api/triage/cases")
                .queryParamIfPresent("status", Optional.ofNullable(filter.status()))
                .queryParamIfPresent("level", Optional.ofNullable(filter.level()))
                .queryParamIfPresent("category", Optional.ofNullable(filter.category()))
                .queryParam("claimedByMe", filter.mine())
                .queryParam("trafficking", filter.traffickingOnly())
                .queryParam("page", filter.pageOrFirst())
                .queryParam("size", 20)
                .build(), CaseViews.Page.class);
    }

    CaseViews.Case read(String id) {
        return gateway.get(uri -> uri.path("/api/triage/cases/{id}").build(id), CaseViews.Case.class);
    }

    List<CaseViews.CompoundDraft> compoundRequests(String id) {
        return gateway.get(uri -> uri.path("/api/triage/cases/{id}/compound-requests").build(id),
                new ParameterizedTypeReference<List<CaseViews.CompoundDraft>>() { });
    }

    /** A case's or a cluster's indicators as a STIX bundle or a MISP event, streamed to {@code sink}. */
    void export(String kind, String id, String format, Gateway.Download sink) {
        gateway.download(uri -> uri.path("/api/triage/{kind}/{id}/export/{format}").build(kind, id, format), sink);
    }

    /** Attaches one of the case's evidence files to a request its country sent (cooperation checks the rules). */
    void attachFile(String requestId, String fileId) {
        gateway.post(uri -> uri.path("/api/cooperation/requests/{id}/files").build(requestId), Map.of("fileId", fileId),
                Map.of(), JsonNode.class);
    }

    void permitExport(String id, Object form) {
        gateway.post(uri -> uri.path("/api/triage/cases/{id}/export-permission").build(id), form, Map.of(), JsonNode.class);
    }

    List<CaseViews.Feed> feeds() {
        return gateway.get(uri -> uri.path("/api/triage/feeds").build(), new ParameterizedTypeReference<List<CaseViews.Feed>>() { });
    }

    CaseViews.Feed importFeed(java.io.InputStream content, long length, String name) {
        return gateway.upload(uri -> uri.path("/api/triage/feeds").queryParamIfPresent("name", Optional.ofNullable(name)).build(),
                content, length, "application/json", CaseViews.Feed.class);
    }

    void removeFeed(String feedId) {
        gateway.delete(uri -> uri.path("/api/triage/feeds/{id}").build(feedId));
    }

    CaseViews.Cluster cluster(String clusterId) {
        return gateway.get(uri -> uri.path("/api/triage/clusters/{clusterId}").build(clusterId), CaseViews.Cluster.class);
    }

    void act(String id, String action, Object body) {
        gateway.post(uri -> uri.path("/api/triage/cases/{id}/{action}").build(id, action), body, Map.of(), JsonNode.class);
    }

    /** The requests the officer's country sent (or drafted) about one case, with their states and answers. */
    List<CaseViews.SentRequest> requestsAbout(String caseId) {
        return gateway.get(uri -> uri.path("/api/cooperation/requests").queryParam("caseId", caseId).build(),
                new ParameterizedTypeReference<List<CaseViews.SentRequest>>() { });
    }

    List<CaseViews.SentRequest> requestsSent(int page) {
        return gateway.get(uri -> uri.path("/api/cooperation/requests").queryParam("page", page).queryParam("size", 20).build(),
                new ParameterizedTypeReference<List<CaseViews.SentRequest>>() { });
    }

    /**
     * One request of the officer's country with its whole content. Read as text and parsed here with decimals
     * kept as written: the content goes back to the API on completion, and an amount read as a double would not.
     */
    CaseViews.Request request(String id) {
        String body = gateway.get(uri -> uri.path("/api/cooperation/requests/{id}").build(id), String.class);
        return json.readerFor(CaseViews.Request.class).with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .with(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS).without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .readValue(body);
    }

    /** Completes a draft with the given content, which replaces the request's own, and sends it. */
    /** Withdraws a request the officer's country sent (or drafted), with the reason the destination is told. */
    void withdraw(String id, RequestWithdrawalController.WithdrawalForm form) {
        gateway.post(uri -> uri.path("/api/cooperation/requests/{id}/withdrawal").build(id), form, Map.of(), JsonNode.class);
    }

    void submit(String id, ObjectNode content) {
        ObjectNode body = json.createObjectNode();
        body.set("content", content);
        gateway.post(uri -> uri.path("/api/cooperation/requests/{id}/submission").build(id), body, Map.of(), JsonNode.class);
    }
}
