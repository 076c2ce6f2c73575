package io.datasetserver.storage;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.datasetserver.datasets.Dataset;
import io.datasetserver.datasets.DatasetPath;
import io.datasetserver.datasets.Deployment;
import io.datasetserver.datasets.User;
import io.datasetserver.datasets.Version;
import io.datasetserver.datasets.VersionText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The {@code datasets} collection: one document per dataset holding its path, its versions'
 * metadata and its deployments. Every change replaces the document with compare-and-set on
 * its {@code rev}, so readers see either the old dataset or the new one, never a mix.
 */
public final class DatasetStore {
  private static final String REF = "_ref";
  private final MongoCollection<Document> datasets;
  private final VersionTextStore texts;
  private final IndexGuard indexes;

  DatasetStore(MongoCollection<Document> datasets, VersionTextStore texts, IndexGuard indexes) {
    this.datasets = datasets;
    this.texts = texts;
    this.indexes = indexes;
  }

  public enum SortBy { CREATED_AT, UPDATED_AT, NAME }

  /** One page of a listing plus the number of datasets that match the filters. */
  public record Listing(List<Dataset> datasets, long total) {}

  public Optional<Dataset> find(String organizationId, String datasetId) {
    Document document = datasets.find(Filters.eq("_id", datasetId)).first();
    if (document == null || !organizationId.equals(document.getString("org"))) {
      return Optional.empty();
    }
    return Optional.of(toDataset(document));
  }

  public Optional<Dataset> findByPath(String organizationId, DatasetPath path) {
    Document document = datasets.find(equalTo("org", organizationId, "path", path.value())).first();
    return Optional.ofNullable(document).map(DatasetStore::toDataset);
  }

