package org.cyberreport.kit.mongo;

import java.util.List;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.aggregation.Aggregation;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;

/**
 * A database of the embedded store whose collections keep real secondary indexes (the server's own
 * H2 database accepts non-unique index definitions and ignores them), and whose aggregations that
 * start with {@code $match}, such as the driver's {@code countDocuments}, read through them too.
 */
final class IndexedH2Database extends H2Database {

    private static final Logger log = LoggerFactory.getLogger(IndexedH2Database.class);
    private static final String DOCUMENT_FORMAT = "documentFormat";
    private static final String BSON = "bson";

    /** The store while the parent constructor, which already opens collections and indexes, runs. */
    private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();
    private static final ThreadLocal<EmbeddedQueryStats> OPENING_STATS = new ThreadLocal<>();

    private final MVStore store;
    private final EmbeddedQueryStats stats;

    static IndexedH2Database open(String name, MVStore store, CursorRegistry cursors, EmbeddedQueryStats stats) {
        OPENING.set(store);
        OPENING_STATS.set(stats);
        try {
            return new IndexedH2Database(name, store, cursors, stats);
        } finally {
            OPENING.remove();
            OPENING_STATS.remove();
        }
    }

    private IndexedH2Database(String name, MVStore store, CursorRegistry cursors, EmbeddedQueryStats stats) {
        super(name, store, cursors);
        this.store = store;
        this.stats = stats;
    }

    private MVStore store() {
        return store != null ? store : OPENING.get();
    }

    private EmbeddedQueryStats stats() {
        return stats != null ? stats : OPENING_STATS.get();
    }

    @Override
    protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                       boolean sparse) {
        return SecondaryIndex.open(store(), indexMapName(collectionName, indexName), indexName, keys, sparse);
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                    boolean sparse) {
        String mapName = indexMapName(collectionName, indexName);
        StoreFormats formats = StoreFormats.of(store());
        if (formats.olderForm(mapName)) {
            // keys in the old form, in the old order: dropped, and built again from the documents
            log.info("Rebuilding unique index {} in the compact key format", mapName);
            store().removeMap(mapName);
        }
        MVMap<KeyValue, Object> entries = store().openMap(mapName, new MVMap.Builder<KeyValue, Object>()
                .keyType(KeyValueType.INSTANCE));
        formats.writtenAsBson(mapName);
        return new UniqueIndex(entries, indexName, keys, sparse);
    }

    /**
     * Documents are stored as BSON. A collection the store already holds in the older form (Java
     * serialization) is read and written in that form, so a store written by an earlier version opens;
     * the collection's own meta map says which, so that the mark moves with a renamed collection.
     */
    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String fullName = getFullCollectionNamespace(collectionName);
        String dataMapName = "databases." + fullName;
        MVMap<String, Object> metaMap = store().openMap("meta." + fullName);
        MVMap<Object, Document> dataMap;
        if (!BSON.equals(metaMap.get(DOCUMENT_FORMAT)) && store().hasMap(dataMapName)) {
            log.info("Collection {} is stored in the older, slower form; a new store holds documents as BSON", fullName);
            dataMap = store().openMap(dataMapName);
        } else {
            dataMap = store().openMap(dataMapName, new MVMap.Builder<Object, Document>().valueType(BsonDocumentType.INSTANCE));
            metaMap.put(DOCUMENT_FORMAT, BSON);
        }
        return new IndexedH2Collection(this, collectionName, options, dataMap, metaMap, cursorRegistry, stats());
    }

    @Override
    protected void dropIndex(MongoCollection<Object> collection, String indexName) {
        super.dropIndex(collection, indexName);
        String meta = SecondaryIndex.metaName(indexMapName(collection.getCollectionName(), indexName));
        if (store().hasMap(meta)) {
            store().removeMap(meta);
        }
    }

    /** The name the parent gives an index's map, so that dropping the index or the database removes it. */
    private String indexMapName(String collectionName, String indexName) {
        return getFullCollectionNamespace(collectionName) + "._index_" + indexName;
    }

    @Override
    public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver databaseResolver,
                                  Oplog oplog) {
        if (command.equalsIgnoreCase("aggregate") && query.get(command) instanceof String collectionName
                && resolveCollection(collectionName, false) instanceof IndexedH2Collection collection) {
            List<Document> pipeline = Aggregation.parse(query.get("pipeline"));
            if (!pipeline.isEmpty() && pipeline.get(0).get("$match") instanceof Document match && !match.isEmpty()) {
                return aggregate(collection, match, pipeline, query, databaseResolver, oplog);
            }
        }
        return super.handleCommand(channel, command, query, databaseResolver, oplog);
    }

    /**
     * Runs the pipeline on the documents the index finds for its first {@code $match} rather than on the
     * whole collection; the stage itself still runs, so the result is the same. The driver's count
     * ({@code $match}, then a {@code $group} summing 1) is answered from the index when it can be.
     */
    private Document aggregate(IndexedH2Collection collection, Document match, List<Document> pipeline, Document query,
                               DatabaseResolver databaseResolver, Oplog oplog) {
        List<Document> result;
        Object countKey = CountPipeline.groupKey(pipeline);
        if (countKey != null) {
            int count = collection.count(match, CountPipeline.skip(pipeline), CountPipeline.limit(pipeline));
            result = count == 0 ? List.of() : List.of(new Document("_id", countKey).append("n", count));
        } else {
            Aggregation aggregation = Aggregation.fromPipeline(pipeline, databaseResolver, this, collection, oplog);
            aggregation.validate(query);
            result = aggregation.runStages(collection.candidates(match));
        }
        Document cursor = new Document("id", 0L).append("ns", collection.getFullName()).append("firstBatch", result);
        return new Document("cursor", cursor).append("ok", 1.0);
    }
}
