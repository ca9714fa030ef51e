package org.cyberreport.cooperation.request.store;

import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.cyberreport.cooperation.request.Diffusion;
import org.cyberreport.kit.audit.AuditTrail;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Diffusions, one document each ({@code _id} the diffusion's id), written with their audit record. */
@Component
public class DiffusionStore {

    public static final String COLLECTION = "diffusions";

    private final MongoTemplate template;

    DiffusionStore(MongoTemplate template, AuditTrail audit) {
        this.template = template;
        audit.holdsPendingRecords(COLLECTION);
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
