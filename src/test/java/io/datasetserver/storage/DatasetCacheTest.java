package io.datasetserver.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.datasetserver.datasets.Dataset;
import io.datasetserver.datasets.DatasetPath;
import io.datasetserver.datasets.DatasetRepository.ReplaceResult;
import io.datasetserver.datasets.SortBy;
import io.datasetserver.datasets.User;
import io.datasetserver.datasets.Version;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dataset store's cache of parsed documents and its delta writes, with two stores on one
 * database standing for two API instances: a cached dataset is never served once another instance
 * changed, deleted or re-created it, and every write, delta or whole, leaves exactly the stored
 * form a whole rewrite would.
 */
class DatasetCacheTest {
  private static final User USER = new User("usr_1", "a@example.com", "A");
  private static final User OTHER = new User("usr_2", "b@example.com", "B");
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static BackendDatabase opened;
  private static Database database;
  private static DatasetStore first;
  private static DatasetStore second;
  private static MongoCollection<Document> raw;

  @BeforeAll
  static void open() throws Exception {
    opened = BackendDatabase.open();
    database = opened.database();
    first = database.datasets();
    raw = StoredDocuments.collection(database, "datasets");
    second = anotherInstance();
  }

  /** A second store with a cache of its own over the same collections. */
  private static DatasetStore anotherInstance() {
    return new DatasetStore(
        raw,
        new VersionTextStore(
            StoredDocuments.collection(database, "version_texts"),
            new ContentAddressedWrites(Clock.systemUTC())),
        new IndexGuard(() -> {}),
        new DatasetCatalog(raw, StoredDocuments.collection(database, "catalogs")));
  }

  @AfterAll
  static void close() {
    if (opened != null) {
      opened.close();
    }
  }

  @Test
  void aWriteByAnotherInstanceIsSeenAtTheNextRead() {
    Dataset created = create(3);
    Dataset cached = first.find("org_c", created.id()).orElseThrow();
    Dataset changed = second.find("org_c", created.id()).orElseThrow();
    assertThat(second.replace(changed.withVersionAdded(version(9), T0.plusSeconds(9))))
        .isEqualTo(ReplaceResult.REPLACED);

    Dataset read = first.find("org_c", created.id()).orElseThrow();
    assertThat(read.revision()).isEqualTo(cached.revision() + 1);
    assertThat(read.versions()).hasSize(4);
    assertThat(first.findByPath("org_c", created.path()).orElseThrow()).isEqualTo(read);
    assertStoredFormIs(read);
  }

  @Test
  void aDeleteAndAReCreationWithTheSameIdAndRevisionAreSeen() {
    Dataset created = create(2);
    assertThat(first.find("org_c", created.id())).isPresent();
    assertThat(second.delete(second.find("org_c", created.id()).orElseThrow())).isTrue();
    assertThat(first.find("org_c", created.id())).isEmpty();
    assertThat(first.findByPath("org_c", created.path())).isEmpty();

    // As an import brings it back: the same id and revision, other content.
    Dataset again =
        new Dataset(
            created.id(),
            "org_c",
            created.path(),
            T0,
            T0,
            created.revision(),
            List.of(version(7)),
            List.of());
    assertThat(second.insert(again)).isTrue();
    assertThat(first.find("org_c", created.id()).orElseThrow().versions())
        .extracting(Version::id)
        .containsExactly(version(7).id());
  }

  @Test
  void concurrentDeltaWritesFromOneBaseLandOneAfterTheOther() {
    Dataset created = create(5);
    Dataset seenByFirst = first.find("org_c", created.id()).orElseThrow();
    Dataset seenBySecond = second.find("org_c", created.id()).orElseThrow();
    assertThat(first.replace(seenByFirst.withVersionAdded(version(10), T0.plusSeconds(10))))
        .isEqualTo(ReplaceResult.REPLACED);
    assertThat(second.replace(seenBySecond.withVersionAdded(version(11), T0.plusSeconds(11))))
        .isEqualTo(ReplaceResult.LOST_RACE);

    // The loser re-reads and re-applies, as CompareAndSet does.
    Dataset reread = second.find("org_c", created.id()).orElseThrow();
    assertThat(second.replace(reread.withVersionAdded(version(11), T0.plusSeconds(11))))
        .isEqualTo(ReplaceResult.REPLACED);
    Dataset read = first.find("org_c", created.id()).orElseThrow();
    assertThat(read.versions())
        .extracting(Version::id)
        .endsWith(version(10).id(), version(11).id());
    assertThat(read.versions()).hasSize(7);
    assertStoredFormIs(read);
  }

