package org.cyberreport.kit.mongo;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Documents as the store's pages hold them: BSON, the form they arrive and leave in. The store's
 * default type writes them with Java serialization, which on this data is several times larger and
 * slower to write and to read (each nested document, list and date carries its class description).
 */
final class BsonDocumentType extends BasicDataType<Document> {

    static final BsonDocumentType INSTANCE = new BsonDocumentType();

    private BsonDocumentType() {
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf encoded = Unpooled.buffer(256);
        try {
            BsonEncoder.encodeDocument(document, encoded);
            buffer.putVarInt(encoded.readableBytes());
            buffer.put(encoded.nioBuffer());
        } finally {
            encoded.release();
        }
    }

    @Override
    public Document read(ByteBuffer buffer) {
        int length = DataUtils.readVarInt(buffer);
        ByteBuffer slice = buffer.slice(buffer.position(), length);
        buffer.position(buffer.position() + length);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(slice));
    }

    /**
     * A rough size in memory, for the store's cache to count pages by: the cache holds documents as
     * objects, not as bytes, so a page of documents weighs what its maps, strings and numbers do.
     */
    @Override
    public int getMemory(Document document) {
        return 48 + estimate(document);
    }

    private static int estimate(Object value) {
        if (value instanceof Map<?, ?> map) {
            int size = 64;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                size += 48 + estimate(entry.getKey()) + estimate(entry.getValue());
            }
            return size;
        }
        if (value instanceof Collection<?> values) {
            int size = 40;
            for (Object element : values) {
                size += 8 + estimate(element);
            }
            return size;
        }
        if (value instanceof String text) {
            return 40 + text.length();
        }
        if (value instanceof byte[] bytes) {
            // binary data (a GridFS chunk holds 255 KB of it): counted at its length, or a cache of a few
            // megabytes would keep every chunk of a large file
            return 16 + bytes.length;
        }
        if (value instanceof de.bwaldvogel.mongo.bson.BinData binary) {
            return 32 + binary.getData().length;
        }
        return 24;
    }

    /** Documents are values, never keys: whether two are equal is all the store asks of them. */
    @Override
    public int compare(Document a, Document b) {
        return a.equals(b) ? 0 : 1;
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
