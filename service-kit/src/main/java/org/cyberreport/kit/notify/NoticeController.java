package org.cyberreport.kit.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.cyberreport.kit.problem.FieldViolation;
import org.cyberreport.kit.problem.ProblemException;
import org.cyberreport.kit.problem.ProblemKind;
import org.cyberreport.kit.security.Caller;
import org.cyberreport.kit.security.KeycloakTokenConverter;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A user's own notices: the list, the stream, and the preferences. What a caller reads is chosen by
 * the keys of its validated token (its roles in its country and unit, and itself) and nothing else:
 * no parameter names another audience. Every call also records the caller as a recipient of e-mail
 * (see {@link Recipients}).
 */
@RestController
@RequestMapping("${cyberreport.notify.path}")
public class NoticeController {

    static final int MAX_LIST = 100;

    private final NoticeStore store;
    private final NoticeStream stream;
    private final Recipients recipients;
    private final NotifyProperties properties;
    private final Clock clock;

    public NoticeController(NoticeStore store, NoticeStream stream, Recipients recipients, NotifyProperties properties,
                            Clock clock) {
        this.store = store;
        this.stream = stream;
        this.recipients = recipients;
        this.properties = properties;
        this.clock = clock;
    }

    public record NoticeList(List<NoticeView> items) {
    }

    public record PreferencesView(boolean email, Set<String> muted, int digestAfter, List<String> kinds) {
    }

    /** A user's choices; every field is required, so that a partial body never resets the others. */
    public record PreferencesBody(@NotNull Boolean email,
                                  @NotNull @Size(max = 30) List<@NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{0,59}") String> muted,
                                  @NotNull @Min(1) @Max(Preferences.MAX_DIGEST_AFTER) Integer digestAfter) {
    }

    @GetMapping
    public NoticeList list(Caller caller, @RequestParam(defaultValue = "30") @Min(1) @Max(MAX_LIST) int limit) {
        recipients.seen(caller, email());
        Instant since = clock.instant().minus(properties.retention());
        return new NoticeList(store.forAudiences(Audience.keysOf(caller), since, limit).stream().map(NoticeView::of).toList());
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter stream(Caller caller,
                             @RequestHeader(name = "Last-Event-ID", required = false) @Size(max = 300) String lastEventId) {
        recipients.seen(caller, email());
        Set<String> keys = Audience.keysOf(caller);
        Notice lastSeen = lastEventId == null ? null
                : store.find(lastEventId).filter(notice -> keys.contains(notice.audience().key())).orElse(null);
        return stream.open(keys, lifetime(), lastSeen);
    }

    @GetMapping("/preferences")
    public PreferencesView preferences(Caller caller) {
        recipients.seen(caller, email());
        return view(recipients.preferences(caller.subject()));
    }

    @PutMapping("/preferences")
    public PreferencesView setPreferences(Caller caller, @Valid @RequestBody PreferencesBody body) {
        List<FieldViolation> unknown = new ArrayList<>();
        for (int i = 0; i < body.muted().size(); i++) {
            if (!properties.kinds().contains(body.muted().get(i))) {
                unknown.add(new FieldViolation("muted[" + i + "]", "must be one of " + properties.kinds()));
            }
        }
        if (!unknown.isEmpty()) {
            throw ProblemException.invalid(unknown);
        }
        Preferences chosen = new Preferences(body.email(), new LinkedHashSet<>(body.muted()), body.digestAfter());
        recipients.setPreferences(caller, email(), chosen);
        return view(chosen);
    }

    private PreferencesView view(Preferences preferences) {
        return new PreferencesView(preferences.email(), preferences.muted(), preferences.digestAfter(), properties.kinds());
    }

    /** A stream lasts no longer than the token it was opened with, nor than the configured time. */
    private Duration lifetime() {
        Jwt token = token();
        Duration configured = properties.streamTimeout();
        if (token == null || token.getExpiresAt() == null) {
            return configured;
        }
        Duration left = Duration.between(clock.instant(), token.getExpiresAt());
        return left.compareTo(configured) < 0 ? left : configured;
    }

    private static String email() {
        Jwt token = token();
        String email = token == null ? null : token.getClaimAsString("email");
        return email == null || email.length() > 254 || !email.matches("[^\\s@]+@[^\\s@]+") ? null : email;
    }

    private static Jwt token() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof KeycloakTokenConverter.CallerAuthentication callerAuthentication) {
            return callerAuthentication.getToken();
        }
        if (authentication == null) {
            throw new ProblemException(ProblemKind.UNAUTHENTICATED, "A valid bearer token is required");
        }
        return null;
    }
}
