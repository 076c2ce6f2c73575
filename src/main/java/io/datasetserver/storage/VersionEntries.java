package io.datasetserver.storage;

import com.mongodb.client.model.Filters;
import io.datasetserver.datasets.User;
import io.datasetserver.datasets.Version;
import io.datasetserver.datasets.VersionText;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.bson.BsonBinaryWriter;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.conversions.Bson;
import org.bson.io.BasicOutputBuffer;
import org.bson.types.Binary;

/**
 * A version's entry in its dataset document's {@code versions} array. Each entry is one binary
 * value holding the entry's BSON document, because the embedded server copies and compares a
 * document node by node on every update: at 2,000 versions of a dozen fields each, an {@code add}
 * that appends one entry paid for some 30,000 nodes; as binary values it pays for 2,000 references.
 * An entry names its creator by position in the document's {@value #CREATORS}, the distinct
 * creators in order of their first version, which the listings' user filter queries (the entries
 * are opaque to queries) and which holds each creator's fields once.
 *
 * <p>Documents written before hold embedded entries with their creator inline and no creators. They
 * are read alike, matched by the user filter through their entries, and rewritten whole at their
 * dataset's next write.
 */
final class VersionEntries {
  /** The distinct creators of the versions ({@code {id, email, name}}), in order of first use. */
  static final String CREATORS = "creators";

  private static final String REF = "_ref";
  private static final String VERSION_ID = "id";
  private static final String DESCRIPTION = "description";
  private static final String ATTRIBUTES = "attrs";
  private static final String COUNT = "count";
  private static final String HASH = "hash";
  private static final String MEMBERSHIP = "members";
  private static final String CREATED_BY = "by";
  private static final String USER_ID = "id";
  private static final String EMAIL = "email";
  private static final DocumentCodec CODEC = new DocumentCodec();

  private VersionEntries() {}

  /**
   * The distinct creators of {@code versions}, each mapped to its position: a version appended
   * later can only add creators at the end, so the entries already stored keep theirs.
   */
  static Map<User, Integer> creators(List<Version> versions) {
    Map<User, Integer> creators = new LinkedHashMap<>();
    for (Version version : versions) {
      creators.putIfAbsent(version.createdBy(), creators.size());
    }
    return creators;
  }

  /** The stored form of {@link #creators}. */
  static List<Document> toDocuments(Map<User, Integer> creators) {
    return creators.keySet().stream().map(VersionEntries::toDocument).toList();
  }

  /** The stored entry of {@code version}, naming its creator by position in {@code creators}. */
  static Binary toEntry(Version version, Map<User, Integer> creators) {
    BasicOutputBuffer buffer = new BasicOutputBuffer();
    CODEC.encode(
        new BsonBinaryWriter(buffer),
        toDocument(version).append(CREATED_BY, creators.get(version.createdBy())),
        EncoderContext.builder().build());
    return new Binary(buffer.toByteArray());
  }

  /** The versions of a stored dataset document, in the current form or an earlier one. */
  static List<Version> toVersions(Document dataset) {
    List<User> creators =
        dataset.getList(CREATORS, Document.class, List.of()).stream()
            .map(VersionEntries::toUser)
            .toList();
    return dataset.getList(DatasetStore.VERSIONS, Object.class).stream()
        .map(entry -> toVersion(entry, creators))
        .toList();
  }

  /** True when {@code dataset}, a stored dataset document, was written in the current form. */
  static boolean isCurrentForm(Document dataset) {
    return dataset.containsKey(CREATORS);
  }

  /** Datasets one of whose versions was created by a user whose email or name {@code matches}. */
  static Bson createdBy(Pattern matches) {
    String inEntries = DatasetStore.VERSIONS + "." + CREATED_BY + ".";
    return Filters.or(
        Filters.regex(CREATORS + "." + EMAIL, matches),
        Filters.regex(CREATORS + "." + DatasetStore.NAME, matches),
        // Documents in the earlier form.
        Filters.regex(inEntries + EMAIL, matches),
        Filters.regex(inEntries + DatasetStore.NAME, matches));
  }

  /**
   * The entry's fields but its creator; versions with equal documents and creators have equal
   * entries.
   */
  static Document toDocument(Version version) {
    Document document = new Document(VERSION_ID, version.id());
    if (version.name() != null) {
      document.append(DatasetStore.NAME, version.name());
    }
    if (version.storedDescription() != null) {
      appendText(document, DESCRIPTION, version.storedDescription());
    }
    appendText(document, ATTRIBUTES, version.storedAttributes());
    return document
        .append(COUNT, version.datapointsCount())
        .append(HASH, version.membersHash())
        .append(MEMBERSHIP, version.membershipId())
        .append(DatasetStore.CREATED_AT, Date.from(version.createdAt()))
        .append(DatasetStore.UPDATED_AT, Date.from(version.updatedAt()));
  }

  /** A creator as stored; an entry of the earlier form holds it as {@value #CREATED_BY}. */
  private static Document toDocument(User user) {
    return new Document(USER_ID, user.id())
        .append(EMAIL, user.emailAddress())
        .append(DatasetStore.NAME, user.fullName());
  }

  private static User toUser(Document stored) {
    return new User(
        stored.getString(USER_ID), stored.getString(EMAIL), stored.getString(DatasetStore.NAME));
  }

  /** The fields of an entry in either form. */
  static Document fields(Object entry) {
    return entry instanceof Binary binary
        ? new RawBsonDocument(binary.getData()).decode(CODEC)
        : (Document) entry;
  }

  private static Version toVersion(Object entry, List<User> creators) {
    Document document = fields(entry);
    Object by = document.get(CREATED_BY);
    return new Version(
        document.getString(VERSION_ID),
        document.getString(DatasetStore.NAME),
        text(document, DESCRIPTION),
        text(document, ATTRIBUTES),
        document.get(COUNT, Number.class).longValue(),
        document.getString(HASH),
        document.getString(MEMBERSHIP),
        document.getDate(DatasetStore.CREATED_AT).toInstant(),
        by instanceof Document inline ? toUser(inline) : creators.get((Integer) by),
        document.getDate(DatasetStore.UPDATED_AT).toInstant());
  }

  /** A short text inline as {@code field}, a long one by its hash as {@code field_ref}. */
  private static void appendText(Document document, String field, VersionText text) {
    if (text.isStored()) {
      document.append(field + REF, text.hash());
    } else {
      document.append(field, text.value());
    }
  }

  /**
   * The text of {@code field}, or null. Documents written before texts moved out hold long ones
   * inline; they are read as loaded texts with a hash, and move out at the dataset's next write.
   */
  private static VersionText text(Document document, String field) {
    String hash = document.getString(field + REF);
    if (hash != null) {
      return VersionText.stored(hash);
    }
    String inline = document.getString(field);
    return inline == null ? null : VersionText.of(inline);
  }
}
