package org.cyberreport.intake.report;

/** Who did something to a report: the token subject and the user name shown to people. */
public record Actor(String subject, String username) {
}
