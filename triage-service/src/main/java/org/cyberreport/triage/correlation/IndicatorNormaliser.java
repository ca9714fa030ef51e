package org.cyberreport.triage.correlation;

import java.net.IDN;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.validator.routines.InetAddressValidator;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

/**
 * Turns an identifier into the key under which the same identifier is always found, however it was
 * written: {@code iban:FR7630006000011234567890189}, {@code wallet:evm:0x5aae…}, {@code phone:+2126…},
 * {@code domain:example.com}, {@code email:a@example.com}, {@code ip:2001:db8::1},
 * {@code handle:instagram:name}, {@code account:12345678}.
 */
public final class IndicatorNormaliser {

    private static final Set<String> EVM_CHAINS = Set.of("ETHEREUM", "BNB_SMART_CHAIN", "POLYGON");
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private IndicatorNormaliser() {
    }

    public static Optional<String> iban(String value) {
        String compact = compact(value).toUpperCase(Locale.ROOT);
        return compact.length() >= 15 ? Optional.of("iban:" + compact) : Optional.empty();
    }

    public static Optional<String> account(String value) {
        String compact = compact(value).replace("-", "").replace("/", "").toUpperCase(Locale.ROOT);
        return compact.length() >= 4 ? Optional.of("account:" + compact) : Optional.empty();
    }

    /** EVM addresses are the same account on every EVM chain and are case-insensitive. */
    public static Optional<String> wallet(String chain, String address) {
        if (address == null || address.isBlank()) {
            return Optional.empty();
        }
        String trimmed = address.trim();
        String upperChain = chain == null ? "OTHER" : chain.toUpperCase(Locale.ROOT);
        if (EVM_CHAINS.contains(upperChain) || trimmed.matches("0x[0-9a-fA-F]{40}")) {
            return Optional.of("wallet:evm:" + trimmed.toLowerCase(Locale.ROOT));
        }
        if ("BITCOIN".equals(upperChain) && trimmed.toLowerCase(Locale.ROOT).startsWith("bc1")) {
            return Optional.of("wallet:bitcoin:" + trimmed.toLowerCase(Locale.ROOT));
        }
        // Base58 addresses (Bitcoin legacy, Tron, Solana) are case-sensitive.
        return Optional.of("wallet:" + upperChain.toLowerCase(Locale.ROOT) + ":" + trimmed);
    }

    public static Optional<String> email(String value) {
        if (value == null || !value.contains("@")) {
            return Optional.empty();
        }
        String trimmed = value.trim().toLowerCase(Locale.ROOT);
        int at = trimmed.lastIndexOf('@');
        return Optional.of("email:" + trimmed.substring(0, at) + "@" + asciiHost(trimmed.substring(at + 1)));
    }

    public static Optional<String> phone(String value) {
        try {
            var number = PHONES.parse(value, null);
            return Optional.of("phone:" + PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException | RuntimeException invalid) {
            return Optional.empty();
        }
    }

    /** A domain, or the host of a URL: lower case, ASCII (punycode), without a leading {@code www.}. */
    public static Optional<String> domain(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String host = value.trim();
        if (host.contains("://")) {
            try {
                host = URI.create(host).getHost();
            } catch (IllegalArgumentException invalid) {
                return Optional.empty();
            }
            if (host == null) {
                return Optional.empty();
            }
        }
        if (InetAddressValidator.getInstance().isValid(host.replace("[", "").replace("]", ""))) {
            return ip(host.replace("[", "").replace("]", ""));
        }
        host = asciiHost(host);
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        return host.contains(".") ? Optional.of("domain:" + host) : Optional.empty();
    }

    /** IPv4 as is, IPv6 in its canonical compressed form; only literals are parsed (no name lookup). */
    public static Optional<String> ip(String value) {
        if (value == null || !InetAddressValidator.getInstance().isValid(value.trim())) {
            return Optional.empty();
        }
        try {
            String canonical = InetAddress.getByName(value.trim()).getHostAddress();
            if (canonical.contains(":")) {
                canonical = compressIpv6(canonical);
            }
            return Optional.of("ip:" + canonical);
        } catch (UnknownHostException impossibleForLiterals) {
            return Optional.empty();
        }
    }

    public static Optional<String> handle(String platform, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String name = value.trim().toLowerCase(Locale.ROOT);
        if (name.startsWith("@")) {
            name = name.substring(1);
        }
        String where = platform == null || platform.isBlank() ? "" : platform.trim().toLowerCase(Locale.ROOT) + ":";
        return name.isEmpty() ? Optional.empty() : Optional.of("handle:" + where + name);
    }

    private static String compact(String value) {
        return value == null ? "" : value.replace(" ", "").trim();
    }

    private static String asciiHost(String host) {
        try {
            return IDN.toASCII(host.toLowerCase(Locale.ROOT), IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException invalid) {
            return host.toLowerCase(Locale.ROOT);
        }
    }

    /** Java prints IPv6 in full (1:0:0:0:…); the canonical text form (RFC 5952) compresses zeros. */
    private static String compressIpv6(String full) {
        String[] groups = full.split(":");
        int bestStart = -1;
        int bestLength = 0;
        for (int i = 0; i < groups.length; ) {
            if (groups[i].equals("0")) {
                int j = i;
                while (j < groups.length && groups[j].equals("0")) {
                    j++;
                }
                if (j - i > bestLength && j - i > 1) {
                    bestStart = i;
                    bestLength = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        if (bestStart < 0) {
            return full;
        }
        String head = String.join(":", java.util.Arrays.copyOfRange(groups, 0, bestStart));
        String tail = String.join(":", java.util.Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
        return head + "::" + tail;
    }
}
