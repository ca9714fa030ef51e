package org.cyberreport.intake.report;

/** The four kinds of cybercrime report that intake accepts, each with its own section of details. */
public enum ReportCategory {
    ONLINE_FRAUD, EXTORTION, CRYPTO, DATA_THEFT
}
