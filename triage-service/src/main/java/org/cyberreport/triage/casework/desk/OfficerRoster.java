package org.cyberreport.triage.casework.desk;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;
import org.cyberreport.kit.security.Caller;
import org.cyberreport.triage.casework.Officer;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The triage officers of each country, as they have worked in the service: whom a supervisor can give
 * a case to. Identity stays in Keycloak; this only remembers who has acted as an officer, and where
 * (written at most once an hour per officer, so it costs a request nothing).
 */
@Component
public class OfficerRoster {

    static final String COLLECTION = "officers";
    private static final Duration REFRESH = Duration.ofHours(1);

    private final MongoTemplate template;
    private final Scoring scoring;
    private final Map<String, Instant> written = new ConcurrentHashMap<>();

    OfficerRoster(MongoTemplate template, Scoring scoring) {
        this.template = template;
        this.scoring = scoring;
        template.indexOps(COLLECTION).createIndex(new Index().on("country", Sort.Direction.ASC)
                .on("username", Sort.Direction.ASC).named("country_username"));
    }

    /** An officer of a country in the roster. */
    public record RosterEntry(String subject, String username, String country, Instant lastSeenAt) {
        public Officer officer() {
            return new Officer(subject, username);
        }
    }

    void seen(Caller caller) {
        if (!caller.hasRole(Caller.TRIAGE_OFFICER) || !caller.hasCountry() || caller.subject() == null) {
            return;
        }
        Instant now = scoring.now();
        Instant last = written.get(caller.subject());
        if (last != null && last.plus(REFRESH).isAfter(now)) {
            return;
        }
        template.upsert(query(where("_id").is(caller.subject())), new Update().set("username", caller.username())
                .set("country", caller.country()).set("lastSeenAt", Date.from(now)), COLLECTION);
        written.put(caller.subject(), now);
    }

    public List<RosterEntry> of(String country) {
        return template.find(query(where("country").is(country)).with(Sort.by("username")), Document.class, COLLECTION)
                .stream().map(OfficerRoster::entry).toList();
    }

    public Optional<RosterEntry> find(String country, String username) {
        return Optional.ofNullable(template.findOne(query(where("country").is(country).and("username").is(username)),
                Document.class, COLLECTION)).map(OfficerRoster::entry);
    }

    private static RosterEntry entry(Document found) {
        return new RosterEntry(found.getString("_id"), found.getString("username"), found.getString("country"),
                found.getDate("lastSeenAt").toInstant());
    }
}
