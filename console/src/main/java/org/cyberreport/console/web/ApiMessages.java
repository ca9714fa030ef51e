package org.cyberreport.console.web;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The API states each failing field in English and with no code of its own; its messages come from a
 * small, stable set (Bean Validation's defaults, the intake's identifier rules, a few rules of each
 * service). Each known message becomes a text of the console's own, in the user's language, with the
 * numbers or names it carried; any other message is shown as the API wrote it.
 */
final class ApiMessages {

    private record Known(Pattern english, String key) {
    }

    private static Known known(String english, String key) {
        return new Known(Pattern.compile(english), key);
    }

    /** Most specific first: "must be a valid IBAN…" before the generic "must be a valid …". */
    private static final List<Known> KNOWN = List.of(
            known("must not be (?:null|blank|empty)|is required to push requests", "api.error.required"),
            known("is required for an? ([A-Z_]+) request", "api.error.required-for"),
            known("size must be between (\\d+) and (\\d+)", "api.error.size"),
            known("must be less than or equal to (\\S+)", "api.error.max"),
            known("must be greater than or equal to (\\S+)|must not be negative", "api.error.min"),
            known("numeric value out of bounds \\(<(\\d+) digits>\\.<(\\d+) digits> expected\\)", "api.error.digits"),
            known("must be a valid phone number in E\\.164 form.*", "api.error.phone"),
            known("must be a (?:valid|well-formed) e-?mail address", "api.error.email"),
            known("must be a valid http or https URL", "api.error.url"),
            known("must be a valid domain name", "api.error.domain"),
            known("must be a valid IPv4 or IPv6 address", "api.error.ip"),
            known("must be a handle of .*", "api.error.handle"),
            known("must be a valid IBAN.*", "api.error.iban"),
            known("must be a valid BIC", "api.error.bic"),
            known("must be a SWIFT UETR.*", "api.error.uetr"),
            known("must be an ISO 3166-1 alpha-2 (?:country )?code.*", "api.error.country"),
            known("must be another country", "api.error.another-country"),
            known("must be an ISO 4217 currency code", "api.error.currency"),
            known("must be a SHA-256 digest.*", "api.error.sha256"),
            known("must be a media type .*", "api.error.media-type"),
            known("must be an asset ticker .*", "api.error.asset"),
            known("must be a transaction hash.*", "api.error.tx-hash"),
            known("must not contain invisible, formatting or bidirectional control characters.*", "api.error.invisible"),
            known("must be a report category", "api.error.category"),
            known("cannot be changed by an amendment", "api.error.unchangeable"),
            known("must be a subtype such as .*", "api.error.subtype"),
            known("must be an Ed25519 public key.*", "api.error.ed25519"),
            known("only https is allowed", "api.error.https-only"),
            known("credentials in the URL are not allowed", "api.error.url-credentials"),
            known("a fragment is not allowed", "api.error.url-fragment"),
            known("not a valid URL|an absolute URL with a host is required", "api.error.absolute-url"),
            known("the host does not resolve", "api.error.host-unresolved"),
            known("the host resolves to a non-public address \\((.+)\\)", "api.error.host-private"),
            known("must be within (\\d+) days before and (\\d+) days after now", "api.error.within-days"),
            known("must match \".*\"", "api.error.pattern"),
            known("must be a valid .*|is invalid", "api.error.invalid"));

    private ApiMessages() {
    }

    /** The text for one failing field: the console's own when the message is known, else the API's as written. */
    static DefaultMessageSourceResolvable of(String english) {
        String message = english == null ? "" : english.strip();
        for (Known candidate : KNOWN) {
            Matcher match = candidate.english().matcher(message);
            if (match.matches()) {
                return new DefaultMessageSourceResolvable(new String[] {candidate.key()}, arguments(candidate.key(), match), message);
            }
        }
        return new DefaultMessageSourceResolvable(new String[] {"api.field"}, new Object[] {message}, message);
    }

    private static Object[] arguments(String key, Matcher match) {
        Object[] arguments = new Object[match.groupCount()];
        for (int i = 0; i < arguments.length; i++) {
            String value = match.group(i + 1);
            arguments[i] = value == null ? "0" : value;
        }
        if (key.equals("api.error.required-for") && arguments.length == 1) {
            // the request type's own name in the user's language
            String type = (String) arguments[0];
            arguments[0] = new DefaultMessageSourceResolvable(new String[] {"request." + type}, type);
        }
        return arguments;
    }
}
