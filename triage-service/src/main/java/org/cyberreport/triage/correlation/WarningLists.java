package org.cyberreport.triage.correlation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

import org.apache.commons.validator.routines.InetAddressValidator;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lists of well-known, shared or reserved infrastructure in MISP's warninglist format: top sites, URL
 * shorteners, webmail, public DNS resolvers, reserved address ranges, fictional phone numbers. An
 * identifier on one of them names something many unrelated reports share, so it never links cases by
 * itself. Each list applies to the kinds of identifier its {@code matching_attributes} name.
 */
public final class WarningLists {

    /** A list an identifier was found on: its file, its name and its version. */
    public record Listing(String list, String name, String version) {
        public String label() {
            return list + "@" + version;
        }
    }

    private static final Map<String, Set<String>> ATTRIBUTES_BY_KIND = Map.of(
            "domain", Set.of("domain", "hostname", "url", "uri", "domain|ip"),
            "ip", Set.of("ip-src", "ip-dst", "domain|ip", "ip-src|port", "ip-dst|port"),
            "phone", Set.of("phone-number", "whois-registrant-phone"),
            "email", Set.of("email", "email-src", "email-dst"),
            "wallet", Set.of("btc", "xmr", "dash", "eth", "crypto-address"),
            "iban", Set.of("iban"),
            "account", Set.of("bank-account-nr"));

    private final List<WarningList> lists;

    private WarningLists(List<WarningList> lists) {
        this.lists = List.copyOf(lists);
    }

