package org.cyberreport.gateway.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;

/**
 * The checks on a request's head that come before anything else reads it: a method the API knows; a
 * request target that is a path made only of URI characters, with well-formed percent-encoding that
 * decodes to UTF-8 text without control characters, and a query of named parameters; header values
 * of visible ASCII; and a Host header that is a host and port. Java's URI parser, Spring's query parser and the services would otherwise
 * meet such input with an exception, an empty 400, a silently changed request or a 500.
 */
final class RequestHeads {

    static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    /** What RFC 3986 allows in a path and query besides letters, digits and percent-encoding. */
    private static final String URI_CHARACTERS = "-._~!$&'()*+,;=:@/?";

    /** RFC 3986 host (a name, an IPv4 address or a bracketed IPv6 literal) and an optional port. */
    private static final Pattern HOST = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9._~!$&'()*+,;=%-]*)(:[0-9]{1,5})?");

    private RequestHeads() {
    }

    /** Why a request head is refused. */
    record Refusal(HttpStatus status, String kind, String title, String detail) {

        static Refusal malformed(String detail) {
            return new Refusal(HttpStatus.BAD_REQUEST, "malformed-request", "The request is malformed", detail);
        }
    }

    static Optional<Refusal> check(String method, String target, Iterable<Map.Entry<String, String>> headers) {
        if (!METHODS.contains(method)) {
            return Optional.of(new Refusal(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed",
                    "The API accepts only the methods " + String.join(", ", METHODS.stream().sorted().toList())));
        }
        Optional<Refusal> refusal = checkTarget(target);
        if (refusal.isPresent()) {
            return refusal;
        }
        for (Map.Entry<String, String> header : headers) {
            if ("host".equalsIgnoreCase(header.getKey()) && !HOST.matcher(header.getValue()).matches()) {
                // Reactor Netty parses it for the port and would fail the request with an empty 400.
                return Optional.of(Refusal.malformed("The Host header must be a host name or address with an optional port"));
            }
            if (!visibleAscii(header.getValue())) {
                // The name is safe to echo: the HTTP decoder accepts only token characters in names.
                return Optional.of(Refusal.malformed("The value of the header " + header.getKey()
                        + " contains characters that are not visible ASCII"));
            }
        }
        return Optional.empty();
    }

    private static Optional<Refusal> checkTarget(String target) {
        if (!target.startsWith("/")) {
            return Optional.of(Refusal.malformed("The request target must be a path"));
        }
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '%' || URI_CHARACTERS.indexOf(c) >= 0))) {
                return Optional.of(Refusal.malformed("The request target contains a character that a URI does not allow"
                        + " (a space, a quote, a bracket, a byte outside ASCII…): percent-encode it"));
            }
        }
        int question = target.indexOf('?');
        String path = question < 0 ? target : target.substring(0, question);
        if (!decodesToText(path)) {
            return Optional.of(Refusal.malformed("The path is not well-formed percent-encoded UTF-8 text"));
        }
        if (question < 0) {
            return Optional.empty();
        }
        String query = target.substring(question + 1);
        if (query.isEmpty()) {
            return Optional.empty();
        }
        for (String parameter : query.split("&", -1)) {
            int equals = parameter.indexOf('=');
            String name = equals < 0 ? parameter : parameter.substring(0, equals);
            if (name.isEmpty()) {
                return Optional.of(Refusal.malformed("Every query parameter needs a name"));
            }
            if (!decodesToText(parameter)) {
                return Optional.of(Refusal.malformed("The query is not well-formed percent-encoded UTF-8 text"));
            }
        }
        return Optional.empty();
    }

    /** Well-formed percent-encoding of UTF-8 text without control characters. */
    static boolean decodesToText(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c != '%') {
                bytes.write(c);
                continue;
            }
            if (i + 2 >= encoded.length()) {
                return false;
            }
            int high = Character.digit(encoded.charAt(i + 1), 16);
            int low = Character.digit(encoded.charAt(i + 2), 16);
            if (high < 0 || low < 0) {
                return false;
            }
            bytes.write(high * 16 + low);
            i += 2;
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
            return text.chars().noneMatch(Character::isISOControl);
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Header values: visible ASCII, spaces and tabs (RFC 9110 field values without obsolete text). */
    static boolean visibleAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\t' && (c < 0x20 || c > 0x7e)) {
                return false;
            }
        }
        return true;
    }
}
