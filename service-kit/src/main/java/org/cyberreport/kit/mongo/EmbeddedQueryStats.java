package org.cyberreport.kit.mongo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.bson.Document;

/**
 * What the embedded store's queries cost: how many were served by each index, and the shapes of the
 * queries that no index served (they scan the whole collection). Each such shape is logged once, and
 * the services' integration tests fail when one appears, so a query added without its index is caught
 * before it meets a real volume.
 */
public final class EmbeddedQueryStats {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedQueryStats.class);

    private final Map<String, LongAdder> byIndex = new ConcurrentHashMap<>();
    private final Set<String> unindexedShapes = ConcurrentHashMap.newKeySet();
    private final List<String> unindexedSinceDrain = new ArrayList<>();

    void indexed(String collection, String index) {
        byIndex.computeIfAbsent(collection + " " + index, key -> new LongAdder()).increment();
    }

    private final LongAdder sortedWalks = new LongAdder();

    void sortedWalk() {
        sortedWalks.increment();
    }

    private final LongAdder candidatesRead = new LongAdder();

    void candidates(int read) {
        candidatesRead.add(read);
    }

    /** How many documents the queries not answered by a sorted walk read through an index, in all. */
    public long candidatesRead() {
        return candidatesRead.sum();
    }

    /** How many queries were answered by walking an index in the order asked for, reading only a page. */
    public long sortedWalks() {
        return sortedWalks.sum();
    }

    void unindexed(String collection, Document query, Document orderBy) {
        if (collection.contains(".system.")) {
            return; // the server's own catalogue, read by name at start-up and when indexes are made
        }
        String shape = collection + " " + shape(query) + (orderBy == null || orderBy.isEmpty() ? "" : " sort " + orderBy.keySet());
        if (unindexedShapes.add(shape)) {
            log.warn("Query not served by an index (it scans the collection): {}", shape);
        }
        synchronized (unindexedSinceDrain) {
            unindexedSinceDrain.add(shape);
        }
    }

    /** The shapes of the queries that scanned since the last call, and forgets them. */
    public List<String> drainUnindexed() {
        synchronized (unindexedSinceDrain) {
            List<String> drained = List.copyOf(unindexedSinceDrain);
            unindexedSinceDrain.clear();
            return drained;
        }
    }

    /** How many queries each index served ("database.collection index" → count). */
    public Map<String, Long> servedByIndex() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        byIndex.forEach((key, count) -> counts.put(key, count.sum()));
        return counts;
    }

    /** A query with its values left out: fields and operators only. */
    static String shape(Object query) {
        if (query instanceof Document document) {
            List<String> parts = new ArrayList<>();
            document.forEach((key, value) -> parts.add(key + ": " + (key.startsWith("$") || value instanceof Document
                    || value instanceof Collection<?> ? shape(value) : "?")));
            return "{" + String.join(", ", parts) + "}";
        }
        if (query instanceof Collection<?> values) {
            List<String> parts = new ArrayList<>();
            values.stream().limit(3).forEach(value -> parts.add(value instanceof Document ? shape(value) : "?"));
            return "[" + String.join(", ", parts) + "]";
        }
        return "?";
    }
}
