package io.datasetserver.storage;

import com.mongodb.client.MongoCollection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * What tests and the benchmark see of a server's database below the stores: its raw collections and
 * how many documents each holds. Test tree only; the server's own code reaches MongoDB through the
 * stores.
 */
public final class StoredDocuments {
  /** The collections that hold a dataset's content. */
  static final List<String> COLLECTIONS =
      List.of("datasets", "datapoints", "memberships", "segments", "version_texts");

  private StoredDocuments() {}

  /** One of the database's collections, read and written as raw documents. */
  public static MongoCollection<Document> collection(Database database, String name) {
    return database.mongo().getCollection(name);
  }

  /**
   * {@code dataset}, a stored dataset document, as the server wrote it before version entries
   * became binary: each entry an embedded document with its creator inline, no creators list.
   */
  public static Document inEarlierForm(Document dataset) {
    Document earlier = new Document(dataset);
    earlier.remove(VersionEntries.CREATORS);
    List<Document> creators = dataset.getList(VersionEntries.CREATORS, Document.class);
    List<Document> entries = new ArrayList<>();
    for (Object entry : dataset.getList(DatasetStore.VERSIONS, Object.class)) {
      Document fields = VersionEntries.fields(entry);
      fields.put("by", creators.get(fields.getInteger("by")));
      entries.add(fields);
    }
    return earlier.append(DatasetStore.VERSIONS, entries);
  }

  /** The fields of each version entry of {@code dataset}, a stored dataset document. */
  public static List<Document> versionEntries(Document dataset) {
    return dataset.getList(DatasetStore.VERSIONS, Object.class).stream()
        .map(VersionEntries::fields)
        .toList();
  }

  /** Documents per collection: how much is stored. */
  public static Map<String, Long> counts(Database database) {
    Map<String, Long> counts = new LinkedHashMap<>();
    COLLECTIONS.forEach(name -> counts.put(name, collection(database, name).countDocuments()));
    return counts;
  }
}
