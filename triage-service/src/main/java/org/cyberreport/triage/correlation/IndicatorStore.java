package org.cyberreport.triage.correlation;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Indicators, one document each, whose {@code _id} is the normalised key: a lookup is by key, never a
 * scan, however many are stored. Each holds the cases it appears in.
 */
@Component
public class IndicatorStore {

    static final String COLLECTION = "indicators";

    private final MongoTemplate template;

    IndicatorStore(MongoTemplate template) {
        this.template = template;
        template.indexOps(COLLECTION).createIndex(new Index().on("caseIds", Sort.Direction.ASC).named("cases"));
    }

    /** Records that the case has these indicators; returns the other cases that share any of them. */
    public Set<String> attach(String caseId, Collection<String> keys, Instant now) {
        Set<String> others = new HashSet<>();
        for (String key : keys) {
            Update update = new Update().addToSet("caseIds", caseId).set("lastSeenAt", Date.from(now))
                    .setOnInsert("firstSeenAt", Date.from(now));
            Document indicator = template.findAndModify(new Query(where("_id").is(key)), update,
                    FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
            if (indicator != null) {
                indicator.getList("caseIds", String.class, List.of()).stream().filter(id -> !id.equals(caseId))
                        .forEach(others::add);
            }
        }
        return others;
    }

    /** Removes the case from indicators it no longer has (after an amendment). */
    public void detach(String caseId, Collection<String> keys) {
        for (String key : keys) {
            template.updateFirst(new Query(where("_id").is(key)), new Update().pull("caseIds", caseId), COLLECTION);
        }
    }

    /** The keys of the indicators that list the case: an index lookup. */
    public Set<String> keysOf(String caseId) {
        Query listing = new Query(where("caseIds").is(caseId));
        listing.fields().include("_id");
        Set<String> keys = new HashSet<>();
        template.find(listing, Document.class, COLLECTION).forEach(indicator -> keys.add(indicator.getString("_id")));
        return keys;
    }

    /** The cases an indicator appears in: a lookup by key. */
    public List<String> casesWith(String key) {
        Document indicator = template.findById(key, Document.class, COLLECTION);
        return indicator == null ? List.of() : indicator.getList("caseIds", String.class, List.of());
    }
}
