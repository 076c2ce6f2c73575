package io.datasetserver.storage;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import io.datasetserver.datasets.Dataset;
import io.datasetserver.datasets.DatasetPath;
import io.datasetserver.datasets.DatasetRepository;
import io.datasetserver.datasets.Deployment;
import io.datasetserver.datasets.SortBy;
import io.datasetserver.datasets.User;
import io.datasetserver.datasets.Version;
import io.datasetserver.datasets.VersionText;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;

/**
 * The {@code datasets} collection: one document per dataset holding its path, its versions'
 * metadata and its deployments. Every change replaces the document with compare-and-set on its
 * {@code rev}, so readers see either the old dataset or the new one, never a mix.
 */
public final class DatasetStore implements DatasetRepository {
  // Field names of the stored form; the package-private ones are queried by FolderStore too.
  static final String ID = "_id";
  static final String ORGANIZATION = "org";
  static final String PATH = "path";

  /** The path's last segment on a dataset; the name on a version. */
  static final String NAME = "name";

  static final String CREATED_AT = "created_at";
  static final String UPDATED_AT = "updated_at";

  /** The collection of one document per dataset, whose versions' metadata it embeds. */
  static final String COLLECTION = "datasets";

  /** The compare-and-set revision. */
  static final String REVISION = "rev";

  static final String VERSIONS = "versions";

  /** Random per insert, so that an id brought back by an import never repeats a cache key. */
  static final String GENERATION = "gen";

  static final String DEPLOYMENTS = "deployments";

  /**
   * Dataset documents per reply of a listing. A document may reach megabytes (a dataset near its
   * version cap), and the embedded server answers a find without a batch size in one reply, which
   * the driver refuses past 48 MB.
   */
  static final int DOCUMENTS_PER_BATCH = 10;

  /**
   * Versions the cache of parsed dataset documents holds in all: about 2 KB each at most (names and
   * inline texts of 255 bytes), so about 40 MB, or ten datasets at 2,000 versions.
   */
  private static final long CACHED_VERSIONS = 20_000;

  private static final SecureRandom RANDOM = new SecureRandom();

  static final String DEPLOYED_ENVIRONMENT = "env";
  private static final String DEPLOYED_VERSION = "version";
  private static final String DEPLOYED_AT = "at";
  private final MongoCollection<Document> datasets;
  private final VersionTextStore texts;
  private final IndexGuard indexes;
  private final DatasetCache cache = new DatasetCache(CACHED_VERSIONS);
  private final DatasetCatalog catalog;

  DatasetStore(
      MongoCollection<Document> datasets,
      VersionTextStore texts,
      IndexGuard indexes,
      DatasetCatalog catalog) {
    this.datasets = datasets;
    this.texts = texts;
    this.indexes = indexes;
    this.catalog = catalog;
  }

  void createIndexes() {
    // Keeps two datasets of an organization off one path: insert and replace rely on it.
    datasets.createIndex(Indexes.ascending(ORGANIZATION, PATH), new IndexOptions().unique(true));
    // Serves the compare-and-set filter {_id, rev} on the embedded server, which only uses an
    // index whose fields are exactly the filter's; without it every upsert scans all datasets
    // while holding the collection's lock. A real MongoDB would manage with _id alone.
    datasets.createIndex(Indexes.ascending(ID, REVISION), new IndexOptions().unique(true));
    // Used by a real MongoDB for listings and sweeps; the embedded server ignores them.
    datasets.createIndex(
        Indexes.compoundIndex(Indexes.ascending(ORGANIZATION), Indexes.descending(CREATED_AT)));
    datasets.createIndex(
        Indexes.compoundIndex(Indexes.ascending(ORGANIZATION), Indexes.descending(UPDATED_AT)));
  }

  @Override
  public Optional<Dataset> find(String organizationId, String datasetId) {
    return read(organizationId, datasetId, Filters.eq(ID, datasetId));
  }

  @Override
  public Optional<Dataset> findByPath(String organizationId, DatasetPath path) {
    return read(organizationId, null, equalTo(ORGANIZATION, organizationId, PATH, path.value()));
  }

