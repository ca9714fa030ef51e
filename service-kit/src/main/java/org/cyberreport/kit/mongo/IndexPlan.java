package org.cyberreport.kit.mongo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import de.bwaldvogel.mongo.bson.Document;

/**
 * How one index serves one query: the values of its leading keys (one list per key, from equalities
 * and {@code $in}), an optional range on the next key, and whether walking it gives the order asked
 * for (1 forward, -1 backward, 0 not). Bounds are always inclusive: the matcher decides the edges.
 */
record IndexPlan(SecondaryIndex index, List<List<Object>> prefix, Object lower, Object upper, boolean ranged,
                 int sortDirection) {

    /** A plan for the index, or null when the query constrains none of its leading keys. */
    static IndexPlan of(SecondaryIndex index, QueryConstraints constraints, Document orderBy, int maxLookups) {
        List<String> keys = index.keyNames();
        List<List<Object>> prefix = new ArrayList<>();
        long lookups = 1;
        for (String key : keys) {
            QueryConstraints.Field field = constraints.field(key);
            if (field == null || !field.hasValues() || lookups * Math.max(1, field.values().size()) > maxLookups) {
                break;
            }
            lookups *= Math.max(1, field.values().size());
            prefix.add(field.values());
        }
        QueryConstraints.Field next = prefix.size() < keys.size() ? constraints.field(keys.get(prefix.size())) : null;
        boolean ranged = next != null && next.hasRange();
        if (prefix.isEmpty() && !ranged) {
            return null;
        }
        int sortDirection = lookups == 1 && !index.multikey() ? sortDirection(index, prefix.size(), orderBy) : 0;
        Object lower = ranged ? next.lower() : null;
        Object upper = ranged ? next.upper() : null;
        if (ranged) {
            // A range with one end matches values of that end's type only (as MongoDB's type bracketing
            // does): the other end is that type's own limit, so that the walk does not read every document
            // whose field is missing or null (they sort first) or of another type.
            lower = lower != null ? lower : lowestOfType(upper);
            upper = upper != null ? upper : highestOfType(lower);
        }
        return new IndexPlan(index, prefix, lower, upper, ranged, sortDirection);
    }

    /** The lowest value of a bound's type, or null (no lower end) when the type has none the index knows. */
    static Object lowestOfType(Object bound) {
        if (bound instanceof java.time.Instant) {
            return java.time.Instant.MIN;
        }
        if (bound instanceof Number) {
            return Double.NEGATIVE_INFINITY;
        }
        if (bound instanceof String) {
            return "";
        }
        return null;
    }

    /**
     * The highest value of a bound's type, or null (no upper end). Dates only: numbers go on past infinity
     * (NaN, in the embedded server's order) and strings have no highest value.
     */
    static Object highestOfType(Object bound) {
        return bound instanceof java.time.Instant ? java.time.Instant.MAX : null;
    }

    /** More constrained keys first; then a plan that gives the order asked for. */
    int score() {
        return prefix.size() * 10 + (ranged ? 5 : 0) + (sortDirection != 0 ? 3 : 0);
    }

    /**
     * Whether the index, past its equality prefix, is in the order asked for: the sort's keys are the
     * next keys of the index, all in the index's directions (1) or all against them (-1); a last sort on
     * {@code _id} is served too when it follows every key, since equal values are in {@code _id} order.
     */
    private static int sortDirection(SecondaryIndex index, int prefixLength, Document orderBy) {
        if (orderBy == null || orderBy.isEmpty()) {
            return 0;
        }
        List<String> keys = index.keyNames();
        int direction = 0;
        int position = prefixLength;
        List<Map.Entry<String, Object>> sorts = new ArrayList<>(orderBy.entrySet());
        for (int i = 0; i < sorts.size(); i++) {
            String key = sorts.get(i).getKey();
            int asked = ((Number) sorts.get(i).getValue()).intValue() >= 0 ? 1 : -1;
            int relative;
            if (key.equals("_id") && i == sorts.size() - 1 && position == keys.size()) {
                relative = asked;
            } else if (position < keys.size() && key.equals(keys.get(position))) {
                relative = asked * index.direction(position);
                position++;
            } else {
                return 0;
            }
            if (direction != 0 && relative != direction) {
                return 0;
            }
            direction = relative;
        }
        return direction;
    }

    /** The positions of the candidates, in index order (or reversed), one range per combination. */
    Iterator<Object> positions(boolean reverse) {
        List<Object[]> combinations = combinations();
        if (reverse) {
            Collections.reverse(combinations);
        }
        Iterator<Object[]> each = combinations.iterator();
        return new Iterator<>() {
            private Iterator<Object> current = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && each.hasNext()) {
                    Object[] values = each.next();
                    current = IndexedH2Collection.positionsOf(index.range(low(values), high(values), reverse));
                }
                return current.hasNext();
            }

            @Override
            public Object next() {
                hasNext();
                return current.next();
            }
        };
    }

    /** The number of entries for exact equalities on the leading keys: two lookups per combination. */
    static long count(SecondaryIndex index, QueryConstraints constraints) {
        IndexPlan plan = of(index, constraints, null, Integer.MAX_VALUE);
        long count = 0;
        for (Object[] values : plan.combinations()) {
            count += index.countBetween(plan.low(values), plan.high(values));
        }
        return count;
    }

    private IndexEntry low(Object[] values) {
        return IndexEntry.probe(withRangeEnd(values, true), IndexEntry.LOW);
    }

    private IndexEntry high(Object[] values) {
        return IndexEntry.probe(withRangeEnd(values, false), IndexEntry.HIGH);
    }

    /** The prefix, plus the range's bound at this end of the index (a descending key swaps the ends). */
    private Object[] withRangeEnd(Object[] values, boolean low) {
        if (!ranged) {
            return values;
        }
        boolean ascending = index.direction(values.length) > 0;
        Object bound = low == ascending ? lower : upper;
        if (bound == null) {
            return values;
        }
        Object[] extended = java.util.Arrays.copyOf(values, values.length + 1);
        extended[values.length] = bound;
        return extended;
    }

    private List<Object[]> combinations() {
        List<Object[]> combinations = new ArrayList<>();
        combinations.add(new Object[0]);
        for (List<Object> values : prefix) {
            List<Object[]> longer = new ArrayList<>();
            for (Object[] combination : combinations) {
                for (Object value : values) {
                    Object[] extended = java.util.Arrays.copyOf(combination, combination.length + 1);
                    extended[combination.length] = value;
                    longer.add(extended);
                }
            }
            combinations = longer;
        }
        return combinations;
    }
}
