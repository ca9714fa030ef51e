package org.cyberreport.triage.casework.desk;

import java.util.Optional;
import java.util.function.Consumer;

import org.cyberreport.triage.casework.TriageCase;
import org.cyberreport.triage.casework.store.CaseStore;
import org.springframework.stereotype.Component;

/** Read, change, compare-and-replace; a concurrent change is re-read and the change applied again. */
@Component
public class CaseUpdates {

    private static final int ATTEMPTS = 10;

    private final CaseStore store;

    CaseUpdates(CaseStore store) {
        this.store = store;
    }

    public Optional<TriageCase> update(String id, Consumer<TriageCase> change) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<TriageCase> found = store.find(id);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            TriageCase current = found.get();
            change.accept(current);
            if (store.replace(current)) {
                return Optional.of(current);
            }
        }
        throw new ConcurrentCaseChange(id);
    }

    public static final class ConcurrentCaseChange extends RuntimeException {
        ConcurrentCaseChange(String id) {
            super("Case " + id + " kept changing concurrently");
        }
    }
}
