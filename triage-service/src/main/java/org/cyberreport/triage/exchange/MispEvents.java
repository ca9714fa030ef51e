package org.cyberreport.triage.exchange;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes indicators as a MISP event in MISP's core JSON format: TLP as a {@code tlp:} tag, handling
 * codes as {@code cyberreport:handling} tags, identifiers as attributes of MISP's own types (email-src,
 * phone-number, url, domain, ip-dst, iban, bank-account-nr, btc) or, where MISP has no type for them, as
 * the MISP objects made for them ({@code coin-address} for wallets on other chains, {@code user-account}
 * for handles on a platform). {@link FeedReader} reads the same back.
 */
public final class MispEvents {

    static final String COIN_ADDRESS = "coin-address";
    static final String COIN_ADDRESS_TEMPLATE = "d0e6997e-78da-4815-a6a1-cfc1c1cb8a46";
    static final String USER_ACCOUNT = "user-account";
    static final String USER_ACCOUNT_TEMPLATE = "49606b06-22f0-4ac8-8eee-2f12ad46f3d3";

    /** The chains of the reports and the symbols MISP's coin-address object uses for them. */
    static final Map<String, String> SYMBOLS = Map.of("ETHEREUM", "ETH", "BNB_SMART_CHAIN", "BSC", "POLYGON", "POL",
            "TRON", "TRX", "SOLANA", "SOL", "BITCOIN", "BTC");

    private MispEvents() {
    }

    public static Map<String, Object> event(StixBundles.Content content) {
        long seconds = content.now().getEpochSecond();
        List<Object> attributes = new ArrayList<>();
        List<Object> objects = new ArrayList<>();
        for (Observable observable : content.observables()) {
            Optional<String[]> simple = attributeType(observable);
            if (simple.isPresent()) {
                attributes.add(attribute(simple.get()[0], simple.get()[1], observable.value(), true, null, seconds));
            } else if ("CRYPTO_ADDRESS".equals(observable.type())) {
                List<Object> parts = new ArrayList<>();
                parts.add(attribute("text", "Financial fraud", observable.value(), true, "address-crypto", seconds));
                String symbol = observable.chain() == null ? null : SYMBOLS.get(observable.chain().toUpperCase(Locale.ROOT));
                if (symbol != null) {
                    parts.add(attribute("text", "Other", symbol, false, "symbol", seconds));
                }
                objects.add(object(COIN_ADDRESS, "financial", COIN_ADDRESS_TEMPLATE, "7", parts, seconds));
            } else if ("SOCIAL_HANDLE".equals(observable.type())) {
                List<Object> parts = new ArrayList<>();
                parts.add(attribute("text", "Social network", observable.value(), true, "username", seconds));
                if (observable.platform() != null) {
                    parts.add(attribute("text", "Social network", observable.platform().toLowerCase(Locale.ROOT), false,
                            "account-type", seconds));
                }
                objects.add(object(USER_ACCOUNT, "misc", USER_ACCOUNT_TEMPLATE, "6", parts, seconds));
            }
        }
        List<Object> tags = new ArrayList<>();
        tags.add(Map.of("name", content.tlp().mispTag()));
        content.codes().forEach(code -> tags.add(Map.of("name", "cyberreport:handling=\"" + code + "\"")));
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("uuid", UUID.randomUUID().toString());
        event.put("info", content.title());
        event.put("date", content.now().atOffset(ZoneOffset.UTC).toLocalDate().toString());
        event.put("timestamp", String.valueOf(seconds));
        event.put("published", false);
        event.put("analysis", "1");
        event.put("threat_level_id", "2");
        event.put("distribution", distribution(content.tlp()));
        event.put("Orgc", Map.of("name", "Cyberreport " + content.country()));
        event.put("Tag", tags);
        event.put("Attribute", attributes);
        event.put("Object", objects);
        return Map.of("Event", event);
    }

    /** MISP's distribution closest to the TLP: your organisation only, this community, connected ones, all. */
    private static String distribution(Tlp tlp) {
        return switch (tlp) {
            case RED, AMBER_STRICT -> "0";
            case AMBER -> "1";
            case GREEN -> "2";
            case CLEAR -> "3";
        };
    }

    /** {type, category} of a MISP attribute, where MISP has a type for the identifier. */
    static Optional<String[]> attributeType(Observable observable) {
        return Optional.ofNullable(switch (observable.type()) {
            case "EMAIL" -> new String[] {"email-src", "Payload delivery"};
            case "PHONE" -> new String[] {"phone-number", "Other"};
            case "URL" -> new String[] {"url", "Network activity"};
            case "DOMAIN" -> new String[] {"domain", "Network activity"};
            case "IP_ADDRESS" -> new String[] {"ip-dst", "Network activity"};
            case "IBAN" -> new String[] {"iban", "Financial fraud"};
            case "ACCOUNT" -> new String[] {"bank-account-nr", "Financial fraud"};
            case "CRYPTO_ADDRESS" -> "BITCOIN".equalsIgnoreCase(observable.chain())
                    ? new String[] {"btc", "Financial fraud"} : null;
            default -> null;
        });
    }

    private static Map<String, Object> attribute(String type, String category, String value, boolean toIds,
                                                 String relation, long seconds) {
        Map<String, Object> attribute = new LinkedHashMap<>();
        attribute.put("uuid", UUID.randomUUID().toString());
        if (relation != null) {
            attribute.put("object_relation", relation);
        }
        attribute.put("type", type);
        attribute.put("category", category);
        attribute.put("value", value);
        attribute.put("to_ids", toIds);
        attribute.put("timestamp", String.valueOf(seconds));
        return attribute;
    }

    private static Map<String, Object> object(String name, String metaCategory, String template, String version,
                                              List<Object> attributes, long seconds) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("uuid", UUID.randomUUID().toString());
        object.put("name", name);
        object.put("meta-category", metaCategory);
        object.put("template_uuid", template);
        object.put("template_version", version);
        object.put("timestamp", String.valueOf(seconds));
        object.put("Attribute", attributes);
        return object;
    }
}
