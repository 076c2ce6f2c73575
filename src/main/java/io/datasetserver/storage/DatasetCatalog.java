package io.datasetserver.storage;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.datasetserver.datasets.Dataset;
import io.datasetserver.datasets.DatasetPath;
import io.datasetserver.datasets.DatasetRepository.Listing;
import io.datasetserver.datasets.SortBy;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Listings that do not scan the organization's datasets on every request. The embedded server sorts
 * and pages an organization's datasets by scanning them all (it cannot use an index for a sort or a
 * range), so each instance keeps a snapshot of what the listings filter and sort on, per
 * organization, and reads from the database only a small stamp and the page's documents.
 *
 * <p>The stamp is a document per organization in {@code catalogs}: every write of one of its
 * dataset documents sets a fresh random value there, after the write ({@link #changed}), and
 * appends it with the dataset's id to a list of the last {@link #RECENT_CHANGES}. A snapshot taken
 * after reading stamp s is served while the stamp still reads s; when it reads another, the
 * datasets written after s are read again and patched in, or, when s has left the list, all are
 * scanned again. A write the snapshot missed is always followed by a new stamp, and a dataset read
 * after its stamp is as new as that write. Random values rather than a counter, so a stamp lost by
 * the database (written with {@code j:false} on the embedded one) can never come back as the value
 * of a later write. A writer that dies between its write and its stamp, or a lost stamp, leaves a
 * snapshot stale: no snapshot is patched or served longer than {@link #MAX_AGE_NANOS} after its
 * last full scan.
 */
final class DatasetCatalog {
  /** How long a snapshot may serve without a rescan: the staleness bound after a lost stamp. */
  static final long MAX_AGE_NANOS = TimeUnit.SECONDS.toNanos(5);

  /**
   * Snapshot entries kept by an instance, over all organizations: about 400 bytes each with their
   * sorted orders, so some 40 MB. A larger organization is scanned for every listing.
   */
  static final int MAX_ENTRIES = 100_000;

  /**
   * The changes a stamp remembers: a reader that listed before more writes than these rescans. Some
   * 4 KB of stamp, read by every listing.
   */
  static final int RECENT_CHANGES = 64;

  private static final String STAMP = "stamp";
  private static final String RECENT = "recent";
  private static final String DATASET = "dataset";
  private static final String DEPLOYED =
      DatasetStore.DEPLOYMENTS + "." + DatasetStore.DEPLOYED_ENVIRONMENT;
  private static final Bson ENTRY_FIELDS =
      Projections.include(
          DatasetStore.ORGANIZATION,
          DatasetStore.PATH,
          DatasetStore.CREATED_AT,
          DatasetStore.UPDATED_AT,
          DEPLOYED);

  /** What the listings filter and sort on, of one dataset. */
  record Entry(
      String id,
      DatasetPath path,
      String name,
      String foldedName,
      List<String> folders,
      long createdAt,
      long updatedAt,
      List<String> environments) {}

  private final MongoCollection<Document> datasets;
  private final MongoCollection<Document> stamps;
  private final Random random = new SecureRandom();
  private final LinkedHashMap<String, Snapshot> snapshots = new LinkedHashMap<>(16, 0.75f, true);
  private long entries;

  DatasetCatalog(MongoCollection<Document> datasets, MongoCollection<Document> stamps) {
    this.datasets = datasets;
    this.stamps = stamps;
  }

  /** Call after every write of a dataset document of the organization, once it succeeded. */
  void changed(String organizationId, String datasetId) {
    Document filter = new Document(DatasetStore.ID, organizationId);
    long stamp = random.nextLong();
    Bson update =
        Updates.combine(
            Updates.set(STAMP, stamp),
            Updates.pushEach(
                RECENT,
                List.of(new Document(STAMP, stamp).append(DATASET, datasetId)),
                new PushOptions().slice(-RECENT_CHANGES)));
    try {
      stamps.updateOne(filter, update, new UpdateOptions().upsert(true));
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
        throw e;
      }
      // Two first stamps raced to insert the document (a real MongoDB may refuse one): it exists.
      stamps.updateOne(filter, update);
    }
  }

  /** Every dataset of the organization, as of a snapshot no older than its stamp. */
  List<Entry> entries(String organizationId) {
    return snapshot(organizationId).entries;
  }

  /**
   * One page of the organization's datasets under {@code folder} (at any depth; null for all) that
   * pass {@code filter}, in the listings' order (the sort key, then the id, in the same direction),
   * each read fresh from its document.
   */
  Listing list(
      String organizationId,
      String folder,
      Predicate<Entry> filter,
      SortBy sortBy,
      boolean ascending,
      long skip,
      int limit) {
    List<Dataset> page = List.of();
    long total = 0;
    for (int attempt = 0; attempt < 2; attempt++) {
      List<Entry> sorted = snapshot(organizationId).sorted(sortBy, folder);
      List<String> ids = new ArrayList<>();
      total = 0;
      for (int i = 0; i < sorted.size(); i++) {
        Entry entry = sorted.get(ascending ? i : sorted.size() - 1 - i);
        if (filter.test(entry)) {
          if (total >= skip && ids.size() < limit) {
            ids.add(entry.id());
          }
          total++;
        }
      }
      page = documents(ids);
      if (page.size() == ids.size()) {
        break;
      }
      // A dataset went since the snapshot and its writer has not stamped yet (or died): rescan.
      forget(organizationId);
    }
    return new Listing(page, total);
  }

  /**
   * The entries whose name contains {@code text} ignoring case, as {@link DatasetStore#containing}
   * matches it (and a single ß finds ẞ, which that regex misses); every entry for null or empty
   * text. A substring test of folded texts, a fraction of a regex's cost: a search tests every
   * entry of the organization.
   */
  static Predicate<Entry> nameContaining(String text) {
    if (text == null || text.isEmpty()) {
      return e -> true;
    }
    String folded = fold(text);
    return e -> e.foldedName().contains(folded);
  }

  /**
   * Each code point folded as Java's case-insensitive Unicode regex compares it (lower case of the
   * upper case), so two texts match there exactly when their folded forms are equal.
   */
  static String fold(String text) {
    StringBuilder folded = new StringBuilder(text.length());
    text.codePoints()
        .forEach(c -> folded.appendCodePoint(Character.toLowerCase(Character.toUpperCase(c))));
    return folded.toString();
  }

  /** The datasets with these ids that still exist, in this order; one query, by {@code _id}. */
  private List<Dataset> documents(List<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<String, Dataset> found = new HashMap<>();
    datasets
        .find(Filters.in(DatasetStore.ID, ids))
        .batchSize(DatasetStore.DOCUMENTS_PER_BATCH)
        .forEach(d -> found.put(d.getString(DatasetStore.ID), DatasetStore.toDataset(d)));
    return ids.stream().map(found::get).filter(Objects::nonNull).toList();
  }

  private Snapshot snapshot(String organizationId) {
    Document stamp = stamps.find(new Document(DatasetStore.ID, organizationId)).first();
    Object current = stamp == null ? null : stamp.get(STAMP);
    long now = System.nanoTime();
    Snapshot cached;
    synchronized (this) {
      cached = snapshots.get(organizationId);
    }
    // Everything below reads datasets after the stamp: what it misses was written before a later
    // stamp.
    if (cached != null && now - cached.scannedAt < MAX_AGE_NANOS) {
      if (Objects.equals(cached.stamp, current)) {
        return cached;
      }
      Set<String> written = writtenSince(stamp, cached.stamp);
      if (written != null) {
        Snapshot patched = cached.patched(current, written, read(organizationId, written));
        keep(organizationId, patched);
        return patched;
      }
    }
    Snapshot fresh = new Snapshot(current, now, scan(organizationId));
    keep(organizationId, fresh);
    return fresh;
  }

  /** The datasets written after {@code since}; null when the stamp no longer remembers it. */
  private static Set<String> writtenSince(Document stamp, Object since) {
    List<Document> recent = stamp.getList(RECENT, Document.class, List.of());
    for (int i = 0; i < recent.size(); i++) {
      if (Objects.equals(recent.get(i).get(STAMP), since)) {
        Set<String> written = new HashSet<>();
        recent.subList(i + 1, recent.size()).forEach(c -> written.add(c.getString(DATASET)));
        return written;
      }
    }
    return null;
  }

  private List<Entry> scan(String organizationId) {
    List<Entry> scanned = new ArrayList<>();
    datasets
        .find(new Document(DatasetStore.ORGANIZATION, organizationId))
        .projection(ENTRY_FIELDS)
        .batchSize(1_000)
        .forEach(d -> scanned.add(entry(d)));
    return scanned;
  }

  /**
   * The entries of those datasets that exist in the organization, found by {@code _id} alone: the
   * embedded server scans for a filter that also names the organization.
   */
  private List<Entry> read(String organizationId, Set<String> ids) {
    List<Entry> read = new ArrayList<>();
    datasets
        .find(Filters.in(DatasetStore.ID, ids))
        .projection(ENTRY_FIELDS)
        .forEach(
            d -> {
              if (organizationId.equals(d.getString(DatasetStore.ORGANIZATION))) {
                read.add(entry(d));
              }
            });
    return read;
  }

  private static Entry entry(Document document) {
    DatasetPath path = new DatasetPath(document.getString(DatasetStore.PATH));
    List<String> environments = new ArrayList<>();
    for (Document deployment :
        document.getList(DatasetStore.DEPLOYMENTS, Document.class, List.of())) {
      environments.add(deployment.getString(DatasetStore.DEPLOYED_ENVIRONMENT));
    }
    return new Entry(
        document.getString(DatasetStore.ID),
        path,
        path.name(),
        fold(path.name()),
        List.copyOf(path.folders()),
        document.getDate(DatasetStore.CREATED_AT).getTime(),
        document.getDate(DatasetStore.UPDATED_AT).getTime(),
        List.copyOf(environments));
  }

  private synchronized void keep(String organizationId, Snapshot snapshot) {
    Snapshot previous = snapshots.remove(organizationId);
    if (previous != null) {
      entries -= previous.entries.size();
    }
    if (snapshot.entries.size() > MAX_ENTRIES) {
      return;
    }
    snapshots.put(organizationId, snapshot);
    entries += snapshot.entries.size();
    var eldest = snapshots.values().iterator();
    while (entries > MAX_ENTRIES) {
      entries -= eldest.next().entries.size();
      eldest.remove();
    }
  }

  private synchronized void forget(String organizationId) {
    Snapshot previous = snapshots.remove(organizationId);
    if (previous != null) {
      entries -= previous.entries.size();
    }
  }

  /**
   * The entries as scanned or patched, and their ascending orders by each sort key, built on first
   * use. A descending listing reads an ascending order backwards: the id tie-breaker makes it a
   * strict order, so the reverse is exactly the descending one.
   */
  private static final class Snapshot {
    final Object stamp;

    /** When the entries patched into this one were last all scanned. */
    final long scannedAt;

    final List<Entry> entries;
    private final Map<SortBy, List<Entry>> orders = new EnumMap<>(SortBy.class);

    /**
     * A folder's entries in an order, kept once asked for, so that a folder listing visits the
     * folder's datasets instead of the organization's. Only folders that hold datasets are kept:
     * every entry is then in at most one list per folder above it and sort key, however many
     * folders clients ask for.
     */
    private final Map<FolderOrder, List<Entry>> folderOrders = new HashMap<>();

    private record FolderOrder(SortBy sortBy, String folder) {}

    Snapshot(Object stamp, long scannedAt, List<Entry> entries) {
      this.stamp = stamp;
      this.scannedAt = scannedAt;
      this.entries = List.copyOf(entries);
    }

    /**
     * This snapshot as of {@code stamp}: the entries of the {@code written} datasets replaced by
     * {@code read} (those that still exist), and each order built so far kept in order, without a
     * sort. Folder lists are built again when asked for.
     */
    Snapshot patched(Object stamp, Set<String> written, List<Entry> read) {
      List<Entry> current = new ArrayList<>(entries.size() + read.size());
      entries.stream().filter(e -> !written.contains(e.id())).forEach(current::add);
      current.addAll(read);
      Snapshot next = new Snapshot(stamp, scannedAt, current);
      synchronized (this) {
        orders.forEach(
            (sortBy, order) -> {
              Comparator<Entry> ascending = ascending(sortBy);
              List<Entry> patched = new ArrayList<>(order.size() + read.size());
              order.stream().filter(e -> !written.contains(e.id())).forEach(patched::add);
              for (Entry entry : read) {
                patched.add(-Collections.binarySearch(patched, entry, ascending) - 1, entry);
              }
              next.orders.put(sortBy, Collections.unmodifiableList(patched));
            });
      }
      return next;
    }

    synchronized List<Entry> sorted(SortBy sortBy) {
      return orders.computeIfAbsent(
          sortBy, key -> entries.stream().sorted(ascending(key)).toList());
    }

    /** The entries under {@code folder} (all of them for null), ascending by {@code sortBy}. */
    synchronized List<Entry> sorted(SortBy sortBy, String folder) {
      if (folder == null) {
        return sorted(sortBy);
      }
      FolderOrder key = new FolderOrder(sortBy, folder);
      List<Entry> kept = folderOrders.get(key);
      if (kept != null) {
        return kept;
      }
      List<Entry> under =
          sorted(sortBy).stream().filter(e -> e.folders().contains(folder)).toList();
      if (!under.isEmpty()) {
        folderOrders.put(key, under);
      }
      return under;
    }

    /**
     * MongoDB's order: dates by instant, strings by code point (the binary order of their UTF-8),
     * then the id.
     */
    private static Comparator<Entry> ascending(SortBy sortBy) {
      Comparator<Entry> key =
          switch (sortBy) {
            case CREATED_AT -> Comparator.comparingLong(Entry::createdAt);
            case UPDATED_AT -> Comparator.comparingLong(Entry::updatedAt);
            case NAME -> Comparator.comparing(Entry::name, Snapshot::byCodePoint);
          };
      return key.thenComparing(Entry::id);
    }

    private static int byCodePoint(String a, String b) {
      int i = 0;
      int j = 0;
      while (i < a.length() && j < b.length()) {
        int ca = a.codePointAt(i);
        int cb = b.codePointAt(j);
        if (ca != cb) {
          return Integer.compare(ca, cb);
        }
        i += Character.charCount(ca);
        j += Character.charCount(cb);
      }
      return Boolean.compare(i < a.length(), j < b.length());
    }
  }
}
