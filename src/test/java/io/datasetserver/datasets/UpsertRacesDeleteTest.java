package io.datasetserver.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Filters;
import io.datasetserver.storage.Database;
import io.datasetserver.storage.StoredDocuments;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An upsert that loses its race leaves nothing behind that no sweep would ever visit. The race is
 * made deterministic by the storage the service is given: the competing request runs after the
 * upsert wrote its datapoints, segments, membership and texts, and before it publishes them (its
 * insert or compare-and-set of the dataset document). A dataset delete also leaves a tombstone that
 * a later delete honours once no write can still be in flight. Runs on the real embedded database.
 */
class UpsertRacesDeleteTest {
  private static final List<String> CONTENT_COLLECTIONS =
      List.of("datapoints", "segments", "memberships", "version_texts");
  private static final Environment PRODUCTION =
      new Environment("env_production", "production", true, Instant.EPOCH);
  private static final Caller CALLER =
      new Caller(
          new Organization("org_race", "Race", List.of(PRODUCTION)),
          new User("usr_race", "race@example.com", "Race"));

  private static final Duration GRACE = Duration.ofMinutes(10);

  private final MovableClock clock = new MovableClock();
  private Database database;
  private DatasetService service;
  private volatile Runnable beforePublish = () -> {};

  @BeforeEach
  void start() {
    database = Database.embedded("memory", settings -> {});
    service = new DatasetService(publishingAfter(database), clock, GRACE);
  }

  @AfterEach
  void stop() {
    database.close();
  }

  @Test
  void upsertThatLosesToADatasetDeleteRemovesWhatItWrote() {
    VersionView created = service.upsert(CALLER, set("races/delete", "a"), Precondition.NONE);
    String datasetId = created.dataset().id();
    onceBeforePublish(() -> service.delete(CALLER, datasetId, Precondition.NONE));

    assertThatThrownBy(
            () ->
                service.upsert(
                    CALLER,
                    add(datasetId, "written after the delete's cleanup"),
                    Precondition.NONE))
        .isInstanceOf(DatasetsException.NotFound.class)
        .hasMessageContaining("deleted during the request");

    assertThat(contentOf(datasetId))
        .allSatisfy((collection, count) -> assertThat(count).as(collection).isZero());
    assertThat(
            StoredDocuments.collection(database, "datasets")
                .countDocuments(Filters.eq("_id", datasetId)))
        .isZero();
  }

  @Test
  void creationThatLosesToAConcurrentCreationAtThePathRemovesWhatItWrote() {
    Map<String, Long> before = totals();
    onceBeforePublish(
        () -> service.upsert(CALLER, set("races/create", "the winner's"), Precondition.NONE));

    VersionView result =
        service.upsert(CALLER, set("races/create", "the loser's"), Precondition.NONE);

    String winner = result.dataset().id();
    // The loser went on as a set onto the winner's dataset; only that dataset's documents exist.
    assertThat(result.version().datapointsCount()).isEqualTo(1);
    for (String collection : CONTENT_COLLECTIONS) {
      long total =
          StoredDocuments.collection(database, collection).countDocuments()
              - before.get(collection);
      assertThat(total)
          .as(collection)
          .isEqualTo(
              StoredDocuments.collection(database, collection)
                  .countDocuments(Filters.eq("ds", winner)));
    }
    assertThat(
            StoredDocuments.collection(database, "datapoints")
                .countDocuments(Filters.eq("ds", winner)))
        .isEqualTo(2);
  }