  @Test
  void changesADeltaCannotExpressRewriteTheDocumentAndKeepItsGeneration() {
    Dataset created = create(4);
    Object generation = storedGeneration(created);
    Dataset read = first.find("org_c", created.id()).orElseThrow();
    String removed = read.versions().get(1).id();
    Dataset updated = read.withVersionRemoved(removed, T0.plusSeconds(20));
    assertThat(first.replace(updated)).isEqualTo(ReplaceResult.REPLACED);
    assertStoredFormIs(updated);

    // A store without the base in its cache sets every field: the generation stays too.
    DatasetStore fresh = anotherInstance();
    Dataset renamed = renamed(updated, 0, T0.plusSeconds(21));
    assertThat(fresh.replace(renamed)).isEqualTo(ReplaceResult.REPLACED);
    assertStoredFormIs(renamed);
    assertThat(storedGeneration(created)).isEqualTo(generation);
    assertThat(first.find("org_c", created.id()).orElseThrow()).isEqualTo(renamed);
  }

  @Test
  void aChangedVersionAndADeploymentGoAsADelta() {
    Dataset created = create(3);
    Dataset read = first.find("org_c", created.id()).orElseThrow();
    Dataset renamed =
        read.withVersionReplaced(
            read.versions().get(1).id(),
            v ->
                new Version(
                    v.id(),
                    "second",
                    "a description of " + "x".repeat(300),
                    v.attributesJson(),
                    v.datapointsCount(),
                    v.membersHash(),
                    v.membershipId(),
                    v.createdAt(),
                    v.createdBy(),
                    T0.plusSeconds(30)),
            T0.plusSeconds(30));
    assertThat(first.replace(renamed)).isEqualTo(ReplaceResult.REPLACED);
    Dataset moved =
        first
            .find("org_c", created.id())
            .orElseThrow()
            .movedTo(new DatasetPath("cache/moved-" + UUID.randomUUID()), T0.plusSeconds(31));
    assertThat(first.replace(moved)).isEqualTo(ReplaceResult.REPLACED);
    Dataset deployed =
        first
            .find("org_c", created.id())
            .orElseThrow()
            .withDeployment("env_1", read.versions().get(2).id(), T0.plusSeconds(32));
    assertThat(first.replace(deployed)).isEqualTo(ReplaceResult.REPLACED);
    Dataset stored = second.find("org_c", created.id()).orElseThrow();
    assertThat(stored.versions().get(1).storedDescription().isStored()).isTrue();
    assertThat(stored.deployments()).hasSize(1);
    assertThat(second.findByPath("org_c", moved.path())).contains(stored);
    assertThat(second.findByPath("org_c", created.path())).isEmpty();
    assertStoredFormIs(stored);
  }

  @Test
  void aDocumentInTheEarlierFormIsReadAndRewrittenAtItsNextWrite() {
    Dataset created = create(2);
    // As written before entries became binary and long texts moved out: embedded entries, no
    // creators, the first version's description inline.
    Document earlier =
        StoredDocuments.inEarlierForm(raw.find(Filters.eq("_id", created.id())).first());
    Document entry = earlier.getList("versions", Document.class).get(0);
    entry.remove("description");
    entry.append("description", "y".repeat(400));
    raw.replaceOne(Filters.eq("_id", created.id()), earlier.append("rev", created.revision() + 1));
    Dataset legacy = first.find("org_c", created.id()).orElseThrow();
    assertThat(legacy.versions().get(0).description()).isEqualTo("y".repeat(400));
    assertThat(legacy.versions().get(1)).isEqualTo(created.versions().get(1));
    assertThat(createdByA(created)).containsExactly(created.id());

    Dataset added = legacy.withVersionAdded(version(40), T0.plusSeconds(40));
    assertThat(first.replace(added)).isEqualTo(ReplaceResult.REPLACED);
    Document stored = raw.find(Filters.eq("_id", created.id())).first();
    assertThat(stored.getList("versions", Object.class)).allMatch(e -> e instanceof Binary);
    assertThat(stored.getList(VersionEntries.CREATORS, Document.class)).hasSize(1);
    Dataset reread = second.find("org_c", created.id()).orElseThrow();
    assertThat(reread.versions()).hasSize(3);
    assertThat(reread.versions().get(0).storedDescription().isStored()).isTrue();
    assertThat(reread.versions().get(0).storedDescription().isLoaded()).isFalse();
    assertThat(createdByA(created)).containsExactly(created.id());
  }

  /**
   * The ids the user filter finds among datasets named as {@code dataset}, by the creator's email.
   */
  private static List<String> createdByA(Dataset dataset) {
    return first
        .list("org_c", dataset.path().name(), "A@EXAMPLE", SortBy.CREATED_AT, true, 0, 10)
        .datasets()
        .stream()
        .map(Dataset::id)
        .toList();
  }

