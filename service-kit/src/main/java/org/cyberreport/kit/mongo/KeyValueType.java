package org.cyberreport.kit.mongo;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * The keys of a unique index: each value as BSON, compared as MongoDB orders values. The store's
 * default type writes them with Java serialization and, as they are not comparable, compares two keys
 * by serializing both, at every step of every lookup.
 */
final class KeyValueType extends BasicDataType<KeyValue> {

    static final KeyValueType INSTANCE = new KeyValueType();

    /** Not a BSON type: a field the document does not have (which a sparse index skips, others index). */
    private static final byte MISSING = 0;

    private KeyValueType() {
    }

    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        buffer.putVarInt(key.size());
        ByteBuf encoded = Unpooled.buffer(64);
        try {
            for (Object value : key) {
                if (value instanceof Missing) {
                    encoded.writeByte(MISSING);
                } else {
                    byte type = BsonEncoder.determineType(value);
                    encoded.writeByte(type);
                    BsonEncoder.encodeValue(type, value, encoded);
                }
            }
            buffer.putVarInt(encoded.readableBytes());
            buffer.put(encoded.nioBuffer());
        } finally {
            encoded.release();
        }
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        int size = DataUtils.readVarInt(buffer);
        int length = DataUtils.readVarInt(buffer);
        ByteBuf encoded = Unpooled.wrappedBuffer(buffer.slice(buffer.position(), length));
        buffer.position(buffer.position() + length);
        List<Object> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            byte type = encoded.readByte();
            values.add(type == MISSING ? Missing.getInstance() : BsonDecoder.decodeValue(type, encoded));
        }
        return new KeyValue(values);
    }

    /**
     * MongoDB's order of values, element by element; values it holds equal but that differ (which the
     * index's normalisation makes rare) are told apart by type and text, so that equal here means equal.
     */
    @Override
    public int compare(KeyValue a, KeyValue b) {
        int shared = Math.min(a.size(), b.size());
        for (int i = 0; i < shared; i++) {
            int order = compareValues(a.get(i), b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static int compareValues(Object a, Object b) {
        if (Objects.equals(a, b)) {
            return 0;
        }
        int order = ValueComparator.asc().compare(a, b);
        if (order != 0) {
            return order;
        }
        order = String.valueOf(a == null ? null : a.getClass().getName())
                .compareTo(String.valueOf(b == null ? null : b.getClass().getName()));
        return order != 0 ? order : String.valueOf(a).compareTo(String.valueOf(b));
    }

    @Override
    public int getMemory(KeyValue key) {
        int size = 48;
        for (Object value : key) {
            size += value instanceof String text ? 48 + text.length() : 32;
        }
        return size;
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}
