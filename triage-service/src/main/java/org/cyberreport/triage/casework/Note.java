package org.cyberreport.triage.casework;

import java.time.Instant;

public record Note(Instant at, String by, String text) {
}
