package org.cyberreport.console.notify;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import org.cyberreport.console.web.Formats;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A notice in the user's language, from its kind and facts (the service's English summary is for
 * e-mail): {@code notice.<KIND>} in the console's bundles, with the reference, the level, the former
 * level, the outcome, the request's type and requesting country, and the due time in the console's
 * zone. A kind the console does not know yet is shown by the service's summary.
 */
@Component
class NoticeText {

    private final MessageSource messages;
    private final Formats formats;

    NoticeText(MessageSource messages, Formats formats) {
        this.messages = messages;
        this.formats = formats;
    }

    String of(NoticeApi.Item item) {
        Map<String, String> facts = item.facts() == null ? Map.of() : item.facts();
        Locale locale = LocaleContextHolder.getLocale();
        Object[] arguments = {item.reference(), facts.getOrDefault("level", ""), facts.getOrDefault("from", ""),
                facts.get("outcome") == null ? "" : formats.label("outcome", facts.get("outcome")),
                facts.get("type") == null ? "" : formats.label("request", facts.get("type")),
                formats.country(facts.get("requestingCountry")), due(facts.get("dueAt"))};
        try {
            String key = "notice." + item.kind() + (facts.get("from") != null ? ".risen" : "");
            return messages.getMessage(key, arguments, locale);
        } catch (NoSuchMessageException unknown) {
            return item.summary();
        }
    }

    private String due(String dueAt) {
        try {
            return dueAt == null ? "" : formats.dateTime(Instant.parse(dueAt));
        } catch (RuntimeException unreadable) {
            return "";
        }
    }
}
