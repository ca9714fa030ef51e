package org.cyberreport.intake.evidence;

import org.cyberreport.intake.report.EvidenceRef;
import org.cyberreport.intake.report.handoff.HandedOff;
import org.cyberreport.intake.report.handoff.ReportHandoffMessage;
import org.cyberreport.kit.security.Caller;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A report version listing an evidence file reached triage: the file's chain of custody says so, once
 * (its bytes stay here; triage's officers read them through intake, each reading in the chain too).
 */
class PassedToTriage implements HandedOff {

    private static final Caller RELAY = Caller.system("triage relay");

    private final MongoTemplate template;
    private final EvidenceDesk desk;

    PassedToTriage(MongoTemplate template, EvidenceDesk desk) {
        this.template = template;
        this.desk = desk;
    }

    @Override
    public void delivered(ReportHandoffMessage message) {
        if (message.evidenceFiles() == null) {
            return;
        }
        for (EvidenceRef ref : message.evidenceFiles()) {
            EvidenceFile file = template.findById(ref.id(), EvidenceFile.class, EvidenceDesk.FILES);
            if (file == null || desk.custody(ref.id()).stream().anyMatch(entry -> "PASSED_TO_TRIAGE".equals(entry.action()))) {
                continue;
            }
            desk.handled(file, "PASSED_TO_TRIAGE", new Caller(RELAY.subject(), RELAY.username(), RELAY.roles(),
                    message.country(), null, RELAY.clientId()), "listed in version " + message.version()
                    + " of report " + message.reference() + ", delivered to triage (its bytes stay in intake)");
        }
    }
}
