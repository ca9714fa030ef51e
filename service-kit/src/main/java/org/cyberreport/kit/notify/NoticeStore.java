package org.cyberreport.kit.notify;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Notices in the service's own database ({@code notices}, {@code _id} the notice's key, so a fact
 * posted twice is stored once). Every query is served by an index: a user's list by
 * {@code audience, createdAt}; the stream's walk, the mailer's and the expiry by {@code createdAt}.
 * A notice is written once and never changed: what was mailed is the mailer's watermark, not a state
 * of each notice.
 */
public class NoticeStore {

    static final String COLLECTION = "notices";

    private final MongoTemplate template;

    public NoticeStore(MongoTemplate template) {
        this.template = template;
        template.indexOps(COLLECTION).createIndex(new Index().on("audience", Sort.Direction.ASC)
                .on("createdAt", Sort.Direction.ASC).named("audience_created"));
        template.indexOps(COLLECTION).createIndex(new Index().on("createdAt", Sort.Direction.ASC).named("created"));
    }

    /**
     * Stores the notices not stored yet, one insert each; a key stored before is refused by the unique
     * {@code _id} (rare: the board remembers the keys it posted). Returns those it stored.
     */
    List<Notice> insertNew(Collection<Notice> notices) {
        if (notices.isEmpty()) {
            return List.of();
        }
        Map<String, Notice> byKey = new java.util.LinkedHashMap<>();
        notices.forEach(notice -> byKey.putIfAbsent(notice.key(), notice));
        List<Notice> stored = new ArrayList<>();
        for (Notice notice : byKey.values()) {
            try {
                template.insert(toDocument(notice), COLLECTION);
                stored.add(notice);
            } catch (DuplicateKeyException twin) {
                // posted before, or at the same moment by another thread or instance: stored once
            }
        }
        return stored;
    }

    List<Notice> forAudiences(Set<String> keys, Instant since, int limit) {
        return template.find(query(where("audience").in(keys).and("createdAt").gte(Date.from(since)))
                        .with(Sort.by(Sort.Order.desc("createdAt"))).limit(limit), Document.class, COLLECTION)
                .stream().map(NoticeStore::fromDocument).toList();
    }

    List<Notice> createdSince(Instant since, int limit) {
        return template.find(query(where("createdAt").gte(Date.from(since))).with(Sort.by("createdAt")).limit(limit),
                Document.class, COLLECTION).stream().map(NoticeStore::fromDocument).toList();
    }

    Optional<Notice> find(String key) {
        return Optional.ofNullable(template.findById(key, Document.class, COLLECTION)).map(NoticeStore::fromDocument);
    }

    /** Notices created in a period, oldest first: what the mailer takes between its watermark and now. */
    List<Notice> createdBetween(Instant after, Instant until, int limit) {
        return template.find(query(where("createdAt").gt(Date.from(after)).lte(Date.from(until))).with(Sort.by("createdAt"))
                .limit(limit), Document.class, COLLECTION).stream().map(NoticeStore::fromDocument).toList();
    }

    /** The newest notice's time among those created after {@code after}, or null when there is none. */
    Instant newestAfter(Instant after) {
        Query newest = query(where("createdAt").gt(Date.from(after))).with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(1);
        newest.fields().include("createdAt");
        Document found = template.findOne(newest, Document.class, COLLECTION);
        return found == null ? null : found.getDate("createdAt").toInstant();
    }

    long expire(Instant before) {
        return template.remove(query(where("createdAt").lt(Date.from(before))), COLLECTION).getDeletedCount();
    }

    private static Document toDocument(Notice notice) {
        return new Document("_id", notice.key()).append("kind", notice.kind()).append("audience", notice.audience().key())
                .append("reference", notice.reference()).append("link", notice.link())
                .append("facts", new Document(notice.facts())).append("summary", notice.summary())
                .append("createdAt", Date.from(notice.createdAt()));
    }

    private static Notice fromDocument(Document document) {
        Map<String, String> facts = new HashMap<>();
        Document stored = document.get("facts", Document.class);
        if (stored != null) {
            stored.forEach((name, value) -> facts.put(name, String.valueOf(value)));
        }
        return new Notice(document.getString("_id"), document.getString("kind"), StoredAudience.of(document.getString("audience")),
                document.getString("reference"), document.getString("link"), facts, document.getString("summary"),
                document.getDate("createdAt").toInstant());
    }

    /** Reads a stored audience key back; only {@link Audience#key()} is compared afterwards. */
    static final class StoredAudience {
        private StoredAudience() {
        }

        static Audience of(String key) {
            if (key.startsWith("user:")) {
                return Audience.user(key.substring(5));
            }
            int at = key.indexOf('@');
            String role = key.substring(0, at);
            String rest = key.substring(at + 1);
            int hash = rest.indexOf('#');
            return hash < 0 ? Audience.roleInCountry(role, rest)
                    : Audience.roleInUnit(role, rest.substring(0, hash), rest.substring(hash + 1));
        }
    }

    static Set<String> keysOf(Collection<Notice> notices) {
        Set<String> keys = new HashSet<>();
        notices.forEach(notice -> keys.add(notice.key()));
        return keys;
    }
}
