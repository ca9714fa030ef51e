package org.cyberreport.cooperation.treaty;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;

/**
 * One country's standing under one instrument: when it signed, from when the instrument is in force for it
 * (none: not in force for it), and where that comes from. Dates are ISO days ({@code 2018-10-01}).
 */
public record TreatyParty(@Id String id, Instrument instrument, String country, String signedOn, String inForceFrom,
                          String source, String sourceDate, String updatedBy, Instant updatedAt) {

    static String idOf(Instrument instrument, String country) {
        return instrument.name() + ":" + country;
    }

    /** Whether the instrument binds this country on {@code day}. */
    public boolean inForceOn(LocalDate day) {
        return inForceFrom != null && !day.isBefore(LocalDate.parse(inForceFrom));
    }

    /** How the reasoning names this row: the country's standing, and its source. */
    String standing(LocalDate day) {
        String status = inForceOn(day) ? "in force for " + country + " since " + inForceFrom
                : inForceFrom != null ? "in force for " + country + " only from " + inForceFrom
                : signedOn != null ? "signed by " + country + " on " + signedOn + ", not in force for it" : "not in force for " + country;
        return instrument.title() + ": " + status + " (" + source + ", " + sourceDate + ")";
    }
}
