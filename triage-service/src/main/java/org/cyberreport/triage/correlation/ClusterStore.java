package org.cyberreport.triage.correlation;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.cyberreport.triage.scoring.ClusterFacts;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Cluster figures, one small document per cluster ({@code _id} the cluster id), changed with
 * {@code $inc} as cases join, so a join never reads the members. Losses are kept in cents of the
 * reference currency: an integer {@code $inc} is exact on every store. Beside them, the durable
 * "re-score this cluster's members" markers ({@code cluster_rescores}).
 */
@Component
public class ClusterStore {

    static final String CLUSTERS = "clusters";
    static final String RESCORES = "cluster_rescores";

    private final MongoTemplate template;

    ClusterStore(MongoTemplate template) {
        this.template = template;
        template.indexOps(RESCORES).createIndex(new Index().on("dueAt", Sort.Direction.ASC).named("due"));
    }

    public Optional<ClusterFacts> find(String clusterId) {
        return Optional.ofNullable(template.findById(clusterId, Document.class, CLUSTERS)).map(ClusterStore::facts);
    }

    /** Adds a case's (or a merged cluster's) figures; returns the figures before and after. */
    Change add(String clusterId, ClusterFacts delta) {
        Update update = new Update().inc("cases", delta.cases()).inc("lossCents", cents(delta.totalLoss()))
                .inc("victims", delta.victims());
        Document after = template.findAndModify(query(where("_id").is(clusterId)), update,
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, CLUSTERS);
        ClusterFacts now = facts(after);
        ClusterFacts before = new ClusterFacts(now.cases() - delta.cases(), now.totalLoss().subtract(delta.totalLoss()),
                now.victims() - delta.victims());
        return new Change(before, now);
    }

    /** Sets the figures outright: after a recount. */
    void replace(String clusterId, ClusterFacts figures) {
        template.upsert(query(where("_id").is(clusterId)), new Update().set("cases", figures.cases())
                .set("lossCents", cents(figures.totalLoss())).set("victims", figures.victims()), CLUSTERS);
    }

    /** Takes a cluster away (merged into another): only one caller gets its figures. */
    Optional<ClusterFacts> remove(String clusterId) {
        return Optional.ofNullable(template.findAndRemove(query(where("_id").is(clusterId)), Document.class, CLUSTERS))
                .map(ClusterStore::facts);
    }

    /** Notes, durably, that the cluster's members are to be re-scored against its current figures. */
    void markForRescoring(String clusterId, Instant now) {
        template.upsert(query(where("_id").is(clusterId)), new Update().set("dueAt", Date.from(now))
                .set("stamp", UUID.randomUUID().toString()), RESCORES);
    }

    /** Markers whose time has come, oldest first: by index. */
    List<Marker> dueRescores(Instant now, int limit) {
        Query due = query(where("dueAt").lte(Date.from(now))).with(Sort.by("dueAt")).limit(limit);
        return template.find(due, Document.class, RESCORES).stream()
                .map(marker -> new Marker(marker.getString("_id"), marker.getString("stamp"))).toList();
    }

    /** Removes the marker unless a join marked the cluster again meanwhile (then its stamp differs). */
    void rescored(Marker marker) {
        template.remove(query(where("_id").is(marker.clusterId()).and("stamp").is(marker.stamp())), RESCORES);
    }

    private static ClusterFacts facts(Document cluster) {
        return new ClusterFacts((int) number(cluster, "cases"), BigDecimal.valueOf(number(cluster, "lossCents"), 2),
                (int) number(cluster, "victims"));
    }

    private static long number(Document document, String field) {
        Object value = document.get(field);
        return value instanceof Number number ? number.longValue() : 0;
    }

    private static long cents(BigDecimal amount) {
        return amount == null ? 0 : amount.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    record Change(ClusterFacts before, ClusterFacts after) {
    }

    record Marker(String clusterId, String stamp) {
    }
}
