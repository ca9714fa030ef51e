package org.cyberreport.console.report;

/** Withdrawing a report: the reason, and the version the user saw. */
public class WithdrawalForm {

    public String reason;
    public long version;
}
