package org.cyberreport.intake.report.validation;

import java.util.Locale;
import java.util.regex.Pattern;

import org.iban4j.BicUtil;
import org.iban4j.IbanUtil;

/**
 * Bank identifiers: IBAN (ISO 13616: known country, its length and structure, mod-97 check) and BIC
 * (ISO 9362), checked with iban4j, which keeps the per-country IBAN registry current.
 */
public final class FinancialIdentifiers {

    private static final Pattern UETR = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

    private FinancialIdentifiers() {
    }

    /** Accepts the electronic form and the printed form with single spaces, in either case. */
    public static boolean isIban(String value) {
        return value != null && value.length() <= 42 && IbanUtil.isValid(compactIban(value));
    }

    public static String compactIban(String value) {
        return value.replace(" ", "").toUpperCase(Locale.ROOT);
    }

    public static boolean isBic(String value) {
        if (value == null) {
            return false;
        }
        try {
            BicUtil.validate(value);
            return true;
        } catch (RuntimeException invalid) {
            return false;
        }
    }

    /** A SWIFT gpi unique end-to-end transaction reference: a version 4 UUID in lower case. */
    public static boolean isUetr(String value) {
        return value != null && UETR.matcher(value).matches();
    }
}