  /**
   * Stores a new dataset; false when the organization already has a dataset at its path. Every
   * loaded text that goes outside the document (a new version's, or one that a document written
   * before texts moved out held inline) is written first, so the document never names a text
   * that is not stored.
   */
  public boolean insert(Dataset dataset) {
    indexes.ensure();
    writeTexts(dataset);
    try {
      datasets.insertOne(toDocument(dataset));
      return true;
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        return false;
      }
      throw e;
    }
  }

  public enum ReplaceResult { REPLACED, LOST_RACE, PATH_TAKEN }

  /**
   * Replaces the stored dataset with {@code updated} if the stored one still has revision
   * {@code updated.revision() - 1}. Atomic: a single-document compare-and-set. The texts it
   * references are written first (see {@link #insert}).
   */
  public ReplaceResult replace(Dataset updated) {
    indexes.ensure();
    writeTexts(updated);
    try {
      long matched = datasets.replaceOne(
          equalTo("_id", updated.id(), "rev", updated.revision() - 1), toDocument(updated)).getMatchedCount();
      return matched == 1 ? ReplaceResult.REPLACED : ReplaceResult.LOST_RACE;
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        return ReplaceResult.PATH_TAKEN;
      }
      throw e;
    }
  }

  private void writeTexts(Dataset dataset) {
    Map<String, String> toWrite = new LinkedHashMap<>();
    for (Version version : dataset.versions()) {
      for (VersionText text : Arrays.asList(version.storedAttributes(), version.storedDescription())) {
        if (text != null && text.isStored() && text.isLoaded()) {
          toWrite.put(text.hash(), text.value());
        }
      }
    }
    if (!toWrite.isEmpty()) {
      texts.insertAll(dataset.id(), toWrite);
    }
  }

  /** True when a dataset with this id is stored, in any organization. */
  public boolean exists(String datasetId) {
    return datasets.find(Filters.eq("_id", datasetId)).projection(new Document("_id", 1)).first() != null;
  }

  /**
   * Deletes the dataset if the stored one still has {@code dataset.revision()}; false when it
   * has changed (or is gone) since it was read. Atomic, like {@link #replace}.
   */
  public boolean delete(Dataset dataset) {
    return datasets.deleteOne(equalTo("_id", dataset.id(), "rev", dataset.revision())).getDeletedCount() == 1;
  }

  /**
   * Two equalities as one flat filter document. The embedded server uses an index only when a
   * filter names exactly the index's fields, never for the {@code $and} that {@code Filters.and}
   * renders, and would scan every dataset; a real MongoDB treats both forms alike.
   */
  private static Bson equalTo(String field, Object value, String otherField, Object otherValue) {
    return new Document(field, value).append(otherField, otherValue);
  }

  /**
   * The organization's datasets whose name contains {@code name} and that have a version
   * created by a user whose email or full name contains {@code user} (both case-insensitive,
   * either may be null), sorted with the id as tie-breaker in the same direction.
   */
  public Listing list(String organizationId, String name, String user, SortBy sortBy, boolean ascending,
      long skip, int limit) {
    List<Bson> filters = new ArrayList<>();
    filters.add(Filters.eq("org", organizationId));
    if (name != null && !name.isEmpty()) {
      filters.add(Filters.regex("name", containing(name)));
    }
    if (user != null && !user.isEmpty()) {
      filters.add(Filters.or(
          Filters.regex("versions.by.email", containing(user)),
          Filters.regex("versions.by.name", containing(user))));
    }
    Bson filter = Filters.and(filters);
    long total = datasets.countDocuments(filter);
    if (limit == 0 || skip >= total) {
      return new Listing(List.of(), total);
    }
    FindIterable<Document> page = datasets.find(filter).sort(sort(sortBy, ascending)).skip((int) skip).limit(limit);
    List<Dataset> result = new ArrayList<>();
    page.forEach(d -> result.add(toDataset(d)));
    return new Listing(result, total);
  }

  /** The listings' order: the sort key, then the id as tie-breaker in the same direction. */
  static Bson sort(SortBy sortBy, boolean ascending) {
    String field = switch (sortBy) {
      case CREATED_AT -> "created_at";
      case UPDATED_AT -> "updated_at";
      case NAME -> "name";
    };
    return ascending ? Sorts.ascending(field, "_id") : Sorts.descending(field, "_id");
  }

  /**
   * A case-insensitive substring pattern. Every character that is not a letter or digit is
   * written as {@code \x{hex}}, which MongoDB's and Java's regex engines both read, so no user
   * text (a NUL, a quote, a {@code \E}) can break out of the pattern.
   */
  static Pattern containing(String text) {
    StringBuilder pattern = new StringBuilder();
    text.codePoints().forEach(c -> {
      if (Character.isLetterOrDigit(c)) {
        pattern.appendCodePoint(c);
      } else {
        pattern.append("\\x{").append(Integer.toHexString(c)).append('}');
      }
    });
    return Pattern.compile(pattern.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  /** The stored form; package-private so a test can measure the largest document the limits allow. */
  static Document toDocument(Dataset dataset) {
    List<Document> versions = dataset.versions().stream().map(DatasetStore::toDocument).toList();
    List<Document> deployments = dataset.deployments().stream()
        .map(d -> new Document("env", d.environmentId()).append("version", d.versionId())
            .append("at", Date.from(d.deployedAt())))
        .toList();
    return new Document("_id", dataset.id())
        .append("org", dataset.organizationId())
        .append("path", dataset.path().value())
        .append("name", dataset.path().name())
        // Derived from the path, so every insert and every move keeps them right (see FolderStore).
        .append(FolderStore.FOLDER, dataset.path().folder())
        .append(FolderStore.FOLDERS, dataset.path().folders())
        .append("created_at", Date.from(dataset.createdAt()))
        .append("updated_at", Date.from(dataset.updatedAt()))
        .append("rev", dataset.revision())
        .append("versions", versions)
        .append("deployments", deployments);
  }

  private static Document toDocument(Version version) {
    Document document = new Document("id", version.id());
    if (version.name() != null) {
      document.append("name", version.name());
    }
    if (version.storedDescription() != null) {
      appendText(document, "description", version.storedDescription());
    }
    appendText(document, "attrs", version.storedAttributes());
    return document
        .append("count", version.datapointsCount())
        .append("hash", version.membersHash())
        .append("members", version.membershipId())
        .append("created_at", Date.from(version.createdAt()))
        .append("by", new Document("id", version.createdBy().id())
            .append("email", version.createdBy().emailAddress())
            .append("name", version.createdBy().fullName()))
        .append("updated_at", Date.from(version.updatedAt()));
  }

  static Dataset toDataset(Document document) {
    List<Version> versions = document.getList("versions", Document.class).stream().map(DatasetStore::toVersion).toList();
    List<Deployment> deployments = document.getList("deployments", Document.class).stream()
        .map(d -> new Deployment(d.getString("env"), d.getString("version"), d.getDate("at").toInstant()))
        .toList();
    return new Dataset(
        document.getString("_id"),
        document.getString("org"),
        new DatasetPath(document.getString("path")),
        instant(document, "created_at"),
        instant(document, "updated_at"),
        document.get("rev", Number.class).longValue(),
        versions,
        deployments);
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

  private static Version toVersion(Document document) {
    Document by = document.get("by", Document.class);
    return new Version(
        document.getString("id"),
        document.getString("name"),
        text(document, "description"),
        text(document, "attrs"),
        document.get("count", Number.class).longValue(),
        document.getString("hash"),
        document.getString("members"),
        instant(document, "created_at"),
        new User(by.getString("id"), by.getString("email"), by.getString("name")),
        instant(document, "updated_at"));
  }

  private static Instant instant(Document document, String field) {
    return document.getDate(field).toInstant();
  }
}
