package org.cyberreport.intake.report.validation;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;

/**
 * ISO 3166-1 alpha-2 country codes and ISO 4217 currency codes, from the JDK's own tables, which
 * follow the standards' maintenance agencies.
 */
public final class Codes {

    private static final Set<String> COUNTRIES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

    private Codes() {
    }

    public static boolean isCountry(String code) {
        return code != null && COUNTRIES.contains(code);
    }

    /** A currency that has a minor unit, so that amounts in it have a defined scale. */
    public static boolean isCurrency(String code) {
        return currencyDigits(code) >= 0;
    }

    /** The number of decimals of the currency's minor unit, or -1 when it is not a payment currency. */
    public static int currencyDigits(String code) {
        if (code == null || code.length() != 3) {
            return -1;
        }
        try {
            return Currency.getInstance(code).getDefaultFractionDigits();
        } catch (IllegalArgumentException unknown) {
            return -1;
        }
    }

    /** Whether the amount has no more decimals than the currency's minor unit allows. */
    public static boolean fitsCurrencyScale(BigDecimal amount, String currency) {
        int digits = currencyDigits(currency);
        return digits >= 0 && amount.stripTrailingZeros().scale() <= digits;
    }
}
