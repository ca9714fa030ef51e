package org.cyberreport.triage.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.cyberreport.kit.testing.Http;
import org.cyberreport.kit.testing.JwksServer;
import org.cyberreport.kit.testing.RealMongo;
import org.cyberreport.kit.testing.TestTokens;
import org.cyberreport.triage.report.ReportFacts;
import org.cyberreport.triage.report.ReportHandoff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.cyberreport.kit.mongo.EmbeddedQueryStats;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.json.JsonMapper;

/** Triage as it runs: real HTTP, the embedded database over TCP, tokens checked by the real decoder. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cyberreport.mongodb.embedded.storage=memory",
        // tests seal the audit chain themselves (a sealer in the background would race the cleaning of the trail)
        "cyberreport.audit.seal-interval=PT1H",
        "cyberreport.relay.enabled=false",
        "cyberreport.relay.case-states.enabled=false",
        // Tests call the re-scoring themselves.
        "cyberreport.triage.rescore-first-check=PT1H",
        "cyberreport.security.issuer=" + TestTokens.ISSUER,
        "cyberreport.security.audience=" + TestTokens.AUDIENCE})
public abstract class TriageIT {

    protected static final String INTAKE_SERVICE = TestTokens.user("service-account-intake-service", List.of("service"),
            null, null);
    protected static final String TRIAGE_MA = TestTokens.triageOfficer("MA");
    protected static final String TRIAGE_FR = TestTokens.triageOfficer("FR");

    @LocalServerPort
    protected int port;

    /** The management port: health, metrics, the Prometheus scrape. */
    @LocalManagementPort
    protected int managementPort;

    @Autowired
    protected MongoTemplate mongo;

    @Autowired
    protected JsonMapper json;

    protected Http http;
    protected Http management;

    @DynamicPropertySource
    static void keySet(DynamicPropertyRegistry registry) {
        registry.add("cyberreport.security.jwk-set-uri", JwksServer::url);
        // a real MongoDB replica set where asked for and a container engine runs (RealMongo), else embedded
        RealMongo.uri("triage-it").ifPresent(uri -> registry.add("cyberreport.mongodb.uri", () -> uri));
    }

    /** The embedded store's account of its queries; absent on a real MongoDB (the profile real-mongodb). */
    @Autowired(required = false)
    private EmbeddedQueryStats queries;

    /** Every query the service made in a test was served by a declared index (none scanned a collection). */
    @AfterEach
    void everyQueryWasServedByAnIndex() {
        if (queries != null) {
            assertThat(queries.drainUnindexed()).as("queries that scanned a whole collection").isEmpty();
        }
        // on a real MongoDB, its profiler says the same of every operation (profile real-mongodb)
        assertThat(RealMongo.collectionScans(mongo)).as("operations that scanned a whole collection").isEmpty();
    }

    @BeforeEach
    void cleanDatabase() {
        http = new Http(port);
        management = new Http(managementPort);
        for (String collection : new String[] {"cases", "indicators", "indicator_cases", "clusters",
                "cluster_rescores", "correlations", "escalations", "audit_log", "audit_chain", "erased_reports", "feed_indicators",
                "feeds"}) {
            mongo.remove(new Query(), collection);
        }
        RealMongo.recordOperations(mongo);
    }

    protected Http.Answer deliver(ReportHandoff report) {
        return http.post("/internal/reports", INTAKE_SERVICE, json.writeValueAsString(report));
    }

    protected static ReportHandoff version(ReportHandoff report, long version, String status, ReportFacts content) {
        return new ReportHandoff(report.reportId(), report.reference(), version, status, report.country(), report.unit(),
                report.filedBy(), report.receivedAt(), report.updatedAt(), content);
    }
}
