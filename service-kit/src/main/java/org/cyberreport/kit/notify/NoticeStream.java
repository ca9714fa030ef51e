package org.cyberreport.kit.notify;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The server-sent events of the users connected to this instance. A notice posted here is sent at once
 * from memory; for those posted by other instances, one poller per instance reads the notices created
 * since it last looked (by the {@code created} index, with half a second's overlap for
 * writes that land after their creation time; one that lands later still is in the user's list, not
 * pushed) and sends each to the connections whose keys include its audience; while nobody listens,
 * it reads nothing. Because it reads the database rather than the posting thread's memory, a notice
 * posted by another instance reaches the users connected here too. A notice is sent to a connection
 * once; a browser that reconnects names the last notice it had ({@code Last-Event-ID}) and gets what
 * came after it.
 */
public class NoticeStream implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(NoticeStream.class);
    private static final Duration OVERLAP = Duration.ofMillis(500);
    private static final int BATCH = 500;
    private static final int REMEMBERED = 10_000;
    static final int REPLAY = 50;

    private final NoticeStore store;
    private final Clock clock;
    private final NotifyProperties properties;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Set<String> sent = new LinkedHashSet<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("notice-stream").daemon().factory());
    private Instant cursor;

    public NoticeStream(NoticeStore store, Clock clock, NotifyProperties properties) {
        this.store = store;
        this.clock = clock;
        this.properties = properties;
        poller.scheduleWithFixedDelay(this::pollQuietly, properties.pollInterval().toMillis(),
                properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        poller.scheduleWithFixedDelay(this::heartbeat, properties.heartbeat().toMillis(), properties.heartbeat().toMillis(),
                TimeUnit.MILLISECONDS);
        poller.scheduleWithFixedDelay(this::expire, 1, 60, TimeUnit.MINUTES);
    }

    private record Listener(SseEmitter emitter, Set<String> keys, Set<String> sent) {
    }

    /** Opens a stream for a caller's keys, for at most {@code lifetime}; replays what followed {@code lastSeen}. */
    SseEmitter open(Set<String> keys, Duration lifetime, Notice lastSeen) {
        SseEmitter emitter = new SseEmitter(Math.max(1000, lifetime.toMillis()));
        Listener listener = new Listener(emitter, Set.copyOf(keys), java.util.concurrent.ConcurrentHashMap.newKeySet());
        emitter.onCompletion(() -> listeners.remove(listener));
        emitter.onTimeout(() -> {
            listeners.remove(listener);
            emitter.complete();
        });
        emitter.onError(failure -> listeners.remove(listener));
        synchronized (this) {
            if (listeners.isEmpty()) {
                cursor = clock.instant().minus(OVERLAP);
            }
            listeners.add(listener);
        }
        log.debug("Stream opened for {}", keys);
        try {
            emitter.send(SseEmitter.event().comment("connected").reconnectTime(3000));
            if (lastSeen != null) {
                List<Notice> missed = store.forAudiences(keys, lastSeen.createdAt(), REPLAY).reversed();
                for (Notice notice : missed) {
                    if (!notice.key().equals(lastSeen.key())) {
                        send(listener, notice);
                    }
                }
            }
        } catch (IOException gone) {
            listeners.remove(listener);
        }
        return emitter;
    }

    /**
     * Notices posted by this instance go to its listeners at once, from memory; the poller finds them
     * again in the database and does not send them twice. Those of other instances come with the poll.
     */
    void posted(List<Notice> notices) {
        if (listeners.isEmpty()) {
            return;
        }
        poller.execute(() -> {
            synchronized (this) {
                for (Notice notice : notices) {
                    if (remember(notice.key())) {
                        for (Listener listener : listeners) {
                            if (listener.keys().contains(notice.audience().key())) {
                                send(listener, notice);
                            }
                        }
                    }
                }
            }
        });
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (RuntimeException failure) {
            log.warn("Notices could not be read for the streams: {}", failure.toString());
        }
    }

    synchronized void poll() {
        if (listeners.isEmpty()) {
            return;
        }
        List<Notice> fresh = store.createdSince(cursor.minus(OVERLAP), BATCH);
        log.debug("{} notice(s) since {} for {} listener(s)", fresh.size(), cursor, listeners.size());
        for (Notice notice : fresh) {
            if (remember(notice.key())) {
                for (Listener listener : listeners) {
                    if (listener.keys().contains(notice.audience().key())) {
                        send(listener, notice);
                    }
                }
            }
            if (notice.createdAt().isAfter(cursor)) {
                cursor = notice.createdAt();
            }
        }
    }

    /** True the first time a key is seen here (a bounded memory, oldest forgotten first). */
    private boolean remember(String key) {
        boolean first = sent.add(key);
        while (sent.size() > REMEMBERED) {
            sent.remove(sent.iterator().next());
        }
        return first;
    }

    private void send(Listener listener, Notice notice) {
        if (!listener.sent().add(notice.key())) {
            return;
        }
        try {
            listener.emitter().send(SseEmitter.event().id(notice.key()).name("notice")
                    .data(NoticeView.of(notice), MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException gone) {
            log.debug("Stream closed while sending {}: {}", notice.key(), gone.toString());
            listeners.remove(listener);
        }
    }

    private void heartbeat() {
        for (Listener listener : listeners) {
            try {
                listener.emitter().send(SseEmitter.event().comment("keep-alive"));
            } catch (IOException | IllegalStateException gone) {
                listeners.remove(listener);
            }
        }
    }

    private void expire() {
        try {
            long removed = store.expire(clock.instant().minus(properties.retention()));
            if (removed > 0) {
                log.info("Removed {} notice(s) older than {}", removed, properties.retention());
            }
        } catch (RuntimeException failure) {
            log.warn("Old notices could not be removed: {}", failure.toString());
        }
    }

    int listening() {
        return listeners.size();
    }

    @Override
    public void destroy() {
        listeners.forEach(listener -> listener.emitter().complete());
        poller.shutdownNow();
    }
}
