package org.cyberreport.kit.notify;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Mails the pending notices through the configured SMTP server. A pass waits until no notice came for
 * {@code gather}, or the oldest pending one waited {@code max-wait} (so that notices arriving together
 * go together, and none waits long), then finds each audience's recipients,
 * leaves out those who turned mail off for the kind or have no address, and sends each recipient one
 * message per notice, or one digest when more than their {@code digestAfter} arrived at once. What
 * was mailed is a watermark on the notices' creation time ({@code notice_mailer}, {@code mailed}),
 * moved after the pass's messages went, so a notice is never rewritten for its mail; a pass that fails
 * leaves the watermark where it was, and the next pass sends again (a recipient may then get a
 * message twice, never none). One instance mails at a time: a pass holds a lease on
 * {@code notice_mailer}'s {@code mailer}.
 */
public class NoticeMailer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(NoticeMailer.class);
    private static final String LEASES = "notice_mailer";
    private static final int BATCH = 500;
    private static final String MAILER = "mailer";
    private static final String MAILED = "mailed";
    /** Notices are taken this long after their creation time, so that one written a moment late is not passed by. */
    private static final Duration SETTLED = Duration.ofMillis(300);

    private final NoticeStore store;
    private final Recipients recipients;
    private final JavaMailSender sender;
    private final MongoTemplate template;
    private final Clock clock;
    private final NotifyProperties.Mail settings;
    private final String owner = UUID.randomUUID().toString();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("notice-mailer").daemon().factory());

    public NoticeMailer(NoticeStore store, Recipients recipients, JavaMailSender sender, MongoTemplate template,
                        Clock clock, NotifyProperties.Mail settings) {
        this.store = store;
        this.recipients = recipients;
        this.sender = sender;
        this.template = template;
        this.clock = clock;
        this.settings = settings;
        scheduler.scheduleWithFixedDelay(this::passQuietly, settings.interval().toMillis(), settings.interval().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void passQuietly() {
        try {
            mailPending();
        } catch (RuntimeException failure) {
            log.warn("Notices could not be mailed; they stay pending: {}", failure.toString());
        }
    }

    /** One pass; returns the number of messages sent. */
    public synchronized int mailPending() {
        Instant now = clock.instant();
        Instant from = watermark(now);
        // only the notices since the watermark are read (by the index on their time), however many are kept
        Instant newest = store.newestAfter(from);
        if (newest == null) {
            return 0;
        }
        // a burst is mailed once it has been quiet for `gather`, or once its first notice waited `max-wait`
        Instant until = now.minus(SETTLED);
        if (newest.isAfter(now.minus(settings.gather()))) {
            List<Notice> first = store.createdBetween(from, until, 1);
            if (first.isEmpty() || first.getFirst().createdAt().isAfter(now.minus(settings.maxWait()))) {
                return 0;
            }
        }
        List<Notice> pending = store.createdBetween(from, until, BATCH);
        if (pending.isEmpty() || !lease(now)) {
            return 0;
        }
        Map<String, List<Recipients.Recipient>> byAudience = new HashMap<>();
        Map<String, Recipients.Recipient> people = new LinkedHashMap<>();
        Map<String, List<Notice>> perRecipient = new LinkedHashMap<>();
        for (Notice notice : pending) {
            for (Recipients.Recipient recipient : byAudience.computeIfAbsent(notice.audience().key(), recipients::of)) {
                if (recipient.email() != null && recipient.preferences().mails(notice.kind())) {
                    people.putIfAbsent(recipient.subject(), recipient);
                    perRecipient.computeIfAbsent(recipient.subject(), subject -> new ArrayList<>()).add(notice);
                }
            }
        }
        List<SimpleMailMessage> messages = new ArrayList<>();
        for (Map.Entry<String, List<Notice>> entry : perRecipient.entrySet()) {
            Recipients.Recipient recipient = people.get(entry.getKey());
            List<Notice> notices = entry.getValue();
            if (notices.size() > recipient.preferences().digestAfter()) {
                messages.add(digest(recipient, notices));
            } else {
                notices.forEach(notice -> messages.add(single(recipient, notice)));
            }
        }
        if (!messages.isEmpty()) {
            // one connection to the SMTP server for the whole pass
            sender.send(messages.toArray(SimpleMailMessage[]::new));
        }
        int sent = messages.size();
        Instant reached = pending.size() < BATCH ? until : pending.getLast().createdAt();
        template.upsert(query(where("_id").is(MAILED)), new Update().set("until", Date.from(reached)), LEASES);
        if (sent > 0) {
            log.info("Mailed {} message(s) for {} notice(s)", sent, pending.size());
        }
        return sent;
    }

    /** Where the mailing goes on from: the notices created after it are still to be mailed. */
    private Instant watermark(Instant now) {
        Document state = template.findById(MAILED, Document.class, LEASES);
        if (state == null || state.getDate("until") == null) {
            // a new mailer starts with what comes from now on (and anything of the last minute)
            Instant start = now.minus(Duration.ofMinutes(1));
            template.upsert(query(where("_id").is(MAILED)), new Update().setOnInsert("until", Date.from(start)), LEASES);
            state = template.findById(MAILED, Document.class, LEASES);
        }
        return state.getDate("until").toInstant();
    }

    private boolean lease(Instant now) {
        Instant until = now.plus(settings.interval()).plusSeconds(30);
        try {
            template.insert(new Document("_id", MAILER).append("leaseUntil", Date.from(now.minusSeconds(1))), LEASES);
        } catch (DuplicateKeyException exists) {
            // the usual case: the lease document is there, held or free
        }
        // free or ours: claimed without an upsert, so that another instance's lease is simply not matched (an
        // upsert that matches nothing would try a second document with the same id, an error on every pass)
        return template.findAndModify(query(where("_id").is(MAILER).orOperator(
                        where("leaseUntil").lt(Date.from(now)), where("owner").is(owner))),
                new Update().set("owner", owner).set("leaseUntil", Date.from(until)),
                FindAndModifyOptions.options().returnNew(true), Document.class, LEASES) != null;
    }

    private SimpleMailMessage single(Recipients.Recipient recipient, Notice notice) {
        SimpleMailMessage message = message(recipient);
        message.setSubject("Cyberreport: " + notice.summary());
        message.setText(notice.summary() + "\n\n" + link(notice) + "\n" + footer());
        return message;
    }

    private SimpleMailMessage digest(Recipients.Recipient recipient, List<Notice> notices) {
        SimpleMailMessage message = message(recipient);
        message.setSubject("Cyberreport: " + notices.size() + " notifications");
        StringBuilder text = new StringBuilder(notices.size() + " notifications:\n\n");
        for (Notice notice : notices) {
            text.append("- ").append(notice.summary()).append("\n  ").append(link(notice)).append("\n");
        }
        message.setText(text.append(footer()).toString());
        return message;
    }

    private SimpleMailMessage message(Recipients.Recipient recipient) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(settings.from());
        message.setTo(recipient.email());
        return message;
    }

    private String link(Notice notice) {
        return settings.consoleUrl() + notice.link();
    }

    private String footer() {
        return "\nWhich notifications come by e-mail: " + settings.consoleUrl() + "/notifications\n";
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }
}
