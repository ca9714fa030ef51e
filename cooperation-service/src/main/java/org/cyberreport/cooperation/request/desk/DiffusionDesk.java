package org.cyberreport.cooperation.request.desk;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.cyberreport.cooperation.directory.DirectoryStore;
import org.cyberreport.cooperation.request.CooperationRequest;
import org.cyberreport.cooperation.request.Diffusion;
import org.cyberreport.cooperation.request.RequestStatus;
import org.cyberreport.cooperation.request.store.DiffusionStore;
import org.cyberreport.cooperation.request.store.RequestStore;
import org.cyberreport.cooperation.treaty.LegalBasisAdvisor;
import org.cyberreport.kit.audit.AuditRecord;
import org.cyberreport.kit.audit.AuditTrail;
import org.cyberreport.kit.outbox.HandoffState;
import org.cyberreport.kit.problem.FieldViolation;
import org.cyberreport.kit.problem.ProblemException;
import org.cyberreport.kit.problem.ProblemKind;
import org.cyberreport.kit.security.Caller;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Sends one request to several countries at once and gives the whole back in one view. Everything is
 * checked before anything is written (countries, completeness, handling marks): a diffusion goes to all
 * its countries or is refused; each country's request then lives on its own (its legal basis proposed
 * for that pair of countries, its delivery, acknowledgement, answer and due time).
 */
@Service
public class DiffusionDesk {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DiffusionDesk.class);

    public static final int MAX_COUNTRIES = 50;

    private final RequestDesk desk;
    private final RequestStore requests;
    private final DiffusionStore diffusions;
    private final DirectoryStore directory;
    private final LegalBasisAdvisor bases;
    private final AuditTrail audit;

    DiffusionDesk(RequestDesk desk, RequestStore requests, DiffusionStore diffusions, DirectoryStore directory,
                  LegalBasisAdvisor bases, AuditTrail audit) {
        this.desk = desk;
        this.requests = requests;
        this.diffusions = diffusions;
        this.directory = directory;
        this.bases = bases;
        this.audit = audit;
    }

    public Diffusion send(Caller caller, List<String> countries, Diffusion.Ask ask) {
        List<FieldViolation> wrong = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < countries.size(); i++) {
            String country = countries.get(i);
            if (!seen.add(country)) {
                wrong.add(new FieldViolation("destinationCountries[" + i + "]", "is named twice"));
            } else if (country.equals(caller.country())) {
                wrong.add(new FieldViolation("destinationCountries[" + i + "]", "is the requesting country"));
            } else if (directory.find(country).isEmpty()) {
                wrong.add(new FieldViolation("destinationCountries[" + i + "]", "is not a member country in the liaison directory"));
            }
        }
        if (!wrong.isEmpty()) {
            throw ProblemException.invalid(wrong);
        }
        Instant now = desk.now();
        Diffusion diffusion = new Diffusion(UUID.randomUUID().toString(), caller.country(), ask.caseReference(), ask.type(),
                ask.urgent() || ask.type().alwaysUrgent(), countries, caller.username(), now, ask, true);
        List<CooperationRequest> drafts = drafts(diffusion, now);
        List<String> obstacles = drafts.getFirst().obstacles();
        if (!obstacles.isEmpty()) {
            throw new ProblemException(ProblemKind.UNPROCESSABLE, "The diffusion cannot be sent: " + String.join(", ", obstacles),
                    obstacles.stream().map(item -> new FieldViolation(item, "is required for a " + ask.type() + " request")).toList());
        }
        AuditRecord created = audit.prepare(caller, "DIFFUSION_CREATED", "diffusion", diffusion.id(), Map.of(
                "type", ask.type().name(), "countries", String.join(",", countries)));
        diffusions.insert(diffusion, audit.pending(created));
        audit.settle(DiffusionStore.COLLECTION, diffusion.id(), created);
        writeRequests(caller, diffusion, drafts);
        return diffusion;
    }

    /** Writes (and sends) each country's request; a repeat finds those written before under their ids. */
    private void writeRequests(Caller officer, Diffusion diffusion, List<CooperationRequest> drafts) {
        boolean all = true;
        for (CooperationRequest draft : drafts) {
            try {
                desk.create(officer, draft, true);
            } catch (RuntimeException failure) {
                all = false;
                log.warn("Diffusion {}: the request to {} is not written yet: {}", diffusion.id(), draft.destinationCountry(),
                        failure.toString());
            }
        }
        if (all) {
            diffusions.completed(diffusion.id());
        }
    }

    private List<CooperationRequest> drafts(Diffusion diffusion, Instant now) {
        Diffusion.Ask ask = diffusion.ask();
        String from = diffusion.requestingCountry();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return diffusion.countries().stream().map(country -> CooperationRequest.draft(
                diffusion.requestIdFor(country), "DIFFUSION", null, ask.caseReference(), from, country, ask.type(),
                ask.officersBasis() == null ? bases.propose(from, country, ask.type(), today)
                        : bases.chosen(ask.officersBasis(), from, country, ask.type(), today),
                ask.urgent(), ask.urgencyReason(), ask.handling(), ask.content(), diffusion.createdBy(), now)).toList();
    }

    /** Writes the requests of diffusions a crash (or a failure) left incomplete. */
    @Scheduled(fixedDelayString = "${cyberreport.cooperation.expiry-check:PT1M}")
    public void completeLeftBehind() {
        for (Diffusion diffusion : diffusions.pending(20)) {
            try {
                List<CooperationRequest> missing = drafts(diffusion, desk.now()).stream()
                        .filter(draft -> requests.find(draft.id()).isEmpty()).toList();
                writeRequests(RequestDesk.platformFor(diffusion.requestingCountry(), diffusion.createdBy()), diffusion, missing);
            } catch (RuntimeException failure) {
                log.warn("Diffusion {} not completed this time: {}", diffusion.id(), failure.toString());
            }
        }
    }

    /** The diffusion and each country's request, for an officer of the requesting country (404 for anyone else). */
    public Whole read(Caller caller, String id) {
        Diffusion diffusion = diffusions.find(id).filter(found -> found.requestingCountry().equals(caller.country()))
                .orElseThrow(() -> ProblemException.notFound("No diffusion " + id));
        audit.record(caller, "DIFFUSION_CONSULTED", "diffusion", id, Map.of("countries", String.valueOf(diffusion.countries().size())));
        Map<String, CooperationRequest> found = new HashMap<>();
        for (String country : diffusion.countries()) {
            requests.find(diffusion.requestIdFor(country)).ifPresent(request -> found.put(country, request));
        }
        return new Whole(diffusion, found);
    }

    /** A diffusion with the requests found for its countries (a country without one: a crash kept it from being written). */
    public record Whole(Diffusion diffusion, Map<String, CooperationRequest> requests) {

        public Optional<CooperationRequest> to(String country) {
            return Optional.ofNullable(requests.get(country));
        }

        public long count(Predicate<CooperationRequest> which) {
            return requests.values().stream().filter(which).count();
        }

        public static boolean delivered(CooperationRequest request) {
            return request.status() != RequestStatus.DRAFT && (request.forwarding() == null
                    || request.forwarding().state() == HandoffState.DELIVERED);
        }
    }
}
