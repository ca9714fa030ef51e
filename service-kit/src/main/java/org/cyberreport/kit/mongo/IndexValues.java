package org.cyberreport.kit.mongo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

/** Values as the secondary indexes hold them: the embedded server's normalisation for comparison. */
final class IndexValues {

    private IndexValues() {
    }

    /**
     * A missing field counts as null; numbers compare as doubles (a long a double cannot hold stays a
     * long), as the embedded server compares them; instants to the millisecond, as BSON stores them.
     */
    static Object normalize(Object value) {
        if (Missing.isNullOrMissing(value)) {
            return null;
        }
        if (value instanceof Long number && number != (long) number.doubleValue()) {
            return number;
        }
        if (value instanceof Number number) {
            double real = number.doubleValue();
            return real == -0.0 ? 0.0 : real;
        }
        if (value instanceof Instant instant) {
            return instant.truncatedTo(ChronoUnit.MILLIS); // what a BSON date holds, as documents are stored
        }
        if (value instanceof Map<?, ?> map) {
            Document normalized = new Document();
            map.forEach((key, inner) -> normalized.put((String) key, normalize(inner)));
            return normalized;
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(IndexValues::normalize).toList();
        }
        return value;
    }

    /**
     * Whether a query value can be looked up in an index as it is: not a pattern, not a whole array
     * (an index holds an array's elements, not the array), not an embedded document or an operator.
     */
    static boolean lookupable(Object value) {
        return !(value instanceof Collection<?> || value instanceof Map<?, ?> || value instanceof Pattern
                || value instanceof BsonRegularExpression);
    }
}
