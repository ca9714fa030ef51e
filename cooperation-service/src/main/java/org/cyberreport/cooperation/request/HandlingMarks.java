package org.cyberreport.cooperation.request;

import java.util.Set;

/**
 * TLP 2.0 and the law-enforcement handling codes (H0 stated purpose only, H1 not for court without
 * permission, H2 not to be passed on without permission, H3 other restrictions). They travel with
 * the request; data marked TLP:RED or H2 is not passed on to another country without a recorded
 * permission of its owner.
 */
public record HandlingMarks(String tlp, Set<String> codes, String permission) {

    public HandlingMarks {
        codes = codes == null ? Set.of() : Set.copyOf(codes);
    }

    public boolean forbidsPassingOn() {
        return "RED".equals(tlp) || codes.contains("H2");
    }

    public boolean permitsPassingOn() {
        return !forbidsPassingOn() || permission != null && !permission.isBlank();
    }
}
