package org.cyberreport.console.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.cyberreport.console.api.ApiProblem;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class RequestCompletionTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void theItemsTheCheckNamesAreOfferedOnceAndAnItemThatIsNoFieldIsExplainedInstead() {
        RequestCompletion completion = RequestCompletion.of(List.of("purpose", "persons (identity, location and nationality of each)",
                "persons", "urgencyReason", "somethingNew"));

        assertThat(completion.offered()).containsExactly("purpose", "persons");
        assertThat(completion.unsupplied()).containsExactly("urgencyReason", "somethingNew");
        assertThat(completion.completable()).isFalse();
        assertThat(completion.kind("purpose")).isEqualTo(RequestCompletion.Kind.LONG_TEXT);
        assertThat(RequestCompletion.of(List.of("offence")).kind("offence")).isEqualTo(RequestCompletion.Kind.TEXT);
    }

    @Test
    void theApisNamesBecomeTheFormsPathsAndAFieldNotOfferedKeepsItsName() {
        RequestCompletion completion = RequestCompletion.of(List.of("amount", "questions", "measures",
                "persons (identity, location and nationality of each)"));
        CompletionForm form = new CompletionForm();
        form.persons.add(new CompletionForm.Person());
        ApiProblem problem = new ApiProblem(400, null, null, null, List.of(
                problem("amount"), problem("content.amount.currency"), problem("content.questions[2]"),
                problem("content.measures[]"), problem("persons (identity, location and nationality of each)"),
                problem("content.persons[0].nationality"), problem("content.persons[3].name"),
                problem("content.valueDate"), problem("urgencyReason")), null, null);

        assertThat(completion.onForm(problem, form).errors()).extracting(ApiProblem.FieldProblem::field).containsExactly(
                "amount.amount", "amount.currency", "questions", "measures", "persons", "persons[0].nationality", "persons",
                "content.valueDate", "urgencyReason");
    }

    @Test
    void aTextLeftBlankLeavesTheContentAsItWasAndAnAmountKeepsItsOtherFields() {
        RequestCompletion completion = RequestCompletion.of(List.of("offence", "amount", "mutualLegalAssistanceToFollow"));
        CompletionForm form = new CompletionForm();
        form.offence = "  ";
        form.amount.amount = new java.math.BigDecimal("0.123456789012345678");

        ObjectNode merged = completion.merged(json.readTree("{\"offence\":null,\"amount\":{\"currency\":\"BTC\",\"note\":\"x\"}}"), form);

        assertThat(merged.toString()).isEqualTo(
                "{\"offence\":null,\"amount\":{\"currency\":\"BTC\",\"note\":\"x\",\"amount\":0.123456789012345678},"
                        + "\"mutualLegalAssistanceToFollow\":false}");
    }

    private static ApiProblem.FieldProblem problem(String field) {
        return new ApiProblem.FieldProblem(field, "is required for a PAYMENT_STOP request");
    }
}
