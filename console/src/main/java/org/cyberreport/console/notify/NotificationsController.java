package org.cyberreport.console.notify;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.cyberreport.console.api.ApiProblemException;
import org.cyberreport.console.api.ApiUnavailableException;
import org.cyberreport.console.security.ConsoleUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tools.jackson.databind.json.JsonMapper;

/**
 * The user's notifications: a page with the latest ones and the e-mail preferences, and the stream
 * every page's notification area listens to ({@code console.js}, an {@code EventSource}). The stream
 * is relayed by the console's server: it asks the API for the user's notices every
 * {@code console.notifications.poll} (2 s) with the user's token kept in the session (refreshed there
 * as for every page), and sends the new ones to the browser as server-sent events, already in the
 * user's language. The browser never holds a token, and a stream ends after
 * {@code console.notifications.stream-lifetime} (2 min; the browser reconnects by itself), and is
 * refused (204, which stops the browser's reconnecting) once the user opened no page for the session's
 * idle time ({@link PageViews}).
 */
@Controller
class NotificationsController {

    private static final Logger log = LoggerFactory.getLogger(NotificationsController.class);

    private final NoticeApi api;
    private final NoticeText text;
    private final JsonMapper json;
    private final Duration poll;
    private final Duration lifetime;

    NotificationsController(NoticeApi api, NoticeText text, JsonMapper json,
                            @Value("${console.notifications.poll:2s}") Duration poll,
                            @Value("${console.notifications.stream-lifetime:2m}") Duration lifetime) {
        this.api = api;
        this.text = text;
        this.json = json;
        this.poll = poll;
        this.lifetime = lifetime;
    }

    record Shown(String id, String text, String link, java.time.Instant at) {
    }

    @GetMapping("/notifications")
    String page(Authentication authentication, Model model) {
        ConsoleUser user = ConsoleUser.of(authentication);
        if (!NoticeApi.hasNotices(user)) {
            return "redirect:/";
        }
        model.addAttribute("notices", api.list(user).stream().map(this::shown).toList());
        model.addAttribute("preferences", api.preferences(user));
        return "notifications";
    }

    @PostMapping("/notifications/preferences")
    String savePreferences(Authentication authentication, @RequestParam(defaultValue = "false") boolean email,
                           @RequestParam(name = "muted", required = false) List<String> muted,
                           @RequestParam(defaultValue = "3") int digestAfter, RedirectAttributes redirect) {
        ConsoleUser user = ConsoleUser.of(authentication);
        if (!NoticeApi.hasNotices(user)) {
            return "redirect:/";
        }
        List<String> chosen = muted == null ? List.of() : List.copyOf(new LinkedHashSet<>(muted));
        api.save(user, new NoticeApi.PreferencesBody(email, chosen, Math.max(1, Math.min(50, digestAfter))));
        redirect.addFlashAttribute("notice", "notifications.saved");
        return "redirect:/notifications";
    }

    /** The stream of new notices; a blocking loop on the request's own (virtual) thread, so the session's token is at hand. */
    @GetMapping(path = "/notifications/stream", produces = "text/event-stream")
    void stream(Authentication authentication, HttpServletRequest request, HttpServletResponse response) throws IOException {
        ConsoleUser user = ConsoleUser.of(authentication);
        if (!PageViews.recent(request.getSession(false))) {
            // no page opened for the session's idle time: 204 tells the browser to stop reconnecting
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Accel-Buffering", "no");
        OutputStream out = response.getOutputStream();
        write(out, "retry: 5000\n\n");
        if (!NoticeApi.hasNotices(user)) {
            return;
        }
        Set<String> seen = new HashSet<>();
        boolean first = true;
        long end = System.nanoTime() + lifetime.toNanos();
        while (System.nanoTime() < end && PageViews.recent(request.getSession(false))) {
            List<NoticeApi.Item> items;
            try {
                items = api.list(user);
            } catch (ApiUnavailableException | ApiProblemException unavailable) {
                log.debug("Notices not read for the stream: {}", unavailable.toString());
                items = List.of();
            }
            List<NoticeApi.Item> fresh = new ArrayList<>();
            for (NoticeApi.Item item : items) {
                if (seen.add(item.id()) && !first) {
                    fresh.add(item);
                }
            }
            first = false; // what was there when the page opened is on the notifications page, not news
            for (NoticeApi.Item item : fresh.reversed()) {
                write(out, "event: notice\nid: " + item.id() + "\ndata: " + json.writeValueAsString(shown(item)) + "\n\n");
            }
            write(out, ": keep-alive\n\n");
            try {
                Thread.sleep(poll);
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private Shown shown(NoticeApi.Item item) {
        return new Shown(item.id(), text.of(item), link(item.link()), item.createdAt());
    }

    /** Only a page of the console's own: a case, a report, a request of the inbox; anything else opens this page. */
    static String link(String link) {
        return link != null && link.matches("/(triage/cases|reports|inbox)/[A-Za-z0-9_-]{1,100}") ? link : "/notifications";
    }

    /** Writes and flushes; a browser that went away ends the stream by the failure. */
    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
