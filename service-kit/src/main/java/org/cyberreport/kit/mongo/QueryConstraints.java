package org.cyberreport.kit.mongo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * What a query says of each field, as far as an index can use it: the values a field must equal
 * (from a plain value, {@code $eq} or {@code $in}) and the bounds of a range ({@code $gt}, {@code $gte},
 * {@code $lt}, {@code $lte}), read from the top level and from a top-level {@code $and}. Everything
 * else ({@code $or}, {@code $ne}, {@code $exists}, patterns…) only narrows the result further and is
 * left to the matcher, which sees the whole query anyway. A field is "exact" when its values alone decide
 * whether a document matches, which is what a count from the index alone needs.
 */
final class QueryConstraints {

    record Field(List<Object> values, Object lower, Object upper, boolean exact) {

        boolean hasValues() {
            return values != null;
        }

        boolean hasRange() {
            return lower != null || upper != null;
        }
    }

    private final Map<String, Field> fields = new LinkedHashMap<>();
    private boolean onlyExactFields = true;

    private QueryConstraints() {
    }

    static QueryConstraints of(Document query) {
        QueryConstraints constraints = new QueryConstraints();
        constraints.read(query);
        return constraints;
    }

    Field field(String name) {
        return fields.get(name);
    }

    Map<String, Field> fields() {
        return fields;
    }

    /** Whether the query is nothing but exact equalities: then the index alone can count it. */
    boolean onlyExactFields() {
        return onlyExactFields && !fields.isEmpty() && fields.values().stream().allMatch(Field::exact);
    }

    private void read(Document query) {
        for (Map.Entry<String, Object> clause : query.entrySet()) {
            String key = clause.getKey();
            Object value = clause.getValue();
            if (key.equals("$and") && value instanceof Collection<?> parts) {
                for (Object part : parts) {
                    if (part instanceof Document document) {
                        read(document);
                    } else {
                        onlyExactFields = false;
                    }
                }
            } else if (key.startsWith("$")) {
                onlyExactFields = false;
            } else {
                readField(key, value);
            }
        }
    }

    private void readField(String name, Object value) {
        if (value instanceof Document operators && operators.keySet().stream().anyMatch(k -> k.startsWith("$"))) {
            readOperators(name, operators);
        } else if (IndexValues.lookupable(value)) {
            merge(name, new Field(Collections.singletonList(IndexValues.normalize(value)), null, null, exact(value)));
        } else {
            onlyExactFields = false;
        }
    }

    private void readOperators(String name, Document operators) {
        List<Object> values = null;
        Object lower = null;
        Object upper = null;
        boolean exact = true;
        for (Map.Entry<String, Object> operator : operators.entrySet()) {
            Object argument = operator.getValue();
            switch (operator.getKey()) {
                case "$eq" -> {
                    if (IndexValues.lookupable(argument)) {
                        values = Collections.singletonList(IndexValues.normalize(argument));
                        exact &= exact(argument);
                    } else {
                        exact = false;
                    }
                }
                case "$in" -> {
                    if (argument instanceof Collection<?> options && options.stream().allMatch(IndexValues::lookupable)) {
                        values = new ArrayList<>();
                        for (Object option : options) {
                            Object value = IndexValues.normalize(option);
                            if (!values.contains(value)) { // a value named twice is counted once
                                values.add(value);
                            }
                            exact &= exact(option);
                        }
                    } else {
                        exact = false;
                    }
                }
                case "$gt", "$gte" -> {
                    lower = boundOrNull(argument);
                    exact = false;
                }
                case "$lt", "$lte" -> {
                    upper = boundOrNull(argument);
                    exact = false;
                }
                default -> exact = false;
            }
        }
        if (values == null && lower == null && upper == null) {
            onlyExactFields = false;
            return;
        }
        merge(name, new Field(values, lower, upper, exact && values != null));
    }

    /** Two clauses on one field (through {@code $and}): either one gives every candidate; keep both. */
    private void merge(String name, Field field) {
        Field known = fields.get(name);
        if (known == null) {
            fields.put(name, field);
            return;
        }
        onlyExactFields = false;
        fields.put(name, new Field(known.hasValues() ? known.values() : field.values(),
                known.lower() != null ? known.lower() : field.lower(),
                known.upper() != null ? known.upper() : field.upper(), false));
    }

    private static Object boundOrNull(Object argument) {
        // a null or an array as a bound matches by other rules than order: leave it to the matcher
        return argument == null || !IndexValues.lookupable(argument) ? null : IndexValues.normalize(argument);
    }

    /** Values whose equality in the index is exactly the matcher's equality. */
    private static boolean exact(Object value) {
        return value == null || value instanceof String || value instanceof Boolean || value instanceof Instant
                || value instanceof ObjectId || value instanceof UUID;
    }
}
