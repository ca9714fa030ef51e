package org.cyberreport.console.web;

import java.math.BigDecimal;
import java.text.Collator;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Locale.IsoCountryCode;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Formatting for the pages in the user's language ({@code ${@formats...}} in templates): times in the
 * console's zone, amounts with their currency, country names, time left before a due time, and labels
 * of API codes.
 */
@Component("formats")
public class Formats {

    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final ZoneId zone;
    private final MessageSource messages;
    private final Clock clock;

    public Formats(ConsoleProperties console, MessageSource messages, Clock clock) {
        this.zone = console.zone();
        this.messages = messages;
        this.clock = clock;
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    public String zone() {
        return zone.getId();
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale()).withZone(zone).format(instant);
    }

    /** The value of a {@code datetime-local} input for an instant, in the console's zone. */
    public String inputValue(Instant instant) {
        return instant == null ? "" : INPUT.format(LocalDateTime.ofInstant(instant, zone));
    }

    public String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        NumberFormat format;
        try {
            format = NumberFormat.getCurrencyInstance(locale());
            Currency known = Currency.getInstance(currency);
            format.setCurrency(known);
            format.setMaximumFractionDigits(Math.max(known.getDefaultFractionDigits(), amount.scale()));
        } catch (IllegalArgumentException | NullPointerException notACurrency) {
            format = NumberFormat.getNumberInstance(locale());
            format.setMaximumFractionDigits(18);
            return format.format(amount) + (currency == null ? "" : " " + currency);
        }
        return format.format(amount);
    }

    public String number(Number value) {
        return value == null ? "" : NumberFormat.getNumberInstance(locale()).format(value);
    }

    public String country(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String name = Locale.of("", code).getDisplayCountry(locale());
        return name.isBlank() || name.equals(code) ? code : name;
    }

    /** Every ISO 3166-1 alpha-2 country, named and sorted in the user's language. */
    public List<Option> countries() {
        Collator order = Collator.getInstance(locale());
        return Locale.getISOCountries(IsoCountryCode.PART1_ALPHA2).stream()
                .map(code -> new Option(code, country(code)))
                .sorted(Comparator.comparing(Option::label, order))
                .toList();
    }

    /** "3 h 20 min left" or "overdue by 2 h", in the user's language. */
    public String timeLeft(Instant due) {
        if (due == null) {
            return "";
        }
        Duration left = Duration.between(clock.instant(), due);
        String span = span(left.abs());
        return left.isNegative() ? message("time.overdue", span) : message("time.left", span);
    }

    public boolean overdue(Instant due) {
        return due != null && due.isBefore(clock.instant());
    }

    /** A length of time such as "2 h 5 min", in the user's language; empty when there is none. */
    public String duration(Long seconds) {
        return seconds == null ? "" : span(Duration.ofSeconds(seconds));
    }

    private String span(Duration duration) {
        long days = duration.toDays();
        long hours = duration.toHoursPart();
        long minutes = duration.toMinutesPart();
        if (days > 0) {
            return message("time.days-hours", days, hours);
        }
        if (hours > 0) {
            return message("time.hours-minutes", hours, minutes);
        }
        return message("time.minutes", minutes);
    }

    /** The label of an API code, e.g. {@code label('category', 'ONLINE_FRAUD')}; the code itself when none is written. */
    public String label(String kind, Object code) {
        if (code == null) {
            return "";
        }
        String value = code.toString();
        String humane = value.isEmpty() ? value : value.charAt(0) + value.substring(1).toLowerCase(Locale.ROOT).replace('_', ' ');
        return messages.getMessage(kind + "." + value, null, humane, locale());
    }

    /**
     * What a draft request abroad lacks, as the completeness check names the items ({@code summaryOfFacts},
     * {@code persons (identity, …)}: the first word is the item), in the user's words and list separator.
     */
    public String missingItems(List<String> items) {
        if (items == null) {
            return "";
        }
        String separator = Languages.isRightToLeft(locale()) ? "، " : ", ";
        return String.join(separator, items.stream().map(item -> label("missing", item.strip().split(" ", 2)[0])).toList());
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale());
    }

    public record Option(String value, String label) {
    }
}
