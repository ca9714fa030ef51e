package org.cyberreport.console.triage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cyberreport.console.api.ApiProblem;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the completion page offers for a draft request abroad, and the content it sends. The cooperation
 * API replaces a draft's content with the one a submission gives, so the content sent is the request's
 * own with the offered items overlaid ({@link #merged}); an item the draft does not lack is never taken
 * from the form, whatever was posted.
 *
 * @param offered     the missing items the form has a field for, in the check's order
 * @param unsupplied  the missing items it has none for: {@code urgencyReason}, which is not part of the
 *                    content, or an item this console does not know
 */
record RequestCompletion(List<String> offered, List<String> unsupplied) {

    /** How each item is typed on the form; texts by their size in the content (up to 500 characters on one line). */
    enum Kind { TEXT, LONG_TEXT, TICK, LINES, MEASURES, AMOUNT, TIME, PERSONS }

    static final Set<String> MEASURES = Set.of("LOCATE", "IDENTIFY", "OBTAIN_INFORMATION", "MONITOR");

    private static final Map<String, Kind> ITEMS = items();

    private static Map<String, Kind> items() {
        Map<String, Kind> items = new LinkedHashMap<>();
        for (String text : List.of("requestingAuthority", "offence", "paymentRail", "victimBank", "beneficiaryBank",
                "beneficiaryAccount", "transactionReference", "personOfInterest")) {
            items.put(text, Kind.TEXT);
        }
        for (String text : List.of("summaryOfFacts", "dataToPreserve", "linkToOffence", "custodianOrLocation", "necessity",
                "purpose", "proceedingsSubject", "proceedingsNature", "assistanceSought")) {
            items.put(text, Kind.LONG_TEXT);
        }
        items.put("mutualLegalAssistanceToFollow", Kind.TICK);
        items.put("questions", Kind.LINES);
        items.put("assetTypes", Kind.LINES);
        items.put("measures", Kind.MEASURES);
        items.put("amount", Kind.AMOUNT);
        items.put("valueDate", Kind.TIME);
        items.put("persons", Kind.PERSONS);
        return Map.copyOf(items);
    }

    static RequestCompletion of(List<String> missing) {
        List<String> offered = new ArrayList<>();
        List<String> unsupplied = new ArrayList<>();
        for (String named : missing == null ? List.<String>of() : missing) {
            String item = itemOf(named);
            List<String> into = ITEMS.containsKey(item) ? offered : unsupplied;
            if (!into.contains(item)) {
                into.add(item);
            }
        }
        return new RequestCompletion(List.copyOf(offered), List.copyOf(unsupplied));
    }

    /** The item a name of the completeness check is about: {@code persons (identity, …)} is {@code persons}. */
    static String itemOf(String named) {
        return named.strip().split(" ", 2)[0];
    }

    public Kind kind(String item) {
        return ITEMS.get(item);
    }

    /** Whether the draft can be sent from this page: it lacks nothing the page cannot supply. */
    public boolean completable() {
        return unsupplied.isEmpty();
    }

    /**
     * The request's content with each offered item overlaid: a text as typed (one left blank leaves the
     * content as it was), the tick box as {@code true} or {@code false}, lists one element per line, the
     * measures ticked, the persons' rows that are not blank, the amount as a number with its currency
     * (inside the content's own amount object), the value date as an ISO-8601 instant. Every other field of
     * the content is sent as it was read.
     */
    ObjectNode merged(JsonNode content, CompletionForm form) {
        ObjectNode merged = content instanceof ObjectNode object ? object.deepCopy() : JsonNodeFactory.instance.objectNode();
        for (String item : offered) {
            switch (ITEMS.get(item)) {
                case TEXT, LONG_TEXT -> {
                    String typed = text(form, item);
                    if (typed != null && !typed.isBlank()) {
                        merged.put(item, typed);
                    }
                }
                case TICK -> merged.put(item, form.mutualLegalAssistanceToFollow);
                case LINES -> strings(merged.putArray(item), "questions".equals(item) ? form.questions : form.assetTypes);
                case MEASURES -> strings(merged.putArray(item),
                        form.measures.stream().filter(MEASURES::contains).toList());
                case AMOUNT -> {
                    ObjectNode amount = merged.get("amount") instanceof ObjectNode given ? given : merged.putObject("amount");
                    if (form.amount.amount != null) {
                        amount.put("amount", form.amount.amount);
                    }
                    if (form.amount.currency != null && !form.amount.currency.isBlank()) {
                        amount.put("currency", form.amount.currency);
                    }
                }
                case TIME -> {
                    if (form.valueDate != null) {
                        merged.put(item, form.valueDate.toString());
                    }
                }
                case PERSONS -> {
                    ArrayNode persons = merged.putArray(item);
                    form.persons.stream().filter(person -> !person.blank()).forEach(person -> {
                        ObjectNode row = persons.addObject();
                        putIfGiven(row, "name", person.name);
                        putIfGiven(row, "location", person.location);
                        putIfGiven(row, "nationality", person.nationality);
                    });
                }
            }
        }
        return merged;
    }

    /**
     * The problem with each failing field named as the form's path: the API names a missing item as the
     * check does ({@code amount}, {@code persons (identity, …)}) and a refused value by its path in the body
     * ({@code content.valueDate}, {@code content.questions[2]}, {@code content.persons[0].name}). A field this
     * page does not offer keeps the API's name, so it is shown above the form rather than beside a field
     * that is not there. The obstacle of the handling marks is left out: see {@link #refusedForItsMarks}.
     */
    ApiProblem onForm(ApiProblem problem, CompletionForm form) {
        List<ApiProblem.FieldProblem> errors = problem.errors().stream().filter(error -> !aboutTheMarks(error))
                .map(error -> new ApiProblem.FieldProblem(pathOnForm(error.field(), form), error.message())).toList();
        return new ApiProblem(problem.status(), problem.type(), problem.title(), problem.detail(), errors,
                problem.moreErrors(), problem.retryAfter());
    }

    /**
     * Whether the API refused to send because the handling marks of the case's data forbid passing it on
     * without its owner's permission ({@code handling.permission (…)}): nothing on this page can change that.
     */
    static boolean refusedForItsMarks(ApiProblem problem) {
        return problem.errors().stream().anyMatch(RequestCompletion::aboutTheMarks);
    }

    private static boolean aboutTheMarks(ApiProblem.FieldProblem error) {
        return error.field() != null && error.field().startsWith("handling.permission");
    }

    private String pathOnForm(String field, CompletionForm form) {
        if (field == null) {
            return null;
        }
        String path = itemOf(field.startsWith("content.") ? field.substring("content.".length()) : field);
        String item = path.split("[.\\[]", 2)[0];
        if (!offered.contains(item)) {
            return field;
        }
        return switch (ITEMS.get(item)) {
            case AMOUNT -> path.equals("amount.currency") ? path : "amount.amount";
            case PERSONS -> path.matches("persons\\[(\\d+)]\\.(name|location|nationality)")
                    && Integer.parseInt(path.substring(8, path.indexOf(']'))) < form.persons.size() ? path : item;
            default -> item;
        };
    }

    private static String text(CompletionForm form, String item) {
        return switch (item) {
            case "requestingAuthority" -> form.requestingAuthority;
            case "offence" -> form.offence;
            case "summaryOfFacts" -> form.summaryOfFacts;
            case "dataToPreserve" -> form.dataToPreserve;
            case "linkToOffence" -> form.linkToOffence;
            case "custodianOrLocation" -> form.custodianOrLocation;
            case "necessity" -> form.necessity;
            case "purpose" -> form.purpose;
            case "proceedingsSubject" -> form.proceedingsSubject;
            case "proceedingsNature" -> form.proceedingsNature;
            case "assistanceSought" -> form.assistanceSought;
            case "paymentRail" -> form.paymentRail;
            case "victimBank" -> form.victimBank;
            case "beneficiaryBank" -> form.beneficiaryBank;
            case "beneficiaryAccount" -> form.beneficiaryAccount;
            case "transactionReference" -> form.transactionReference;
            case "personOfInterest" -> form.personOfInterest;
            default -> throw new IllegalArgumentException(item);
        };
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.stream().filter(value -> value != null && !value.isBlank()).forEach(array::add);
    }

    private static void putIfGiven(ObjectNode row, String name, String value) {
        if (value != null && !value.isBlank()) {
            row.put(name, value);
        }
    }
}
