package io.datasetserver.bench;

import static io.datasetserver.bench.RawHttp.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.datasetserver.bench.Report.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Figure n: listings with many datasets. Two organizations of their own (bench-api-keys.json) each
 * get {@code -Dbench.catalogSmall} datasets (default 100), then the listings are timed; both grow
 * to {@code -Dbench.catalogLarge} (default 10,000) and the same listings are timed again: the p50
 * of {@code GET /v5/datasets} (default page), of {@code ?name=} (10 matches at either size), and of
 * {@code GET /v5/files?path=} (a tenth of the datasets). n′ is the server CPU per listing, n″ the
 * p50 of the default page right after a write to the organization (a listing that rescans).
 * Datasets are created over HTTP by {@value #CLIENTS} parallel clients.
 */
final class ManyDatasetsBench {
  static final String FIGURE = "n";
  private static final String LISTED_KEY = "hl_bench_listed_organization_key";
  private static final String OTHER_KEY = "hl_bench_other_organization_key";
  private static final int CLIENTS = 4;
  private static final int FOLDERS = 10;

  /** As figure g's: enough for the listings' code, which the figures before n left half-warm. */
  private static final int WARM_UP_SECONDS = 30;

  private static final String ROOT = "bench/catalog";
  private static final String DEFAULT_PAGE = "/v5/datasets";
  private static final String BY_NAME = "/v5/datasets?name=item-0000";
  private static final String BY_FOLDER = "/v5/files?path=" + ROOT + "/f3";

  private final BenchScale scale;
  private final int port;
  private final int benchPort;
  private final String backend;
  private final Report report;
  private final Consumer<String> progress;
  private final int small;
  private final int large;
  private int created;
  private long adds;

  ManyDatasetsBench(
      BenchScale scale,
      int port,
      int benchPort,
      String backend,
      Report report,
      Consumer<String> progress) {
    this.scale = scale;
    this.port = port;
    this.benchPort = benchPort;
    this.backend = backend;
    this.report = report;
    this.progress = progress;
    boolean tiny = scale.name().equals("tiny");
    this.small = Integer.getInteger("bench.catalogSmall", tiny ? 10 : 100);
    this.large = Integer.getInteger("bench.catalogLarge", tiny ? 40 : 10_000);
  }

  /** The p50s of one size, in nanoseconds, and the server CPU per listing. */
  private record Listings(
      double defaultPage,
      double byName,
      double byFolder,
      double cpuPerRequest,
      double afterWrite) {}

  void run() {
    if (!Bench.selected(FIGURE)) {
      return;
    }
    String many = HttpBench.count(large) + " datasets (+" + HttpBench.count(large) + " elsewhere)";
    String few = "at " + HttpBench.count(small) + " (+" + HttpBench.count(small) + ")";
    try (RawHttp http = new RawHttp(port);
        RawHttp bench = new RawHttp(benchPort)) {
      progress.accept(FIGURE + ": " + HttpBench.count(small) + " datasets in each organization");
      grow(small);
      Listings baseline = measure(http, bench, small);
      progress.accept(FIGURE + ": " + HttpBench.count(large) + " datasets in each organization");
      grow(large);
      Listings measured = measure(http, bench, large);
      report.atMost(
          FIGURE,
          "p50 GET /v5/datasets (default page), " + many,
          backend,
          measured.defaultPage,
          few,
          baseline.defaultPage,
          Unit.MILLIS,
          3);
      report.atMost(
          FIGURE,
          "p50 GET /v5/datasets?name= (10 match), " + many,
          backend,
          measured.byName,
          few,
          baseline.byName,
          Unit.MILLIS,
          3);
      report.atMost(
          FIGURE,
          "p50 GET /v5/files?path= (a tenth match), " + many,
          backend,
          measured.byFolder,
          few,
          baseline.byFolder,
          Unit.MILLIS,
          3);
      report.info(
          FIGURE + "′",
          "the same three: server CPU per listing, " + many,
          backend,
          measured.cpuPerRequest,
          few,
          baseline.cpuPerRequest,
          Unit.MICROS);
      report.info(
          FIGURE + "″",
          "p50 GET /v5/datasets right after a write to the organization, " + many,
          backend,
          measured.afterWrite,
          few,
          baseline.afterWrite,
          Unit.MILLIS);
    } catch (Exception | AssertionError e) {
      progress.accept(FIGURE + " FAILED: " + e);
      report.failed(FIGURE, "many datasets", backend, e.getClass().getSimpleName());
    }
  }

  /** Creates datasets {@code created} to {@code count - 1} in both organizations. */
  private void grow(int count) throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int client = 0; client < CLIENTS; client++) {
        int first = created + client;
        done.add(
            clients.submit(
                () -> {
                  try (RawHttp http = new RawHttp(port)) {
                    for (int i = first; i < count; i += CLIENTS) {
                      for (String key : List.of(LISTED_KEY, OTHER_KEY)) {
                        byte[] body =
                            Datapoints.upsert(path(i), "set", Datapoints.array(path(i), i, 1));
                        http.send(RawHttp.request("POST", "/v5/datasets", body, key))
                            .requireOk("create " + path(i));
                      }
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> client : done) {
        client.get();
      }
      created = count;
    } finally {
      clients.shutdownNow();
    }
  }

  private static String path(int i) {
    return String.format(Locale.ROOT, "%s/f%d/item-%05d", ROOT, i % FOLDERS, i);
  }

  private Listings measure(RawHttp http, RawHttp bench, int count) throws Exception {
    byte[] defaultPage = listing(DEFAULT_PAGE);
    byte[] byName = listing(BY_NAME);
    byte[] byFolder = listing(BY_FOLDER);
    check(http, defaultPage, count);
    check(http, byName, 10);
    check(http, byFolder, count / FOLDERS);
    int samples = scale.samples() * 2;
    // The timed round's own requests, until the JIT is quiet: a listing's p50 is of single
    // milliseconds, so a compile burst during it would move the figure by a large share.
    JitWarmUp.run(
        List.of(bench),
        FIGURE + " at " + HttpBench.count(count),
        Math.min(WARM_UP_SECONDS, scale.warmUpSeconds()),
        progress,
        number -> {
          for (byte[] request : List.of(defaultPage, byName, byFolder)) {
            for (int i = 0; i < samples; i++) {
              http.send(request).requireOk("warm-up listing");
            }
          }
          afterWrite(http, count);
        });
    List<Double> defaults = new ArrayList<>();
    List<Double> names = new ArrayList<>();
    List<Double> folders = new ArrayList<>();
    List<Double> writes = new ArrayList<>();
    long cpu = 0;
    long requests = 0;
    for (int round = 0; round < scale.rounds(); round++) {
      long before = HttpBench.serverCpu(bench);
      defaults.add(Streaming.p50(http, defaultPage, samples));
      names.add(Streaming.p50(http, byName, samples));
      folders.add(Streaming.p50(http, byFolder, samples));
      cpu += HttpBench.serverCpu(bench) - before;
      requests += 3L * samples;
      double[] nanos = new double[scale.samples()];
      for (int i = 0; i < nanos.length; i++) {
        nanos[i] = afterWrite(http, count);
      }
      writes.add(Report.median(nanos));
    }
    return new Listings(
        Report.median(defaults),
        Report.median(names),
        Report.median(folders),
        (double) cpu / requests,
        Report.median(writes));
  }

  /** Adds a datapoint to one of the listed organization's datasets, then times the default page. */
  private double afterWrite(RawHttp http, int count) {
    String path = path((int) (adds % count));
    byte[] add = Datapoints.upsert(path, "add", Datapoints.array(path, 1_000_000 + adds++, 1));
    http.send(RawHttp.request("POST", "/v5/datasets", add, LISTED_KEY)).requireOk("add");
    byte[] listing = listing(DEFAULT_PAGE);
    long start = System.nanoTime();
    http.send(listing).requireOk("listing");
    return System.nanoTime() - start;
  }

  private static byte[] listing(String target) {
    return RawHttp.request("GET", target, null, LISTED_KEY);
  }

  /** Asserts the listing's total, and a first page of 10 records or all of them. */
  private static void check(RawHttp http, byte[] request, int total) {
    JsonNode page = json(http.send(request).requireOk("listing"));
    int records = Math.min(10, total);
    if (page.path("total").asInt() != total || page.path("records").size() != records) {
      throw new AssertionError(
          "expected " + records + " of " + total + ", got " + page.path("total") + " in total");
    }
  }
}
