package org.cyberreport.console.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.util.UriBuilder;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/** The filters of the unit's report list, as query parameters of the page and of the API. */
record ReportFilter(@Pattern(regexp = "FILED|WITHDRAWN") String status,
                    @Pattern(regexp = "ONLINE_FRAUD|EXTORTION|CRYPTO|DATA_THEFT") String category,
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedFrom,
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedTo,
                    @Min(0) @Max(10_000) Integer page,
                    @Min(1) @Max(100) Integer size) {

    public int pageOrFirst() {
        return page == null ? 0 : page;
    }

    public int sizeOrDefault() {
        return size == null ? 20 : size;
    }

    /** The API's query: the days are whole days in the console's zone, the end day included. */
    UriBuilder apply(UriBuilder uri, ZoneId zone) {
        uri.queryParamIfPresent("status", java.util.Optional.ofNullable(blankToNull(status)))
                .queryParamIfPresent("category", java.util.Optional.ofNullable(blankToNull(category)))
                .queryParam("page", pageOrFirst())
                .queryParam("size", sizeOrDefault());
        if (receivedFrom != null) {
            uri.queryParam("receivedFrom", startOf(receivedFrom, zone));
        }
        if (receivedTo != null) {
            uri.queryParam("receivedTo", startOf(receivedTo.plusDays(1), zone));
        }
        return uri;
    }

    private static Instant startOf(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
