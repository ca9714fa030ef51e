package org.cyberreport.cooperation.treaty;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.cyberreport.cooperation.request.LegalBasis;
import org.cyberreport.cooperation.request.RequestType;
import org.springframework.stereotype.Component;

/**
 * Proposes the legal basis of a request from the pair of countries and the treaty table, with the reasoning
 * that the officer who drafts it and the liaison who receives it both see: which instruments bind both
 * countries on the day, and why the one proposed was chosen.
 * <ul>
 * <li>Preservation: the Budapest Convention (Art. 29) where it binds both; else the UN Convention against
 * Cybercrime (Art. 42); else no treaty in common: national law and reciprocity.</li>
 * <li>Mutual legal assistance: Budapest (Art. 25 and 27), else the UN Convention (Art. 40), else reciprocity
 * (letters rogatory).</li>
 * <li>Information request (police to police): Directive (EU) 2023/977 between Member States bound by it, else
 * INTERPOL's channels between National Central Bureaus.</li>
 * <li>Payment stop and asset tracing: INTERPOL's I-GRIP and Silver Notice, open to every member country; a
 * treaty in common is named for the formal request that may follow.</li>
 * </ul>
 */
@Component
public class LegalBasisAdvisor {

    static final LegalBasis RECIPROCITY = new LegalBasis("National law and reciprocity (no treaty in common)",
            "letters rogatory");
    static final LegalBasis INTERPOL_CHANNELS = new LegalBasis("INTERPOL police cooperation between National Central Bureaus",
            "Rules on the Processing of Data, Art. 10");

    private final TreatyTable table;

    LegalBasisAdvisor(TreatyTable table) {
        this.table = table;
    }

    /** The basis proposed for a request of {@code type} from {@code from} to {@code to}, on {@code day}. */
    public LegalBasis propose(String from, String to, RequestType type, LocalDate day) {
        List<String> reasoning = new ArrayList<>();
        boolean budapest = bothBound(Instrument.BUDAPEST, from, to, day, reasoning);
        boolean un = bothBound(Instrument.UN_CYBERCRIME, from, to, day, reasoning);
        LegalBasis chosen = switch (type) {
            case PRESERVATION -> budapest ? new LegalBasis(Instrument.BUDAPEST.title(), "Art. 29")
                    : un ? new LegalBasis(Instrument.UN_CYBERCRIME.title(), "Art. 42") : RECIPROCITY;
            case MUTUAL_LEGAL_ASSISTANCE -> budapest ? new LegalBasis(Instrument.BUDAPEST.title(), "Art. 25, 27")
                    : un ? new LegalBasis(Instrument.UN_CYBERCRIME.title(), "Art. 40") : RECIPROCITY;
            case INFORMATION_REQUEST -> bothBound(Instrument.EU_2023_977, from, to, day, reasoning)
                    ? new LegalBasis(Instrument.EU_2023_977.title(), "Art. 4") : INTERPOL_CHANNELS;
            case PAYMENT_STOP, ASSET_TRACING -> type.defaultBasis();
        };
        reasoning.add(conclusion(type, chosen, budapest, un));
        return chosen.because(reasoning);
    }

    /** A basis the officer chose: kept, with what the table would have proposed beside it. */
    public LegalBasis chosen(LegalBasis officers, String from, String to, RequestType type, LocalDate day) {
        LegalBasis proposal = propose(from, to, type, day);
        List<String> reasoning = new ArrayList<>();
        reasoning.add(proposal.sameAs(officers) ? "Chosen by the officer; it is also what the treaty table proposes."
                : "Chosen by the officer; the treaty table proposes " + proposal.instrument() + " " + proposal.article() + ".");
        reasoning.addAll(proposal.reasoning());
        return officers.because(reasoning);
    }

    private boolean bothBound(Instrument instrument, String from, String to, LocalDate day, List<String> reasoning) {
        Optional<TreatyParty> ours = table.find(instrument, from);
        Optional<TreatyParty> theirs = table.find(instrument, to);
        if (ours.isEmpty() && theirs.isEmpty()) {
            if (instrument != Instrument.EU_2023_977) {
                reasoning.add(instrument.title() + ": neither " + from + " nor " + to + " is recorded as a party in the treaty "
                        + "table (which administrators keep from the depositary's chart; check it if this is unexpected).");
            }
            return false;
        }
        for (String country : List.of(from, to)) {
            Optional<TreatyParty> row = country.equals(from) ? ours : theirs;
            reasoning.add(row.map(party -> party.standing(day) + ".")
                    .orElse(instrument.title() + ": " + country + " is not recorded as a party in the treaty table (which "
                            + "administrators keep from the depositary's chart; check it if this is unexpected)."));
        }
        return ours.filter(party -> party.inForceOn(day)).isPresent() && theirs.filter(party -> party.inForceOn(day)).isPresent();
    }

    private static String conclusion(RequestType type, LegalBasis chosen, boolean budapest, boolean un) {
        String proposed = "Proposed: " + chosen.instrument() + ", " + chosen.article() + ": ";
        return switch (type) {
            case PRESERVATION, MUTUAL_LEGAL_ASSISTANCE -> proposed + (budapest ? "the Budapest Convention binds both countries."
                    : un ? "the UN Convention against Cybercrime binds both countries and the Budapest Convention does not."
                    : "no cybercrime treaty binds both countries; the request rests on the requested country's law and on reciprocity.");
            case INFORMATION_REQUEST -> proposed + (chosen == INTERPOL_CHANNELS
                    ? "the two countries are not both bound by Directive (EU) 2023/977; police information travels between their National Central Bureaus."
                    : "both countries are bound by Directive (EU) 2023/977.");
            case PAYMENT_STOP, ASSET_TRACING -> proposed + "INTERPOL's procedure is open to every member country"
                    + (budapest ? "; a formal request that follows can rest on the Budapest Convention."
                    : un ? "; a formal request that follows can rest on the UN Convention against Cybercrime." : ".");
        };
    }
}
