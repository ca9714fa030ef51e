package org.cyberreport.console.report;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** The report form with the reason an amendment needs and the version it is based on. */
public class AmendmentForm extends ReportForm {

    public String reason;

    @JsonIgnore
    public long version;
}
