package io.datasetserver.reliability;

import static io.datasetserver.reliability.Versions.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.datasetserver.testing.Api;
import io.datasetserver.testing.Slow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contract §5: while the database is unreachable the API answers 503 with {@code Retry-After}
 * quickly (no hang), {@code /readyz} says 503, {@code /healthz} stays 200, and once the database is
 * back on the same port and data the API serves again by itself, with nothing lost.
 *
 * <p>Which signal stops the database: the main test uses SIGTERM, the second SIGKILL. From the
 * API's side both look the same: the sockets close and new connections are refused. The embedded
 * database answers a write only once it is on disk, so after either one everything acknowledged
 * must still be there (AcknowledgedWritesSurviveKillTest aims the SIGKILL right after a 200; here
 * it lands wherever the trickle happens to be). A third test freezes the database (SIGSTOP)
 * instead: connections stay open, nothing answers.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@Slow
class DatabaseOutageTest {
  private static final String DATASETS = "/v5/datasets";

  /** A failing request must answer within this; the API waits 2 s for the database. */
  private static final long FAIL_FAST_MILLIS = 5000;

  private static final long TRICKLE_PAUSE_MILLIS = 100;
  private static final long HEALTHY_MILLIS = 1500;

  /** Failed requests to see during the outage before the database comes back. */
  private static final int FAILURES_TO_SEE = 3;

  /** Successful requests to see after {@code /readyz} says ready again. */
  private static final int SUCCESSES_TO_SEE = 6;

  /** A frozen database must be given up on within this (a dead one fails at once). */
  private static final long FROZEN_LIMIT_MILLIS = 12_000;

  private static final java.time.Duration FROZEN_CLIENT_TIMEOUT = java.time.Duration.ofSeconds(16);

  @TempDir static Path dataDir;
  private static int databasePort;
  private static ChildJvm database;
  private static ChildJvm api;

  @BeforeAll
  static void start() {
    try {
      databasePort = ChildJvm.freePort();
      database = ChildJvm.database("outage-db", databasePort, dataDir);
      api = ChildJvm.api("outage-api", ChildJvm.freePort(), ChildJvm.mongoUri(databasePort));
    } catch (RuntimeException e) {
      stop();
      throw e;
    }
  }

  @AfterAll
  static void stop() {
    ChildJvm.closeAll(api, database);
  }

  /** A test that failed mid-outage leaves the database down; the next one starts with it up. */
  @BeforeEach
  void databaseUp() {
    if (!database.isAlive()) {
      database = ChildJvm.database("outage-db", databasePort, dataDir);
    }
    awaitReady();
  }

  @Test
  void stoppedDatabaseMeansFast503AndTheApiRecoversByItself() throws Exception {
    Outage outage = outage("sigterm", ChildJvm::terminate, HEALTHY_MILLIS);
    outage.assertApiBehaviour();
    Set<String> lost = outage.lost();
    System.out.println(outage.figures("database-outage-sigterm", lost.size()));
    assertThat(lost)
        .as("datapoints acknowledged before or during the outage, missing afterwards")
        .isEmpty();
  }

  @Test
  void killedDatabaseMeansFast503AndTheApiRecoversByItself() throws Exception {
    Outage outage = outage("sigkill", ChildJvm::kill, HEALTHY_MILLIS);
    outage.assertApiBehaviour();
    Set<String> lost = outage.lost();
    System.out.println(outage.figures("database-outage-sigkill", lost.size()));
    assertThat(lost)
        .as("datapoints acknowledged before or during the outage, missing after a SIGKILL")
        .isEmpty();
  }

  /**
   * A database that stops answering but keeps its connections open (a long GC pause, a network that
   * drops packets), made with SIGSTOP. Requests must still end in a 503, not wait for it forever.
   * The bound is looser than for a dead database: telling a frozen database from a slow operation
   * takes a timeout longer than the slowest legitimate operation.
   */
  @Test
  void frozenDatabaseMeans503NotAHang() throws Exception {
    Api client = new Api(api.port());
    String path = "reliability/outage/frozen/" + UUID.randomUUID();
    String id =
        ok(client.post(DATASETS, Map.of("path", path, "datapoints", List.of(dp("seed")))))
            .path("id")
            .asText();
    ok(client.get(DATASETS + "/" + id));
    String add =
        "{\"path\":\""
            + path
            + "\",\"action\":\"add\",\"datapoints\":[{\"inputs\":{\"q\":\"during-freeze\"}}]}";
    List<TimedRequest> during = new ArrayList<>();
    ExecutorService clients = Executors.newFixedThreadPool(3);
    database.freeze();
    try {
      List<Future<TimedRequest>> requests =
          List.of(
              clients.submit(
                  () ->
                      TimedRequest.send(
                          "add during freeze",
                          api.port(),
                          "POST",
                          DATASETS,
                          add,
                          FROZEN_CLIENT_TIMEOUT)),
              clients.submit(
                  () ->
                      TimedRequest.send(
                          "get during freeze",
                          api.port(),
                          "GET",
                          DATASETS + "/" + id,
                          null,
                          FROZEN_CLIENT_TIMEOUT)),
              clients.submit(
                  () ->
                      TimedRequest.send(
                          "GET /readyz during freeze",
                          api.port(),
                          "GET",
                          "/readyz",
                          null,
                          FROZEN_CLIENT_TIMEOUT)));
      for (Future<TimedRequest> request : requests) {
        during.add(request.get());
      }
    } finally {
      database.resume();
      clients.shutdownNow();
    }
    long resumed = System.nanoTime();
    awaitReady();
    long readyMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - resumed);
    ok(
        client.post(
            DATASETS,
            Map.of("path", path, "action", "add", "datapoints", List.of(dp("after-freeze")))));
    List<String> latest =
        Versions.qs(Versions.assertEveryVersionComplete(client, id).get(0).datapoints());

