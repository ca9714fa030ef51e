package org.cyberreport.kit.notify;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
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
 * message per notice, or one digest when more than their {@code digestAfter} arrived at once. The
 * notices are marked mailed after the pass's messages went; a pass that fails leaves them pending
 * for the next one (a recipient may then get a message twice, never none). One instance mails at a
 * time: a pass holds a lease on {@code notice_mailer}.
 */
public class NoticeMailer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(NoticeMailer.class);
    private static final String LEASES = "notice_mailer";
    private static final int BATCH = 500;

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
        Instant newest = store.newestToMail();
        if (newest == null) {
            return 0;
        }
        // a burst is mailed once it has been quiet for `gather`, or its first notice waited `max-wait`
        if (newest.isAfter(now.minus(settings.gather()))) {
            Instant oldest = store.oldestToMail();
            if (oldest == null || oldest.isAfter(now.minus(settings.maxWait()))) {
                return 0;
            }
        }
        List<Notice> pending = store.toMail(now, BATCH);
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
        int sent = 0;
        for (Map.Entry<String, List<Notice>> entry : perRecipient.entrySet()) {
            Recipients.Recipient recipient = people.get(entry.getKey());
            List<Notice> notices = entry.getValue();
            if (notices.size() > recipient.preferences().digestAfter()) {
                sender.send(digest(recipient, notices));
                sent++;
            } else {
                for (Notice notice : notices) {
                    sender.send(single(recipient, notice));
                    sent++;
                }
            }
        }
        store.mailed(NoticeStore.keysOf(pending), clock.instant());
        if (sent > 0) {
            log.info("Mailed {} message(s) for {} notice(s)", sent, pending.size());
        }
        return sent;
    }

    private boolean lease(Instant now) {
        Instant until = now.plus(settings.interval()).plusSeconds(30);
        try {
            return template.findAndModify(query(where("_id").is("mailer").orOperator(
                            where("leaseUntil").lt(Date.from(now)), where("owner").is(owner))),
                    new Update().set("owner", owner).set("leaseUntil", Date.from(until)),
                    FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, LEASES) != null;
        } catch (DuplicateKeyException held) {
            return false;
        }
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
