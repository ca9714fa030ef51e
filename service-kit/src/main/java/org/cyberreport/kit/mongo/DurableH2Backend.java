package org.cyberreport.kit.mongo;

import java.util.Locale;
import java.util.Set;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * The embedded store: H2 MVStore maps for documents and for real secondary indexes (see
 * {@link IndexedH2Database}), in a file or in memory. A file store commits after every write command:
 * the plain H2 backend leaves commits to the store's background writer (about a second later), so a
 * process crash could lose writes the service had already acknowledged.
 */
final class DurableH2Backend extends H2Backend {

    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify",
            "createindexes", "dropindexes", "drop", "create", "dropdatabase", "renamecollection");

    /** The store and statistics while the parent constructor, which opens the existing databases, runs. */
    private static final ThreadLocal<DurableH2Backend.Parts> OPENING = new ThreadLocal<>();

    private record Parts(MVStore store, EmbeddedQueryStats stats) {
    }

    private final Parts parts;

    static DurableH2Backend open(String fileName, EmbeddedQueryStats stats) {
        return on(MVStore.open(fileName), stats);
    }

    /**
     * A file store whose cache holds up to {@code cacheMegabytes} of decoded pages. Every write command
     * is committed, and a commit writes each page it changed whole: pages of 4 KB rather than the
     * default 16 KB keep that in proportion to the change (a new random id dirties one leaf of each
     * unique index). The background writer compacts the file when less than half of it is live rather
     * than a tenth: a store committed this often always has some dead pages, and rewriting the live
     * ones around them cost as much as the writes themselves.
     */
    static DurableH2Backend open(String fileName, int cacheMegabytes, EmbeddedQueryStats stats) {
        return on(new MVStore.Builder().fileName(fileName).cacheSize(cacheMegabytes).pageSplitSize(4 * 1024)
                .autoCompactFillRate(50).open(), stats);
    }

    static DurableH2Backend on(MVStore store, EmbeddedQueryStats stats) {
        Parts parts = new Parts(store, stats);
        OPENING.set(parts);
        try {
            return new DurableH2Backend(parts);
        } finally {
            OPENING.remove();
        }
    }

    private DurableH2Backend(Parts parts) {
        super(parts.store());
        this.parts = parts;
    }

    private Parts parts() {
        return parts != null ? parts : OPENING.get();
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return IndexedH2Database.open(databaseName, parts().store(), getCursorRegistry(), parts().stats());
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        Document result = super.handleCommand(channel, databaseName, command, query);
        if (parts.store().getFileStore() != null && WRITES.contains(command.toLowerCase(Locale.ROOT))) {
            commit();
        }
        return result;
    }
}
