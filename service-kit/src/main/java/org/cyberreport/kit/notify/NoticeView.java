package org.cyberreport.kit.notify;

import java.time.Instant;
import java.util.Map;

/** A notice as its reader gets it, in the list and in the stream. */
public record NoticeView(String id, String kind, String reference, String link, Map<String, String> facts,
                         String summary, Instant createdAt) {

    static NoticeView of(Notice notice) {
        return new NoticeView(notice.key(), notice.kind(), notice.reference(), notice.link(), notice.facts(),
                notice.summary(), notice.createdAt());
    }
}
