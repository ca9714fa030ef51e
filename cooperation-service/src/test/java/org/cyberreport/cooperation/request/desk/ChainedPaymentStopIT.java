package org.cyberreport.cooperation.request.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.bson.Document;
import org.cyberreport.cooperation.support.CooperationIT;
import org.cyberreport.kit.testing.Http;
import org.cyberreport.kit.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/** A payment stop's answer says the money moved on; the platform drafts the next stop, hop after hop. */
@TestPropertySource(properties = "cyberreport.cooperation.forwarding.enabled=false")
class ChainedPaymentStopIT extends CooperationIT {

    private static final String LIAISON_PT = TestTokens.liaison("PT");
    private static final String FIRST_PAYMENT = VALUE_DATE;
    private static final String SECOND_HOP = java.time.Instant.parse(VALUE_DATE).plusSeconds(70 * 60).toString();
    private static final String THIRD_HOP = java.time.Instant.parse(VALUE_DATE).plusSeconds(210 * 60).toString();

    @Autowired
    ExpiryWatch watch;

    @Test
    void aStopChainedOverThreeHopsKeepsTheFirstClockAndTheWholeChain() {
        String first = sent(http.post("/api/cooperation/requests", TRIAGE_MA, paymentStopTo("FR")));

        // FR: the funds had left for Spain
        JsonNode answered = answer(first, LIAISON_FR, onward("ES", "Banco Ejemplo", "ES9121000418450200051332", null,
                "4400.00", "8a562c67-ca16-48ba-b074-65581be6f011", SECOND_HOP));
        assertThat(answered.get("status").asString()).isEqualTo("ANSWERED");
        String second = http.get("/api/cooperation/requests/" + first, TRIAGE_MA).json().get("followUps").get(0).asString();
        JsonNode draft = http.get("/api/cooperation/requests/" + second, TRIAGE_MA).json();
        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.get("destinationCountry").asString()).isEqualTo("ES");
        assertThat(draft.get("type").asString()).isEqualTo("PAYMENT_STOP");
        assertThat(draft.get("missing")).as("complete: the officer only sends it").isEmpty();
        assertThat(draft.get("content").get("beneficiaryAccount").asString()).isEqualTo("ES9121000418450200051332");
        assertThat(draft.get("content").get("beneficiaryBank").asString()).isEqualTo("Banco Ejemplo");
        assertThat(draft.get("content").get("transactionReference").asString()).isEqualTo("8a562c67-ca16-48ba-b074-65581be6f011");
        assertThat(draft.get("content").get("victimBank").asString()).isEqualTo("Attijariwafa Bank");
        assertThat(draft.get("chain").get("goldenHourFrom").asString()).isEqualTo(FIRST_PAYMENT);
        assertThat(hops(draft)).containsExactly("FR FR7630006000011234567890189");

        // one action sends it; ES: the funds went on to Portugal, to a wallet this time
        assertThat(http.post("/api/cooperation/requests/" + second + "/submission", TRIAGE_MA, "{}").json()
                .get("status").asString()).isEqualTo("SENT");
        answer(second, LIAISON_ES, onward("PT", "Exchange Lda", null, "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
                "4300.00", null, THIRD_HOP).replace("\"reference\":null,",
                "\"transactionHash\":\"f4184fc596403b9d638783cf57adfe4c75c605f6356fbc91338530e9831e9e16\","));
        String third = http.get("/api/cooperation/requests/" + second, TRIAGE_MA).json().get("followUps").get(0).asString();
        JsonNode last = http.get("/api/cooperation/requests/" + third, TRIAGE_MA).json();
        assertThat(last.get("destinationCountry").asString()).isEqualTo("PT");
        assertThat(last.get("content").get("beneficiaryAccount").asString()).isEqualTo("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq");
        assertThat(last.get("content").get("transactionReference").asString())
                .isEqualTo("f4184fc596403b9d638783cf57adfe4c75c605f6356fbc91338530e9831e9e16");
        assertThat(last.get("chain").get("goldenHourFrom").asString()).as("the first stop's clock").isEqualTo(FIRST_PAYMENT);
        assertThat(last.get("chain").get("firstRequestId").asString()).isEqualTo(first);
        assertThat(hops(last)).containsExactly("FR FR7630006000011234567890189", "ES ES9121000418450200051332");
        assertThat(last.get("legalBasis").get("instrument").asString()).startsWith("INTERPOL I-GRIP");
        assertThat(last.get("legalBasis").get("reasoning").size()).isPositive();
        assertThat(last.get("legalBasis").get("reasoning").toString()).contains("PT");

