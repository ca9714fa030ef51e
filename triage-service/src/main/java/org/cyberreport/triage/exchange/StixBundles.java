package org.cyberreport.triage.exchange;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Writes indicators as a STIX 2.1 bundle: the platform's identity, the TLP 2.0 marking definition, a
 * statement marking per handling code, one indicator per identifier (a STIX pattern) and a report
 * that names them. Identifiers without a STIX 2.1 cyber-observable of their own (IBANs, account
 * numbers, wallets, phone numbers) use the object types named in the module's README; the importer
 * reads them back, and also STIX's own e-mail, URL, domain, IP and user-account objects.
 */
public final class StixBundles {

    static final String SPEC = "2.1";
    private static final String IDENTITY_CREATED = "2026-01-01T00:00:00.000Z";

    private StixBundles() {
    }

    public record Content(String title, String country, Tlp tlp, Set<String> codes, List<Observable> observables,
                          Instant now) {
    }

    public static Map<String, Object> bundle(Content content) {
        String created = timestamp(content.now());
        List<Object> objects = new ArrayList<>();
        // the platform's identity is one object whatever the export: its id and created time never change
        String identity = "identity--" + nameUuid("cyberreport:" + content.country());
        objects.add(object("identity", identity, IDENTITY_CREATED, Map.of(
                "name", "Cyberreport, " + content.country(),
                "identity_class", "organization",
                "description", "Cross-border cybercrime reporting platform, " + content.country())));
        objects.add(tlpMarking(content.tlp()));
        List<String> markings = new ArrayList<>(List.of(content.tlp().stixMarkingId()));
        for (String code : content.codes()) {
            String id = "marking-definition--" + nameUuid("cyberreport:handling:" + code);
            Map<String, Object> marking = new LinkedHashMap<>();
            marking.put("type", "marking-definition");
            marking.put("spec_version", SPEC);
            marking.put("id", id);
            marking.put("created", "2026-01-01T00:00:00.000Z");
            marking.put("name", "Handling code " + code);
            marking.put("definition_type", "statement");
            marking.put("definition", Map.of("statement", Handling.statement(code)));
            objects.add(marking);
            markings.add(id);
        }
        List<String> indicatorIds = new ArrayList<>();
        for (Observable observable : content.observables()) {
            // a new object each export: STIX fixes an object's created time with its id
            String id = "indicator--" + UUID.randomUUID();
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("created_by_ref", identity);
            fields.put("name", observable.type() + " " + observable.value());
            fields.put("indicator_types", List.of("malicious-activity"));
            fields.put("pattern", pattern(observable));
            fields.put("pattern_type", "stix");
            fields.put("pattern_version", SPEC);
            fields.put("valid_from", created);
            fields.put("object_marking_refs", markings);
            objects.add(object("indicator", id, created, fields));
            indicatorIds.add(id);
        }
        if (!indicatorIds.isEmpty()) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("created_by_ref", identity);
            fields.put("name", content.title());
            fields.put("report_types", List.of("threat-report"));
            fields.put("published", created);
            fields.put("object_refs", indicatorIds);
            fields.put("object_marking_refs", markings);
            objects.add(object("report", "report--" + UUID.randomUUID(), created, fields));
        }
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("type", "bundle");
        bundle.put("id", "bundle--" + UUID.randomUUID());
        bundle.put("objects", objects);
        return bundle;
    }

    /** The TLP 2.0 marking definition as OASIS publishes it. */
    static Map<String, Object> tlpMarking(Tlp tlp) {
        Map<String, Object> marking = new LinkedHashMap<>();
        marking.put("type", "marking-definition");
        marking.put("spec_version", SPEC);
        marking.put("id", tlp.stixMarkingId());
        marking.put("created", Tlp.STIX_CREATED);
        marking.put("created_by_ref", Tlp.STIX_CREATOR);
        marking.put("name", tlp.displayName());
        marking.put("extensions", Map.of(Tlp.STIX_EXTENSION,
                Map.of("extension_type", "property-extension", "tlp_2_0", tlp.label())));
        return marking;
    }

    static String pattern(Observable observable) {
        String value = quoted(observable.value());
        return switch (observable.type()) {
            case "EMAIL" -> "[email-addr:value = " + value + "]";
            case "URL" -> "[url:value = " + value + "]";
            case "DOMAIN" -> "[domain-name:value = " + value + "]";
            case "IP_ADDRESS" -> (observable.value().contains(":") ? "[ipv6-addr:value = " : "[ipv4-addr:value = ") + value + "]";
            case "PHONE" -> "[phone-number:value = " + value + "]";
            case "IBAN" -> "[bank-account:iban = " + value + "]";
            case "ACCOUNT" -> "[bank-account:account_number = " + value + "]";
            case "CRYPTO_ADDRESS" -> observable.chain() == null ? "[cryptocurrency-wallet:address = " + value + "]"
                    : "[cryptocurrency-wallet:address = " + value + " AND cryptocurrency-wallet:chain = "
                    + quoted(observable.chain().toUpperCase(Locale.ROOT)) + "]";
            case "SOCIAL_HANDLE" -> observable.platform() == null ? "[user-account:account_login = " + value + "]"
                    : "[user-account:account_login = " + value + " AND user-account:account_type = "
                    + quoted(observable.platform().toLowerCase(Locale.ROOT)) + "]";
            default -> throw new IllegalArgumentException("No STIX pattern for " + observable.type());
        };
    }

    private static String quoted(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static Map<String, Object> object(String type, String id, String created, Map<String, Object> fields) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("type", type);
        object.put("spec_version", SPEC);
        object.put("id", id);
        object.put("created", created);
        object.put("modified", created);
        object.putAll(fields);
        return object;
    }

    static String timestamp(Instant instant) {
        return instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString();
    }

    /** A UUID version 5 in STIX's namespace (RFC 9562 §5.5), as STIX 2.1 recommends for ids made from a name. */
    static UUID nameUuid(String name) {
        try {
            java.security.MessageDigest sha1 = java.security.MessageDigest.getInstance("SHA-1");
            UUID namespace = UUID.fromString("00abedb4-aa42-466c-9c01-fed23315a9b7");
            java.nio.ByteBuffer prefix = java.nio.ByteBuffer.allocate(16);
            prefix.putLong(namespace.getMostSignificantBits()).putLong(namespace.getLeastSignificantBits());
            sha1.update(prefix.array());
            byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(hash, 0, 16);
            return new UUID(bytes.getLong(), bytes.getLong());
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
