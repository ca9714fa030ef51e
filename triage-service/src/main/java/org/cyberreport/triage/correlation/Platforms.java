package org.cyberreport.triage.correlation;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Platforms that host many users' accounts under one domain. A URL there means the account it points
 * to (a profile, a channel, a phone link, a handle), never the platform: two reports naming
 * {@code facebook.com/a} and {@code facebook.com/b} have nothing in common. Accounts are written as the
 * handle of a social handle identifier on the same platform ({@code handle:telegram:name}), or as a
 * phone number for WhatsApp's phone links, so a URL and a handle given by another reporter meet.
 */
final class Platforms {

    private static final Map<String, String> PLATFORM_BY_HOST = Map.ofEntries(
            Map.entry("facebook.com", "facebook"), Map.entry("fb.com", "facebook"), Map.entry("fb.me", "facebook"),
            Map.entry("instagram.com", "instagram"), Map.entry("instagr.am", "instagram"),
            Map.entry("t.me", "telegram"), Map.entry("telegram.me", "telegram"), Map.entry("telegram.dog", "telegram"),
            Map.entry("wa.me", "whatsapp"), Map.entry("whatsapp.com", "whatsapp"),
            Map.entry("x.com", "x"), Map.entry("twitter.com", "x"),
            Map.entry("tiktok.com", "tiktok"),
            Map.entry("youtube.com", "youtube"),
            Map.entry("linkedin.com", "linkedin"),
            Map.entry("snapchat.com", "snapchat"),
            Map.entry("threads.net", "threads"), Map.entry("threads.com", "threads"),
            Map.entry("discord.gg", "discord"), Map.entry("discord.com", "discord"),
            Map.entry("github.com", "github"),
            Map.entry("vk.com", "vk"));

    /** Other names reporters give the same platforms in a social handle identifier. */
    private static final Map<String, String> ALIASES = Map.of(
            "twitter", "x", "fb", "facebook", "ig", "instagram", "tg", "telegram", "wa", "whatsapp",
            "yt", "youtube", "vkontakte", "vk");

    /** First path segments that are the platform's own pages, not accounts. */
    private static final Map<String, Set<String>> RESERVED = Map.of(
            "facebook", Set.of("login", "login.php", "share", "sharer", "sharer.php", "watch", "events", "marketplace",
                    "help", "policies", "privacy", "settings", "home.php", "photo.php", "photo", "reel", "story.php",
                    "permalink.php", "hashtag", "gaming", "search", "friends", "messages", "notifications", "l.php"),
            "instagram", Set.of("p", "reel", "reels", "explore", "accounts", "direct", "about", "legal", "tv"),
            "telegram", Set.of("share", "addstickers", "addemoji", "proxy", "socks", "iv", "setlanguage", "login"),
            "x", Set.of("i", "home", "search", "intent", "share", "hashtag", "explore", "settings", "login",
                    "notifications", "messages", "tos", "privacy"),
            "github", Set.of("login", "about", "features", "pricing", "marketplace", "explore", "topics", "settings",
                    "orgs", "sponsors", "search"),
            "vk", Set.of("feed", "login", "im", "search", "video", "away.php"));

    private Platforms() {
    }

    /** The platform that hosts the registrable domain (or host), if it is one. */
    static Optional<String> platformOf(String host) {
        String candidate = host;
        while (candidate.contains(".")) {
            String platform = PLATFORM_BY_HOST.get(candidate);
            if (platform != null) {
                return Optional.of(platform);
            }
            candidate = candidate.substring(candidate.indexOf('.') + 1);
        }
        return Optional.empty();
    }

    /** The platform's name as handles are keyed: lower case, one name for each platform. */
    static String canonicalName(String platform) {
        String lower = platform.trim().toLowerCase(Locale.ROOT);
        String byHost = PLATFORM_BY_HOST.get(lower);
        return byHost != null ? byHost : ALIASES.getOrDefault(lower, lower);
    }

