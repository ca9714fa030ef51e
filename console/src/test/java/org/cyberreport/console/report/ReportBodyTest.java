package org.cyberreport.console.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class ReportBodyTest {

    private final JsonMapper json = JsonMapper.builder().build();

    private static ReportForm anExtortion() {
        ReportForm form = new ReportForm();
        form.category = "EXTORTION";
        form.victims.getFirst().name = "Youssef A.";
        form.extortion.subtype = "SEXTORTION";
        form.extortion.sextortion.victimMinor = true;
        form.onlineFraud.subtype = "ROMANCE";
        return form;
    }

    @Test
    void leavesOutBlanksUntickedBoxesAndTheSectionsOfOtherCategories() {
        ReportForm form = anExtortion();
        form.narrative = "   ";
        form.totalLoss.currency = "";

        ObjectNode body = ReportBody.of(form, json);

        assertThat(body.has("narrative")).isFalse();
        assertThat(body.has("totalLoss")).isFalse();
        assertThat(body.has("onlineFraud")).isFalse();
        assertThat(body.get("extortion").get("sextortion").get("victimMinor").asBoolean()).isTrue();
        assertThat(body.get("extortion").get("sextortion").has("selfHarmRisk")).isFalse();
        assertThat(body.get("extortion").has("ransomware")).isFalse();
        assertThat(body.get("victims").get(0).get("minor")).isNull();
    }

    @Test
    void dropsBlankRowsFromTheFormSoThatRowNumbersStayThoseTheApiNames() {
        ReportForm form = anExtortion();
        form.addRow("evidence");
        form.addRow("evidence");
        form.evidence.get(1).fileName = "threats.txt";
        form.addRow("victims");

        ReportBody.dropBlankRows(form, json);

        assertThat(form.evidence).hasSize(1);
        assertThat(form.evidence.getFirst().fileName).isEqualTo("threats.txt");
        assertThat(form.victims).as("a row with only its kind chosen states nothing").hasSize(1);
    }

    @Test
    void anAmendmentSendsEmptiedListsSoThatRemovedRowsGoAndNeverTheCategory() {
        ReportForm form = anExtortion();
        form.totalLoss.amount = new BigDecimal("0.015");

        ObjectNode body = ReportBody.amendment(form, "The victim's age was wrong", json);

        assertThat(body.has("category")).isFalse();
        assertThat(body.get("subjects").isArray()).isTrue();
        assertThat(body.get("subjects").isEmpty()).isTrue();
        assertThat(body.get("reason").asString()).isEqualTo("The victim's age was wrong");
        assertThat(body.get("totalLoss").get("amount").decimalValue()).isEqualByComparingTo("0.015");
    }

    @Test
    void rowsAreAddedAndRemovedOnlyByTheirOwnNames() {
        ReportForm form = new ReportForm();

        assertThat(form.addRow("crypto.transfers")).isTrue();
        assertThat(form.addRow("handling")).isFalse();
        assertThat(form.removeRow("crypto.transfers:0")).isTrue();
        assertThat(form.removeRow("crypto.transfers:0")).isFalse();
        assertThat(form.removeRow("victims:-1")).isFalse();
        assertThat(form.removeRow("victims:x")).isFalse();
        assertThat(form.removeRow("victims")).isFalse();
    }
}
