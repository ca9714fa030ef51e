package org.cyberreport.kit.mongo;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

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
 * <p>
 * A file store runs without the MVStore's background writer: each commit serializes and writes its chunk
 * in the committing thread. With the background writer, commits are handed to its serialization and save
 * threads, and under a steady load of concurrent commits (100,000 documents filed at a few dozen a second)
 * the serialization thread once waited forever for a chunk that no save was pending for, spinning on a
 * core and holding the store's lock, so that every later command hung. The writer's other task, rewriting
 * chunks that are mostly dead, is done here by a housekeeping thread of the store's own.
 */
final class DurableH2Backend extends H2Backend {

    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify",
            "createindexes", "dropindexes", "drop", "create", "dropdatabase", "renamecollection");

    /** The store and statistics while the parent constructor, which opens the existing databases, runs. */
    private static final ThreadLocal<DurableH2Backend.Parts> OPENING = new ThreadLocal<>();

    private record Parts(MVStore store, EmbeddedQueryStats stats) {
    }

    private final Parts parts;

    /** A store with the MVStore's default page cache (16 MB); in memory when {@code fileName} is null. */
    static DurableH2Backend open(String fileName, EmbeddedQueryStats stats) {
        return open(fileName, 16, stats);
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
        MVStore.Builder builder = new MVStore.Builder().fileName(fileName).cacheSize(cacheMegabytes).pageSplitSize(4 * 1024);
        if (fileName == null) {
            return on(builder.open(), stats);
        }
        DurableH2Backend backend = on(builder.autoCommitDisabled().open(), stats);
        backend.startHousekeeping();
        return backend;
    }

    /** Below this share of live data in the chunks, the oldest, emptiest chunks are rewritten. */
    static final int TARGET_FILL_RATE = 50;
    /** At most this much is rewritten per round, so that a round holds the store's lock briefly. */
    private static final int REWRITE_PER_ROUND = 2 * 1024 * 1024;
    private static final long HOUSEKEEPING_PERIOD_MILLIS = 1_000;

    private ScheduledExecutorService housekeeping;

    private void startHousekeeping() {
        housekeeping = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("embedded-store-housekeeping").daemon().factory());
        housekeeping.scheduleWithFixedDelay(this::rewriteMostlyDeadChunks, HOUSEKEEPING_PERIOD_MILLIS,
                HOUSEKEEPING_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** One round of housekeeping: rewrites some of the chunks whose data is mostly dead, then commits. */
    boolean rewriteMostlyDeadChunks() {
        MVStore store = parts.store();
        try {
            if (!store.isClosed() && store.compact(TARGET_FILL_RATE, REWRITE_PER_ROUND)) {
                store.commit();
                return true;
            }
        } catch (RuntimeException closing) {
            if (!store.isClosed()) {
                throw closing;
            }
        }
        return false;
    }

    @Override
    public void close() {
        if (housekeeping != null) {
            housekeeping.shutdownNow();
            try {
                housekeeping.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        super.close();
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

    /** The MVStore underneath (for tests of the store's own behaviour). */
    MVStore store() {
        return parts.store();
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
