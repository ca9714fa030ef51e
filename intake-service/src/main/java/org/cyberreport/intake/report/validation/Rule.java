package org.cyberreport.intake.report.validation;

import java.util.function.Predicate;
import java.util.regex.Pattern;

/** The format rules that single text fields of a report must follow, each with its message. */
public enum Rule {
    COUNTRY(Codes::isCountry, "must be an ISO 3166-1 alpha-2 country code in upper case"),
    CURRENCY(Codes::isCurrency, "must be an ISO 4217 currency code"),
    IBAN(FinancialIdentifiers::isIban, "must be a valid IBAN (country, length and check digits)"),
    BIC(FinancialIdentifiers::isBic, "must be a valid BIC"),
    UETR(FinancialIdentifiers::isUetr, "must be a SWIFT UETR (a lower-case version 4 UUID)"),
    E164_PHONE(ContactIdentifiers::isE164Phone, "must be a valid phone number in E.164 form, e.g. +212612345678"),
    EMAIL(ContactIdentifiers::isEmail, "must be a valid e-mail address"),
    URL(ContactIdentifiers::isUrl, "must be a valid http or https URL"),
    DOMAIN(ContactIdentifiers::isDomain, "must be a valid domain name"),
    IP_ADDRESS(ContactIdentifiers::isIpAddress, "must be a valid IPv4 or IPv6 address"),
    SOCIAL_HANDLE(ContactIdentifiers::isSocialHandle, "must be a handle of 1 to 64 letters, digits, '.', '_' or '-'"),
    SHA256(Pattern.compile("[0-9a-f]{64}").asMatchPredicate(), "must be a SHA-256 digest in 64 lower-case hex digits"),
    MEDIA_TYPE(Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,62}/[a-z0-9][a-z0-9!#$&^_.+-]{0,62}").asMatchPredicate(),
            "must be a media type such as application/pdf"),
    ASSET(Pattern.compile("[A-Z0-9]{2,12}").asMatchPredicate(), "must be an asset ticker such as BTC or USDT"),
    IDENTIFIER(Identifiers::isClean,
            "must not contain invisible, formatting or bidirectional control characters, nor spaces other than U+0020"),
    TX_HASH(Pattern.compile("(0x)?[0-9a-fA-F]{64}|[1-9A-HJ-NP-Za-km-z]{43,88}").asMatchPredicate(),
            "must be a transaction hash (64 hex digits, optionally 0x-prefixed, or a Base58 signature)");

    private final Predicate<String> check;
    private final String message;

    Rule(Predicate<String> check, String message) {
        this.check = check;
        this.message = message;
    }

    public boolean accepts(String value) {
        return check.test(value);
    }

    public String message() {
        return message;
    }
}
