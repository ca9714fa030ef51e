package org.cyberreport.kit.mongo;

import java.nio.ByteBuffer;
import java.time.Instant;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.backend.ValueComparator;

/**
 * How the entries of a secondary index are ordered and stored. Values compare the way the embedded
 * server sorts documents (its {@link ValueComparator}: type order, then value), each key in the
 * direction the index declares, and equal values by position; so a walk of the index in either
 * direction is a sort of the documents by the index's keys. Dates are stored compactly, every other
 * value by H2's own object encoding.
 */
final class IndexEntryType extends BasicDataType<IndexEntry> {

    private static final byte OBJECT = 0;
    private static final byte INSTANT = 1;

    private final ObjectDataType objects = new ObjectDataType();
    private final int[] directions;

    /** @param directions 1 for an ascending key, -1 for a descending one, in key order */
    IndexEntryType(int[] directions) {
        this.directions = directions.clone();
    }

    @Override
    public int compare(IndexEntry a, IndexEntry b) {
        int common = Math.min(a.values().length, b.values().length);
        for (int i = 0; i < common; i++) {
            int order = ValueComparator.asc().compare(a.values()[i], b.values()[i]);
            if (order != 0) {
                return order * directions[i];
            }
        }
        if (a.isProbe() || b.isProbe()) {
            // same prefix: a probe sorts before or after every entry that starts with it
            return a.isProbe() ? a.bound() : -b.bound();
        }
        return ValueComparator.asc().compare(a.position(), b.position());
    }

    @Override
    public int getMemory(IndexEntry entry) {
        int memory = 48;
        for (Object value : entry.values()) {
            memory += value instanceof String text ? 40 + 2 * text.length() : 32;
        }
        return memory;
    }

    @Override
    public void write(WriteBuffer buffer, IndexEntry entry) {
        buffer.putVarInt(entry.values().length);
        for (Object value : entry.values()) {
            writeValue(buffer, value);
        }
        writeValue(buffer, entry.position());
    }

    @Override
    public IndexEntry read(ByteBuffer buffer) {
        Object[] values = new Object[DataUtils.readVarInt(buffer)];
        for (int i = 0; i < values.length; i++) {
            values[i] = readValue(buffer);
        }
        return IndexEntry.of(values, readValue(buffer));
    }

    private void writeValue(WriteBuffer buffer, Object value) {
        if (value instanceof Instant instant) {
            buffer.put(INSTANT).putLong(instant.getEpochSecond()).putInt(instant.getNano());
        } else {
            buffer.put(OBJECT);
            objects.write(buffer, value);
        }
    }

    private Object readValue(ByteBuffer buffer) {
        if (buffer.get() == INSTANT) {
            return Instant.ofEpochSecond(buffer.getLong(), buffer.getInt());
        }
        return objects.read(buffer);
    }

    @Override
    public IndexEntry[] createStorage(int size) {
        return new IndexEntry[size];
    }
}
