package org.cyberreport.kit.notify;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;
import org.cyberreport.kit.security.Caller;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The users this service may mail, recorded as they use it ({@code notice_recipients}, {@code _id} the
 * token's subject): their e-mail address, the audience keys their token gives them, when they were
 * last seen, and their preferences. Taken from a validated token each time, so a user whose role,
 * country or unit changed at Keycloak is filed under the new ones at the next use; a user not seen for
 * {@code recipients-seen-within} is no longer mailed. Recording is written at most every few minutes
 * per user unless something changed.
 */
public class Recipients {

    static final String COLLECTION = "notice_recipients";
    private static final Duration REWRITE_AFTER = Duration.ofMinutes(10);

    private final MongoTemplate template;
    private final Clock clock;
    private final NotifyProperties properties;
    private final Map<String, Seen> lastWritten = new ConcurrentHashMap<>();

    public Recipients(MongoTemplate template, Clock clock, NotifyProperties properties) {
        this.template = template;
        this.clock = clock;
        this.properties = properties;
        template.indexOps(COLLECTION).createIndex(new Index().on("keys", Sort.Direction.ASC)
                .on("seenAt", Sort.Direction.ASC).named("keys_seen"));
    }

    public record Recipient(String subject, String username, String email, Preferences preferences) {
    }

    private record Seen(String email, Set<String> keys, Instant at) {
    }

    /** Notes that a user used the service, with the e-mail address its token names (or none). */
    void seen(Caller caller, String email) {
        Set<String> keys = Audience.keysOf(caller);
        Instant now = clock.instant();
        Seen before = lastWritten.get(caller.subject());
        if (before != null && Objects.equals(before.email(), email) && before.keys().equals(keys)
                && before.at().plus(REWRITE_AFTER).isAfter(now)) {
            return;
        }
        Update update = new Update().set("username", caller.username()).set("keys", List.copyOf(keys))
                .set("seenAt", Date.from(now));
        if (email == null) {
            update.unset("email");
        } else {
            update.set("email", email);
        }
        template.upsert(query(where("_id").is(caller.subject())), update, COLLECTION);
        lastWritten.put(caller.subject(), new Seen(email, keys, now));
    }

    /** The users of an audience seen recently enough to be mailed. */
    List<Recipient> of(String audienceKey) {
        Instant since = clock.instant().minus(properties.recipientsSeenWithin());
        return template.find(query(where("keys").is(audienceKey).and("seenAt").gte(Date.from(since))), Document.class,
                COLLECTION).stream().map(this::recipient).toList();
    }

    Preferences preferences(String subject) {
        Document found = template.findById(subject, Document.class, COLLECTION);
        return found == null ? Preferences.defaults(properties.mail().digestAfter()) : preferencesOf(found);
    }

    void setPreferences(Caller caller, String email, Preferences preferences) {
        seen(caller, email);
        template.upsert(query(where("_id").is(caller.subject())), new Update().set("preferences",
                new Document("email", preferences.email()).append("muted", List.copyOf(preferences.muted()))
                        .append("digestAfter", preferences.digestAfter())), COLLECTION);
    }

    private Recipient recipient(Document document) {
        return new Recipient(document.getString("_id"), document.getString("username"), document.getString("email"),
                preferencesOf(document));
    }

    private Preferences preferencesOf(Document document) {
        Document stored = document.get("preferences", Document.class);
        if (stored == null) {
            return Preferences.defaults(properties.mail().digestAfter());
        }
        return new Preferences(stored.getBoolean("email", true), new HashSet<>(stored.getList("muted", String.class, List.of())),
                stored.getInteger("digestAfter", properties.mail().digestAfter()));
    }
}
