package org.cyberreport.intake.report.web;

import java.time.Instant;
import java.util.List;

import org.cyberreport.intake.report.Amendment;
import org.cyberreport.intake.report.Report;
import org.cyberreport.intake.report.ReportContent;
import org.cyberreport.intake.report.ReportStatus;
import org.cyberreport.intake.report.Withdrawal;
import org.cyberreport.intake.report.casestate.CaseState;

/** A report as its readers see it: the content as filed or amended, and its history. */
public record ReportResponse(String id, String reference, ReportStatus status, long version, String country,
                             String unit, String filedBy, Instant receivedAt, Instant updatedAt, ReportContent content,
                             List<AmendmentView> amendments, WithdrawalView withdrawal, CaseView caseState) {

    static ReportResponse of(Report report) {
        return of(report, null);
    }

    static ReportResponse of(Report report, CaseState caseState) {
        return new ReportResponse(report.id(), report.reference(), report.status(), report.version(), report.country(),
                report.unit(), report.filedBy().username(), report.receivedAt(), report.updatedAt(), report.content(),
                report.amendments().stream().map(AmendmentView::of).toList(), WithdrawalView.of(report.withdrawal()),
                CaseView.of(caseState));
    }

    /** The report's case in triage, as last delivered: absent until triage has opened it. */
    public record CaseView(String reference, String level, String status, String outcome, Instant closedAt,
                           Instant changedAt) {
        static CaseView of(CaseState state) {
            return state == null ? null : new CaseView(state.caseReference(), state.level(), state.status(), state.outcome(),
                    state.closedAt(), state.changedAt());
        }
    }

    public record AmendmentView(int number, Instant amendedAt, String amendedBy, String reason,
                                List<Amendment.Change> changes) {
        static AmendmentView of(Amendment amendment) {
            return new AmendmentView(amendment.number(), amendment.amendedAt(), amendment.amendedBy().username(),
                    amendment.reason(), amendment.changes());
        }
    }

    public record WithdrawalView(Instant withdrawnAt, String withdrawnBy, String reason) {
        static WithdrawalView of(Withdrawal withdrawal) {
            return withdrawal == null ? null
                    : new WithdrawalView(withdrawal.withdrawnAt(), withdrawal.withdrawnBy().username(), withdrawal.reason());
        }
    }
}
