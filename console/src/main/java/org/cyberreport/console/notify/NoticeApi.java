package org.cyberreport.console.notify;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cyberreport.console.api.Gateway;
import org.cyberreport.console.security.ConsoleUser;
import org.springframework.stereotype.Component;

/**
 * The user's notices through the gateway, with the user's own token: officers' and filing units' from
 * triage, liaisons' from cooperation. Which notices are the user's is decided by the service from the
 * token; the console only picks the service by the user's role.
 */
@Component
class NoticeApi {

    static final int LIMIT = 30;

    private final Gateway gateway;

    NoticeApi(Gateway gateway) {
        this.gateway = gateway;
    }

    record Item(String id, String kind, String reference, String link, Map<String, String> facts, String summary,
                Instant createdAt) {
    }

    record Items(List<Item> items) {
    }

    record Preferences(boolean email, Set<String> muted, int digestAfter, List<String> kinds) {
    }

    record PreferencesBody(boolean email, List<String> muted, int digestAfter) {
    }

    /** Whether the user has notices at all (reporters, officers and liaisons do). */
    static boolean hasNotices(ConsoleUser user) {
        return user != null && (user.isReporter() || user.isTriageOfficer() || user.isLiaison());
    }

    List<Item> list(ConsoleUser user) {
        return gateway.get(uri -> uri.path(path(user)).queryParam("limit", LIMIT).build(), Items.class).items();
    }

    Preferences preferences(ConsoleUser user) {
        return gateway.get(uri -> uri.path(path(user) + "/preferences").build(), Preferences.class);
    }

    Preferences save(ConsoleUser user, PreferencesBody body) {
        return gateway.put(uri -> uri.path(path(user) + "/preferences").build(), body, Preferences.class);
    }

    private static String path(ConsoleUser user) {
        return user.isLiaison() && !user.isTriageOfficer() && !user.isReporter()
                ? "/api/cooperation/notifications" : "/api/triage/notifications";
    }
}
