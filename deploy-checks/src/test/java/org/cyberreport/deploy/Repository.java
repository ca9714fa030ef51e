package org.cyberreport.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** Where the repository's files are, and how to read its YAML. */
final class Repository {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path DEPLOY = ROOT.resolve("deploy");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Repository() {
    }

    static List<Map<String, Object>> documents(Path file) {
        try (MappingIterator<Map<String, Object>> docs = YAML.readerFor(new TypeReference<Map<String, Object>>() { })
                .readValues(file.toFile())) {
            List<Map<String, Object>> result = new ArrayList<>();
            while (docs.hasNext()) {
                Map<String, Object> doc = docs.next();
                if (doc != null && !doc.isEmpty()) {
                    result.add(doc);
                }
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode tree(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
