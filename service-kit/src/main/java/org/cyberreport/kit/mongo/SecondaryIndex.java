package org.cyberreport.kit.mongo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A non-unique index of the embedded store, kept in the store's own file beside the documents, so it
 * survives a restart and is written in the same commit as the change it follows. An entry per
 * document and per element of an indexed array (a missing field, a null and an empty array are all
 * indexed as null), ordered by the keys' values in their declared directions, then by {@code _id}.
 * <p>
 * The index is only ever asked for candidates: the collection applies the whole query to every
 * document it fetches, so an index has to return every document that may match, never only those.
 */
final class SecondaryIndex extends Index<Object> {

    private static final String MULTIKEY = "multikey";

    private final MVMap<IndexEntry, Boolean> entries;
    private final MVMap<String, Boolean> meta;
    private final int[] directions;
    private volatile boolean multikey;

    private SecondaryIndex(String name, List<IndexKey> keys, boolean sparse, MVMap<IndexEntry, Boolean> entries,
                           MVMap<String, Boolean> meta, int[] directions) {
        super(name, keys, sparse);
        this.entries = entries;
        this.meta = meta;
        this.directions = directions;
        this.multikey = Boolean.TRUE.equals(meta.get(MULTIKEY));
    }

    static SecondaryIndex open(MVStore store, String mapName, String name, List<IndexKey> keys, boolean sparse) {
        int[] directions = keys.stream().mapToInt(key -> key.isAscending() ? 1 : -1).toArray();
        MVMap<IndexEntry, Boolean> entries = store.openMap(mapName,
                new MVMap.Builder<IndexEntry, Boolean>().keyType(new IndexEntryType(directions)));
        return new SecondaryIndex(name, keys, sparse, entries, store.openMap(metaName(mapName)), directions);
    }

    static String metaName(String mapName) {
        return mapName + "._meta";
    }

    int direction(int key) {
        return directions[key];
    }

    /** Whether some document had an array in an indexed field: its order is then no sort order. */
    boolean multikey() {
        return multikey;
    }

    @Override
    public Object getPosition(Document document) {
        return null;
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        entriesOf(document, null);
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        for (IndexEntry entry : entriesOf(document, position)) {
            entries.put(entry, Boolean.TRUE);
        }
    }

    @Override
    public Object remove(Document document) {
        Object position = Missing.ofNullable(document.get("_id"));
        for (IndexEntry entry : entriesOf(document, position)) {
            entries.remove(entry);
        }
        return position;
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        entriesOf(newDocument, null);
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, Object position,
                              MongoCollection<Object> collection) {
        Set<IndexEntry> before = entriesOf(oldDocument, position);
        Set<IndexEntry> after = entriesOf(newDocument, position);
        if (before.equals(after)) {
            return;
        }
        for (IndexEntry entry : before) {
            if (!after.contains(entry)) {
                entries.remove(entry);
            }
        }
        for (IndexEntry entry : after) {
            if (!before.contains(entry)) {
                entries.put(entry, Boolean.TRUE);
            }
        }
    }

    /** The queries of the collection go through its planner, which asks this index directly. */
    @Override
    public boolean canHandle(Document query) {
        return false;
    }

    /** Never called: {@link #canHandle} is false, and the collection's planner walks {@link #range} instead. */
    @Override
    public Iterable<Object> getPositions(Document query) {
        throw new IllegalStateException("index " + getName() + " is read through the collection's planner");
    }

    /** The entries between two probes (or entries), in index order or reversed. */
    Cursor<IndexEntry, Boolean> range(IndexEntry from, IndexEntry to, boolean reverse) {
        return reverse ? entries.cursor(to, from, true) : entries.cursor(from, to, false);
    }

    /** How many entries lie between two probes: two lookups, whatever the number of entries. */
    long countBetween(IndexEntry low, IndexEntry high) {
        return insertionPoint(high) - insertionPoint(low);
    }

    private long insertionPoint(IndexEntry probe) {
        long index = entries.getKeyIndex(probe);
        return index < 0 ? -index - 1 : index;
    }

    void clear() {
        entries.clear();
        meta.clear();
        multikey = false;
    }

    @Override
    public long getCount() {
        return entries.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public void drop() {
        // the database removes the index's maps
    }

    /**
     * The entries of a document: one per combination of the indexed values, an array contributing each
     * of its elements. Two arrays in one compound index are refused, as MongoDB refuses them.
     */
    private Set<IndexEntry> entriesOf(Document document, Object position) {
        List<List<Object>> perKey = new ArrayList<>();
        int arrays = 0;
        for (String key : keys()) {
            Object value = Utils.getSubdocumentValueCollectionAware(document, key);
            if (value instanceof Collection<?> elements) {
                arrays++;
                List<Object> distinct = new ArrayList<>(elements.stream().map(IndexValues::normalize).distinct().toList());
                if (distinct.isEmpty()) {
                    distinct.add(null);
                }
                perKey.add(distinct);
            } else {
                perKey.add(java.util.Collections.singletonList(IndexValues.normalize(value)));
            }
        }
        if (arrays > 1) {
            getKeyValues(document); // throws MongoDB's "cannot index parallel arrays" for real parallel arrays
        }
        if (arrays > 0 && position != null && !multikey) {
            multikey = true;
            meta.put(MULTIKEY, Boolean.TRUE);
        }
        Set<IndexEntry> result = new LinkedHashSet<>();
        combine(perKey, 0, new Object[perKey.size()], position, result);
        return result;
    }

    private static void combine(List<List<Object>> perKey, int key, Object[] values, Object position,
                                Set<IndexEntry> into) {
        if (key == perKey.size()) {
            into.add(IndexEntry.of(values.clone(), position));
            return;
        }
        for (Object value : perKey.get(key)) {
            values[key] = value;
            combine(perKey, key + 1, values, position, into);
        }
    }

    List<String> keyNames() {
        return keys();
    }
}
