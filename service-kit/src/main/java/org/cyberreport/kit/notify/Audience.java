package org.cyberreport.kit.notify;

import java.util.LinkedHashSet;
import java.util.Set;

import org.cyberreport.kit.security.Caller;

/**
 * Who a notice is for, in the terms of the token: the holders of a role in a country (a country's
 * triage officers, its liaisons), the holders of a role in one unit (the unit that filed a report), or
 * one user. A caller reads a notice only when one of its own keys is the notice's key.
 */
public record Audience(String role, String country, String unit, String subject) {

    public static Audience roleInCountry(String role, String country) {
        return new Audience(role, country, null, null);
    }

    public static Audience roleInUnit(String role, String country, String unit) {
        return new Audience(role, country, unit, null);
    }

    public static Audience user(String subject) {
        return new Audience(null, null, null, subject);
    }

    /** The stored key: what a caller's own keys are compared with. */
    public String key() {
        if (subject != null) {
            return "user:" + subject;
        }
        return unit == null ? role + "@" + country : role + "@" + country + "#" + unit;
    }

    /** Every key a caller answers to: each of its roles in its country and in its unit, and itself. */
    public static Set<String> keysOf(Caller caller) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(user(caller.subject()).key());
        for (String role : caller.roles()) {
            if (caller.hasCountry()) {
                keys.add(roleInCountry(role, caller.country()).key());
                if (caller.hasUnit()) {
                    keys.add(roleInUnit(role, caller.country(), caller.unit()).key());
                }
            }
        }
        return keys;
    }
}
