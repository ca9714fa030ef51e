package org.cyberreport.kit.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

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
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '%') {
                if (i + 2 >= header.length() || Character.digit(header.charAt(i + 1), 16) < 0
                        || Character.digit(header.charAt(i + 2), 16) < 0) {
                    throw new IllegalArgumentException("X-Purpose has a % that is not followed by two hexadecimal digits");
                }
                bytes.write(Character.digit(header.charAt(i + 1), 16) * 16 + Character.digit(header.charAt(i + 2), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException notUtf8) {
            throw new IllegalArgumentException("X-Purpose is not percent-encoded UTF-8");
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