  /**
   * The dataset {@code filter} selects (one at most), from the cache when a read of its generation
   * and revision finds the cached entry current, else read whole. Without an entry for a known
   * {@code datasetId} the document is read whole at once, saving the probe's round trip.
   */
  private Optional<Dataset> read(String organizationId, String datasetId, Bson filter) {
    if (datasetId == null || cache.get(datasetId) != null) {
      Document probe =
          datasets
              .find(filter)
              .projection(new Document(ORGANIZATION, 1).append(REVISION, 1).append(GENERATION, 1))
              .first();
      if (probe == null) {
        return Optional.empty();
      }
      DatasetCache.Entry entry = cache.get(probe.getString(ID));
      if (entry != null
          && entry.revision() == probe.get(REVISION, Number.class).longValue()
          && Objects.equals(entry.generation(), probe.get(GENERATION))) {
        return owned(organizationId, entry.dataset());
      }
    }
    Document document = datasets.find(filter).first();
    if (document == null) {
      return Optional.empty();
    }
    Dataset dataset = toDataset(document);
    cache.put(
        dataset.id(),
        new DatasetCache.Entry(
            document.get(GENERATION),
            dataset,
            holdsLongTextsInline(dataset) || !VersionEntries.isCurrentForm(document)));
    return owned(organizationId, dataset);
  }

  private static Optional<Dataset> owned(String organizationId, Dataset dataset) {
    return organizationId.equals(dataset.organizationId())
        ? Optional.of(dataset)
        : Optional.empty();
  }

