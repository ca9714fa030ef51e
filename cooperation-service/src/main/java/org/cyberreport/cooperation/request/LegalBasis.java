package org.cyberreport.cooperation.request;

/** The instrument and article a request rests on. */
public record LegalBasis(String instrument, String article) {
}