    System.out.printf(
        "RELIABILITY database-freeze: requests=%d %s resume_to_ready_ms=%d%n",
        during.size(),
        during.stream()
            .map(
                r ->
                    r.what().replace(" during freeze", "").replace(' ', '_')
                        + "="
                        + r.status()
                        + "/"
                        + r.millis()
                        + "ms")
            .toList(),
        readyMillis);
    assertThat(during)
        .as(
            "requests while the database was frozen: a 503 with Retry-After within %d ms, not a hang",
            FROZEN_LIMIT_MILLIS)
        .allSatisfy(
            r -> {
              assertThat(r.status()).as(r.toString()).isEqualTo(503);
              assertThat(r.retryAfter()).as(r.toString()).isNotNull();
              assertThat(r.millis()).as(r.toString()).isLessThan(FROZEN_LIMIT_MILLIS);
            });
    assertThat(api.isAlive()).isTrue();
    assertThat(latest).contains("seed", "after-freeze");
  }

  private Outage outage(
      String label, java.util.function.Consumer<ChildJvm> stop, long healthyMillis)
      throws Exception {
    Api client = new Api(api.port());
    String path = "reliability/outage/" + label + "/" + UUID.randomUUID();
    String id =
        ok(client.post(DATASETS, Map.of("path", path, "datapoints", List.of(dp("seed")))))
            .path("id")
            .asText();
    long apiPid = api.pid();
    Trickle trickle = new Trickle(api.port(), path, id);
    Thread thread = new Thread(trickle, "trickle-" + label);
    thread.start();
    Outage outage = new Outage(client, id, trickle);
    try {
      ChildJvm.sleep(healthyMillis);
      outage.down = System.nanoTime();
      stop.accept(database);
      outage.downDone = System.nanoTime();
      outage.health = TimedRequest.send("GET /healthz", api.port(), "GET", "/healthz", null);
      outage.readiness = TimedRequest.send("GET /readyz", api.port(), "GET", "/readyz", null);
      trickle.awaitSamples(r -> r.startedAfter(outage.downDone), FAILURES_TO_SEE, 30_000);

      outage.restart = System.nanoTime();
      database = ChildJvm.database("outage-db", databasePort, dataDir);
      outage.ready = awaitReady();
      trickle.awaitSamples(r -> r.startedAfter(outage.ready), SUCCESSES_TO_SEE, 30_000);
    } finally {
      trickle.stop = true;
      thread.join(TimedRequest.TIMEOUT.toMillis() + 5000);
    }
    assertThat(api.isAlive()).as("the API process survived the outage").isTrue();
    assertThat(api.pid()).isEqualTo(apiPid);
    // Read only after the trickle stopped: the latest version now holds everything it added.
    outage.versions = Versions.assertEveryVersionComplete(client, id);
    outage.latest = Versions.qs(outage.versions.get(0).datapoints());
    return outage;
  }

  /** Polls {@code /readyz} until it says 200; returns when (nanoTime). */
  private static long awaitReady() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    TimedRequest last = null;
    while (System.nanoTime() < deadline) {
      last = TimedRequest.send("GET /readyz", api.port(), "GET", "/readyz", null);
      if (last.status() == 200) {
        return System.nanoTime();
      }
      ChildJvm.sleep(100);
    }
    throw new AssertionError(
        "/readyz did not turn 200 within 30 s of the database starting or resuming; last: "
            + last
            + "; /healthz through another client: "
            + api.status("/healthz")
            + "; thread dumps: "
            + api.threadDump()
            + ", "
            + database.threadDump()
            + "; API log:\n"
            + api.logTail());
  }

  private static Map<String, Object> dp(String q) {
    return Map.of("inputs", Map.of("q", q));
  }

  /** A steady trickle of requests, alternating an {@code add} of a new datapoint and a read. */
  private static final class Trickle implements Runnable {
    final List<TimedRequest> samples = new CopyOnWriteArrayList<>();
    final int port;
    final String path;
    final String id;
    volatile boolean stop;

    Trickle(int port, String path, String id) {
      this.port = port;
      this.path = path;
      this.id = id;
    }

    @Override
    public void run() {
      for (int i = 0; !stop && i < 2000; i++) {
        if (i % 2 == 0) {
          String q = "trickle-" + i;
          String body =
              "{\"path\":\""
                  + path
                  + "\",\"action\":\"add\",\"datapoints\":[{\"inputs\":{\"q\":\""
                  + q
                  + "\"}}]}";
          samples.add(TimedRequest.send("add " + q, port, "POST", DATASETS, body));
        } else {
          samples.add(TimedRequest.send("get", port, "GET", DATASETS + "/" + id, null));
        }
        ChildJvm.sleep(TRICKLE_PAUSE_MILLIS);
      }
    }

    void awaitSamples(Predicate<TimedRequest> which, int count, long timeoutMillis) {
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
      while (samples.stream().filter(which).count() < count) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError(
              "the trickle did not produce "
                  + count
                  + " such requests in "
                  + timeoutMillis
                  + " ms: "
                  + samples);
        }
        ChildJvm.sleep(50);
      }
    }
  }

  /** Timestamps (nanoTime) of one outage and what the clients saw. */
  private static final class Outage {
    final Api client;
    final String id;
    final Trickle trickle;
    long down;
    long downDone;
    long restart;
    long ready;
    TimedRequest health;
    TimedRequest readiness;
    List<Versions.Listed> versions;
    List<String> latest;

    Outage(Api client, String id, Trickle trickle) {
      this.client = client;
      this.id = id;
      this.trickle = trickle;
    }

    void assertApiBehaviour() {
      List<TimedRequest> samples = trickle.samples;
      assertThat(samples.stream().filter(r -> r.status() < 0).toList())
          .as("transport errors or requests slower than %s (hangs)", TimedRequest.TIMEOUT)
          .isEmpty();
      assertThat(samples.stream().filter(r -> r.endedBefore(down)).toList())
          .as("requests before the outage")
          .isNotEmpty()
          .allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(200));

      List<TimedRequest> during =
          samples.stream().filter(r -> !r.endedBefore(down) && !r.startedAfter(ready)).toList();
      assertThat(during)
          .as("requests overlapping the outage: 200 or a fast 503 with Retry-After")
          .allSatisfy(
              r -> {
                assertThat(r.status()).as(r.toString()).isIn(200, 503);
                assertThat(r.millis()).as(r.toString()).isLessThan(FAIL_FAST_MILLIS);
                if (r.status() == 503) {
                  assertThat(r.retryAfter()).as(r.toString()).isNotNull().containsOnlyDigits();
                }
              });
      List<TimedRequest> whileDown =
          samples.stream().filter(r -> r.startedAfter(downDone) && r.endedBefore(restart)).toList();
      assertThat(whileDown)
          .as("requests made while the database was down")
          .hasSizeGreaterThanOrEqualTo(FAILURES_TO_SEE)
          .allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(503));
      assertThat(whileDown)
          .as("both writes and reads fail fast")
          .anyMatch(r -> r.what().startsWith("add"))
          .anyMatch(r -> r.what().startsWith("get"));

      assertThat(health.status()).as("/healthz during the outage: " + health).isEqualTo(200);
      assertThat(readiness.status()).as("/readyz during the outage: " + readiness).isEqualTo(503);
      assertThat(readiness.retryAfter()).as("/readyz during the outage: " + readiness).isNotNull();
      assertThat(readiness.millis())
          .as("/readyz during the outage: " + readiness)
          .isLessThan(FAIL_FAST_MILLIS);

      List<TimedRequest> after = samples.stream().filter(r -> r.startedAfter(ready)).toList();
      assertThat(after)
          .as("requests after /readyz said ready again")
          .hasSizeGreaterThanOrEqualTo(SUCCESSES_TO_SEE)
          .allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(200));
    }

    /**
     * Acknowledged adds (200) missing from the latest version, among those acknowledged {@code
     * ageMillis} before the outage.
     */
    Set<String> lost() {
      Set<String> missing = new HashSet<>();
      Set<String> present = new HashSet<>(latest);
      for (TimedRequest r : trickle.samples) {
        if (r.what().startsWith("add ") && r.status() == 200) {
          String q = r.what().substring(4);
          if (!present.contains(q)) {
            missing.add(q);
          }
        }
      }
      return missing;
    }

    String figures(String label, int lost) {
      List<TimedRequest> samples = trickle.samples;
      List<TimedRequest> failed = samples.stream().filter(r -> r.status() == 503).toList();
      long acknowledged =
          samples.stream().filter(r -> r.what().startsWith("add ") && r.status() == 200).count();
      long maxFailMillis = failed.stream().mapToLong(TimedRequest::millis).max().orElse(0);
      return String.format(
          "RELIABILITY %s: requests=%d 503=%d other_5xx=%d max_503_ms=%d readyz_down_ms=%d"
              + " db_restart_to_ready_ms=%d acknowledged_datapoints=%d lost=%d api_restarts=0",
          label,
          samples.size(),
          failed.size(),
          samples.stream().filter(r -> r.status() >= 500 && r.status() != 503).count(),
          maxFailMillis,
          readiness.millis(),
          TimeUnit.NANOSECONDS.toMillis(ready - restart),
          acknowledged,
          lost);
    }
  }
}
