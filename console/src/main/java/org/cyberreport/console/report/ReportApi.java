package org.cyberreport.console.report;

import java.time.ZoneId;
import java.util.Map;

import org.cyberreport.console.api.Gateway;
import org.cyberreport.console.api.Versioned;
import org.springframework.stereotype.Component;

import tools.jackson.databind.node.ObjectNode;

/** Intake's report API, as the console uses it. */
@Component
class ReportApi {

    private final Gateway gateway;

    ReportApi(Gateway gateway) {
        this.gateway = gateway;
    }

    ReportViews.Page list(ReportFilter filter, ZoneId zone) {
        return gateway.get(uri -> filter.apply(uri.path("/api/reports"), zone).build(), ReportViews.Page.class);
    }

    Versioned<ReportViews.Report> read(String id) {
        return gateway.getVersioned(uri -> uri.path("/api/reports/{id}").build(id), ReportViews.Report.class);
    }

    ReportViews.Report file(ObjectNode body, String idempotencyKey) {
        return gateway.post(uri -> uri.path("/api/reports").build(), body, Map.of("Idempotency-Key", idempotencyKey),
                ReportViews.Report.class).body();
    }

    ReportViews.Report amend(String id, long version, ObjectNode body) {
        return gateway.post(uri -> uri.path("/api/reports/{id}/amendments").build(id), body, ifMatch(version),
                ReportViews.Report.class).body();
    }

    ReportViews.Report withdraw(String id, long version, String reason) {
        return gateway.post(uri -> uri.path("/api/reports/{id}/withdrawal").build(id), Map.of("reason", reason),
                ifMatch(version), ReportViews.Report.class).body();
    }

    private static Map<String, String> ifMatch(long version) {
        return Map.of("If-Match", "\"" + version + "\"");
    }
}
