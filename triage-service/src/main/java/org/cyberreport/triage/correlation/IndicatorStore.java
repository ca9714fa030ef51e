package org.cyberreport.triage.correlation;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Indicators, one document each, whose {@code _id} is the normalised key: a lookup is by key, never a
 * scan. The document keeps only a count of its cases and the cluster they are in; which cases have it
 * is one small document per pair in {@code indicator_cases} ({@code _id} key and case id, indexed by
 * key and by case), so attaching a case to an indicator of 2,000 cases reads and writes as little as
 * attaching it to one of 2.
 */
@Component
public class IndicatorStore {

    static final String COLLECTION = "indicators";
    static final String MEMBERS = "indicator_cases";
    /** The hit/no-hit table's entries, one per membership ({@code _id} the same pair): they go with it. */
    public static final String HIT_TAGS = "hit_tags";

    private final MongoTemplate template;

    IndicatorStore(MongoTemplate template) {
        this.template = template;
        template.indexOps(MEMBERS).createIndex(new Index().on("key", Sort.Direction.ASC).on("caseId", Sort.Direction.ASC)
                .named("key_case"));
        template.indexOps(MEMBERS).createIndex(new Index().on("caseId", Sort.Direction.ASC).named("case"));
        // a lookup: the cases of one country that name an identifier
        template.indexOps(MEMBERS).createIndex(new Index().on("key", Sort.Direction.ASC).on("country", Sort.Direction.ASC)
                .on("caseId", Sort.Direction.ASC).named("key_country_case"));
        template.indexOps(COLLECTION).createIndex(new Index().on("clusterId", Sort.Direction.ASC).named("cluster"));
        // the hit/no-hit table follows the memberships in the order they were written
        template.indexOps(MEMBERS).createIndex(new Index().on("at", Sort.Direction.ASC).named("at"));
    }

    /** A case naming an indicator, as the hit/no-hit table reads it. */
    public record Membership(String id, String key, String caseId, String country, Instant at) {
    }

    /** Up to {@code limit} memberships written at or after {@code from}, oldest first (the index {@code at}). */
    public List<Membership> membershipsSince(Instant from, int limit) {
        Query listing = query(where("at").gte(Date.from(from))).with(Sort.by("at")).limit(limit);
        return template.find(listing, Document.class, MEMBERS).stream()
                .map(found -> new Membership(found.getString("_id"), found.getString("key"), found.getString("caseId"),
                        found.getString("country"), found.getDate("at").toInstant()))
                .toList();
    }

