package org.cyberreport.triage.hitcheck;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bson.Document;
import org.cyberreport.triage.casework.TriageCase;
import org.cyberreport.triage.casework.store.CaseStore;
import org.cyberreport.triage.correlation.IndicatorStore;
import org.cyberreport.triage.correlation.IndicatorStore.Membership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The holder's table: for every case held here that names an identifier, the tag of
 * {@code F(k, identifier)} and the case's reference sealed under it ({@link Tags}); nothing else, in
 * particular not the identifier. It follows the indicators' memberships in the order they were written
 * (a watermark, the index {@code at}); an entry goes with its membership ({@link IndicatorStore#detach}).
 */
public class HitTable {

    private static final Logger log = LoggerFactory.getLogger(HitTable.class);
    static final String STATE = "hitcheck_state";
    private static final int PAGE = 200;

    private final MongoTemplate template;
    private final IndicatorStore indicators;
    private final CaseStore cases;
    private final HolderKey key;
    private final String country;
    private final java.util.concurrent.locks.ReentrantLock building = new java.util.concurrent.locks.ReentrantLock();

    public HitTable(MongoTemplate template, IndicatorStore indicators, CaseStore cases, HolderKey key, String country) {
        this.template = template;
        this.indicators = indicators;
        this.cases = cases;
        this.key = key;
        this.country = country == null || country.isBlank() ? null : country;
    }

    /** One entry as a partner receives it. */
    public record Entry(String tag, String sealed) {
    }

    /** Every entry (the whole table travels: any narrower question would tell the holder about the identifier). */
    public List<Entry> entries() {
        return template.findAll(Document.class, IndicatorStore.HIT_TAGS).stream()
                .map(found -> new Entry(found.getString("tag"), found.getString("sealed"))).toList();
    }

    public long size() {
        return template.estimatedCount(IndicatorStore.HIT_TAGS);
    }

    /** Brings the table up to date; returns how many entries were written. */
    public int update() {
        building.lock();
        try {
            return catchUp();
        } finally {
            building.unlock();
        }
    }

    /** Brings the table up to date unless a pass is under way (a partner's query does not wait for it). */
    void updateIfIdle() {
        if (building.tryLock()) {
            try {
                catchUp();
            } catch (RuntimeException failed) {
                log.warn("Hit/no-hit table not brought up to date this time: {}", failed.toString());
            } finally {
                building.unlock();
            }
        }
    }

    /**
     * How far behind the watermark each pass looks again: a membership stamped before one already read but
     * written after it (two correlations at once, two replicas whose clocks differ) is found there.
     */
    static final java.time.Duration OVERLAP = java.time.Duration.ofMinutes(2);
    private static final int RECHECKED = 20_000;
    /** Entries this instance wrote or found, with their memberships' times: skipped by the look back. */
    private final Map<String, Instant> seen = new java.util.concurrent.ConcurrentHashMap<>();

    private int catchUp() {
        return lookBack() + forward();
    }

    /** Writes the entries missing for the memberships of the last {@link #OVERLAP} before the watermark. */
    private int lookBack() {
        Document state = template.findById("table", Document.class, STATE);
        if (state == null) {
            return 0;
        }
        Instant watermark = state.getDate("at").toInstant();
        Instant from = watermark.minus(OVERLAP);
        seen.values().removeIf(at -> at.isBefore(from));
        List<Membership> missing = indicators.membershipsBetween(from, watermark, RECHECKED).stream()
                .filter(member -> !seen.containsKey(IndicatorStore.hitTagId(member.id())))
                .filter(member -> {
                    String id = IndicatorStore.hitTagId(member.id());
                    if (template.exists(query(where("_id").is(id)), IndicatorStore.HIT_TAGS)) {
                        seen.put(id, member.at());
                        return false;
                    }
                    return true;
                }).toList();
        return write(missing);
    }

    private int write(List<Membership> memberships) {
        if (memberships.isEmpty()) {
            return 0;
        }
        int written = 0;
        Map<String, TriageCase> byId = cases.findAll(memberships.stream().map(Membership::caseId).collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(TriageCase::id, Function.identity()));
        for (Membership member : memberships) {
            TriageCase held = byId.get(member.caseId());
            if (held != null && (country == null || country.equals(held.country()))) {
                write(member, held);
                written++;
            }
            // looked at: another country's case, or a case gone, is not looked at again either
            seen.put(IndicatorStore.hitTagId(member.id()), member.at());
        }
        return written;
    }

    private int forward() {
        int written = 0;
        while (true) {
            Document state = template.findById("table", Document.class, STATE);
            Instant from = state == null ? Instant.EPOCH : state.getDate("at").toInstant();
            Set<String> doneAtFrom = state == null ? Set.of() : new HashSet<>(state.getList("ids", String.class, List.of()));
            List<Membership> page = indicators.membershipsSince(from, PAGE + doneAtFrom.size());
            // the memberships at the watermark's instant already written, by their entries' ids (no identifier kept here either)
            List<Membership> fresh = page.stream()
                    .filter(member -> !doneAtFrom.contains(IndicatorStore.hitTagId(member.id()))).toList();
            if (fresh.isEmpty()) {
                return written;
            }
            written += write(fresh);
            Instant last = fresh.getLast().at();
            Set<String> atLast = page.stream().filter(member -> member.at().equals(last))
                    .map(member -> IndicatorStore.hitTagId(member.id())).collect(Collectors.toSet());
            if (last.equals(from)) {
                atLast.addAll(doneAtFrom);
            }
            template.upsert(query(where("_id").is("table")),
                    new Update().set("at", Date.from(last)).set("ids", List.copyOf(atLast)), STATE);
            if (page.size() < PAGE + doneAtFrom.size()) {
                return written;
            }
        }
    }

    private void write(Membership member, TriageCase held) {
        byte[] output = Oprf.evaluate(key.scalar(), member.key().getBytes(StandardCharsets.UTF_8));
        String id = IndicatorStore.hitTagId(member.id());
        Document entry = new Document("_id", id).append("tag", Tags.tag(output))
                .append("sealed", Tags.seal(output, held.reference()));
        template.findAndReplace(query(where("_id").is(id)), entry,
                FindAndReplaceOptions.options().upsert(), Document.class, IndicatorStore.HIT_TAGS);
        if (!indicators.isMember(member.id())) {
            // the case stopped naming it while the entry was being made
            template.remove(query(where("_id").is(id)), IndicatorStore.HIT_TAGS);
        }
    }

    void updateQuietly() {
        try {
            int written = update();
            if (written > 0) {
                log.debug("Hit/no-hit table: {} entries written", written);
            }
        } catch (RuntimeException failed) {
            log.warn("Hit/no-hit table not brought up to date this time: {}", failed.toString());
        }
    }
}
