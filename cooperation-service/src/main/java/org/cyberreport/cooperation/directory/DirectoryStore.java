package org.cyberreport.cooperation.directory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The liaison directory, one document per member country ({@code _id} is the ISO code). */
@Component
public class DirectoryStore {

    static final String COLLECTION = "directory";

    private final MongoTemplate template;

    DirectoryStore(MongoTemplate template, Clock clock) {
        this.template = template;
        seed(clock);
    }

    /** An empty directory starts with every member country, inbox only; administrators change that. */
    private void seed(Clock clock) {
        if (template.count(new Query(), COLLECTION) > 0) {
            return;
        }
        for (String code : members()) {
            String name = Locale.of("", code).getDisplayCountry(Locale.ENGLISH);
            template.insert(new DirectoryEntry(code, name, DirectoryEntry.Delivery.INBOX, null, null, null, null, null,
                    clock.instant(), "seed"), COLLECTION);
        }
    }

    static List<String> members() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                new ClassPathResource("directory/interpol-members.txt").getInputStream(), StandardCharsets.UTF_8))) {
            return lines.lines().map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<DirectoryEntry> find(String country) {
        return Optional.ofNullable(template.findById(country, DirectoryEntry.class, COLLECTION));
    }

    public List<DirectoryEntry> all() {
        return template.find(new Query().with(Sort.by("_id")), DirectoryEntry.class, COLLECTION);
    }

    public void save(DirectoryEntry entry) {
        template.save(entry, COLLECTION);
    }
}
