package io.datasetserver.storage;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BsonDataTypeTest {
  /**
   * MVStore keeps pages in its cache until their estimates reach its megabytes: a dataset document
   * of 2,000 binary version entries once counted as a few kilobytes, and the cache held far more
   * than its 64 MB.
   */
  @Test
  void memoryEstimateOfADocumentOfBinaryEntriesIsAtLeastItsBsonSize() {
    List<Object> entries = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      entries.add(new BinData(new byte[500]));
    }
    Document dataset = new Document("_id", "ds_1").append("versions", entries);
    ByteBuf bson = Unpooled.buffer();
    BsonEncoder.encodeDocument(dataset, bson);

    assertThat(new BsonDataType().getMemory(dataset)).isGreaterThan(bson.readableBytes());
  }
}
