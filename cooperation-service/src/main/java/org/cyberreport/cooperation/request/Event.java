package org.cyberreport.cooperation.request;

import java.time.Instant;

/** One entry of a request's history. */
public record Event(Instant at, String by, String what, String detail) {
}
