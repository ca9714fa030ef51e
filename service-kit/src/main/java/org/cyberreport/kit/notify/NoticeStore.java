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
import org.springframework.data.mongodb.core.query.Update;

/**
 * Notices in the service's own database ({@code notices}, {@code _id} the notice's key, so a fact
 * posted twice is stored once). Every query is served by an index: a user's list by
 * {@code audience, createdAt}, the stream's walk and the expiry by {@code createdAt}, the mailer's
 * claim by {@code mail, createdAt}.
 */
public class NoticeStore {

    static final String COLLECTION = "notices";
    static final String PENDING = "PENDING";
    static final String DONE = "DONE";
    static final String OFF = "OFF";

    private final MongoTemplate template;

    public NoticeStore(MongoTemplate template) {
        this.template = template;
        template.indexOps(COLLECTION).createIndex(new Index().on("audience", Sort.Direction.ASC)
                .on("createdAt", Sort.Direction.ASC).named("audience_created"));
        template.indexOps(COLLECTION).createIndex(new Index().on("createdAt", Sort.Direction.ASC).named("created"));
        template.indexOps(COLLECTION).createIndex(new Index().on("mail", Sort.Direction.ASC)
                .on("createdAt", Sort.Direction.ASC).named("mail_due"));
    }

    /** Stores the notices not stored yet (one read by key, one insert); returns those it stored. */
    List<Notice> insertNew(Collection<Notice> notices, boolean mail) {
        if (notices.isEmpty()) {
            return List.of();
        }
        Map<String, Notice> byKey = new HashMap<>();
        notices.forEach(notice -> byKey.putIfAbsent(notice.key(), notice));
        Query existing = query(where("_id").in(byKey.keySet()));
        existing.fields().include("_id");
        template.find(existing, Document.class, COLLECTION).forEach(found -> byKey.remove(found.getString("_id")));
        List<Notice> stored = new ArrayList<>();
        for (Notice notice : byKey.values()) {
            try {
                template.insert(toDocument(notice, mail), COLLECTION);
                stored.add(notice);
            } catch (DuplicateKeyException twin) {
                // posted at the same moment by another thread or instance: stored once
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

    /** The oldest notices still to be mailed, created no later than {@code until}. */
    List<Notice> toMail(Instant until, int limit) {
        return template.find(query(where("mail").is(PENDING).and("createdAt").lte(Date.from(until)))
                        .with(Sort.by("createdAt")).limit(limit), Document.class, COLLECTION)
                .stream().map(NoticeStore::fromDocument).toList();
    }

    Instant newestToMail() {
        return edgeToMail(Sort.Direction.DESC);
    }

    Instant oldestToMail() {
        return edgeToMail(Sort.Direction.ASC);
    }

    private Instant edgeToMail(Sort.Direction direction) {
        Query edge = query(where("mail").is(PENDING)).with(Sort.by(direction, "createdAt")).limit(1);
        edge.fields().include("createdAt");
        Document found = template.findOne(edge, Document.class, COLLECTION);
        return found == null ? null : found.getDate("createdAt").toInstant();
    }

    void mailed(Collection<String> keys, Instant at) {
        template.updateMulti(query(where("_id").in(keys)), new Update().set("mail", DONE).set("mailedAt", Date.from(at)),
                COLLECTION);
    }

    long expire(Instant before) {
        return template.remove(query(where("createdAt").lt(Date.from(before))), COLLECTION).getDeletedCount();
    }

    private static Document toDocument(Notice notice, boolean mail) {
        return new Document("_id", notice.key()).append("kind", notice.kind()).append("audience", notice.audience().key())
                .append("reference", notice.reference()).append("link", notice.link())
                .append("facts", new Document(notice.facts())).append("summary", notice.summary())
                .append("createdAt", Date.from(notice.createdAt())).append("mail", mail ? PENDING : OFF);
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
