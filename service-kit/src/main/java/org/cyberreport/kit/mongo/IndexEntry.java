package org.cyberreport.kit.mongo;

import java.util.Arrays;

/**
 * One entry of a secondary index: the indexed values of a document, in the index's key order, and the
 * document's position (its {@code _id}). A probe is a search key that never equals an entry: it holds
 * only a prefix of the values and sorts just before ({@link #LOW}) or just after ({@link #HIGH}) every
 * entry that starts with that prefix, so a range of the index is the space between two probes.
 */
record IndexEntry(Object[] values, Object position, int bound) {

    static final int LOW = -1;
    static final int HIGH = 1;

    static IndexEntry of(Object[] values, Object position) {
        return new IndexEntry(values, position, 0);
    }

    static IndexEntry probe(Object[] prefix, int bound) {
        return new IndexEntry(prefix, null, bound);
    }

    boolean isProbe() {
        return bound != 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IndexEntry entry && bound == entry.bound && Arrays.equals(values, entry.values)
                && java.util.Objects.equals(position, entry.position);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(values) + java.util.Objects.hashCode(position);
    }

    @Override
    public String toString() {
        return Arrays.toString(values) + "@" + position + (bound == 0 ? "" : bound < 0 ? "-" : "+");
    }
}
