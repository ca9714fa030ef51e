package org.cyberreport.console.triage;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cyberreport.console.api.Gateway;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/** Triage's case API and the requests the officer's country sent abroad, as the console uses them. */
@Component
class TriageApi {

    private final Gateway gateway;

    TriageApi(Gateway gateway) {
        this.gateway = gateway;
    }

    CaseViews.Page queue(QueueFilter filter) {
        return gateway.get(uri -> uri.path("/api/triage/cases")
                .queryParamIfPresent("status", Optional.ofNullable(filter.status()))
                .queryParamIfPresent("level", Optional.ofNullable(filter.level()))
                .queryParamIfPresent("category", Optional.ofNullable(filter.category()))
                .queryParam("claimedByMe", filter.mine())
                .queryParam("page", filter.pageOrFirst())
                .queryParam("size", 20)
                .build(), CaseViews.Page.class);
    }

    CaseViews.Case read(String id) {
        return gateway.get(uri -> uri.path("/api/triage/cases/{id}").build(id), CaseViews.Case.class);
    }

    CaseViews.Cluster cluster(String clusterId) {
        return gateway.get(uri -> uri.path("/api/triage/clusters/{clusterId}").build(clusterId), CaseViews.Cluster.class);
    }

    void act(String id, String action, Object body) {
        gateway.post(uri -> uri.path("/api/triage/cases/{id}/{action}").build(id, action), body, Map.of(), JsonNode.class);
    }

    List<CaseViews.SentRequest> requestsSent(int page) {
        return gateway.get(uri -> uri.path("/api/cooperation/requests").queryParam("page", page).queryParam("size", 20).build(),
                new ParameterizedTypeReference<List<CaseViews.SentRequest>>() { });
    }
}
