package org.cyberreport.intake.report.handoff;

import org.cyberreport.intake.report.filing.ReportChanged;
import org.cyberreport.kit.outbox.OutboxRelay;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts a relay cycle as soon as a change is stored, so that triage hears of it at once rather than
 * at the next poll. The poll remains for retries and for changes stored by other instances.
 */
@Component
class RelayWakeUp {

    private final OutboxRelay relay;

    RelayWakeUp(OutboxRelay relay) {
        this.relay = relay;
    }

    @EventListener
    void on(ReportChanged changed) {
        relay.wakeUp();
    }
}
