package org.cyberreport.triage.correlation;

import java.net.IDN;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.validator.routines.InetAddressValidator;

import com.google.common.net.InternetDomainName;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

/**
 * Turns an identifier into the key under which the same identifier is always found, however it was
 * written: {@code iban:FR7630006000011234567890189}, {@code wallet:evm:0x5aae…}, {@code phone:+2126…},
 * {@code domain:example.com}, {@code url:example.com/login}, {@code email:a@example.com},
 * {@code ip:2001:db8::1}, {@code handle:instagram:name}, {@code account:12345678}.
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

    /** Query parameters that say where a click came from, not where it leads. */
    private static final Pattern TRACKING = Pattern.compile("(?i)utm_[a-z]+|fbclid|gclid|igshid|mc_eid");

    /**
     * What a URL stands for. On a platform hosting many users, the account it points to
     * ({@link Platforms}); elsewhere the page itself ({@code url:host/path?query}, without scheme,
     * fragment or tracking parameters) and its registrable domain by the Public Suffix List.
     *
     * @param platformWithoutAccount the platform's domain, when the URL names the platform and no account
     */
    public record UrlKeys(List<String> keys, Optional<String> platformWithoutAccount) {
        static final UrlKeys NONE = new UrlKeys(List.of(), Optional.empty());
    }

    public static UrlKeys url(String value) {
        if (value == null || value.isBlank()) {
            return UrlKeys.NONE;
        }
        String text = value.trim();
        if (!text.contains("://")) {
            text = "http://" + text;
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException invalid) {
            return UrlKeys.NONE;
        }
        String host = uri.getHost();
        if (host == null) {
            return UrlKeys.NONE;
        }
        String literal = host.replace("[", "").replace("]", "");
        if (InetAddressValidator.getInstance().isValid(literal)) {
            List<String> keys = new ArrayList<>();
            ip(literal).ifPresent(address -> {
                page(address.substring(3), uri).ifPresent(keys::add);
                keys.add(address);
            });
            return new UrlKeys(keys, Optional.empty());
        }
        String name = hostName(host);
        if (!name.contains(".")) {
            return UrlKeys.NONE;
        }
        Optional<String> platform = Platforms.platformOf(name);
        if (platform.isPresent()) {
            List<String> segments = Arrays.stream(Optional.ofNullable(uri.getPath()).orElse("").split("/"))
                    .filter(segment -> !segment.isBlank()).toList();
            Optional<String> account = Platforms.account(platform.get(), name, segments, query(uri.getRawQuery()));
            return account.map(key -> new UrlKeys(List.of(key), Optional.<String>empty()))
                    .orElseGet(() -> new UrlKeys(List.of(), Optional.of(registrable(name))));
        }
        List<String> keys = new ArrayList<>();
        page(name, uri).ifPresent(keys::add);
        keys.add("domain:" + registrable(name));
        return new UrlKeys(keys, Optional.empty());
    }

    /**
     * A domain, or the host of a URL: its registrable domain by the Public Suffix List (the part a
     * registrant holds: {@code shop.example.co.uk} is {@code example.co.uk}), lower case and ASCII.
     */
    public static Optional<String> domain(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String host = value.trim();
        if (host.contains("://") || host.contains("/")) {
            try {
                host = new URI(host.contains("://") ? host : "http://" + host).getHost();
            } catch (URISyntaxException invalid) {
                return Optional.empty();
            }
            if (host == null) {
                return Optional.empty();
            }
        }
        if (InetAddressValidator.getInstance().isValid(host.replace("[", "").replace("]", ""))) {
            return ip(host.replace("[", "").replace("]", ""));
        }
        host = hostName(host);
        return host.contains(".") ? Optional.of("domain:" + registrable(host)) : Optional.empty();
    }

    /**
     * The registrable domain of a host name by the Public Suffix List's rules, private suffixes
     * included ({@code shop.blogspot.com} is registered under {@code blogspot.com}); a host that is a
     * public suffix itself, or under none, stays as it is.
     */
    public static String registrable(String host) {
        try {
            InternetDomainName name = InternetDomainName.from(host);
            return name.isUnderPublicSuffix() ? name.topPrivateDomain().toString() : host;
        } catch (IllegalArgumentException | IllegalStateException notADomainName) {
            return host;
        }
    }

    private static String hostName(String given) {
        String host = asciiHost(given);
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        if (host.startsWith("m.") || host.startsWith("mobile.")) {
            // the mobile site of a platform is the platform
            String rest = host.substring(host.indexOf('.') + 1);
            if (Platforms.platformOf(rest).isPresent()) {
                host = rest;
            }
        }
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    /** {@code url:host[:port]/path?query}, when the URL names more than its host. */
    private static Optional<String> page(String host, URI uri) {
        String path = Optional.ofNullable(uri.getRawPath()).orElse("").replaceAll("/+", "/");
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        List<String> kept = new ArrayList<>();
        if (uri.getRawQuery() != null) {
            for (String parameter : uri.getRawQuery().split("&")) {
                String name = parameter.contains("=") ? parameter.substring(0, parameter.indexOf('=')) : parameter;
                if (!name.isEmpty() && !TRACKING.matcher(name).matches()) {
                    kept.add(parameter);
                }
            }
        }
        if (path.isEmpty() && kept.isEmpty()) {
            return Optional.empty();
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || port == 80 || port == 443;
        String hostPart = host.contains(":") ? "[" + host + "]" : host;
        return Optional.of("url:" + hostPart + (defaultPort ? "" : ":" + port) + path
                + (kept.isEmpty() ? "" : "?" + String.join("&", kept)));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> parameters = new HashMap<>();
        if (raw != null) {
            for (String parameter : raw.split("&")) {
                int equals = parameter.indexOf('=');
                if (equals > 0) {
                    parameters.putIfAbsent(parameter.substring(0, equals).toLowerCase(Locale.ROOT),
                            URLDecoder.decode(parameter.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return parameters;
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
        String where = platform == null || platform.isBlank() ? "" : Platforms.canonicalName(platform) + ":";
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
