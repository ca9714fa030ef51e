package org.cyberreport.cooperation.directory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.bson.Document;
import org.cyberreport.kit.audit.AuditRecord;
import org.cyberreport.kit.audit.AuditTrail;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The liaison directory, one document per member country ({@code _id} is the ISO code). */
@Component
public class DirectoryStore {

    static final String COLLECTION = "directory";

    private final MongoTemplate template;

    DirectoryStore(MongoTemplate template, Clock clock, AuditTrail audit) {
        this.template = template;
        // an administrator's change is stored with its audit record (settled into the trail at once, or after a crash)
        audit.holdsPendingRecords(COLLECTION);
        seed(clock);
    }

    /**
     * Every member country has an entry, inbox only until an administrator says otherwise. Upserts that
     * only insert: several instances starting at once, or a start interrupted halfway, leave the same
     * directory, and an administrator's changes are never overwritten.
     */
    private void seed(Clock clock) {
        for (String code : members()) {
            String name = Locale.of("", code).getDisplayCountry(Locale.ENGLISH);
            template.upsert(new Query(Criteria.where("_id").is(code)), new Update().setOnInsert("name", name)
                    .setOnInsert("delivery", DirectoryEntry.Delivery.INBOX.name())
                    .setOnInsert("updatedAt", Date.from(clock.instant())).setOnInsert("updatedBy", "seed"), COLLECTION);
        }
    }

    static List<String> members() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                new ClassPathResource("directory/interpol-members.txt").getInputStream(), StandardCharsets.UTF_8))) {
            return lines.lines().map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<DirectoryEntry> find(String country) {
        return Optional.ofNullable(template.findById(country, DirectoryEntry.class, COLLECTION));
    }

    public List<DirectoryEntry> all() {
        return template.find(new Query().with(Sort.by("_id")), DirectoryEntry.class, COLLECTION);
    }

    public void save(DirectoryEntry entry) {
        template.save(entry, COLLECTION);
    }

    /**
     * Stores an administrator's change with its audit record in the same write: every field of the entry
     * set (or removed when empty), the record added to those the entry holds until they join the trail.
     */
    public void save(DirectoryEntry entry, AuditTrail audit, AuditRecord record) {
        Document written = new Document();
        template.getConverter().write(entry, written);
        written.remove("_class");
        Object id = written.remove("_id");
        Update update = new Update();
        written.forEach(update::set);
        template.getConverter().getMappingContext().getRequiredPersistentEntity(DirectoryEntry.class).forEach(property -> {
            if (!property.isIdProperty() && !written.containsKey(property.getFieldName())) {
                update.unset(property.getFieldName());
            }
        });
        template.upsert(new Query(Criteria.where("_id").is(id)), audit.holding(update, record), COLLECTION);
        audit.settle(COLLECTION, id, record);
    }
}