  /**
   * A write that stored data for a dataset after its delete, and died before cleaning up, still has
   * an owner.
   */
  @Test
  void leftoversOfADeletedDatasetAreSweptOnceTheGraceHasPassed() {
    String deleted =
        service.upsert(CALLER, set("races/gone", "a"), Precondition.NONE).dataset().id();
    service.delete(CALLER, deleted, Precondition.NONE);
    // What a dying upsert leaves: a datapoint stored after the delete's cleanup.
    StoredDocuments.collection(database, "datapoints")
        .insertOne(
            new Document("_id", Ids.derived("dp_", deleted, "late"))
                .append("ds", deleted)
                .append("c", "{}")
                .append("t", new Date(clock.millis())));

    service.delete(
        CALLER,
        service.upsert(CALLER, set("races/other", "b"), Precondition.NONE).dataset().id(),
        Precondition.NONE);
    long beforeTheGrace = contentOf(deleted).get("datapoints");
    clock.advance(GRACE.plusSeconds(1));
    service.delete(
        CALLER,
        service.upsert(CALLER, set("races/another", "c"), Precondition.NONE).dataset().id(),
        Precondition.NONE);

    assertThat(beforeTheGrace).isEqualTo(1);
    assertThat(contentOf(deleted))
        .allSatisfy((collection, count) -> assertThat(count).as(collection).isZero());
    assertThat(
            StoredDocuments.collection(database, "deleted_datasets")
                .countDocuments(Filters.eq("_id", deleted)))
        .isZero();
  }

  // ---- helpers ----

  /** The system clock, moved forward by the test. */
  private static final class MovableClock extends Clock {
    private volatile Duration offset = Duration.ZERO;

    void advance(Duration by) {
      offset = offset.plus(by);
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }

  /**
   * {@code database}, with {@link #beforePublish} run before each insert or replace of a dataset
   * document.
   */
  private DatasetStorage publishingAfter(Database database) {
    DatasetRepository datasets =
        delegate(
            DatasetRepository.class,
            database.datasets(),
            method -> method.equals("insert") || method.equals("replace"));
    return (DatasetStorage)
        Proxy.newProxyInstance(
            DatasetStorage.class.getClassLoader(),
            new Class<?>[] {DatasetStorage.class},
            (proxy, method, args) ->
                method.getName().equals("datasets") ? datasets : call(method, database, args));
  }

  /** {@code target} as a {@code type}, running {@link #beforePublish} before the methods named. */
  private <T> T delegate(Class<T> type, T target, Predicate<String> hooked) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              if (hooked.test(method.getName())) {
                beforePublish.run();
              }
              return call(method, target, args);
            }));
  }

  private static Object call(Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** Runs {@code competitor} the first time an upsert is about to publish, never again. */
  private void onceBeforePublish(Runnable competitor) {
    boolean[] ran = {false};
    beforePublish =
        () -> {
          if (!ran[0]) {
            ran[0] = true;
            competitor.run();
          }
        };
  }

  private static UpsertCommand set(String path, String question) {
    return new UpsertCommand(
        null,
        new DatasetPath(path),
        UpsertAction.SET,
        List.of(datapoint(question)),
        null,
        null,
        longDescription(),
        VersionSelector.DEFAULT);
  }

  /** An add with long attributes and description, so the upsert writes version texts too. */
  private static UpsertCommand add(String datasetId, String question) {
    return new UpsertCommand(
        datasetId,
        null,
        UpsertAction.ADD,
        List.of(datapoint(question)),
        "{\"long\":\"" + "x".repeat(1000) + "\"}",
        null,
        longDescription(),
        VersionSelector.DEFAULT);
  }

  private static String longDescription() {
    return "d".repeat(VersionText.INLINE_MAX_BYTES + 1);
  }

  private static DatapointContent datapoint(String question) {
    return DatapointContent.from(
        new ObjectMapper().valueToTree(Map.of("inputs", Map.of("q", question))), new ArrayList<>());
  }

  private Map<String, Long> contentOf(String datasetId) {
    Map<String, Long> counts = new TreeMap<>();
    CONTENT_COLLECTIONS.forEach(
        c ->
            counts.put(
                c,
                StoredDocuments.collection(database, c)
                    .countDocuments(Filters.eq("ds", datasetId))));
    return counts;
  }

  private Map<String, Long> totals() {
    Map<String, Long> counts = new TreeMap<>();
    CONTENT_COLLECTIONS.forEach(
        c -> counts.put(c, StoredDocuments.collection(database, c).countDocuments()));
    return counts;
  }
}
