package org.cyberreport.console.admin;

import java.util.List;
import java.util.Map;

import org.cyberreport.console.api.Gateway;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/**
 * What an administrator uses of the API: cooperation's liaison directory and scorecard, and the three
 * relays' hand-offs (intake to triage, triage to cooperation, cooperation abroad) with their re-drive.
 */
@Component
class AdminApi {

    /** The most hand-offs of one kind and state a page lists; the services take at most 500. */
    static final int LIMIT = 100;

    private static final ParameterizedTypeReference<List<AdminViews.DirectoryEntry>> ENTRIES = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<AdminViews.ReportHandoff>> REPORT_HANDOFFS = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<AdminViews.EscalationHandoff>> ESCALATION_HANDOFFS = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<AdminViews.Delivery>> DELIVERIES = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<AdminViews.Scorecard>> SCORECARD = new ParameterizedTypeReference<>() { };

    private final Gateway gateway;

    AdminApi(Gateway gateway) {
        this.gateway = gateway;
    }

    List<AdminViews.DirectoryEntry> directory() {
        return gateway.get(uri -> uri.path("/api/cooperation/directory").build(), ENTRIES);
    }

    AdminViews.DirectoryEntry entry(String country) {
        return gateway.get(uri -> uri.path("/api/cooperation/directory/{country}").build(country), AdminViews.DirectoryEntry.class);
    }

    /** Replaces the country's entry; the endpoint is checked there against server-side request forgery. */
    void update(String country, DirectoryForm form) {
        gateway.put(uri -> uri.path("/api/cooperation/directory/{country}").build(country), form.body(), JsonNode.class);
    }

    List<AdminViews.ReportHandoff> reportHandoffs(String state) {
        return gateway.get(uri -> uri.path("/api/reports/handoffs").queryParam("state", state).queryParam("limit", LIMIT).build(),
                REPORT_HANDOFFS);
    }

    List<AdminViews.EscalationHandoff> escalationHandoffs(String state) {
        return gateway.get(uri -> uri.path("/api/triage/escalations").queryParam("state", state).queryParam("limit", LIMIT).build(),
                ESCALATION_HANDOFFS);
    }

    List<AdminViews.Delivery> deliveries(String state) {
        return gateway.get(uri -> uri.path("/api/cooperation/forwarding").queryParam("state", state).queryParam("limit", LIMIT).build(),
                DELIVERIES);
    }

    /** Puts a parked hand-off of a kind back in line, by the id its service knows it by. */
    void redrive(Relay relay, String id) {
        gateway.post(uri -> uri.path(relay.path() + "/{id}/redrive").build(id), null, Map.of(), JsonNode.class);
    }

    List<AdminViews.Scorecard> scorecard() {
        return gateway.get(uri -> uri.path("/api/cooperation/scorecard").build(), SCORECARD);
    }

    /** The three relays of the platform, by the path of their administration. */
    enum Relay {
        REPORTS("/api/reports/handoffs"), ESCALATIONS("/api/triage/escalations"), DELIVERIES("/api/cooperation/forwarding");

        private final String path;

        Relay(String path) {
            this.path = path;
        }

        String path() {
            return path;
        }
    }
}
