package org.cyberreport.intake.report.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Human references {@code CC-YYYY-NNNNNN}: a sequence per country and year, drawn with an atomic
 * increment so that concurrent filings never share a number. A number drawn by a filing that is then
 * not stored (a lost idempotency race, a failed insert) stays unused: references are unique and
 * increasing, not gap-free.
 */
@Component
public class ReferenceNumbers {

    static final String COLLECTION = "report_sequences";

    private final MongoTemplate template;

    ReferenceNumbers(MongoTemplate template) {
        this.template = template;
    }

    public String next(String country, int year) {
        String sequence = country + "-" + year;
        return "%s-%06d".formatted(sequence, increment(sequence));
    }

    private long increment(String sequence) {
        FindAndModifyOptions options = FindAndModifyOptions.options().upsert(true).returnNew(true);
        for (int attempt = 1; ; attempt++) {
            try {
                Counter counter = template.findAndModify(query(where("_id").is(sequence)), new Update().inc("value", 1L),
                        options, Counter.class, COLLECTION);
                return counter.value();
            } catch (DuplicateKeyException concurrentUpsert) {
                // Two first-ever increments raced to create the counter; the loser retries against it.
                if (attempt == 3) {
                    throw concurrentUpsert;
                }
            }
        }
    }

    record Counter(String id, long value) {
    }
}
