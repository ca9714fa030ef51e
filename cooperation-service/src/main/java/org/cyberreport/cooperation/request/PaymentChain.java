package org.cyberreport.cooperation.request;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A payment stop drafted because funds moved on: the golden-hour clock of the first stop (from the first
 * payment), and every hop the money took before reaching the account this stop is about, oldest first.
 */
public record PaymentChain(Instant goldenHourFrom, @jakarta.validation.constraints.Size(max = 64) String firstRequestId,
                           @jakarta.validation.constraints.Size(max = 20)
                           List<@jakarta.validation.constraints.NotNull @jakarta.validation.Valid Hop> hops) {

    public PaymentChain {
        hops = hops == null ? List.of() : List.copyOf(hops);
    }

    /** One place the money passed through: the stop sent there, and what was found. */
    public record Hop(@jakarta.validation.constraints.Size(max = 64) String requestId,
                      @jakarta.validation.constraints.Pattern(regexp = "[A-Z]{2}") String country,
                      @jakarta.validation.constraints.Size(max = 200) String institution,
                      @jakarta.validation.constraints.Size(max = 128) String account,
                      @jakarta.validation.Valid RequestContent.Amount amount,
                      @jakarta.validation.constraints.Size(max = 128) String reference, Instant at) {
    }

    /** The chain of a stop that follows {@code from}: its clock and hops, with {@code from}'s own hop added. */
    static PaymentChain following(CooperationRequest from) {
        RequestContent stop = from.content();
        Hop hop = new Hop(from.id(), from.destinationCountry(), stop.beneficiaryBank(), stop.beneficiaryAccount(), stop.amount(),
                stop.transactionReference(), stop.valueDate());
        if (from.chain() == null) {
            Instant clock = stop.valueDate() != null ? stop.valueDate() : from.sentAt() != null ? from.sentAt() : from.createdAt();
            return new PaymentChain(clock, from.id(), List.of(hop));
        }
        List<Hop> hops = new ArrayList<>(from.chain().hops());
        hops.add(hop);
        return new PaymentChain(from.chain().goldenHourFrom(), from.chain().firstRequestId(), hops);
    }
}
