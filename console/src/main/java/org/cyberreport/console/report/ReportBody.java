package org.cyberreport.console.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The API body of a report form: the form as JSON, without what the user left blank (empty texts and
 * lists, parts with nothing but unticked boxes in them) and without the sections of other categories.
 * What remains is exactly what the user stated; the API validates it and names every failing field.
 */
final class ReportBody {

    private static final Set<String> SECTIONS = Set.of("onlineFraud", "extortion", "crypto", "dataTheft");
    private static final Set<String> LISTS = Set.of("victims", "subjects", "transactions", "evidence",
            "possibleTraffickingVictims");

    private ReportBody() {
    }

    /**
     * Drops the rows the user left blank from the form itself, so that the rows sent and the rows shown
     * keep the same numbers, and a problem about {@code evidence[1]} lands beside the second row.
     */
    static void dropBlankRows(ReportForm form, JsonMapper json) {
        dropBlank(form.victims, json);
        dropBlank(form.subjects, json);
        dropBlank(form.transactions, json);
        dropBlank(form.evidence, json);
        dropBlank(form.crypto.transfers, json);
        dropBlank(form.possibleTraffickingVictims, json);
        form.possibleTraffickingVictims.forEach(person -> {
            dropBlank(person.identifiers, json);
            if (person.identifiers.isEmpty()) {
                // one row to type into; blank, it is left out of the body
                person.identifiers.add(new ReportForm.Subject());
            }
        });
    }

    private static void dropBlank(List<?> rows, JsonMapper json) {
        rows.removeIf(row -> {
            ObjectNode tree = json.valueToTree(row);
            tree.remove("kind"); // a select that always has a value; alone it states nothing
            return prune(tree);
        });
    }

    static ObjectNode of(ReportForm form, JsonMapper json) {
        ObjectNode body = json.valueToTree(form);
        String section = sectionOf(form.category);
        for (String other : SECTIONS) {
            if (!other.equals(section)) {
                body.remove(other);
            }
        }
        prune(body);
        return body;
    }

    /** An amendment replaces every part it gives: the lists are sent even when emptied, so a removed row goes. */
    static ObjectNode amendment(ReportForm form, String reason, JsonMapper json) {
        ObjectNode body = of(form, json);
        body.remove("category");
        for (String list : LISTS) {
            if (!body.has(list)) {
                body.putArray(list);
            }
        }
        body.put("reason", reason);
        return body;
    }

    static String sectionOf(String category) {
        if (category == null) {
            return null;
        }
        return switch (category) {
            case "ONLINE_FRAUD" -> "onlineFraud";
            case "EXTORTION" -> "extortion";
            case "CRYPTO" -> "crypto";
            case "DATA_THEFT" -> "dataTheft";
            default -> null;
        };
    }

    /**
     * Removes blanks depth first; {@code true} when the node states nothing. An unticked box states
     * nothing on its own, so a part with nothing else in it goes; but a part that states something keeps
     * its unticked boxes as {@code false}: the API reads its yes/no fields as required whenever their part
     * is given, and refuses the whole body (before any field is checked) when one is missing.
     */
    private static boolean prune(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> blank = new ArrayList<>();
            boolean states = false;
            for (var entry : object.properties()) {
                if (!prune(entry.getValue())) {
                    states = true;
                } else if (!entry.getValue().isBoolean()) {
                    blank.add(entry.getKey());
                }
            }
            blank.forEach(object::remove);
            return !states;
        }
        if (node instanceof ArrayNode array) {
            for (int i = array.size() - 1; i >= 0; i--) {
                if (prune(array.get(i))) {
                    array.remove(i);
                }
            }
            return array.isEmpty();
        }
        return node == null || node.isNull() || node.isString() && node.asString().isBlank()
                || node.isBoolean() && !node.asBoolean();
    }
}
