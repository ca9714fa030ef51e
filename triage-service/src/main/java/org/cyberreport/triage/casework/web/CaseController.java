package org.cyberreport.triage.casework.web;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.cyberreport.kit.security.Caller;
import org.cyberreport.triage.casework.CaseStatus;
import org.cyberreport.triage.casework.TriageCase;
import org.cyberreport.triage.casework.desk.CaseDesk;
import org.cyberreport.triage.casework.web.CaseRequests.CloseRequest;
import org.cyberreport.triage.casework.web.CaseRequests.EscalateRequest;
import org.cyberreport.triage.casework.web.CaseRequests.NoteRequest;
import org.cyberreport.triage.casework.web.CaseRequests.OverrideLevelRequest;
import org.cyberreport.triage.casework.web.CaseRequests.ReclassifyRequest;
import org.cyberreport.triage.casework.web.CaseViews.CasePage;
import org.cyberreport.triage.casework.web.CaseViews.CaseSummary;
import org.cyberreport.triage.casework.web.CaseViews.CaseView;
import org.cyberreport.triage.casework.web.CaseViews.ClusterView;
import org.cyberreport.triage.casework.web.CaseViews.IdentifierView;
import org.cyberreport.triage.casework.web.CaseViews.KnownBadView;
import org.cyberreport.triage.exchange.FeedStore;
import org.cyberreport.triage.trafficking.CompoundRequests;
import org.cyberreport.triage.casework.web.CaseViews.LinkView;
import org.cyberreport.triage.casework.web.CaseViews.PriorityView;
import org.cyberreport.triage.scoring.ClusterFacts;
import org.cyberreport.triage.scoring.Level;
import org.cyberreport.triage.scoring.ScoringPolicy;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

