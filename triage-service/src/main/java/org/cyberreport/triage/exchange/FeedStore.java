package org.cyberreport.triage.exchange;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.bson.Document;
import org.cyberreport.triage.scoring.KnownBad;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * The imported feeds of known-bad indicators, each a country's own (imported by its supervisor, matched
 * against its cases only, listed and removed by its people only): one document per feed ({@code feeds}:
 * country, name, source, TLP, format, who imported it and when, counts) and one per identifier
 * ({@code feed_indicators}: country, feed, the identifier's correlation key). A feed's identifiers are
 * written before the feed and removed after it: identifiers no feed names match nothing.
 */
@Component
public class FeedStore {

    public static final String FEEDS = "feeds";
    public static final String INDICATORS = "feed_indicators";

    private final MongoTemplate template;

    public record Feed(String id, String country, String name, String source, String format, Tlp tlp, Instant importedAt,
                       String importedBy, int identifiers, int skipped) {
    }

    FeedStore(MongoTemplate template) {
        this.template = template;
        template.indexOps(INDICATORS).createIndex(new Index().on("country", Sort.Direction.ASC)
                .on("key", Sort.Direction.ASC).named("country_key"));
        template.indexOps(INDICATORS).createIndex(new Index().on("feedId", Sort.Direction.ASC)
                .on("_id", Sort.Direction.ASC).named("feed"));
        template.indexOps(FEEDS).createIndex(new Index().on("country", Sort.Direction.ASC)
                .on("importedAt", Sort.Direction.DESC).named("country_imported"));
    }

    /** The country's feeds that list any of the keys, per key: one query on {@code country_key}, then the feeds named. */
    public List<KnownBad> matching(String country, Collection<String> keys) {
        if (keys.isEmpty() || country == null) {
            return List.of();
        }
        List<Document> found = template.find(query(where("country").is(country).and("key").in(keys)), Document.class,
                INDICATORS);
        if (found.isEmpty()) {
            return List.of();
        }
        Map<String, Feed> feeds = new HashMap<>();
        for (Document feed : template.find(query(where("_id").in(found.stream().map(d -> d.getString("feedId"))
                .distinct().toList())), Document.class, FEEDS)) {
            feeds.put(feed.getString("_id"), feed(feed));
        }
        List<KnownBad> matches = new ArrayList<>();
        for (Document indicator : found) {
            Feed feed = feeds.get(indicator.getString("feedId"));
            if (feed != null) {
                matches.add(new KnownBad(indicator.getString("key"), feed.id(), feed.name(), feed.source(),
                        feed.tlp().displayName(), feed.importedAt()));
            }
        }
        matches.sort(Comparator.comparing(KnownBad::key).thenComparing(KnownBad::feedId));
        return matches;
    }

    /** Stores a feed: its identifiers, then the feed. */
    public Feed save(Feed feed, Set<String> keys) {
        List<String> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += 1_000) {
            BulkOperations bulk = template.bulkOps(BulkOperations.BulkMode.UNORDERED, INDICATORS);
            for (String key : all.subList(from, Math.min(all.size(), from + 1_000))) {
                bulk.insert(new Document("_id", feed.id() + "|" + key).append("feedId", feed.id())
                        .append("country", feed.country()).append("key", key));
            }
            bulk.execute();
        }
        template.insert(new Document("_id", feed.id()).append("country", feed.country()).append("name", feed.name())
                .append("source", feed.source()).append("format", feed.format()).append("tlp", feed.tlp().name())
                .append("importedAt", Date.from(feed.importedAt())).append("importedBy", feed.importedBy())
                .append("identifiers", feed.identifiers()).append("skipped", feed.skipped()), FEEDS);
        return feed;
    }

    /** Removes a country's feed, then its identifiers; returns the keys it listed (empty: no such feed there). */
    public Optional<Set<String>> remove(String country, String feedId) {
        if (template.remove(query(where("_id").is(feedId).and("country").is(country)), FEEDS).getDeletedCount() == 0) {
            return Optional.empty();
        }
        Set<String> keys = new TreeSet<>();
        String after = "";
        while (true) {
            List<Document> page = template.find(query(where("feedId").is(feedId).and("_id").gt(after))
                    .with(Sort.by("_id")).limit(1_000), Document.class, INDICATORS);
            if (page.isEmpty()) {
                return Optional.of(keys);
            }
            page.forEach(found -> keys.add(found.getString("key")));
            after = page.getLast().getString("_id");
            template.remove(query(where("_id").in(page.stream().map(d -> d.get("_id")).toList())), INDICATORS);
        }
    }

    /** The identifiers of a feed, a page at a time, in key order. */
    public List<String> keysOf(String feedId, int limit) {
        return template.find(query(where("feedId").is(feedId).and("_id").gt(feedId + "|"))
                .with(Sort.by("_id")).limit(limit), Document.class, INDICATORS).stream()
                .map(found -> found.getString("key")).toList();
    }

    /** A country's feeds, newest first. */
    public List<Feed> feeds(String country) {
        return template.find(query(where("country").is(country)).with(Sort.by(Sort.Direction.DESC, "importedAt")),
                Document.class, FEEDS).stream().map(FeedStore::feed).toList();
    }

    private static Feed feed(Document found) {
        return new Feed(found.getString("_id"), found.getString("country"), found.getString("name"), found.getString("source"),
                found.getString("format"), Tlp.valueOf(found.getString("tlp")), found.getDate("importedAt").toInstant(),
                found.getString("importedBy"), found.getInteger("identifiers", 0), found.getInteger("skipped", 0));
    }
}
