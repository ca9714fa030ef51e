package org.cyberreport.cooperation.request;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;

/**
 * One request addressed to several countries at once (a warning about a scam compound, an asset-tracing
 * diffusion): a request per country, each delivered, acknowledged, answered and due on its own, and this
 * record of the whole, which names the countries and finds their requests by their derived ids. Written
 * before the requests: a country whose request a crash kept from being written shows as not sent.
 */
public record Diffusion(@Id String id, String requestingCountry, String caseReference, RequestType type, boolean urgent,
                        List<String> countries, String createdBy, Instant createdAt, Ask ask, boolean pending) {

    public Diffusion {
        countries = countries == null ? List.of() : List.copyOf(countries);
    }

    /**
     * What the diffusion asks, the same of every country: kept with the diffusion until every country's request
     * is written ({@code pending}), so that requests a crash kept from being written can be written afterwards.
     */
    public record Ask(String caseReference, RequestType type, LegalBasis officersBasis, boolean urgent, String urgencyReason,
                      HandlingMarks handling, RequestContent content) {
    }

    /** The id of the request to {@code country}. */
    public String requestIdFor(String country) {
        return CooperationRequest.derivedId(id, country);
    }
}