@RestController
@RequestMapping(path = "/api/triage", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Cases", description = "The triage officers' queue and casework")
class CaseController {

    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

    private final CaseDesk desk;
    private final String referenceCurrency;
    private final FeedStore feeds;

    CaseController(CaseDesk desk, ScoringPolicy policy, FeedStore feeds) {
        this.desk = desk;
        this.referenceCurrency = policy.referenceCurrency();
        this.feeds = feeds;
    }

    @GetMapping("/cases")
    @Operation(summary = "The queue of the officer's country, most urgent first (level, then due time)")
    CasePage queue(Caller caller, @RequestParam(required = false) CaseStatus status,
                   @RequestParam(required = false) Level level,
                   @RequestParam(required = false) @Pattern(regexp = "ONLINE_FRAUD|EXTORTION|CRYPTO|DATA_THEFT") String category,
                   @RequestParam(defaultValue = "false") boolean claimedByMe,
                   @RequestParam(defaultValue = "false") boolean trafficking,
                   @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                   @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        var slice = desk.queue(caller, status, level, category, claimedByMe, trafficking, page, size);
        return new CasePage(slice.items().stream().map(CaseSummary::of).toList(), page, size, slice.total(),
                (slice.total() + size - 1) / size);
    }

    @GetMapping("/cases/{id}")
    @Operation(summary = "A case in full: the report, the score breakdown, links, cluster and history")
    CaseView read(Caller caller, @PathVariable String id) {
        TriageCase found = desk.read(caller, id);
        return view(found, caller.country());
    }

    @GetMapping("/clusters/{clusterId}")
    @Operation(summary = "A cluster of linked cases: its cases, total loss, victims, countries and the identifiers they share "
            + "(the value of one held only by cases abroad is withheld)")
    ClusterView cluster(Caller caller, @PathVariable String clusterId) {
        return clusterView(clusterId, desk.cluster(caller, clusterId), caller.country());
    }

    @GetMapping("/cases/{id}/compound-requests")
    @Operation(summary = "Drafts of the urgent information requests about the scam compounds a case names, one per "
            + "country: the location and indicators, never the persons; post one as the case's escalation")
    List<CompoundRequests.Draft> compoundRequests(Caller caller, @PathVariable String id) {
        return CompoundRequests.of(desk.read(caller, id));
    }

    @PostMapping("/cases/{id}/claim")
    @Operation(summary = "Claim a case; a case already claimed answers 409")
    CaseView claim(Caller caller, @PathVariable String id) {
        return view(desk.claim(caller, id), caller.country());
    }

    @PostMapping("/cases/{id}/release")
    @Operation(summary = "Release a case the officer claimed")
    CaseView release(Caller caller, @PathVariable String id) {
        return view(desk.release(caller, id), caller.country());
    }

    @PostMapping(path = "/cases/{id}/classification", consumes = JSON)
    @Operation(summary = "Correct the category and subtype, with a reason; the case is re-scored")
    CaseView reclassify(Caller caller, @PathVariable String id, @Valid @RequestBody ReclassifyRequest request) {
        return view(desk.reclassify(caller, id, request.category(), request.subtype(), request.reason()), caller.country());
    }

    @PostMapping(path = "/cases/{id}/level-override", consumes = JSON)
    @Operation(summary = "Override the level, with a mandatory reason; the computed score stays in the history")
    CaseView overrideLevel(Caller caller, @PathVariable String id, @Valid @RequestBody OverrideLevelRequest request) {
        return view(desk.overrideLevel(caller, id, request.level(), request.reason()), caller.country());
    }

    @PostMapping(path = "/cases/{id}/notes", consumes = JSON)
    @Operation(summary = "Add a note")
    CaseView addNote(Caller caller, @PathVariable String id, @Valid @RequestBody NoteRequest request) {
        return view(desk.addNote(caller, id, request.text()), caller.country());
    }

    @PostMapping(path = "/cases/{id}/closure", consumes = JSON)
    @Operation(summary = "Close with an outcome and a reason")
    CaseView close(Caller caller, @PathVariable String id, @Valid @RequestBody CloseRequest request) {
        return view(desk.close(caller, id, request.outcome(), request.reason()), caller.country());
    }

    @PostMapping(path = "/cases/{id}/escalations", consumes = JSON)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Escalate to cross-border cooperation: a durable hand-off, delivered to cooperation")
    CaseDesk.Escalated escalate(Caller caller, @PathVariable String id, @Valid @RequestBody EscalateRequest request) {
        return desk.escalate(caller, id, request.destinationCountry(), request.requestType().name(), request.urgent(),
                request.reason());
    }

    private CaseView view(TriageCase c, String viewerCountry) {
        List<LinkView> links = desk.linked(c).stream().map(linked -> LinkView.of(linked, viewerCountry)).toList();
        ClusterFacts figures = desk.clusterOf(c);
        ClusterView cluster = figures == null || figures.cases() <= 1 ? null
                : new ClusterView(c.clusterId(), figures.cases(), figures.totalLoss(), referenceCurrency,
                        figures.victims(), List.of(), List.of(), List.of(), 0);
        return new CaseView(c.id(), c.reference(), c.country(), c.unit(), c.filedBy(), c.receivedAt(), c.reportVersion(),
                c.reportStatus(), c.reportedCategory(), c.category(), c.subtype(), c.status(), c.level(), c.dueAt(),
                new PriorityView(c.priority().score(), c.priority().level(), c.priority().goldenHour(),
                        c.priority().scoredAt(), c.priority().breakdown()),
                c.override(), c.claimedBy() == null ? null : c.claimedBy().username(), c.closure(), links, cluster,
                c.setAside(), c.trafficking(), feeds.matching(c.country(), c.indicatorKeys()).stream()
                        .map(m -> new KnownBadView(m.key(), m.feedId(), m.feed(), m.source(), m.tlp(), m.importedAt()))
                        .toList(), c.notes(), c.history(), c.contentJson());
    }

    private ClusterView clusterView(String clusterId, CaseDesk.ClusterReading reading, String viewerCountry) {
        List<TriageCase> members = reading.members();
        ClusterFacts figures = desk.clusterOf(members.getFirst());
        List<String> countries = new ArrayList<>(new TreeSet<>(members.stream().map(TriageCase::country).toList()));
        return new ClusterView(clusterId, members.size(), figures == null ? null : figures.totalLoss(),
                referenceCurrency, figures == null ? 0 : figures.victims(), countries,
                members.stream().map(m -> LinkView.of(m, viewerCountry)).toList(),
                reading.identifiers().listed().stream().map(IdentifierView::of).toList(), reading.identifiers().unlisted());
    }
}
