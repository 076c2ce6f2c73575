package io.datasetserver.storage;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Collection;
import java.util.Map;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the H2 file stores documents and index keys: as BSON, the format the server already speaks on
 * the wire, instead of the stock backend's Java serialisation. A Java-serialised datapoint document
 * takes about 830 bytes against 500 as BSON, and an index key 177 bytes against 50, because
 * serialisation writes class descriptions into every value.
 *
 * <p>Each value starts with a tag byte. Values that BSON cannot hold (an index key with a missing
 * field, for instance) keep {@link ObjectDataType}'s encoding under their own tag.
 */
class BsonDataType extends ObjectDataType {
  private static final byte DOCUMENT = 1;
  private static final byte KEY = 2;
  private static final byte OTHER = 3;

  /** The field under which an index key's values are stored as one BSON document. */
  private static final String KEY_VALUES = "k";

  @Override
  public void write(WriteBuffer buffer, Object value) {
    if (value instanceof Document document && fitsBson(document)) {
      buffer.put(DOCUMENT);
      writeBson(buffer, document);
    } else if (value instanceof KeyValue key && fitsBson(key)) {
      buffer.put(KEY);
      writeBson(buffer, new Document(KEY_VALUES, key.stream().toList()));
    } else {
      buffer.put(OTHER);
      super.write(buffer, value);
    }
  }

  @Override
  public Object read(ByteBuffer buffer) {
    byte tag = buffer.get();
    return switch (tag) {
      case DOCUMENT -> readBson(buffer);
      case KEY -> new KeyValue((Collection<?>) readBson(buffer).get(KEY_VALUES));
      case OTHER -> super.read(buffer);
      default -> throw new IllegalStateException("unknown value tag " + tag + " in the H2 file");
    };
  }

  @Override
  public int getMemory(Object value) {
    return value instanceof Document || value instanceof KeyValue
        ? 64 + estimate(value)
        : super.getMemory(value);
  }

  /**
   * Bytes a value holds in memory, roughly: MVStore sizes its page cache by these estimates, so one
   * too low lets the cache outgrow its megabytes (a dataset document's version entries are binary).
   */
  private static int estimate(Object value) {
    if (value instanceof String text) {
      return 40 + 2 * text.length();
    }
    if (value instanceof BinData binary) {
      return 40 + binary.getData().length;
    }
    if (value instanceof Map<?, ?> map) {
      int bytes = 48;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        bytes += 32 + estimate(entry.getKey()) + estimate(entry.getValue());
      }
      return bytes;
    }
    if (value instanceof Iterable<?> values) {
      int bytes = 40;
      for (Object element : values) {
        bytes += 8 + estimate(element);
      }
      return bytes;
    }
    return 24;
  }

  private static boolean fitsBson(Object value) {
    if (value instanceof Map<?, ?> map) {
      return map.values().stream().allMatch(BsonDataType::fitsBson);
    }
    if (value instanceof KeyValue key) {
      return key.stream().allMatch(BsonDataType::fitsBson);
    }
    if (value instanceof Collection<?> values) {
      return values.stream().allMatch(BsonDataType::fitsBson);
    }
    try {
      BsonEncoder.determineType(value);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static void writeBson(WriteBuffer buffer, Document document) {
    ByteBuf bson = Unpooled.buffer();
    try {
      BsonEncoder.encodeDocument(document, bson);
      buffer.put(bson.nioBuffer());
    } finally {
      bson.release();
    }
  }

  private static Document readBson(ByteBuffer buffer) {
    int length = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt();
    ByteBuffer bson = buffer.slice();
    bson.limit(length);
    buffer.position(buffer.position() + length);
    return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
  }
}
