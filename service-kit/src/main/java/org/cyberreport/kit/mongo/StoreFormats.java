package org.cyberreport.kit.mongo;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * Which unique indexes of the store keep their keys as BSON ({@link KeyValueType}). An index map the
 * store has but this list does not name was written by an earlier version, with Java serialization
 * and in another order: it is built again. The list is a map of its own, outside the
 * {@code databases.} maps the server reads its databases from.
 */
final class StoreFormats {

    private static final String MAP = "kit.formats";
    private static final String BSON = "bson";

    private final MVStore store;
    private final MVMap<String, String> formats;

    private StoreFormats(MVStore store) {
        this.store = store;
        this.formats = store.openMap(MAP);
    }

    static StoreFormats of(MVStore store) {
        return new StoreFormats(store);
    }

    /** Whether the store holds this map in the older form. */
    boolean olderForm(String mapName) {
        return !BSON.equals(formats.get(mapName)) && store.hasMap(mapName);
    }

    void writtenAsBson(String mapName) {
        formats.put(mapName, BSON);
    }
}
