package org.cyberreport.kit.web;

/**
 * Why a caller consults or changes a record, as it states it in {@code X-Purpose}: text of at most 200
 * characters, percent-encoded UTF-8 (header values are ASCII; a purpose may be written in French or
 * Arabic), no control characters. The audit trail records it with the caller's action.
 */
public final class StatedPurpose {

    public static final String HEADER = "X-Purpose";
    public static final int MAX_CHARACTERS = 200;

    private StatedPurpose() {
    }

    /** The purpose the header states, decoded; refused with the reason when it is not one. */
    public static String decode(String header) {
        String text;
        try {
            text = PercentEncoding.decodeUtf8(header, true);
        } catch (IllegalArgumentException badlyEncoded) {
            throw new IllegalArgumentException(HEADER + " " + badlyEncoded.getMessage());
        }
        text = text.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("X-Purpose is empty");
        }
        if (text.codePointCount(0, text.length()) > MAX_CHARACTERS) {
            throw new IllegalArgumentException("X-Purpose is longer than " + MAX_CHARACTERS + " characters");
        }
        if (text.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("X-Purpose has control characters");
        }
        return text;
    }
}
