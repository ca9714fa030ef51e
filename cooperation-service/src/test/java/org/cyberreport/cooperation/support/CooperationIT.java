package org.cyberreport.cooperation.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import org.cyberreport.kit.testing.Http;
import org.cyberreport.kit.testing.JwksServer;
import org.cyberreport.kit.testing.RealMongo;
import org.cyberreport.kit.testing.TestTokens;
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

/** Cooperation as it runs: real HTTP, the embedded database over TCP, tokens checked by the real decoder. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cyberreport.mongodb.embedded.storage=memory",
        // tests seal the audit chain themselves (a sealer in the background would race the cleaning of the trail)
        "cyberreport.audit.seal-interval=PT1H",
        "cyberreport.security.issuer=" + TestTokens.ISSUER,
        "cyberreport.security.audience=" + TestTokens.AUDIENCE,
        "cyberreport.cooperation.allowed-for-development=127.0.0.1",
        "cyberreport.cooperation.signing.local-development-key-file=target/test-signing-key.txt"})
public abstract class CooperationIT {

    /** A payment's value time within the window a payment stop accepts (the last months): yesterday, on the hour. */
    protected static final String VALUE_DATE = java.time.Instant.now().minus(java.time.Duration.ofDays(1))
            .truncatedTo(java.time.temporal.ChronoUnit.HOURS).toString();

    protected static final String TRIAGE_MA = TestTokens.triageOfficer("MA");
    protected static final String TRIAGE_FR = TestTokens.triageOfficer("FR");
    protected static final String LIAISON_FR = TestTokens.liaison("FR");
    protected static final String LIAISON_ES = TestTokens.liaison("ES");
    protected static final String ADMIN = TestTokens.user("admin", List.of("admin"), null, null);
    protected static final String SERVICE = TestTokens.user("service-account-triage-service", List.of("service"), null, null);

    @LocalServerPort
    protected int port;

    /** The management port: health, metrics, the Prometheus scrape. */
    @LocalManagementPort
    protected int managementPort;

    @Autowired
    protected MongoTemplate mongo;

    protected Http http;
    protected Http management;

    @DynamicPropertySource
    static void keySet(DynamicPropertyRegistry registry) {
        registry.add("cyberreport.security.jwk-set-uri", JwksServer::url);
        // a real MongoDB replica set where asked for and a container engine runs (RealMongo), else embedded
        RealMongo.uri("cooperation-it").ifPresent(uri -> registry.add("cyberreport.mongodb.uri", () -> uri));
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
        for (String collection : new String[] {"requests", "audit_log", "audit_chain", "callback_nonces", "request_erasures"}) {
            mongo.remove(new Query(), collection);
        }
        RealMongo.recordOperations(mongo);
    }

    protected Http.Answer put(String path, String token, String body) {
        return http.send(http.request(path, token, Map.of("Content-Type", "application/json"))
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A payment stop escalated by triage's relay (its own service account) about a case. */
    protected void escalate(String escalationId, String caseId, String destination) {
        String escalation = """
                {"escalationId":"%s","caseId":"%s","caseReference":"MA-2026-000007","requestingCountry":"MA",
                 "destinationCountry":"%s","requestType":"PAYMENT_STOP","urgent":true,"reason":"Funds just left",
                 "requestedBy":"triage.ma","handling":{"tlp":"AMBER","codes":["H0"]},
                 "content":{"paymentRail":"INSTANT_PAYMENT","victimBank":"the bank of account MA64","beneficiaryBank":"BIC BNPAFRPP",
                   "beneficiaryAccount":"FR7630006000011234567890189","amount":{"amount":1500.00,"currency":"EUR"},
                   "valueDate":"@VALUE_DATE@","transactionReference":"eb3e7d3c-1b9a-4d6f-9a3f-2c6e5b1d8f70"}}"""
                .formatted(escalationId, caseId, destination).replace("@VALUE_DATE@", VALUE_DATE);
        assertThat(http.post("/internal/escalations", SERVICE, escalation).status()).isLessThan(300);
    }

    protected static String informationRequestTo(String country, boolean send) {
        return """
                {"caseReference":"MA-2026-000042","destinationCountry":"%s","type":"INFORMATION_REQUEST","urgent":false,
                 "handling":{"tlp":"AMBER","codes":["H0"]},"send":%s,
                 "content":{"questions":["Who holds the domain bluecoast-invest.com?"],"purpose":"Identify the operators",
                   "offence":"Investment fraud",
                   "victims":[{"name":"Amina El Idrissi","role":"victim","contact":"+212612345678"}]}}
                """.formatted(country, send);
    }

    protected static String paymentStopTo(String country) {
        return """
                {"caseReference":"MA-2026-000042","destinationCountry":"%s","type":"PAYMENT_STOP","urgent":true,
                 "handling":{"tlp":"AMBER","codes":[]},"send":true,
                 "content":{"paymentRail":"SEPA_INSTANT","victimBank":"Attijariwafa Bank","beneficiaryBank":"BNP Paribas",
                   "beneficiaryAccount":"FR7630006000011234567890189","amount":{"amount":4500.00,"currency":"EUR"},
                   "valueDate":"@VALUE_DATE@","transactionReference":"eb3e7d3c-1b9a-4d6f-9a3f-2c6e5b1d8f70",
                   "victims":[{"name":"Amina El Idrissi","role":"account holder"}]}}
                """.formatted(country).replace("@VALUE_DATE@", VALUE_DATE);
    }
}
