package org.cyberreport.console.triage;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * The completion of a draft request abroad: one field per item of the request's content that the
 * completeness check can find missing, named as in the content ({@code valueDate}, {@code amount.amount},
 * {@code persons[0].name}), so that a failing item the API names is a path of this form. The page offers
 * only the items the draft lacks ({@link RequestCompletion}). A form-backing object: public fields, read
 * and written directly by the binder.
 */
public class CompletionForm {

    public String requestingAuthority;
    public String offence;
    public String summaryOfFacts;
    public String dataToPreserve;
    public String linkToOffence;
    public String custodianOrLocation;
    public String necessity;
    public boolean mutualLegalAssistanceToFollow;
    public List<String> questions = new ArrayList<>();
    public String purpose;
    public String proceedingsSubject;
    public String proceedingsNature;
    public String assistanceSought;
    public List<Person> persons = new ArrayList<>();
    public String paymentRail;
    public String victimBank;
    public String beneficiaryBank;
    public String beneficiaryAccount;
    public Money amount = new Money();
    public Instant valueDate;
    public String transactionReference;
    public String personOfInterest;
    public Set<String> measures = new LinkedHashSet<>();
    public List<String> assetTypes = new ArrayList<>();

    public static class Person {
        public String name;
        public String location;
        public String nationality;

        boolean blank() {
            return isBlank(name) && isBlank(location) && isBlank(nationality);
        }
    }

    public static class Money {
        public BigDecimal amount;
        public String currency;
    }

    /**
     * A form that starts from what the content already holds of the items that can be incomplete rather than
     * absent: the persons (one of them may lack a nationality), the measures (those of the four the check
     * accepts) and the amount's currency. The others are missing only when absent, so they start empty.
     */
    static CompletionForm startingFrom(JsonNode content, Set<String> measuresAccepted) {
        CompletionForm form = new CompletionForm();
        if (content == null) {
            form.persons.add(new Person());
            return form;
        }
        for (JsonNode given : content.path("persons")) {
            Person person = new Person();
            person.name = text(given.path("name"));
            person.location = text(given.path("location"));
            person.nationality = text(given.path("nationality"));
            form.persons.add(person);
        }
        if (form.persons.isEmpty()) {
            form.persons.add(new Person());
        }
        for (JsonNode measure : content.path("measures")) {
            if (measuresAccepted.contains(measure.asString())) {
                form.measures.add(measure.asString());
            }
        }
        form.amount.currency = text(content.path("amount").path("currency"));
        return form;
    }

    /** The row buttons: {@code _add=persons} and {@code _remove=persons:1}; {@code false} for anything else. */
    boolean changeRows(String add, String remove) {
        if ("persons".equals(add)) {
            persons.add(new Person());
            return true;
        }
        if (remove != null && remove.startsWith("persons:")) {
            try {
                int index = Integer.parseInt(remove.substring("persons:".length()));
                if (index >= 0 && index < persons.size()) {
                    persons.remove(index);
                }
            } catch (NumberFormatException notAnIndex) {
                // a button that names no row changes nothing; the form is shown again as it was
            }
            return true;
        }
        return false;
    }

    /** Drops the rows left blank, so that the rows sent and the rows shown keep the same numbers. */
    void dropBlankPersons() {
        persons.removeIf(Person::blank);
    }

    private static String text(JsonNode node) {
        return node.isString() && !node.asString().isBlank() ? node.asString() : null;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
