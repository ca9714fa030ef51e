package org.cyberreport.console.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.text.ParseException;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final ZoneId zone;

    WebConfiguration(ConsoleProperties console) {
        this.zone = console.zone();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Times typed in {@code datetime-local} inputs are in the console's zone; the API takes UTC instants. */
    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldType(Instant.class, new LocalInputTime(zone));
    }

    record LocalInputTime(ZoneId zone) implements Formatter<Instant> {

        private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm[:ss]");

        @Override
        public Instant parse(String text, Locale locale) throws ParseException {
            try {
                return LocalDateTime.parse(text.trim(), INPUT).atZone(zone).toInstant();
            } catch (DateTimeParseException notATime) {
                throw new ParseException(text, 0);
            }
        }

        @Override
        public String print(Instant instant, Locale locale) {
            return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").format(LocalDateTime.ofInstant(instant, zone));
        }
    }
}
