package org.cyberreport.intake.report;

import java.time.Instant;

public record Withdrawal(Instant withdrawnAt, Actor withdrawnBy, String reason) {
}
