package org.cyberreport.cooperation.treaty;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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

/**
 * The treaty table: which countries are bound by which instrument, kept by administrators. Seeded from
 * {@code treaties/parties.txt} row by row with inserts only (several instances starting at once, or a start
 * interrupted halfway, leave the same table), once: a marker row records the seed, so that a row an
 * administrator removed is not brought back by the next start.
 */
@Component
public class TreatyTable {

    static final String COLLECTION = "treaty_parties";
    private static final String SEEDED = "seeded";

    private final MongoTemplate template;

    TreatyTable(MongoTemplate template, Clock clock, AuditTrail audit) {
        this.template = template;
        audit.holdsPendingRecords(COLLECTION);
        seed(clock.instant());
    }

    private void seed(Instant now) {
        if (template.exists(new Query(Criteria.where("_id").is(SEEDED)), COLLECTION)) {
            return;
        }
        for (TreatyParty row : seedRows(now)) {
            template.upsert(new Query(Criteria.where("_id").is(row.id())), new Update()
                    .setOnInsert("instrument", row.instrument().name()).setOnInsert("country", row.country())
                    .setOnInsert("signedOn", row.signedOn()).setOnInsert("inForceFrom", row.inForceFrom())
                    .setOnInsert("source", row.source()).setOnInsert("sourceDate", row.sourceDate())
                    .setOnInsert("updatedBy", row.updatedBy()).setOnInsert("updatedAt", row.updatedAt()), COLLECTION);
        }
        template.upsert(new Query(Criteria.where("_id").is(SEEDED)), new Update().setOnInsert("at", now), COLLECTION);
    }

    static List<TreatyParty> seedRows(Instant now) {
        List<TreatyParty> rows = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                new ClassPathResource("treaties/parties.txt").getInputStream(), StandardCharsets.UTF_8))) {
            for (String line : lines.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList()) {
                String[] cells = line.split("\\|", -1);
                if (cells.length != 6) {
                    throw new IllegalStateException("treaties/parties.txt: a row has " + cells.length + " cells, not 6: " + line);
                }
                Instrument instrument = Instrument.valueOf(cells[0]);
                for (int day : new int[] {2, 3, 5}) {
                    if (!cells[day].isBlank()) {
                        LocalDate.parse(cells[day].strip()); // a bad date stops the start, not a later request
                    }
                }
                if (!cells[1].matches("[A-Z]{2}") || cells[4].isBlank() || cells[5].isBlank()) {
                    throw new IllegalStateException("treaties/parties.txt: a row needs a country code, a source and its date: " + line);
                }
                rows.add(new TreatyParty(TreatyParty.idOf(instrument, cells[1]), instrument, cells[1], blankToNull(cells[2]),
                        blankToNull(cells[3]), cells[4], cells[5], "seed", now));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static String blankToNull(String cell) {
        return cell.isBlank() ? null : cell.strip();
    }

    public List<TreatyParty> all() {
        // a table of a few hundred rows, read whole in _id order (on MongoDB a walk of the _id index, like the
        // directory's listing; the seed marker and removed rows' husks have no instrument)
        return template.find(new Query().with(Sort.by("_id")), TreatyParty.class, COLLECTION)
                .stream().filter(row -> row.instrument() != null).toList();
    }

    public Optional<TreatyParty> find(Instrument instrument, String country) {
        return Optional.ofNullable(template.findById(TreatyParty.idOf(instrument, country), TreatyParty.class, COLLECTION))
                .filter(row -> row.instrument() != null);
    }

    /** Stores an administrator's row with its audit record in the same write. */
    void save(TreatyParty row, AuditTrail audit, AuditRecord record) {
        Update update = new Update().set("instrument", row.instrument().name()).set("country", row.country())
                .set("source", row.source()).set("sourceDate", row.sourceDate()).set("updatedBy", row.updatedBy())
                .set("updatedAt", row.updatedAt());
        setOrUnset(update, "signedOn", row.signedOn());
        setOrUnset(update, "inForceFrom", row.inForceFrom());
        template.upsert(new Query(Criteria.where("_id").is(row.id())), audit.holding(update, record), COLLECTION);
        audit.settle(COLLECTION, row.id(), record);
    }

    /**
     * Removes a row, leaving its audit record behind in a husk that holds only the record until it joins the
     * trail (one write: the removal cannot be stored without its record).
     */
    boolean remove(Instrument instrument, String country, AuditTrail audit, AuditRecord record) {
        String id = TreatyParty.idOf(instrument, country);
        Update husk = new Update().unset("instrument").unset("country").unset("signedOn").unset("inForceFrom")
                .unset("source").unset("sourceDate").unset("updatedBy").unset("updatedAt");
        Document before = template.findAndModify(new Query(Criteria.where("_id").is(id).and("instrument").exists(true)),
                audit.holding(husk, record), Document.class, COLLECTION);
        if (before == null) {
            return false;
        }
        audit.settle(COLLECTION, id, record);
        template.remove(new Query(Criteria.where("_id").is(id).and("instrument").exists(false)
                .and("pendingAudit.0").exists(false)), COLLECTION);
        return true;
    }

    private static void setOrUnset(Update update, String field, String value) {
        if (value == null) {
            update.unset(field);
        } else {
            update.set(field, value);
        }
    }
}