    /**
     * The id of a membership's entry in the hit/no-hit table: a hash of the membership's id, so that the
     * table holds no identifier in any form (only tags and sealed references).
     */
    public static String hitTagId(String membershipId) {
        try {
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(java.security.MessageDigest
                    .getInstance("SHA-256").digest(membershipId.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Up to {@code limit} memberships written from {@code from} to {@code to} (both included), oldest first. */
    public List<Membership> membershipsBetween(Instant from, Instant to, int limit) {
        Query listing = query(where("at").gte(Date.from(from)).lte(Date.from(to))).with(Sort.by("at")).limit(limit);
        return template.find(listing, Document.class, MEMBERS).stream()
                .map(found -> new Membership(found.getString("_id"), found.getString("key"), found.getString("caseId"),
                        found.getString("country"), found.getDate("at").toInstant()))
                .toList();
    }

    /** Whether the case still names the indicator (a table entry written after a detach goes again). */
    public boolean isMember(String membershipId) {
        return template.exists(query(where("_id").is(membershipId)), MEMBERS);
    }

    /** Records that the case has this indicator (again: no change); returns the indicator as it now is. */
    Indicator attach(String caseId, String key, String country, Instant now) {
        boolean added;
        try {
            template.insert(new Document("_id", pair(key, caseId)).append("key", key).append("caseId", caseId)
                    .append("country", country).append("at", Date.from(now)), MEMBERS);
            added = true;
        } catch (DuplicateKeyException again) {
            added = false;
        }
        Update update = new Update().inc("count", added ? 1 : 0).set("lastSeenAt", Date.from(now))
                .setOnInsert("firstSeenAt", Date.from(now)).addToSet("countries", country);
        Document found = template.findAndModify(query(where("_id").is(key)), update,
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
        return found.containsKey("caseIds") ? upgrade(found, now) : indicator(found, List.of());
    }

    /**
     * An indicator stored before memberships had their own documents lists its cases in {@code caseIds}
     * and names no cluster: its memberships are written out, it is counted from them, and the list goes.
     * The caller rebuilds the cluster once, which counts and labels the former members.
     */
    private Indicator upgrade(Document legacy, Instant now) {
        String key = legacy.getString("_id");
        List<String> former = legacy.getList("caseIds", String.class, List.of());
        for (String caseId : former) {
            try {
                template.insert(new Document("_id", pair(key, caseId)).append("key", key).append("caseId", caseId)
                        .append("at", Date.from(now)), MEMBERS);
            } catch (DuplicateKeyException already) {
                // written by an earlier, interrupted upgrade
            }
        }
        long count = template.count(query(where("key").is(key)), MEMBERS);
        Document upgraded = template.findAndModify(query(where("_id").is(key)),
                new Update().set("count", count).unset("caseIds"),
                FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
        return indicator(upgraded == null ? legacy : upgraded, former);
    }

    /** Removes the case from an indicator it no longer has (after an amendment). */
    public void detach(String caseId, String key) {
        // the membership first, its hit/no-hit entry after: an entry written meanwhile finds no membership and goes
        Document removed = template.findAndRemove(query(where("_id").is(pair(key, caseId))), Document.class, MEMBERS);
        template.remove(query(where("_id").is(hitTagId(pair(key, caseId)))), HIT_TAGS);
        if (removed != null) {
            Update update = new Update().inc("count", -1);
            String country = removed.getString("country");
            if (country != null && !template.exists(query(where("key").is(key).and("country").is(country)), MEMBERS)) {
                update.pull("countries", country);
            }
            template.updateFirst(query(where("_id").is(key)), update, COLLECTION);
        }
    }

    /** Removes an indicator that no case names any more (its identifier goes with it). */
    public void removeIfUnused(String key) {
        if (!template.exists(query(where("key").is(key)), MEMBERS)) {
            template.remove(query(where("_id").is(key).and("count").lte(0)), COLLECTION);
        }
    }

    /** Memberships written before they named their case's country learn it (once, at a roll-out). */
    void backfillCountry(String caseId, String country, Set<String> keys) {
        if (template.updateMulti(query(where("caseId").is(caseId).and("country").exists(false)),
                new Update().set("country", country), MEMBERS).getModifiedCount() > 0) {
            keys.forEach(key -> template.updateFirst(query(where("_id").is(key)), new Update().addToSet("countries", country),
                    COLLECTION));
        }
    }

    /** Up to {@code limit} cases of one country that name the indicator, in id order, and how many there are. */
    public CountryCases casesIn(String key, String country, int limit) {
        Query listing = query(where("key").is(key).and("country").is(country)).with(Sort.by("caseId")).limit(limit);
        List<String> ids = template.find(listing, Document.class, MEMBERS).stream().map(member -> member.getString("caseId")).toList();
        long total = ids.size() < limit ? ids.size() : template.count(query(where("key").is(key).and("country").is(country)), MEMBERS);
        return new CountryCases(ids, total);
    }

    public record CountryCases(List<String> caseIds, long total) {
    }

    /** The countries whose cases name the indicator (none when no case names it). */
    public Set<String> countriesOf(String key) {
        Document found = template.findById(key, Document.class, COLLECTION);
        if (found == null) {
            return Set.of();
        }
        return new TreeSet<>(found.getList("countries", String.class, List.of()));
    }

    /** Names the indicator's cluster, unless a concurrent correlation named it first. */
    void labelIfUnset(String key, String clusterId) {
        template.updateFirst(query(where("_id").is(key).and("clusterId").is(null)), new Update().set("clusterId", clusterId),
                COLLECTION);
    }

    void label(String key, String clusterId) {
        template.updateFirst(query(where("_id").is(key)), new Update().set("clusterId", clusterId), COLLECTION);
    }

    /** After a merge: the merged cluster's indicators now name the surviving one (by index). */
    void relabel(String from, String to) {
        template.updateMulti(query(where("clusterId").is(from)), new Update().set("clusterId", to), COLLECTION);
    }

    /** The cluster each of these indicators names (absent when none yet). */
    Map<String, String> labels(Collection<String> keys) {
        Map<String, String> labels = new HashMap<>();
        template.find(query(where("_id").in(keys)), Document.class, COLLECTION).forEach(found -> {
            if (found.getString("clusterId") != null) {
                labels.put(found.getString("_id"), found.getString("clusterId"));
            }
        });
        return labels;
    }

    /** The keys of the indicators that list the case: an index lookup. */
    public Set<String> keysOf(String caseId) {
        Query listing = query(where("caseId").is(caseId));
        Set<String> keys = new TreeSet<>();
        template.find(listing, Document.class, MEMBERS).forEach(member -> keys.add(member.getString("key")));
        return keys;
    }

    /** Up to {@code limit} cases an indicator appears in, in id order: a walk of the key's index entries. */
    List<String> casesWith(String key, int limit) {
        Query listing = query(where("key").is(key)).with(Sort.by("caseId")).limit(limit);
        return template.find(listing, Document.class, MEMBERS).stream().map(member -> member.getString("caseId")).toList();
    }

    /** Every case an indicator appears in: for repairs and tests, not for a join. */
    public List<String> casesWith(String key) {
        return casesWith(key, 0);
    }

    private static Indicator indicator(Document found, List<String> upgradedCases) {
        Object count = found.get("count");
        return new Indicator(found.getString("_id"), count instanceof Number n ? n.intValue() : 0,
                found.getString("clusterId"), upgradedCases);
    }

    private static String pair(String key, String caseId) {
        return key + "|" + caseId;
    }

    /**
     * @param upgradedCases the cases an earlier version listed in the indicator, when this attach wrote
     *                      their memberships out; empty otherwise
     */
    record Indicator(String key, int count, String clusterId, List<String> upgradedCases) {
    }
}
