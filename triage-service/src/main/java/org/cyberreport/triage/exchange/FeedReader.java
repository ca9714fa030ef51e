package org.cyberreport.triage.exchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * Reads a feed of known-bad indicators: a MISP event ({@code {"Event": …}}), several (a list of them, or
 * MISP's {@code {"response": […]}}), or a STIX 2.1 bundle. From MISP: the attributes flagged for
 * detection ({@code to_ids}) of the types {@link MispEvents} writes and their close relatives, and the
 * {@code coin-address} and {@code user-account} objects. From STIX: indicators with STIX patterns
 * (each equality comparison of a known object path), and e-mail, URL, domain and IP objects. The rest
 * is counted as skipped, never guessed at.
 */
public final class FeedReader {

    /** One identifier of the feed, in the report's terms. */
    public record Candidate(String type, String value, String chain, String platform) {
    }

    /** What the feed holds: its format, title, source, strictest TLP, identifiers, and how many were skipped. */
    public record Feed(String format, String title, String source, Tlp tlp, List<Candidate> candidates, int skipped) {
    }

    /** An equality of an object path and a quoted string; possessive, so that no value costs a stack frame per character. */
    private static final Pattern COMPARISON = Pattern.compile(
            "([a-z0-9-]{1,64}+):([a-z0-9_.]{1,64}+)\\s*+=\\s*+'((?:[^'\\\\]++|\\\\.)*+)'");
    /** Longer patterns, and longer values, are not identifiers: skipped and counted. */
    private static final int MAX_PATTERN = 4_096;
    static final int MAX_VALUE = 2_048;

    private static final Map<String, String> SYMBOL_CHAINS = Map.ofEntries(Map.entry("BTC", "BITCOIN"),
            Map.entry("ETH", "ETHEREUM"), Map.entry("BSC", "BNB_SMART_CHAIN"), Map.entry("BNB", "BNB_SMART_CHAIN"),
            Map.entry("POL", "POLYGON"), Map.entry("MATIC", "POLYGON"), Map.entry("TRX", "TRON"), Map.entry("TRON", "TRON"),
            Map.entry("SOL", "SOLANA"), Map.entry("USDT", "OTHER"));

    private FeedReader() {
    }

    /** @throws IllegalArgumentException when the document is neither a MISP event nor a STIX bundle */
    public static Feed read(JsonNode document) {
        if (document.isObject() && "bundle".equals(document.path("type").asString(""))) {
            return stix(document);
        }
        List<JsonNode> events = new ArrayList<>();
        if (document.isObject() && document.has("Event")) {
            events.add(document.get("Event"));
        } else if (document.isObject() && document.path("response").isArray()) {
            document.get("response").forEach(item -> events.add(item.has("Event") ? item.get("Event") : item));
        } else if (document.isArray()) {
            document.forEach(item -> events.add(item.has("Event") ? item.get("Event") : item));
        }
        if (events.isEmpty() || events.stream().anyMatch(event -> !event.isObject())) {
            throw new IllegalArgumentException("The document is neither a MISP event ({\"Event\": …}, a list of events, "
                    + "{\"response\": […]}) nor a STIX 2.1 bundle ({\"type\": \"bundle\"})");
        }
        return misp(events);
    }

    private static Feed misp(List<JsonNode> events) {
        List<Candidate> candidates = new ArrayList<>();
        int[] skipped = {0};
        Tlp tlp = null;
        String title = null;
        String source = null;
        for (JsonNode event : events) {
            title = title == null ? text(event, "info") : title;
            source = source == null ? text(event.path("Orgc"), "name") : source;
            tlp = stricter(tlp, tagTlp(event.path("Tag")));
            for (JsonNode attribute : event.path("Attribute")) {
                tlp = stricter(tlp, tagTlp(attribute.path("Tag")));
                if (!toIds(attribute)) {
                    continue;
                }
                mispAttribute(text(attribute, "type"), text(attribute, "value")).ifPresentOrElse(candidates::add,
                        () -> skipped[0]++);
            }
            for (JsonNode object : event.path("Object")) {
                Map<String, String> parts = new HashMap<>();
                boolean detect = false;
                for (JsonNode attribute : object.path("Attribute")) {
                    String relation = text(attribute, "object_relation");
                    if (relation != null && text(attribute, "value") != null) {
                        parts.putIfAbsent(relation, text(attribute, "value"));
                        detect |= toIds(attribute);
                    }
                }
                Optional<Candidate> found = detect ? mispObject(text(object, "name"), parts)
                        .filter(candidate -> candidate.value().length() <= MAX_VALUE) : Optional.empty();
                found.ifPresentOrElse(candidates::add, () -> skipped[0]++);
            }
        }
        return new Feed("MISP", title, source, tlp == null ? Tlp.AMBER : tlp, candidates, skipped[0]);
    }

    static Optional<Candidate> mispAttribute(String type, String value) {
        if (type == null || value == null || value.isBlank() || value.length() > MAX_VALUE) {
            return Optional.empty();
        }
        String first = value.contains("|") ? value.substring(0, value.indexOf('|')) : value;
        return Optional.ofNullable(switch (type) {
            case "email", "email-src", "email-dst", "email-reply-to" -> new Candidate("EMAIL", value, null, null);
            case "phone-number" -> new Candidate("PHONE", value, null, null);
            case "url", "uri" -> new Candidate("URL", value, null, null);
            case "domain", "hostname" -> new Candidate("DOMAIN", value, null, null);
            case "domain|ip" -> new Candidate("DOMAIN", first, null, null);
            case "ip-dst", "ip-src" -> new Candidate("IP_ADDRESS", value, null, null);
            case "ip-dst|port", "ip-src|port" -> new Candidate("IP_ADDRESS", first, null, null);
            case "iban" -> new Candidate("IBAN", value, null, null);
            case "bank-account-nr" -> new Candidate("ACCOUNT", value, null, null);
            case "btc" -> new Candidate("CRYPTO_ADDRESS", value, "BITCOIN", null);
            case "xmr" -> new Candidate("CRYPTO_ADDRESS", value, "OTHER", null);
            default -> null;
        });
    }

    private static Optional<Candidate> mispObject(String name, Map<String, String> parts) {
        if (MispEvents.COIN_ADDRESS.equals(name)) {
            String symbol = parts.getOrDefault("symbol", "").toUpperCase(Locale.ROOT);
            if (parts.containsKey("address")) {
                return Optional.of(new Candidate("CRYPTO_ADDRESS", parts.get("address"), "BITCOIN", null));
            }
            String address = parts.getOrDefault("address-crypto", parts.get("address-xmr"));
            return address == null ? Optional.empty()
                    : Optional.of(new Candidate("CRYPTO_ADDRESS", address, SYMBOL_CHAINS.getOrDefault(symbol, "OTHER"), null));
        }
        if (MispEvents.USER_ACCOUNT.equals(name) && parts.containsKey("username")) {
            return Optional.of(new Candidate("SOCIAL_HANDLE", parts.get("username"), null, parts.get("account-type")));
        }
        return Optional.empty();
    }

    private static Feed stix(JsonNode bundle) {
        List<Candidate> candidates = new ArrayList<>();
        int skipped = 0;
        Tlp tlp = null;
        Map<String, String> identities = new HashMap<>();
        for (JsonNode object : bundle.path("objects")) {
            if ("identity".equals(text(object, "type")) && text(object, "id") != null && text(object, "name") != null) {
                identities.put(text(object, "id"), text(object, "name"));
            }
        }
        String title = null;
        String source = null;
        for (JsonNode object : bundle.path("objects")) {
            String type = text(object, "type");
            if (type == null || type.equals("marking-definition") || type.equals("identity")
                    || type.equals("extension-definition")) {
                continue;
            }
            for (JsonNode marking : object.path("object_marking_refs")) {
                tlp = stricter(tlp, Tlp.ofStixMarking(marking.asString("")).orElse(null));
            }
            if (source == null && text(object, "created_by_ref") != null) {
                source = identities.get(text(object, "created_by_ref"));
            }
            switch (type) {
                case "indicator" -> {
                    String patternType = text(object, "pattern_type");
                    List<Candidate> found = patternType == null || "stix".equals(patternType)
                            ? pattern(text(object, "pattern")) : List.of();
                    if (found.isEmpty()) {
                        skipped++;
                    }
                    candidates.addAll(found);
                }
                case "grouping", "report" -> title = title == null ? text(object, "name") : title;
                case "email-addr" -> candidates.add(new Candidate("EMAIL", text(object, "value"), null, null));
                case "url" -> candidates.add(new Candidate("URL", text(object, "value"), null, null));
                case "domain-name" -> candidates.add(new Candidate("DOMAIN", text(object, "value"), null, null));
                case "ipv4-addr", "ipv6-addr" -> candidates.add(new Candidate("IP_ADDRESS", text(object, "value"), null, null));
                default -> skipped++;
            }
        }
        int blankOrLong = (int) candidates.stream().filter(c -> c.value() == null || c.value().isBlank()
                || c.value().length() > MAX_VALUE).count();
        candidates.removeIf(candidate -> candidate.value() == null || candidate.value().isBlank()
                || candidate.value().length() > MAX_VALUE);
        skipped += blankOrLong;
        return new Feed("STIX", title, source, tlp == null ? Tlp.AMBER : tlp, candidates, skipped);
    }

    /** The identifiers a STIX pattern compares for equality, with the chain or platform compared beside them. */
    static List<Candidate> pattern(String pattern) {
        List<Candidate> found = new ArrayList<>();
        if (pattern == null || pattern.length() > MAX_PATTERN) {
            return found;
        }
        Map<String, String> values = new HashMap<>();
        List<String[]> comparisons = new ArrayList<>();
        Matcher matcher = COMPARISON.matcher(pattern);
        while (matcher.find()) {
            String value = matcher.group(3).replace("\\'", "'").replace("\\\\", "\\");
            comparisons.add(new String[] {matcher.group(1), matcher.group(2), value});
            values.putIfAbsent(matcher.group(1) + ":" + matcher.group(2), value);
        }
        for (String[] comparison : comparisons) {
            String path = comparison[0] + ":" + comparison[1];
            String value = comparison[2];
            Candidate candidate = switch (path) {
                case "email-addr:value" -> new Candidate("EMAIL", value, null, null);
                case "url:value" -> new Candidate("URL", value, null, null);
                case "domain-name:value" -> new Candidate("DOMAIN", value, null, null);
                case "ipv4-addr:value", "ipv6-addr:value" -> new Candidate("IP_ADDRESS", value, null, null);
                case "phone-number:value", "phone-number:number" -> new Candidate("PHONE", value, null, null);
                case "bank-account:iban", "bank-account:iban_number" -> new Candidate("IBAN", value, null, null);
                case "bank-account:account_number" -> new Candidate("ACCOUNT", value, null, null);
                case "cryptocurrency-wallet:address", "cryptocurrency-wallet:value" -> new Candidate("CRYPTO_ADDRESS",
                        value, values.getOrDefault("cryptocurrency-wallet:chain", "OTHER"), null);
                case "user-account:account_login" -> new Candidate("SOCIAL_HANDLE", value, null,
                        values.get("user-account:account_type"));
                default -> null;
            };
            if (candidate != null) {
                found.add(candidate);
            }
        }
        return found;
    }

    private static Tlp tagTlp(JsonNode tags) {
        Tlp tlp = null;
        for (JsonNode tag : tags) {
            tlp = stricter(tlp, Tlp.ofMispTag(text(tag, "name")).orElse(null));
        }
        return tlp;
    }

    private static Tlp stricter(Tlp one, Tlp other) {
        return one == null ? other : other == null ? one : Tlp.stricter(one, other);
    }

    private static boolean toIds(JsonNode attribute) {
        JsonNode flag = attribute.path("to_ids");
        if (flag.isMissingNode() || flag.isNull()) {
            return true;
        }
        if (flag.isBoolean()) {
            return flag.asBoolean();
        }
        String text = flag.asString("");
        return text.equals("1") || text.equalsIgnoreCase("true");
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.asString() : value.isNumber() ? value.asString() : null;
    }
}
