package org.cyberreport.kit.notify;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a service posts what its users are to be told. A notice is durable once posted (the mailer
 * and the streams read it from the database), and posting the same key again does nothing, so a
 * producer may post whenever it is unsure whether it did: after a restart, a repeated delivery or a
 * scan over the same cases.
 */
public class NoticeBoard {

    private final NoticeStore store;
    private final NoticeStream stream;
    // keys known to be stored: most writes of a case post the notices of its previous write again,
    // and this spares them the read (bounded; a key dropped from it is found in the store instead)
    private final Set<String> posted = Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    }));
    private static final int REMEMBERED = 20_000;

    public NoticeBoard(NoticeStore store, NoticeStream stream) {
        this.store = store;
        this.stream = stream;
    }

    /** Stores the notices not posted before; returns those. */
    public List<Notice> post(Collection<Notice> notices) {
        List<Notice> unknown = notices.stream().filter(notice -> !posted.contains(notice.key())).toList();
        if (unknown.isEmpty()) {
            return List.of();
        }
        List<Notice> stored = store.insertNew(unknown);
        unknown.forEach(notice -> posted.add(notice.key()));
        if (!stored.isEmpty()) {
            stream.posted(stored);
        }
        return stored;
    }

    /** Forgets which keys were posted (they are still stored: posting one again stores nothing). */
    public void forget() {
        posted.clear();
    }

    public List<Notice> post(Notice notice) {
        return post(List.of(notice));
    }
}
