package org.cyberreport.cooperation.request.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.cyberreport.cooperation.request.CooperationRequest;
import org.cyberreport.cooperation.request.RequestStatus;
import org.cyberreport.cooperation.request.store.RequestStore;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/**
 * How each destination country answered the requests sent in the last twelve months: counts and
 * median times, no request content. A period, not all time: what a liaison bureau reviews, and a read
 * bounded by a year's requests however long the platform runs.
 */
@RestController
class ScorecardController {

    private final RequestStore store;
    private final Clock clock;

    ScorecardController(RequestStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @GetMapping(path = "/api/cooperation/scorecard", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Per destination country, requests sent in the last 12 months: sent, acknowledged, answered, refused, overdue, median times")
    List<Scorecard> scorecard() {
        Instant now = clock.instant();
        Map<String, List<CooperationRequest>> byCountry = new TreeMap<>();
        for (CooperationRequest request : store.sentSince(now.minus(Duration.ofDays(365)))) {
            byCountry.computeIfAbsent(request.destinationCountry(), country -> new ArrayList<>()).add(request);
        }
        List<Scorecard> cards = new ArrayList<>();
        byCountry.forEach((country, requests) -> cards.add(new Scorecard(country, requests.size(),
                (int) requests.stream().filter(r -> r.acknowledgedAt() != null).count(),
                count(requests, RequestStatus.ANSWERED), count(requests, RequestStatus.REFUSED),
                (int) requests.stream().filter(r -> r.isOverdue(now)).count(),
                median(requests.stream().filter(r -> r.acknowledgedAt() != null)
                        .map(r -> Duration.between(r.sentAt(), r.acknowledgedAt())).toList()),
                median(requests.stream().filter(r -> r.answer() != null)
                        .map(r -> Duration.between(r.sentAt(), r.answer().at())).toList()))));
        return cards;
    }

    private static int count(List<CooperationRequest> requests, RequestStatus status) {
        return (int) requests.stream().filter(r -> r.status() == status).count();
    }

    private static Long median(List<Duration> durations) {
        if (durations.isEmpty()) {
            return null;
        }
        List<Long> sorted = durations.stream().map(Duration::toSeconds).sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    record Scorecard(String country, int sent, int acknowledged, int answered, int refused, int overdue,
                     Long medianSecondsToAcknowledge, Long medianSecondsToAnswer) {
    }
}
