package org.cyberreport.triage.casestate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bson.Document;
import org.cyberreport.triage.Fixtures;
import org.cyberreport.triage.support.TriageIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * While intake cannot be reached, a pass sends nothing, remembers nothing and keeps its watermark: the
 * copies are sent once intake answers (the end-to-end tests deliver them to the real intake, also across
 * an intake that was down).
 */
@TestPropertySource(properties = {"cyberreport.relay.case-states.intake-url=http://127.0.0.1:9",
        "cyberreport.relay.case-states.sweep-lag=0s",
        "cyberreport.service-client.token-uri=http://127.0.0.1:9/token",
        "cyberreport.service-client.client-secret=unused"})
class CaseStateCopiesIT extends TriageIT {

    @Autowired
    CaseStateCopies copies;

    @Test
    void nothingIsForgottenWhileIntakeCannotBeReached() {
        mongo.remove(new org.springframework.data.mongodb.core.query.Query(), "case_state_watermarks");
        mongo.remove(new org.springframework.data.mongodb.core.query.Query(), "case_states");
        deliver(Fixtures.aHandoff("unsent-1", 1, "MA", Fixtures.aPlainFraud()));

        for (int attempt = 0; attempt < 3; attempt++) {
            assertThatThrownBy(() -> copies.pass()).isInstanceOf(RuntimeException.class);
        }

        assertThat(mongo.findById("case_states", Document.class, "case_state_watermarks")).as("the watermark stays").isNull();
        assertThat(mongo.findById("unsent-1", Document.class, "case_states")).as("nothing remembered as sent").isNull();
    }
}
