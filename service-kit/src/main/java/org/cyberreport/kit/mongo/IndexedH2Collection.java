package org.cyberreport.kit.mongo;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * A collection of the embedded store that answers queries through its secondary indexes. For each
 * query it picks the index that constrains the most leading keys (equality or {@code $in}, then a
 * range); when the index's order is the order asked for, it walks the index in that order and stops
 * as soon as the page is full, otherwise it fetches the candidates and sorts them. Either way every
 * candidate is matched against the whole query. A query that no index serves still works, by a scan,
 * and is noted in {@link EmbeddedQueryStats}.
 */
final class IndexedH2Collection extends H2Collection {

    /** Above this many combinations of {@code $in} values, fewer keys are used. */
    private static final int MAX_LOOKUPS = 1_000;
    /** More candidates than this read through an index for one query is logged (see {@link #reportWideRead}). */
    private static final int MANY_CANDIDATES = 2_000;
    private static final Logger WIDE_READS = LoggerFactory.getLogger("embedded-store.wide-reads");
    private static final Map<String, Long> WIDE_READS_REPORTED = new ConcurrentHashMap<>();

    private final EmbeddedQueryStats stats;

    IndexedH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                        MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursors,
                        EmbeddedQueryStats stats) {
        super(database, collectionName, options, dataMap, metaMap, cursors);
        this.stats = stats;
    }

    /**
     * An index found in the file is checked against the documents: one that is not multikey has an
     * entry per document, so a different count means a write that did not reach it (a crash between
     * the two), and it is built again.
     */
    @Override
    public synchronized void addIndex(Index<Object> index) {
        if (index instanceof SecondaryIndex secondary && !secondary.isEmpty() && !secondary.multikey()
                && secondary.getCount() != count()) {
            secondary.clear();
        }
        // A unique index that is not sparse has an entry for every document at least: fewer means a
        // rebuild cut short (one in the older key form, say), and it is built again.
        if (index instanceof UniqueIndex unique && !unique.sparse() && !unique.isEmpty()
                && unique.getCount() < count()) {
            unique.clear();
        }
        super.addIndex(index);
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                                         Document fieldSelector) {
        if (query.isEmpty() || isNatural(orderBy)) {
            return super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
        }
        List<Object> ids = idLookup(query);
        if (ids != null) {
            Stream<Document> documents = ids.stream().distinct().sorted(ValueComparator.asc())
                    .map(this::getDocument).filter(Objects::nonNull);
            return matchDocumentsFromStream(documents, query, orderBy, skip, limit, batchSize, fieldSelector);
        }
        if (servedByUniqueIndex(query)) {
            return super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
        }
        IndexPlan plan = plan(QueryConstraints.of(query), orderBy);
        if (plan == null) {
            stats.unindexed(getFullName(), query, orderBy);
            return super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
        }
        stats.indexed(getFullName(), plan.index().getName());
        if (plan.sortDirection() != 0) {
            // the index's order is the order asked for: documents come sorted, and only a page is read
            stats.sortedWalk();
            Stream<Document> inOrder = stream(plan.positions(plan.sortDirection() < 0))
                    .map(this::getDocument).filter(Objects::nonNull);
            return matchDocumentsFromStream(query, inOrder, skip, limit, batchSize, null, fieldSelector);
        }
        Set<Object> positions = new LinkedHashSet<>();
        plan.positions(false).forEachRemaining(positions::add);
        stats.candidates(positions.size());
        if (positions.size() > MANY_CANDIDATES) {
            reportWideRead(plan, query, orderBy, positions.size(), limit);
        }
        Stream<Object> candidates = positions.stream();
        if (orderBy == null || orderBy.isEmpty()) {
            candidates = candidates.sorted(ValueComparator.asc()); // the order a scan gives
        }
        return matchDocumentsFromStream(candidates.map(this::getDocument).filter(Objects::nonNull), query, orderBy,
                skip, limit, batchSize, fieldSelector);
    }

    /**
     * A page cut from many more documents read through an index that does not give the page's order: the
     * query's cost grows with the collection. Logged at most once a minute per collection and index, with
     * the query's shape (its field names, not its values).
     */
    private void reportWideRead(IndexPlan plan, Document query, Document orderBy, int candidates, int limit) {
        String key = getFullName() + "/" + plan.index().getName();
        long now = System.nanoTime();
        Long last = WIDE_READS_REPORTED.get(key);
        if (last == null || now - last > 60_000_000_000L) {
            WIDE_READS_REPORTED.put(key, now);
            WIDE_READS.warn("{}: {} documents read through index {} for {} (fields {}, order {}): "
                    + "an index whose order is the page's would read only the page", getFullName(), candidates,
                    plan.index().getName(), limit > 0 ? "a page of " + limit : "all that match", query.keySet(),
                    orderBy == null ? "none" : orderBy.keySet());
        }
    }

    /** The documents that may match a query, for an aggregation that starts with it. */
    synchronized Stream<Document> candidates(Document query) {
        return queryDocuments(query, null, 0, 0, 0, null).collectDocuments().stream();
    }

    /** Counts from the index alone when the query is only exact equalities on an index's leading keys. */
    @Override
    public synchronized int count(Document query, int skip, int limit) {
        if (query != null && !query.isEmpty()) {
            QueryConstraints constraints = QueryConstraints.of(query);
            if (constraints.onlyExactFields()) {
                for (SecondaryIndex index : secondaryIndexes()) {
                    if (!index.multikey() && coversExactly(index, constraints)) {
                        long count = IndexPlan.count(index, constraints);
                        stats.indexed(getFullName(), index.getName());
                        long counted = Math.max(0, count - Math.max(skip, 0));
                        return (int) (limit > 0 ? Math.min(limit, counted) : counted);
                    }
                }
            }
        }
        return super.count(query, skip, limit);
    }

    private static boolean coversExactly(SecondaryIndex index, QueryConstraints constraints) {
        List<String> keys = index.keyNames();
        int size = constraints.fields().size();
        return size <= keys.size() && constraints.fields().keySet().equals(Set.copyOf(keys.subList(0, size)));
    }

    /** The best index for a query, or null when none constrains its leading key. */
    private IndexPlan plan(QueryConstraints constraints, Document orderBy) {
        IndexPlan best = null;
        int bestScore = 0;
        for (SecondaryIndex index : secondaryIndexes()) {
            IndexPlan plan = IndexPlan.of(index, constraints, orderBy, MAX_LOOKUPS);
            if (plan != null && plan.score() > bestScore) {
                best = plan;
                bestScore = plan.score();
            }
        }
        return best;
    }

    private List<SecondaryIndex> secondaryIndexes() {
        List<SecondaryIndex> secondary = new ArrayList<>();
        for (Index<Object> index : getIndexes()) {
            if (index instanceof SecondaryIndex candidate) {
                secondary.add(candidate);
            }
        }
        return secondary;
    }

    private boolean servedByUniqueIndex(Document query) {
        for (Index<Object> index : getIndexes()) {
            if (!(index instanceof SecondaryIndex) && index.canHandle(query)) {
                return true;
            }
        }
        return false;
    }

    /** The ids a query names ({@code _id} equal to or in), when they are of a kind stored as they are. */
    private static List<Object> idLookup(Document query) {
        QueryConstraints.Field id = QueryConstraints.of(query).field("_id");
        if (id == null || !id.hasValues()) {
            return null;
        }
        for (Object value : id.values()) {
            if (!(value instanceof String || value instanceof ObjectId || value instanceof UUID)) {
                return null;
            }
        }
        return id.values();
    }

    private static boolean isNatural(Document orderBy) {
        return orderBy != null && orderBy.containsKey("$natural");
    }

    private static Stream<Object> stream(Iterator<Object> positions) {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(positions, Spliterator.ORDERED), false);
    }

    static Iterator<Object> positionsOf(Cursor<IndexEntry, Boolean> cursor) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return cursor.hasNext();
            }

            @Override
            public Object next() {
                return cursor.next().position();
            }
        };
    }
}
