package org.cyberreport.kit.mongo;

import java.util.List;
import java.util.Map;

import org.h2.mvstore.MVMap;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;

/** A unique index (such as {@code _id}'s) in a map whose keys are {@link KeyValueType}s: key → position. */
final class UniqueIndex extends AbstractUniqueIndex<Object> {

    private final MVMap<KeyValue, Object> entries;

    UniqueIndex(MVMap<KeyValue, Object> entries, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.entries = entries;
    }

    @Override
    protected Object removeDocument(KeyValue key) {
        return entries.remove(key);
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, Object position) {
        return entries.putIfAbsent(key, Missing.ofNullable(position)) == null;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return entries.entrySet();
    }

    @Override
    protected Object getPosition(KeyValue key) {
        return entries.get(key);
    }

    boolean sparse() {
        return isSparse();
    }

    void clear() {
        entries.clear();
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
}
