package org.cyberreport.triage.casework;

import java.util.List;

/** One page of cases and the number of cases that match in all. */
public record CaseSlice(List<TriageCase> items, long total) {
}