    /**
     * The key of the account a platform URL points to, or empty when it points to none (the platform's
     * home, a login page, a share button).
     */
    static Optional<String> account(String platform, String host, List<String> segments, Map<String, String> query) {
        String first = segments.isEmpty() ? "" : segments.getFirst();
        String firstLower = first.toLowerCase(Locale.ROOT);
        if (RESERVED.getOrDefault(platform, Set.of()).contains(firstLower)) {
            return Optional.empty();
        }
        return switch (platform) {
            case "facebook" -> facebook(segments, query);
            case "telegram" -> telegram(segments);
            case "whatsapp" -> whatsapp(host, segments, query);
            case "tiktok", "threads" -> firstLower.startsWith("@") && firstLower.length() > 1
                    ? handle(platform, firstLower.substring(1)) : Optional.empty();
            case "youtube" -> youtube(segments);
            case "linkedin" -> segments.size() >= 2 && Set.of("in", "company", "school").contains(firstLower)
                    ? handle(platform, (firstLower.equals("in") ? "" : firstLower + "/") + segments.get(1)) : Optional.empty();
            case "snapchat" -> segments.size() >= 2 && firstLower.equals("add") ? handle(platform, segments.get(1)) : Optional.empty();
            case "discord" -> discord(host, segments);
            default -> first.isEmpty() ? Optional.empty() : handle(platform, first.startsWith("@") ? first.substring(1) : first);
        };
    }

    private static Optional<String> facebook(List<String> segments, Map<String, String> query) {
        if (segments.isEmpty()) {
            return Optional.empty();
        }
        String first = segments.getFirst().toLowerCase(Locale.ROOT);
        return switch (first) {
            case "profile.php" -> Optional.ofNullable(query.get("id")).filter(id -> id.matches("\\d{1,30}"))
                    .flatMap(id -> handle("facebook", id));
            // /people/Some-Name/100012345678: the number is the account
            case "people", "pages" -> segments.size() >= 3 ? handle("facebook", segments.get(2)) : Optional.empty();
            case "groups" -> segments.size() >= 2 ? handle("facebook", "groups/" + segments.get(1)) : Optional.empty();
            default -> handle("facebook", segments.getFirst());
        };
    }

    private static Optional<String> telegram(List<String> segments) {
        if (segments.isEmpty()) {
            return Optional.empty();
        }
        String first = segments.getFirst();
        if (first.equalsIgnoreCase("s") || first.equalsIgnoreCase("c")) {
            return segments.size() >= 2 ? handle("telegram", segments.get(1)) : Optional.empty();
        }
        if (first.equalsIgnoreCase("joinchat")) {
            // invitation codes are case-sensitive
            return segments.size() >= 2 ? Optional.of("handle:telegram:invite:" + segments.get(1)) : Optional.empty();
        }
        if (first.startsWith("+") && first.length() > 1) {
            return first.substring(1).matches("\\d{6,15}")
                    ? IndicatorNormaliser.phone(first) : Optional.of("handle:telegram:invite:" + first.substring(1));
        }
        return handle("telegram", first);
    }

    private static Optional<String> whatsapp(String host, List<String> segments, Map<String, String> query) {
        if (host.startsWith("chat.")) {
            return segments.isEmpty() ? Optional.empty() : Optional.of("handle:whatsapp:invite:" + segments.getFirst());
        }
        String number = host.equals("wa.me") && !segments.isEmpty() ? segments.getFirst() : query.get("phone");
        if (number == null || !number.replaceAll("[^0-9]", "").matches("\\d{6,15}")) {
            return Optional.empty();
        }
        return IndicatorNormaliser.phone("+" + number.replaceAll("[^0-9]", ""));
    }

    private static Optional<String> youtube(List<String> segments) {
        if (segments.isEmpty()) {
            return Optional.empty();
        }
        String first = segments.getFirst();
        if (first.startsWith("@") && first.length() > 1) {
            return handle("youtube", first.substring(1));
        }
        if (segments.size() >= 2 && Set.of("c", "user").contains(first.toLowerCase(Locale.ROOT))) {
            return handle("youtube", segments.get(1));
        }
        // channel ids are case-sensitive
        if (segments.size() >= 2 && first.equalsIgnoreCase("channel")) {
            return Optional.of("handle:youtube:channel:" + segments.get(1));
        }
        return Optional.empty();
    }

    private static Optional<String> discord(String host, List<String> segments) {
        if (host.equals("discord.gg") && !segments.isEmpty()) {
            return Optional.of("handle:discord:invite:" + segments.getFirst());
        }
        if (segments.size() >= 2 && segments.getFirst().equalsIgnoreCase("invite")) {
            return Optional.of("handle:discord:invite:" + segments.get(1));
        }
        return Optional.empty();
    }

    private static Optional<String> handle(String platform, String name) {
        return IndicatorNormaliser.handle(platform, name);
    }
}