        assertThat(http.post("/api/cooperation/requests/" + third + "/submission", TRIAGE_MA, "{}").status()).isEqualTo(200);
        JsonNode atDestination = http.get("/api/cooperation/requests/" + third, LIAISON_PT).json();
        assertThat(atDestination.get("chain").get("goldenHourFrom").asString()).isEqualTo(FIRST_PAYMENT);
        assertThat(hops(atDestination)).hasSize(2);
        assertThat(mongo.count(Query.query(Criteria.where("resourceId").in(second, third).and("action").is("REQUEST_CREATED")),
                "audit_log")).isEqualTo(2);
    }

    @Test
    void fundsBackHomeDraftNothingAndBadTransfersAreRefused() {
        String stop = sent(http.post("/api/cooperation/requests", TRIAGE_MA, paymentStopTo("FR")));
        String info = sent(http.post("/api/cooperation/requests", TRIAGE_MA, informationRequestTo("FR", true)));
        String toES = onward("ES", "Banco Ejemplo", "ES9121000418450200051332", null, "10.00", "ref-1", SECOND_HOP);

        assertThat(http.post("/api/cooperation/requests/" + info + "/answer", LIAISON_FR, toES).status())
                .as("only a payment stop's answer says where funds went").isEqualTo(422);
        assertThat(http.post("/api/cooperation/requests/" + stop + "/answer", LIAISON_FR,
                toES.replace("\"country\":\"ES\"", "\"country\":\"QQ\"")).status()).isEqualTo(422);
        assertThat(http.post("/api/cooperation/requests/" + stop + "/answer", LIAISON_FR,
                toES.replace("\"account\":\"ES9121000418450200051332\"", "\"account\":null")).status()).isEqualTo(422);
        assertThat(http.post("/api/cooperation/requests/" + stop + "/answer", LIAISON_FR,
                toES.replace("\"country\":\"ES\"", "\"country\":\"es\"")).status()).isEqualTo(400);
        assertThat(http.get("/api/cooperation/requests/" + stop, TRIAGE_MA).json().get("status").asString()).isEqualTo("SENT");

        answer(stop, LIAISON_FR, toES.replace("\"country\":\"ES\"", "\"country\":\"MA\""));
        assertThat(http.get("/api/cooperation/requests/" + stop, TRIAGE_MA).json().get("followUps")).isEmpty();
    }

    @Test
    void anAnswerWhoseDraftsACrashPreventedGetsThemFromTheWatch() {
        String stop = sent(http.post("/api/cooperation/requests", TRIAGE_MA, paymentStopTo("FR")));
        answer(stop, LIAISON_FR, onward("ES", "Banco Ejemplo", "ES9121000418450200051332", null, "10.00", "ref-1",
                SECOND_HOP));
        String drafted = http.get("/api/cooperation/requests/" + stop, TRIAGE_MA).json().get("followUps").get(0).asString();
        // as if the process died after storing the answer and before drafting
        mongo.remove(Query.query(Criteria.where("_id").is(drafted)), "requests");
        mongo.updateFirst(Query.query(Criteria.where("_id").is(stop)), new Update().set("followUpsPending", true), "requests");

        watch.draftFollowUpsLeftBehind();
        watch.draftFollowUpsLeftBehind();

        assertThat(http.get("/api/cooperation/requests/" + drafted, TRIAGE_MA).json().get("destinationCountry").asString())
                .isEqualTo("ES");
        assertThat(mongo.count(Query.query(Criteria.where("_id").is(drafted)), "requests")).isEqualTo(1);
        assertThat(mongo.findById(stop, Document.class, "requests").getBoolean("followUpsPending")).isFalse();
    }

    private String sent(Http.Answer created) {
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("status").asString()).isEqualTo("SENT");
        return created.json().get("id").asString();
    }

    private JsonNode answer(String id, String liaison, String body) {
        Http.Answer answered = http.post("/api/cooperation/requests/" + id + "/answer", liaison, body);
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        return answered.json();
    }

    private static String onward(String country, String institution, String account, String wallet, String amount,
                                 String reference, String at) {
        return """
                {"text":"The funds had been transferred on before the stop","fundsMovedOn":[{"country":"%s","institution":"%s",
                 "account":%s,"wallet":%s,"amount":{"amount":%s,"currency":"EUR"},"reference":%s,"at":"%s"}]}"""
                .formatted(country, institution, quoted(account), quoted(wallet), amount, quoted(reference), at);
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    private static List<String> hops(JsonNode request) {
        return request.get("chain").get("hops").valueStream()
                .map(hop -> hop.get("country").asString() + " " + hop.get("account").asString()).toList();
    }
}
