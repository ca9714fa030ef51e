package org.cyberreport.triage.exchange;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.bson.Document;
import org.cyberreport.triage.scoring.KnownBad;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * The imported feeds of known-bad indicators: one document per feed ({@code feeds}: name, source, TLP,
 * format, who imported it and when, counts) and one per identifier ({@code feed_indicators}: the feed,
 * the identifier's correlation key). A feed's identifiers are written before the feed itself: an import
 * cut short leaves identifiers that no feed names, which match nothing and go with the next sweep.
 * The feeds themselves are few and kept in memory, read again after every change.
 */
@Component
public class FeedStore {

    public static final String FEEDS = "feeds";
    public static final String INDICATORS = "feed_indicators";

    private final MongoTemplate template;
    private final AtomicReference<Map<String, Feed>> known = new AtomicReference<>(Map.of());

    public record Feed(String id, String name, String source, String format, Tlp tlp, Instant importedAt,
                       String importedBy, int identifiers, int skipped) {
    }

    FeedStore(MongoTemplate template) {
        this.template = template;
        template.indexOps(INDICATORS).createIndex(new Index().on("key", Sort.Direction.ASC).named("key"));
        template.indexOps(INDICATORS).createIndex(new Index().on("feedId", Sort.Direction.ASC)
                .on("_id", Sort.Direction.ASC).named("feed"));
        reload();
    }

    /** The feeds that list any of the keys, per key; nothing (and no query) while no feed is imported. */
    public List<KnownBad> matching(Collection<String> keys) {
        Map<String, Feed> feeds = known.get();
        if (feeds.isEmpty() || keys.isEmpty()) {
            return List.of();
        }
        List<KnownBad> matches = new ArrayList<>();
        for (Document found : template.find(query(where("key").in(keys)), Document.class, INDICATORS)) {
            Feed feed = feeds.get(found.getString("feedId"));
            if (feed != null) {
                matches.add(new KnownBad(found.getString("key"), feed.id(), feed.name(), feed.source(),
                        feed.tlp().displayName(), feed.importedAt()));
            }
        }
        matches.sort(java.util.Comparator.comparing(KnownBad::key).thenComparing(KnownBad::feedId));
        return matches;
    }

    /** Stores a feed: its identifiers, then the feed. */
    public Feed save(Feed feed, Set<String> keys) {
        List<String> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += 1_000) {
            BulkOperations bulk = template.bulkOps(BulkOperations.BulkMode.UNORDERED, INDICATORS);
            for (String key : all.subList(from, Math.min(all.size(), from + 1_000))) {
                bulk.insert(new Document("_id", feed.id() + "|" + key).append("feedId", feed.id()).append("key", key));
            }
            bulk.execute();
        }
        template.insert(new Document("_id", feed.id()).append("name", feed.name()).append("source", feed.source())
                .append("format", feed.format()).append("tlp", feed.tlp().name())
                .append("importedAt", Date.from(feed.importedAt())).append("importedBy", feed.importedBy())
                .append("identifiers", feed.identifiers()).append("skipped", feed.skipped()), FEEDS);
        reload();
        return feed;
    }

    /** Removes a feed, then its identifiers; returns the keys it listed. */
    public Optional<Set<String>> remove(String feedId) {
        if (template.remove(query(where("_id").is(feedId)), FEEDS).getDeletedCount() == 0) {
            return Optional.empty();
        }
        reload();
        return Optional.of(removeIdentifiers(feedId));
    }

    private Set<String> removeIdentifiers(String feedId) {
        Set<String> keys = new java.util.TreeSet<>();
        String after = "";
        while (true) {
            List<Document> page = template.find(query(where("feedId").is(feedId).and("_id").gt(after))
                    .with(Sort.by("_id")).limit(1_000), Document.class, INDICATORS);
            if (page.isEmpty()) {
                return keys;
            }
            page.forEach(found -> keys.add(found.getString("key")));
            after = page.getLast().getString("_id");
            template.remove(query(where("feedId").is(feedId).and("_id").in(page.stream().map(d -> d.get("_id")).toList())),
                    INDICATORS);
        }
    }

    /** The identifiers of a feed, a page at a time, in key order. */
    public List<String> keysOf(String feedId, String after, int limit) {
        return template.find(query(where("feedId").is(feedId).and("_id").gt(feedId + "|" + (after == null ? "" : after)))
                .with(Sort.by("_id")).limit(limit), Document.class, INDICATORS).stream()
                .map(found -> found.getString("key")).toList();
    }

    public List<Feed> feeds() {
        return known.get().values().stream().sorted(java.util.Comparator.comparing(Feed::importedAt).reversed()).toList();
    }

    public Optional<Feed> find(String id) {
        return Optional.ofNullable(known.get().get(id));
    }

    /** Other replicas' imports and removals, seen within the period. */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "${cyberreport.triage.feeds-refresh:PT30S}",
            initialDelayString = "${cyberreport.triage.feeds-refresh:PT30S}")
    void refresh() {
        reload();
    }

    private void reload() {
        Map<String, Feed> feeds = new HashMap<>();
        for (Document found : template.findAll(Document.class, FEEDS)) {
            Feed feed = new Feed(found.getString("_id"), found.getString("name"), found.getString("source"),
                    found.getString("format"), Tlp.valueOf(found.getString("tlp")), found.getDate("importedAt").toInstant(),
                    found.getString("importedBy"), found.getInteger("identifiers", 0), found.getInteger("skipped", 0));
            feeds.put(feed.id(), feed);
        }
        known.set(Map.copyOf(feeds));
    }
}