  @Test
  void creatorsAreStoredOnceAndKeepTheirPositionsOrAreRewritten() {
    Dataset base = create(1);
    Version byOther = byOther(version(60));
    Dataset added = base.withVersionAdded(byOther, T0.plusSeconds(60));
    Document add = DatasetDelta.between(base, added);
    assertThat(add.get("$set", Document.class).getList(VersionEntries.CREATORS, Document.class))
        .extracting(c -> c.getString("email"))
        .containsExactly(USER.emailAddress(), OTHER.emailAddress());
    assertThat(first.replace(added)).isEqualTo(ReplaceResult.REPLACED);
    assertThat(second.find("org_c", base.id()).orElseThrow().versions())
        .extracting(Version::createdBy)
        .containsExactly(USER, OTHER);

    // Without the first creator's version the other moves to the front: entries are rewritten.
    Dataset cached = first.find("org_c", base.id()).orElseThrow();
    Dataset removed = cached.withVersionRemoved(base.versions().get(0).id(), T0.plusSeconds(61));
    assertThat(first.replace(removed)).isEqualTo(ReplaceResult.REPLACED);
    Dataset read = second.find("org_c", base.id()).orElseThrow();
    assertThat(read.versions()).extracting(Version::createdBy).containsExactly(OTHER);
    assertStoredFormIs(read);
  }

  @Test
  void anAddSendsOnlyTheNewVersionAndARemovalSendsEverything() {
    Dataset base = create(3);
    Document add = DatasetDelta.between(base, base.withVersionAdded(version(50), T0));
    assertThat(add.get("$set", Document.class)).containsOnlyKeys("rev");
    assertThat(
            add.get("$push", Document.class)
                .get("versions", Document.class)
                .getList("$each", Binary.class))
        .hasSize(1);
    Dataset renamed = renamed(base, 2, T0.plusSeconds(1));
    Document rename = DatasetDelta.between(base, renamed);
    assertThat(rename).containsOnlyKeys("$set");
    assertThat(rename.get("$set", Document.class))
        .containsOnlyKeys("updated_at", "rev", "versions.2");
    assertThat(DatasetDelta.between(base, base.withVersionRemoved(base.versions().get(0).id(), T0)))
        .isNull();
  }

  private static Dataset create(int versions) {
    String id = "ds_cache_" + UUID.randomUUID().toString().replace("-", "");
    List<Version> all =
        java.util.stream.IntStream.range(0, versions).mapToObj(DatasetCacheTest::version).toList();
    Dataset dataset =
        new Dataset(id, "org_c", new DatasetPath("cache/" + id), T0, T0, 1, all, List.of());
    assertThat(first.insert(dataset)).isTrue();
    return dataset;
  }

  /** {@code dataset} with its version at {@code index} named "renamed" at {@code at}. */
  private static Dataset renamed(Dataset dataset, int index, Instant at) {
    return dataset.withVersionReplaced(
        dataset.versions().get(index).id(),
        v ->
            new Version(
                v.id(),
                "renamed",
                v.storedDescription(),
                v.storedAttributes(),
                v.datapointsCount(),
                v.membersHash(),
                v.membershipId(),
                v.createdAt(),
                v.createdBy(),
                at),
        at);
  }

  private static Version byOther(Version version) {
    return new Version(
        version.id(),
        version.name(),
        version.storedDescription(),
        version.storedAttributes(),
        version.datapointsCount(),
        version.membersHash(),
        version.membershipId(),
        version.createdAt(),
        OTHER,
        version.updatedAt());
  }

  private static Version version(int number) {
    return new Version(
        "dsv_cache_" + number + "_" + UUID.nameUUIDFromBytes(new byte[] {(byte) number}),
        "v" + number,
        "run " + number,
        "{}",
        number,
        "hash" + number,
        "ms_" + number,
        T0.plusSeconds(number),
        USER,
        T0.plusSeconds(number));
  }

  /** The stored document is exactly what a whole rewrite of {@code dataset} would store. */
  private static void assertStoredFormIs(Dataset dataset) {
    Document stored = raw.find(Filters.eq("_id", dataset.id())).first();
    assertThat(stored).isNotNull();
    stored.remove(DatasetStore.GENERATION);
    assertThat(stored).isEqualTo(DatasetStore.toDocument(dataset));
  }

  private static Object storedGeneration(Dataset dataset) {
    return raw.find(Filters.eq("_id", dataset.id())).first().get(DatasetStore.GENERATION);
  }
}
