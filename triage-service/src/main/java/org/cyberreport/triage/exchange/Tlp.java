package org.cyberreport.triage.exchange;

import java.util.Locale;
import java.util.Optional;

/**
 * TLP 2.0 as STIX 2.1 and MISP write it: the OASIS marking definitions of TLP 2.0 (an extension of
 * STIX 2.1 whose objects have fixed ids; TLP 1.0's four fixed ids are read too, WHITE as CLEAR) and
 * MISP's {@code tlp:} tags. Declared from the least to the most restrictive.
 */
public enum Tlp {
    CLEAR("clear", "94868c89-83c2-464b-929b-a1a8aa3c8487", "613f2e26-407d-48c7-9eca-b8e91df99dc9"),
    GREEN("green", "bab4a63c-aed9-4cf5-a766-dfca5abac2bb", "34098fce-860f-48ae-8e50-ebd3cc5e41da"),
    AMBER("amber", "55d920b0-5e8b-4f79-9ee9-91f868d9b421", "f88d31f6-486f-44da-b317-01333bde0b82"),
    AMBER_STRICT("amber+strict", "939a9414-2ddd-4d32-a0cd-375ea402b003", null),
    RED("red", "e828b379-4e03-4974-9ac4-e53a884c97c1", "5e57c739-391a-4eb3-b6be-7d15ca92d5ed");

    /** The STIX extension that defines TLP 2.0 marking definitions. */
    public static final String STIX_EXTENSION = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";
    /** The identity that published TLP 2.0's STIX marking definitions. */
    public static final String STIX_CREATOR = "identity--b3bca3c2-1f3d-4b54-b44f-dac42c3a8f01";
    public static final String STIX_CREATED = "2022-10-01T00:00:00.000Z";

    private final String label;
    private final String stix2Uuid;
    private final String stix1Uuid;

    Tlp(String label, String stix2Uuid, String stix1Uuid) {
        this.label = label;
        this.stix2Uuid = stix2Uuid;
        this.stix1Uuid = stix1Uuid;
    }

    /** {@code clear}, {@code amber+strict}… as in TLP 2.0's STIX extension ({@code tlp_2_0}) and MISP's tags. */
    public String label() {
        return label;
    }

    /** {@code TLP:AMBER+STRICT}. */
    public String displayName() {
        return "TLP:" + label.toUpperCase(Locale.ROOT);
    }

    public String mispTag() {
        return "tlp:" + label;
    }

    public String stixMarkingId() {
        return "marking-definition--" + stix2Uuid;
    }

    public boolean isAtLeast(Tlp other) {
        return compareTo(other) >= 0;
    }

    public static Tlp stricter(Tlp one, Tlp other) {
        return one.compareTo(other) >= 0 ? one : other;
    }

    /** The handling mark of a report ({@code AMBER_STRICT}…); unknown or absent is AMBER, never less. */
    public static Tlp ofHandling(String tlp) {
        if (tlp == null) {
            return AMBER;
        }
        try {
            return valueOf(tlp.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return AMBER;
        }
    }

    /** A MISP tag ({@code tlp:amber}, {@code tlp:white}…). */
    public static Optional<Tlp> ofMispTag(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        String name = tag.trim().toLowerCase(Locale.ROOT);
        if (name.equals("tlp:white")) {
            return Optional.of(CLEAR);
        }
        for (Tlp tlp : values()) {
            if (name.equals(tlp.mispTag())) {
                return Optional.of(tlp);
            }
        }
        return Optional.empty();
    }

    /** A STIX marking-definition id of TLP 2.0 or of TLP 1.0. */
    public static Optional<Tlp> ofStixMarking(String id) {
        for (Tlp tlp : values()) {
            if (id.equals("marking-definition--" + tlp.stix2Uuid)
                    || tlp.stix1Uuid != null && id.equals("marking-definition--" + tlp.stix1Uuid)) {
                return Optional.of(tlp);
            }
        }
        return Optional.empty();
    }
}
