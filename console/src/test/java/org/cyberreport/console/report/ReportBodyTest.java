package org.cyberreport.console.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
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
    void leavesOutBlanksPartsWithOnlyUntickedBoxesAndTheSectionsOfOtherCategories() {
        ReportForm form = anExtortion();
        form.narrative = "   ";
        form.totalLoss.currency = "";

        ObjectNode body = ReportBody.of(form, json);

        assertThat(body.has("narrative")).isFalse();
        assertThat(body.has("totalLoss")).isFalse();
        assertThat(body.has("onlineFraud")).isFalse();
        assertThat(body.get("extortion").get("sextortion").get("victimMinor").asBoolean()).isTrue();
        assertThat(body.get("extortion").has("ransomware")).isFalse();
        assertThat(body.get("handling").has("codes")).isFalse();
    }

    @Test
    void aPartThatStatesSomethingKeepsItsUntickedBoxesAsFalseForTheApiRequiresThem() {
        ReportForm form = anExtortion();

        ObjectNode body = ReportBody.of(form, json);

        assertThat(body.get("victims").get(0).get("minor").isBoolean()).isTrue();
        assertThat(body.get("victims").get(0).get("minor").asBoolean()).isFalse();
        assertThat(body.get("extortion").get("paid").asBoolean(true)).isFalse();
        assertThat(body.get("extortion").get("sextortion").get("selfHarmRisk").asBoolean(true)).isFalse();
    }

    @Test
    void aPossibleTraffickingVictimLeftBlankGoesAndOneFilledInIsSentWithoutItsBlankParts() {
        ReportForm form = anExtortion();
        form.addRow("possibleTraffickingVictims");
        form.addRow("possibleTraffickingVictims");
        ReportForm.TraffickingPerson held = form.possibleTraffickingVictims.get(1);
        held.name = "Lisa";
        held.indicators.add("FORCED_WORK");
        held.compound.country = "KH";
        held.compound.locality = "Sihanoukville";

        ReportBody.dropBlankRows(form, json);
        ObjectNode body = ReportBody.of(form, json);

        assertThat(form.possibleTraffickingVictims).hasSize(1);
        assertThat(form.possibleTraffickingVictims.getFirst().identifiers).as("one row left to type into").hasSize(1);
        JsonNode person = body.get("possibleTraffickingVictims").get(0);
        assertThat(body.get("possibleTraffickingVictims")).hasSize(1);
        assertThat(person.get("name").asString()).isEqualTo("Lisa");
        assertThat(person.get("indicators").get(0).asString()).isEqualTo("FORCED_WORK");
        assertThat(person.get("compound").get("locality").asString()).isEqualTo("Sihanoukville");
        assertThat(person.has("identifiers")).as("a blank identifier is left out").isFalse();
        assertThat(person.get("compound").has("latitude")).isFalse();
    }

    /** The intake files each documented example (its ReportFilingIT); a form holding one sends exactly it. */
    @ParameterizedTest
    @ValueSource(strings = {"online-fraud", "extortion", "crypto", "data-theft"})
    void theBodyOfAFormHoldingADocumentedExampleIsThatExample(String example) throws Exception {
        JsonNode documented = json.readTree(Files.readString(Path.of("..", "docs", "examples", example + ".json")));
        ReportForm form = json.readerFor(ReportForm.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .readValue(documented);

        ObjectNode body = ReportBody.of(form, json);

        // An empty list states nothing: the API takes it as absent, and the console leaves it out.
        withoutEmptyLists(documented);
        assertThat(json.readTree(json.writeValueAsString(body))).isEqualTo(documented);
    }

    private static void withoutEmptyLists(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.properties().removeIf(part -> part.getValue().isArray() && part.getValue().isEmpty());
        }
        node.values().forEach(ReportBodyTest::withoutEmptyLists);
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
