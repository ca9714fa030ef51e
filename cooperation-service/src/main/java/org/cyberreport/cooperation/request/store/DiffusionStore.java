package org.cyberreport.cooperation.request.store;

import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.cyberreport.cooperation.request.Diffusion;
import org.cyberreport.kit.audit.AuditTrail;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Diffusions, one document each ({@code _id} the diffusion's id), written with their audit record. */
@Component
public class DiffusionStore {

    public static final String COLLECTION = "diffusions";

    private final MongoTemplate template;

    DiffusionStore(MongoTemplate template, AuditTrail audit) {
        this.template = template;
        audit.holdsPendingRecords(COLLECTION);
        // diffusions whose requests are not all written yet (a crash came in between)
        template.indexOps(COLLECTION).createIndex(new Index().on("pending", Sort.Direction.ASC).named("pending"));
    }

    /** Diffusions whose requests are not all written yet. */
    public List<Diffusion> pending(int limit) {
        return template.find(new Query(Criteria.where("pending").is(true)).limit(limit), Diffusion.class, COLLECTION);
    }

    /** Every request is written: what they ask is no longer kept with the diffusion. */
    public void completed(String id) {
        template.updateFirst(new Query(Criteria.where("_id").is(id)), new Update().set("pending", false).unset("ask"), COLLECTION);
    }

    /** Stores a new diffusion with the audit record of its creation in the same write. */
    public void insert(Diffusion diffusion, Document auditRecord) {
        Document document = new Document();
        template.getConverter().write(diffusion, document);
        document.put(AuditTrail.PENDING, List.of(auditRecord));
        template.insert(document, COLLECTION);
    }

    public Optional<Diffusion> find(String id) {
        return Optional.ofNullable(template.findById(id, Diffusion.class, COLLECTION));
    }
}
