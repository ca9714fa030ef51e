package org.cyberreport.console.triage;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/** The queue's filters: by default the open cases (new and in progress), most urgent first. */
record QueueFilter(@Pattern(regexp = "NEW|IN_PROGRESS|CLOSED") String status,
                   @Pattern(regexp = "P[1-4]") String level,
                   @Pattern(regexp = "ONLINE_FRAUD|EXTORTION|CRYPTO|DATA_THEFT") String category,
                   Boolean claimedByMe,
                   @Min(0) @Max(10_000) Integer page,
                   Boolean trafficking) {

    QueueFilter {
        status = blankToNull(status);
        level = blankToNull(level);
        category = blankToNull(category);
    }

    /** Only the cases flagged for the unit that handles trafficking. */
    public boolean traffickingOnly() {
        return Boolean.TRUE.equals(trafficking);
    }

    public boolean mine() {
        return Boolean.TRUE.equals(claimedByMe);
    }

    public int pageOrFirst() {
        return page == null ? 0 : page;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
