package org.cyberreport.intake.report.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record WithdrawReportRequest(@NotBlank @Size(max = 2000) String reason) {
}