    /** Every {@code *.json} in the directory, or the bundled lists when it is null. */
    public static WarningLists load(Path directory) {
        List<WarningList> loaded = new ArrayList<>();
        JsonMapper json = JsonMapper.builder().build();
        if (directory == null) {
            try {
                Resource[] bundled = new PathMatchingResourcePatternResolver().getResources("classpath:warninglists/*.json");
                for (Resource resource : bundled) {
                    try (InputStream in = resource.getInputStream()) {
                        loaded.add(WarningList.parse(stem(resource.getFilename()), json.readTree(in)));
                    }
                }
            } catch (IOException unreadable) {
                throw new UncheckedIOException("The bundled warning lists cannot be read", unreadable);
            }
        } else {
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                    try (InputStream in = Files.newInputStream(file)) {
                        loaded.add(WarningList.parse(stem(file.getFileName().toString()), json.readTree(in)));
                    }
                }
            } catch (IOException unreadable) {
                throw new UncheckedIOException("The warning lists in " + directory + " cannot be read", unreadable);
            }
        }
        loaded.sort(Comparator.comparing(WarningList::file));
        return new WarningLists(loaded);
    }

    static WarningLists of(List<WarningList> lists) {
        return new WarningLists(lists);
    }

    /** The lists and their versions, e.g. {@code tranco10k@20250115}: what decided a case's links. */
    public Map<String, String> versions() {
        Map<String, String> versions = new TreeMap<>();
        lists.forEach(list -> versions.put(list.file(), list.version()));
        return versions;
    }

    /** The first list (in file order) that names the identifier behind a normalised key. */
    public Optional<Listing> find(String key) {
        int colon = key.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String kind = key.substring(0, colon);
        Set<String> attributes = ATTRIBUTES_BY_KIND.get(kind);
        if (attributes == null) {
            return Optional.empty();
        }
        String value = kind.equals("wallet") ? key.substring(key.indexOf(':', colon + 1) + 1) : key.substring(colon + 1);
        for (WarningList list : lists) {
            if (list.appliesTo(attributes) && list.matches(kind, value)) {
                return Optional.of(new Listing(list.file(), list.name(), list.version()));
            }
        }
        return Optional.empty();
    }

    private static String stem(String fileName) {
        return fileName == null ? "list" : fileName.replaceFirst("\\.json$", "");
    }

    /** One list: exact strings, host names (with their subdomains), address blocks, patterns or substrings. */
    record WarningList(String file, String name, String version, String type, Set<String> attributes,
                       Set<String> values, List<Pattern> patterns, Map<Integer, Set<BigInteger>> blocks4,
                       Map<Integer, Set<BigInteger>> blocks6) {

        static WarningList parse(String file, JsonNode list) {
            String type = list.path("type").asString("string").toLowerCase(Locale.ROOT);
            Set<String> attributes = new HashSet<>();
            list.path("matching_attributes").forEach(attribute -> attributes.add(attribute.asString().toLowerCase(Locale.ROOT)));
            Set<String> values = new HashSet<>();
            List<Pattern> patterns = new ArrayList<>();
            Map<Integer, Set<BigInteger>> blocks4 = new HashMap<>();
            Map<Integer, Set<BigInteger>> blocks6 = new HashMap<>();
            for (JsonNode entry : list.path("list")) {
                String value = entry.asString().trim();
                switch (type) {
                    case "cidr" -> addBlock(value, blocks4, blocks6);
                    case "regex" -> pattern(value).ifPresent(patterns::add);
                    case "hostname" -> values.add(host(value));
                    default -> values.add(value.toLowerCase(Locale.ROOT));
                }
            }
            return new WarningList(file, list.path("name").asString(file), list.path("version").asString("0"), type,
                    attributes, values, patterns, blocks4, blocks6);
        }

        boolean appliesTo(Set<String> kindAttributes) {
            return attributes.isEmpty() || attributes.stream().anyMatch(kindAttributes::contains);
        }

        boolean matches(String kind, String value) {
            String lower = value.toLowerCase(Locale.ROOT);
            return switch (type) {
                case "cidr" -> kind.equals("ip") && inBlocks(value);
                case "regex" -> patterns.stream().anyMatch(pattern -> pattern.matcher(value).matches());
                case "substring" -> values.stream().anyMatch(lower::contains);
                case "hostname" -> kind.equals("domain") ? hostOrParentListed(lower) : values.contains(lower);
                default -> values.contains(lower);
            };
        }

        private boolean hostOrParentListed(String host) {
            String candidate = host;
            while (true) {
                if (values.contains(candidate)) {
                    return true;
                }
                int dot = candidate.indexOf('.');
                if (dot < 0) {
                    return false;
                }
                candidate = candidate.substring(dot + 1);
            }
        }

        private boolean inBlocks(String address) {
            byte[] bytes = literal(address);
            if (bytes == null) {
                return false;
            }
            Map<Integer, Set<BigInteger>> blocks = bytes.length == 4 ? blocks4 : blocks6;
            BigInteger number = new BigInteger(1, bytes);
            int bits = bytes.length * 8;
            for (Map.Entry<Integer, Set<BigInteger>> block : blocks.entrySet()) {
                if (block.getValue().contains(number.shiftRight(bits - block.getKey()))) {
                    return true;
                }
            }
            return false;
        }

        private static void addBlock(String value, Map<Integer, Set<BigInteger>> blocks4, Map<Integer, Set<BigInteger>> blocks6) {
            String[] parts = value.split("/", 2);
            byte[] bytes = literal(parts[0]);
            if (bytes == null) {
                return;
            }
            int bits = bytes.length * 8;
            int prefix;
            try {
                prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : bits;
            } catch (NumberFormatException malformed) {
                return;
            }
            if (prefix < 0 || prefix > bits) {
                return;
            }
            (bytes.length == 4 ? blocks4 : blocks6).computeIfAbsent(prefix, p -> new HashSet<>())
                    .add(new BigInteger(1, bytes).shiftRight(bits - prefix));
        }

        /** Only address literals are parsed: nothing here ever looks a name up. */
        private static byte[] literal(String address) {
            String trimmed = address.trim();
            if (!InetAddressValidator.getInstance().isValid(trimmed)) {
                return null;
            }
            try {
                return InetAddress.getByName(trimmed).getAddress();
            } catch (UnknownHostException notALiteral) {
                return null;
            }
        }

        /** MISP writes patterns as {@code /pattern/flags}. */
        private static Optional<Pattern> pattern(String value) {
            String body = value;
            int flags = 0;
            if (body.startsWith("/") && body.lastIndexOf('/') > 0) {
                String suffix = body.substring(body.lastIndexOf('/') + 1);
                body = body.substring(1, body.lastIndexOf('/'));
                if (suffix.contains("i")) {
                    flags |= Pattern.CASE_INSENSITIVE;
                }
            }
            try {
                return Optional.of(Pattern.compile(body, flags));
            } catch (PatternSyntaxException invalid) {
                return Optional.empty();
            }
        }

        private static String host(String value) {
            String host = value.toLowerCase(Locale.ROOT);
            if (host.startsWith("*.")) {
                host = host.substring(2);
            }
            if (host.startsWith(".")) {
                host = host.substring(1);
            }
            return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        }
    }
}
