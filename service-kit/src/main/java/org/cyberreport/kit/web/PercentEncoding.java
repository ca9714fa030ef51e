package org.cyberreport.kit.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict percent-decoding of UTF-8 text (RFC 3986, section 2.1), for what callers send percent-encoded:
 * query parameters and the {@code X-Purpose} header. Nothing is guessed: a stray {@code %}, a raw
 * character outside the printable ASCII range or bytes that are not UTF-8 are refused with the reason.
 */
final class PercentEncoding {

    private PercentEncoding() {
    }

    /**
     * The text {@code encoded} stands for.
     *
     * @param spaceAllowed whether a raw space may stand for itself (in a header value it may; in a query it is
     *                     encoded)
     * @throws IllegalArgumentException saying what is wrong, as a phrase that follows the name of the value
     */
    static String decodeUtf8(String encoded, boolean spaceAllowed) {
        char lowest = spaceAllowed ? ' ' : '!';
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                int high = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 1), 16) : -1;
                int low = high >= 0 ? Character.digit(encoded.charAt(i + 2), 16) : -1;
                if (low < 0) {
                    throw new IllegalArgumentException("has a '%' that is not followed by two hexadecimal digits");
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c > 0x7E || c < lowest) {
                throw new IllegalArgumentException("has characters that are not percent-encoded");
            } else {
                bytes.write(c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException notUtf8) {
            throw new IllegalArgumentException("is not valid UTF-8 once decoded");
        }
    }
}