  /**
   * Every loaded text that goes outside the document (a new version's, or one that a document
   * written before texts moved out held inline) is written first, so the document never names a
   * text that is not stored.
   */
  @Override
  public boolean insert(Dataset dataset) {
    indexes.ensure();
    writeTexts(dataset);
    long generation = RANDOM.nextLong();
    try {
      datasets.insertOne(toDocument(dataset).append(GENERATION, generation));
      cache.put(dataset.id(), new DatasetCache.Entry(generation, unloaded(dataset), false));
      catalog.changed(dataset.organizationId(), dataset.id());
      return true;
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        return false;
      }
      throw e;
    }
  }

  /**
   * A single-document compare-and-set; the texts it references are written first (see {@link
   * #insert}). When this instance holds the base revision, only the difference is sent (see {@link
   * DatasetDelta}); otherwise, or when the difference is not expressible, every field is set.
   */
  @Override
  public ReplaceResult replace(Dataset updated) {
    indexes.ensure();
    writeTexts(updated);
    DatasetCache.Entry base = cache.get(updated.id());
    if (base != null && base.revision() != updated.revision() - 1) {
      base = null;
    }
    Document update =
        base == null || base.rewrite() ? null : DatasetDelta.between(base.dataset(), updated);
    try {
      long matched =
          datasets
              .updateOne(
                  equalTo(ID, updated.id(), REVISION, updated.revision() - 1),
                  update != null ? update : DatasetDelta.everything(updated))
              .getMatchedCount();
      if (matched != 1) {
        return ReplaceResult.LOST_RACE;
      }
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        return ReplaceResult.PATH_TAKEN;
      }
      throw e;
    }
    // The generation stays; unknown without a base, so the next read fetches the whole document.
    if (base == null) {
      cache.remove(updated.id());
    } else {
      cache.put(updated.id(), new DatasetCache.Entry(base.generation(), unloaded(updated), false));
    }
    catalog.changed(updated.organizationId(), updated.id());
    return ReplaceResult.REPLACED;
  }

  /**
   * True when a version read from {@code dataset}'s document holds a long text inline, as documents
   * written before texts moved out do.
   */
  private static boolean holdsLongTextsInline(Dataset dataset) {
    // Loops, not streams: every write asks this of every version, and with a stream per version an
    // add at 2,000 versions spent a third of its request thread's time here (figure v).
    for (Version version : dataset.versions()) {
      if (holdsLoadedStoredText(version)) {
        return true;
      }
    }
    return false;
  }

  private static boolean holdsLoadedStoredText(Version version) {
    return isLoadedStoredText(version.storedAttributes())
        || isLoadedStoredText(version.storedDescription());
  }

  private static boolean isLoadedStoredText(VersionText text) {
    return text != null && text.isStored() && text.isLoaded();
  }

  /**
   * {@code dataset} as a read of what was written gives it: long texts named by their hash only, so
   * the cache holds no text the document does not.
   */
  private static Dataset unloaded(Dataset dataset) {
    if (!holdsLongTextsInline(dataset)) {
      return dataset;
    }
    List<Version> versions =
        dataset.versions().stream().map(v -> holdsLoadedStoredText(v) ? unloaded(v) : v).toList();
    return new Dataset(
        dataset.id(),
        dataset.organizationId(),
        dataset.path(),
        dataset.createdAt(),
        dataset.updatedAt(),
        dataset.revision(),
        versions,
        dataset.deployments());
  }

  private static Version unloaded(Version version) {
    return new Version(
        version.id(),
        version.name(),
        unloaded(version.storedDescription()),
        unloaded(version.storedAttributes()),
        version.datapointsCount(),
        version.membersHash(),
        version.membershipId(),
        version.createdAt(),
        version.createdBy(),
        version.updatedAt());
  }

  private static VersionText unloaded(VersionText text) {
    return text != null && text.isStored() ? VersionText.stored(text.hash()) : text;
  }

  private void writeTexts(Dataset dataset) {
    Map<String, String> toWrite = new LinkedHashMap<>();
    for (Version version : dataset.versions()) {
      for (VersionText text :
          Arrays.asList(version.storedAttributes(), version.storedDescription())) {
        if (text != null && text.isStored() && text.isLoaded()) {
          toWrite.put(text.hash(), text.value());
        }
      }
    }
    if (!toWrite.isEmpty()) {
      texts.insertAll(dataset.id(), toWrite);
    }
  }

  @Override
  public boolean exists(String datasetId) {
    return datasets.find(Filters.eq(ID, datasetId)).projection(new Document(ID, 1)).first() != null;
  }

  /**
   * Deletes the dataset if the stored one still has {@code dataset.revision()}; false when it has
   * changed (or is gone) since it was read. Atomic, like {@link #replace}.
   */
  public boolean delete(Dataset dataset) {
    cache.remove(dataset.id());
    if (datasets
            .deleteOne(equalTo(ID, dataset.id(), REVISION, dataset.revision()))
            .getDeletedCount()
        == 0) {
      return false;
    }
    catalog.changed(dataset.organizationId(), dataset.id());
    return true;
  }

  /**
   * Two equalities as one flat filter document. The embedded server uses an index only when a
   * filter names exactly the index's fields, never for the {@code $and} that {@code Filters.and}
   * renders, and would scan every dataset; a real MongoDB treats both forms alike.
   */
  private static Bson equalTo(String field, Object value, String otherField, Object otherValue) {
    return new Document(field, value).append(otherField, otherValue);
  }

  @Override
  public Listing list(
      String organizationId,
      String name,
      String user,
      SortBy sortBy,
      boolean ascending,
      long skip,
      int limit) {
    if (user == null || user.isEmpty()) {
      return catalog.list(
          organizationId,
          null,
          DatasetCatalog.nameContaining(name),
          sortBy,
          ascending,
          skip,
          limit);
    }
    // The creators of every version are not in the catalog: the rare user filter scans.
    List<Bson> filters = new ArrayList<>();
    filters.add(Filters.eq(ORGANIZATION, organizationId));
    if (name != null && !name.isEmpty()) {
      filters.add(Filters.regex(NAME, containing(name)));
    }
    filters.add(VersionEntries.createdBy(containing(user)));
    Bson filter = Filters.and(filters);
    long total = datasets.countDocuments(filter);
    if (limit == 0 || skip >= total) {
      return new Listing(List.of(), total);
    }
    FindIterable<Document> page =
        datasets
            .find(filter)
            .sort(sort(sortBy, ascending))
            .skip((int) skip)
            .limit(limit)
            .batchSize(DOCUMENTS_PER_BATCH);
    List<Dataset> result = new ArrayList<>();
    page.forEach(d -> result.add(toDataset(d)));
    return new Listing(result, total);
  }

  /** The listings' order: the sort key, then the id as tie-breaker in the same direction. */
  static Bson sort(SortBy sortBy, boolean ascending) {
    String field =
        switch (sortBy) {
          case CREATED_AT -> CREATED_AT;
          case UPDATED_AT -> UPDATED_AT;
          case NAME -> NAME;
        };
    return ascending ? Sorts.ascending(field, ID) : Sorts.descending(field, ID);
  }

  /**
   * A case-insensitive substring pattern. Every character that is not a letter or digit is written
   * as {@code \x{hex}}, which MongoDB's and Java's regex engines both read, so no user text (a NUL,
   * a quote, a {@code \E}) can break out of the pattern.
   */
  static Pattern containing(String text) {
    StringBuilder pattern = new StringBuilder();
    text.codePoints()
        .forEach(
            c -> {
              if (Character.isLetterOrDigit(c)) {
                pattern.appendCodePoint(c);
              } else {
                pattern.append("\\x{").append(Integer.toHexString(c)).append('}');
              }
            });
    return Pattern.compile(pattern.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  /**
   * The stored form; package-private so a test can measure the largest document the limits allow.
   */
  static Document toDocument(Dataset dataset) {
    Map<User, Integer> creators = VersionEntries.creators(dataset.versions());
    List<Binary> versions =
        dataset.versions().stream().map(v -> VersionEntries.toEntry(v, creators)).toList();
    return withoutVersions(dataset, creators).append(VERSIONS, versions);
  }

  /**
   * The stored form but the versions (and the generation, which only an insert writes); their
   * {@code creators}, from {@link VersionEntries#creators}, are included.
   */
  static Document withoutVersions(Dataset dataset, Map<User, Integer> creators) {
    List<Document> deployments =
        dataset.deployments().stream().map(DatasetStore::toDocument).toList();
    return new Document(ID, dataset.id())
        .append(ORGANIZATION, dataset.organizationId())
        .append(PATH, dataset.path().value())
        .append(NAME, dataset.path().name())
        // Derived from the path, so every insert and every move keeps them right (see FolderStore).
        .append(FolderStore.FOLDER, dataset.path().folder())
        .append(FolderStore.FOLDERS, dataset.path().folders())
        .append(CREATED_AT, Date.from(dataset.createdAt()))
        .append(UPDATED_AT, Date.from(dataset.updatedAt()))
        .append(REVISION, dataset.revision())
        .append(DEPLOYMENTS, deployments)
        .append(VersionEntries.CREATORS, VersionEntries.toDocuments(creators));
  }

  /** A deployment as it is stored, in a dataset document or a staged import. */
  static Document toDocument(Deployment deployment) {
    return new Document(DEPLOYED_ENVIRONMENT, deployment.environmentId())
        .append(DEPLOYED_VERSION, deployment.versionId())
        .append(DEPLOYED_AT, Date.from(deployment.deployedAt()));
  }

  static Deployment toDeployment(Document stored) {
    return new Deployment(
        stored.getString(DEPLOYED_ENVIRONMENT),
        stored.getString(DEPLOYED_VERSION),
        stored.getDate(DEPLOYED_AT).toInstant());
  }

  static Dataset toDataset(Document document) {
    List<Version> versions = VersionEntries.toVersions(document);
    List<Deployment> deployments =
        document.getList(DEPLOYMENTS, Document.class).stream()
            .map(DatasetStore::toDeployment)
            .toList();
    return new Dataset(
        document.getString(ID),
        document.getString(ORGANIZATION),
        new DatasetPath(document.getString(PATH)),
        instant(document, CREATED_AT),
        instant(document, UPDATED_AT),
        document.get(REVISION, Number.class).longValue(),
        versions,
        deployments);
  }

  private static Instant instant(Document document, String field) {
    return document.getDate(field).toInstant();
  }
}
