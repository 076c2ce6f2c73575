package io.datasetserver.bench;

import static io.datasetserver.bench.RawHttp.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.datasetserver.bench.Report.Unit;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Figures a–g over HTTP against one freshly started server. Every figure is measured next to its
 * baseline in alternating rounds (so drift hits both alike) after warm-up, and the median of the
 * rounds is reported.
 */
final class HttpBench {

  /** Largest number of datapoints sent in one request while building a big dataset. */
  private static final int BUILD_CHUNK = 10_000;

  private static final int WARMUP = 3;

  /** Warm-up budget of d and g: what a user's server gets before it serves a burst of writes. */
  private static final int WRITE_WARM_UP_SECONDS = 30;

  private final BenchScale scale;
  private final int port;
  private final int benchPort;
  private final int minimalPort;
  private final String backend;
  private final Report report;
  private final Consumer<String> progress;

  /**
   * @param port the server under test
   * @param benchPort its benchmark-only endpoints
   * @param minimalPort a {@link MinimalServer}, figure c's baseline
   */
  HttpBench(
      BenchScale scale,
      int port,
      int benchPort,
      int minimalPort,
      String backend,
      Report report,
      Consumer<String> progress) {
    this.scale = scale;
    this.port = port;
    this.benchPort = benchPort;
    this.minimalPort = minimalPort;
    this.backend = backend;
    this.report = report;
    this.progress = progress;
  }

  /** A dataset being grown by the benchmark: its path, id, and the next unused datapoint index. */
  private static final class Grown {
    final String path;
    String id;
    String versionId;
    long count;

    Grown(String path) {
      this.path = path;
    }

    byte[] nextAdd(int size) {
      byte[] body = Datapoints.upsert(path, "add", Datapoints.array(path, count, size));
      count += size;
      return body;
    }
  }

  void run() {
    try (RawHttp http = new RawHttp(port);
        RawHttp bench = new RawHttp(benchPort)) {
      progress.accept(
          "building a "
              + scale.large()
              + "-datapoint and a "
              + scale.small()
              + "-datapoint dataset");
      Grown large = build(http, "bench/large", scale.large());
      Grown small = build(http, "bench/small", scale.small());
      String largeVersion = large.versionId;
      // Run each figure on its own so that one failure still leaves the others in the table.
      figure("a", "add latency", () -> addLatency(http, large, small));
      figure("b", "stored bytes", () -> storedBytes(http, bench, large));
      figure("e", "last page", () -> lastPage(http, large.id, largeVersion));
      figure("f", "heap", () -> heapGrowth(bench, large.id, largeVersion));
      figure("h", "whole-version reads", () -> wholeVersion(http, bench, large, largeVersion));
      figure("c", "GET throughput", () -> getThroughput(http, bench));
      figure("d", "set 10k", () -> setDataset(http, bench));
      figure("g", "concurrent upserts", () -> concurrentUpserts(http, bench));
      if (backend.equals("h2")) {
        figure("s", "H2 file size", () -> diskFootprint(bench));
      }
    }
  }

  private interface Figure {
    void run() throws Exception;
  }

  /** One round of figure h: each read's time and the CPU time of the process serving it, in ns. */
  private record WholeVersionRound(
      double include,
      double paging,
      double floor,
      double includeCpu,
      double pagingCpu,
      double floorCpu) {}

  private void figure(String id, String name, Figure figure) {
    if (!Bench.selected(id)) {
      return;
    }
    progress.accept(id + ": " + name);
    try {
      figure.run();
    } catch (Exception | AssertionError e) {
      progress.accept(id + " FAILED: " + e);
      report.failed(id, name, backend, e.getClass().getSimpleName());
    }
  }

  private Grown build(RawHttp http, String path, int size) {
    Grown dataset = new Grown(path);
    int first = Math.min(size, BUILD_CHUNK);
    JsonNode response =
        json(
            http.post(
                    "/v5/datasets",
                    Datapoints.upsert(path, "set", Datapoints.array(path, 0, first)))
                .requireOk("set " + path));
    dataset.count = first;
    while (dataset.count < size) {
      response =
          json(
              http.post(
                      "/v5/datasets",
                      dataset.nextAdd((int) Math.min(BUILD_CHUNK, size - dataset.count)))
                  .requireOk("add to " + path));
    }
    dataset.id = response.get("id").asText();
    dataset.versionId = response.get("version_id").asText();
    expectCount(response, size);
    return dataset;
  }

  // ---- a: add latency at the large size versus the small size ----

  private void addLatency(RawHttp http, Grown large, Grown small) {
    for (int i = 0; i < WARMUP; i++) {
      http.post("/v5/datasets", large.nextAdd(scale.addBatch())).requireOk("warm-up add");
      http.post("/v5/datasets", small.nextAdd(scale.addBatch())).requireOk("warm-up add");
    }
    List<Double> largeP50 = new ArrayList<>();
    List<Double> smallP50 = new ArrayList<>();
    for (int round = 0; round < scale.rounds(); round++) {
      largeP50.add(addP50(http, large));
      smallP50.add(addP50(http, small));
    }
    expectCount(
        json(http.get("/v5/datasets/" + large.id + "?version_id=" + latestVersion(http, large.id))),
        large.count);
    report.atMost(
        "a",
        "p50 add of "
            + scale.addBatch()
            + " new datapoints to a version of "
            + count(scale.large()),
        backend,
        Report.median(largeP50),
        "at " + count(scale.small()),
        Report.median(smallP50),
        Unit.MILLIS,
        3);
  }

  private double addP50(RawHttp http, Grown dataset) {
    byte[][] requests = new byte[scale.samples()][];
    for (int i = 0; i < requests.length; i++) {
      requests[i] = RawHttp.request("POST", "/v5/datasets", dataset.nextAdd(scale.addBatch()));
    }
    double[] nanos = new double[requests.length];
    for (int i = 0; i < requests.length; i++) {
      long start = System.nanoTime();
      http.send(requests[i]).requireOk("add");
      nanos[i] = System.nanoTime() - start;
    }
    return Report.median(nanos);
  }

  // ---- b: database bytes one add of 100 datapoints stores, versus their raw JSON ----

  private void storedBytes(RawHttp http, RawHttp bench, Grown large) {
    List<Double> added = new ArrayList<>();
    List<Double> raw = new ArrayList<>();
    for (int round = 0; round < scale.rounds(); round++) {
      String datapoints = Datapoints.array(large.path, large.count, scale.addBatch());
      long rawBytes = 0;
      for (int i = 0; i < scale.addBatch(); i++) {
        rawBytes +=
            Datapoints.json(large.path, large.count + i).getBytes(StandardCharsets.UTF_8).length;
      }
      large.count += scale.addBatch();
      long before = storedBson(bench);
      http.post("/v5/datasets", Datapoints.upsert(large.path, "add", datapoints)).requireOk("add");
      added.add((double) (storedBson(bench) - before));
      raw.add((double) rawBytes);
    }
    report.atMost(
        "b",
        "database bytes added by that version (sum of BSON sizes)",
        backend,
        Report.median(added),
        "raw JSON",
        Report.median(raw),
        Unit.BYTES,
        3);
    if (backend.equals("h2")) {
      fileGrowth(http, bench, large);
    }
  }

  /**
   * On H2, what the file grows by per add: MVStore appends each commit as a chunk and reuses freed
   * space later, so one add says little; many in a row give the rate.
   */
  private void fileGrowth(RawHttp http, RawHttp bench, Grown large) {
    int adds = scale.rounds() * scale.samples();
    long rawBytes = 0;
    long before = disk(bench).get("file_bytes").asLong();
    for (int i = 0; i < adds; i++) {
      for (int d = 0; d < scale.addBatch(); d++) {
        rawBytes +=
            Datapoints.json(large.path, large.count + d).getBytes(StandardCharsets.UTF_8).length;
      }
      http.post("/v5/datasets", large.nextAdd(scale.addBatch())).requireOk("add");
    }
    long grown = disk(bench).get("file_bytes").asLong() - before;
    report.atMost(
        "b",
        "H2 file growth per add of " + scale.addBatch() + " (over " + adds + " adds)",
        backend,
        (double) grown / adds,
        "raw JSON",
        (double) rawBytes / adds,
        Unit.BYTES,
        3);
  }

  // ---- s: the H2 file after every write of the benchmark versus the JSON it holds ----

  private void diskFootprint(RawHttp http) {
    JsonNode disk = disk(http);
    report.atMost(
        "s",
        "H2 file after all the benchmark's writes",
        backend,
        disk.get("file_bytes").asDouble(),
        "JSON of the datapoints it holds",
        disk.get("json_bytes").asDouble(),
        Unit.MEGABYTES,
        3);
  }

  private static JsonNode disk(RawHttp http) {
    return json(http.get("/bench/disk").requireOk("disk"));
  }

  private long storedBson(RawHttp http) {
    return json(http.get("/bench/stored").requireOk("stored")).get("bson").asLong();
  }

  // ---- e: last page versus first page ----

  private void lastPage(RawHttp http, String datasetId, String versionId) {
    int size = scale.pageSize();
    long lastPage = (scale.large() + size - 1) / size;
    String base =
        "/v5/datasets/"
            + datasetId
            + "/datapoints?version_id="
            + versionId
            + "&size="
            + size
            + "&page=";
    byte[] first = RawHttp.request("GET", base + 1, null);
    byte[] last = RawHttp.request("GET", base + lastPage, null);
    JsonNode lastBody = json(http.send(last).requireOk("last page"));
    if (lastBody.get("records").size() != scale.large() - (lastPage - 1) * size) {
      throw new AssertionError("last page has " + lastBody.get("records").size() + " records");
    }
    for (int i = 0; i < WARMUP * 3; i++) {
      http.send(first).requireOk("page 1");
      http.send(last).requireOk("last page");
    }
    List<Double> firstP50 = new ArrayList<>();
    List<Double> lastP50 = new ArrayList<>();
    for (int round = 0; round < scale.rounds(); round++) {
      firstP50.add(Streaming.p50(http, first, scale.samples() * 2));
      lastP50.add(Streaming.p50(http, last, scale.samples() * 2));
    }
    report.atMost(
        "e",
        "GET datapoints?size=" + size + ", last page of " + count(scale.large()),
        backend,
        Report.median(lastP50),
        "page 1",
        Report.median(firstP50),
        Unit.MILLIS,
        2);
  }

  // ---- f: live heap while streaming a whole large version ----

  private void heapGrowth(RawHttp http, String datasetId, String versionId) throws Exception {
    byte[] request =
        RawHttp.request(
            "GET",
            "/v5/datasets/" + datasetId + "?include_datapoints=true&version_id=" + versionId,
            null);
    long length;
    try (RawHttp stream = new RawHttp(port)) {
      RawHttp.Response whole = stream.send(request).requireOk("include_datapoints");
      JsonNode version = json(whole);
      expectCount(version, scale.large());
      if (version.get("datapoints").size() != scale.large()) {
        throw new AssertionError("include_datapoints returned " + version.get("datapoints").size());
      }
      length = whole.body().length;
    }
    Streaming.Heap heap =
        Streaming.midResponseHeap(port, http, request, length, scale.rounds(), scale.pauseMillis());
    report.growthBelow(
        "f",
        "include_datapoints=true on " + count(scale.large()) + ": live heap mid-response",
        backend,
        heap.peak(),
        "idle",
        heap.idle(),
        Unit.MEGABYTES,
        64 << 20);
  }

  // ---- h: reading a whole version versus one driver find() of as many documents ----

  /**
   * The two ways clients read a whole version: the SDK's evaluation runner asks for {@code
   * include_datapoints=true}, Humanloop's export tool pages with {@code size=1000}. The floor is
   * the minimal program reading the same datapoints with one {@code find()}.
   */
  private void wholeVersion(RawHttp http, RawHttp bench, Grown large, String versionId)
      throws Exception {
    long count = scale.large();
    try (RawHttp minimal = new RawHttp(minimalPort)) {
      for (long from = 0; from < count; from += BUILD_CHUNK) {
        String chunk =
            Datapoints.array(large.path, from, (int) Math.min(BUILD_CHUNK, count - from));
        minimal
            .send(
                RawHttp.request("POST", "/seed/datapoints", chunk.getBytes(StandardCharsets.UTF_8)))
            .requireOk("seed datapoints");
      }
      String version = "/v5/datasets/" + large.id + "?version_id=" + versionId;
      byte[] include = RawHttp.request("GET", version + "&include_datapoints=true", null);
      String pages = "/v5/datasets/" + large.id + "/datapoints?version_id=" + versionId;
      Callable<WholeVersionRound> round =
          () -> {
            long cpu = serverCpu(bench);
            double includeTime = timed(http, include, "include_datapoints");
            long includeCpu = serverCpu(bench) - cpu;
            cpu = serverCpu(bench);
            long start = System.nanoTime();
            for (long page = 1; (page - 1) * 1000 < count; page++) {
              http.get(pages + "&size=1000&page=" + page).requireOk("page " + page);
            }
            double pagingTime = System.nanoTime() - start;
            long pagingCpu = serverCpu(bench) - cpu;
            cpu = serverCpu(minimal);
            double floorTime =
                timed(minimal, RawHttp.request("GET", "/floor/datapoints", null), "floor");
            long floorCpu = serverCpu(minimal) - cpu;
            return new WholeVersionRound(
                includeTime, pagingTime, floorTime, includeCpu, pagingCpu, floorCpu);
          };
      // A server that has read versions for a while: the JIT of both programs has settled.
      warmUp(List.of(bench, minimal), "h", scale.warmUpSeconds(), number -> round.call());
      List<Double> includeNanos = new ArrayList<>();
      List<Double> pagingNanos = new ArrayList<>();
      List<Double> floorNanos = new ArrayList<>();
      // Server CPU of each read as well: robust to other load on a shared machine.
      List<Double> includeCpu = new ArrayList<>();
      List<Double> pagingCpu = new ArrayList<>();
      List<Double> floorCpu = new ArrayList<>();
      for (int i = 0; i < scale.rounds(); i++) {
        WholeVersionRound measured = round.call();
        includeNanos.add(measured.include());
        pagingNanos.add(measured.paging());
        floorNanos.add(measured.floor());
        includeCpu.add(measured.includeCpu());
        pagingCpu.add(measured.pagingCpu());
        floorCpu.add(measured.floorCpu());
      }
      String floorName = "one find() of " + count(scale.large()) + " documents";
      report.atMost(
          "h",
          "include_datapoints=true on " + count(scale.large()),
          backend,
          Report.median(includeNanos),
          floorName,
          Report.median(floorNanos),
          Unit.MILLIS,
          2);
      report.atMost(
          "h",
          "datapoints?size=1000, every page of " + count(scale.large()),
          backend,
          Report.median(pagingNanos),
          floorName,
          Report.median(floorNanos),
          Unit.MILLIS,
          2);
      report.info(
          "h′",
          "  include_datapoints: server CPU",
          backend,
          Report.median(includeCpu),
          "minimal program's find()",
          Report.median(floorCpu),
          Unit.MILLIS);
      report.info(
          "h′",
          "  size=1000 paging: server CPU",
          backend,
          Report.median(pagingCpu),
          "minimal program's find()",
          Report.median(floorCpu),
          Unit.MILLIS);
    }
  }

  // ---- c: GET /v5/datasets/{id} throughput versus the same read in a minimal program ----

  /**
   * One connection's work in a throughput round: {@code request} sent again and again to {@code
   * port}; {@code cpuPort} tells the CPU time of the process behind it.
   */
  private record Target(int port, int cpuPort, byte[] request) {}

  private void getThroughput(RawHttp http, RawHttp bench) throws Exception {
    JsonNode created =
        json(
            http.post(
                    "/v5/datasets",
                    Datapoints.upsert("bench/get", "set", Datapoints.array("bench/get", 0, 10)))
                .requireOk("set"));
    String id = created.get("id").asText();
    String path = "/v5/datasets/" + id;
    // The minimal program serves a copy of the very document the API reads.
    String document =
        bench
            .send(RawHttp.request("GET", "/bench/raw/datasets/" + id, null))
            .requireOk("raw read")
            .text();
    try (RawHttp minimal = new RawHttp(minimalPort)) {
      minimal
          .send(RawHttp.request("POST", "/seed", document.getBytes(StandardCharsets.UTF_8)))
          .requireOk("seed");
      minimal.send(RawHttp.request("GET", path, null)).requireOk("minimal read");
    }
    Target api = new Target(port, benchPort, RawHttp.request("GET", path, null));
    Target floor = new Target(minimalPort, minimalPort, RawHttp.request("GET", path, null));
    // Both programs at once while warming up; the JIT of both must settle before measuring.
    try (RawHttp minimal = new RawHttp(minimalPort)) {
      warmUp(
          List.of(bench, minimal),
          "c",
          scale.warmUpSeconds(),
          number -> load(List.of(api, floor), scale.loadMillis()));
    }
    // Short rounds, alternated, many of them: other work on a shared machine drifts slowly.
    List<Double> apiRates = new ArrayList<>();
    List<Double> floorRates = new ArrayList<>();
    List<Double> apiCpu = new ArrayList<>();
    List<Double> floorCpu = new ArrayList<>();
    List<Double> apiThreadCpu = new ArrayList<>();
    List<Double> floorThreadCpu = new ArrayList<>();
    List<Double> apiDriverCpu = new ArrayList<>();
    List<Double> floorDriverCpu = new ArrayList<>();
    List<Double> apiIdle = new ArrayList<>();
    List<Double> floorIdle = new ArrayList<>();
    for (int round = 0; round < 3 * scale.rounds(); round++) {
      double[] apiRound = load(List.of(api), scale.loadMillis());
      double[] floorRound = load(List.of(floor), scale.loadMillis());
      apiRates.add(apiRound[0]);
      apiCpu.add(apiRound[1]);
      apiThreadCpu.add(apiRound[2]);
      apiDriverCpu.add(apiRound[3]);
      apiIdle.add(apiRound[4]);
      floorRates.add(floorRound[0]);
      floorCpu.add(floorRound[1]);
      floorThreadCpu.add(floorRound[2]);
      floorDriverCpu.add(floorRound[3]);
      floorIdle.add(floorRound[4]);
    }
    report.atLeast(
        "c",
        "GET /v5/datasets/{id} throughput, " + scale.connections() + " connections",
        backend,
        Report.median(apiRates),
        "minimal program, same read",
        Report.median(floorRates),
        Unit.PER_SECOND,
        0.9);
    report.info(
        "c′",
        "  the same: server CPU per request (robust to other load)",
        backend,
        Report.median(apiCpu),
        "minimal program",
        Report.median(floorCpu),
        Unit.MICROS);
    report.info(
        "c″",
        "  the same: Java threads' CPU per request (no JIT, no GC)",
        backend,
        Report.median(apiThreadCpu),
        "minimal program",
        Report.median(floorThreadCpu),
        Unit.MICROS);
    // With c′, the rest of what a request costs the machine: the cores' time per request is the
    // server's, the load driver's, other processes' and the idle time.
    report.info(
        "c‴",
        "  the same: the load driver's CPU per request",
        backend,
        Report.median(apiDriverCpu),
        "minimal program",
        Report.median(floorDriverCpu),
        Unit.MICROS);
    report.info(
        "c⁗",
        "  the same: CPU time no process used, per request",
        backend,
        Report.median(apiIdle),
        "minimal program",
        Report.median(floorIdle),
        Unit.MICROS);
  }

  /**
   * Requests per second over {@code millis} with {@link BenchScale#connections()} keep-alive
   * connections, then per request in that window: the CPU time of the processes served (whole, and
   * their Java threads), that of this load driver, and the CPU time no process used. Connection
   * {@code i} works on {@code targets[i % targets.size()]}.
   */
  private double[] load(List<Target> targets, int millis) throws Exception {
    int connections = scale.connections();
    ExecutorService pool = Executors.newFixedThreadPool(connections);
    try {
      CountDownLatch ready = new CountDownLatch(connections);
      CountDownLatch go = new CountDownLatch(1);
      long[] deadline = new long[1];
      List<Future<Long>> counts = new ArrayList<>();
      for (int c = 0; c < connections; c++) {
        Target target = targets.get(c % targets.size());
        counts.add(
            pool.submit(
                () -> {
                  try (RawHttp connection = new RawHttp(target.port())) {
                    connection.send(target.request()).requireOk("GET");
                    ready.countDown();
                    go.await();
                    long done = 0;
                    while (System.nanoTime() < deadline[0]) {
                      connection.send(target.request()).requireOk("GET");
                      done++;
                    }
                    return done;
                  }
                }));
      }
      ready.await();
      List<Integer> ports = targets.stream().map(Target::cpuPort).distinct().toList();
      long[] cpuBefore = serverCpu(ports);
      long driverBefore = ProcessCpu.processNanos();
      MachineCpu machineBefore = MachineCpu.now();
      long start = System.nanoTime();
      deadline[0] = start + TimeUnit.MILLISECONDS.toNanos(millis);
      go.countDown();
      long total = 0;
      for (Future<Long> count : counts) {
        total += count.get();
      }
      long wall = System.nanoTime() - start;
      double idle = MachineCpu.idleShare(machineBefore, MachineCpu.now());
      long driver = ProcessCpu.processNanos() - driverBefore;
      long[] cpuAfter = serverCpu(ports);
      return new double[] {
        total / (wall / 1e9),
        (double) (cpuAfter[0] - cpuBefore[0]) / total,
        (double) (cpuAfter[1] - cpuBefore[1]) / total,
        (double) driver / total,
        idle * Runtime.getRuntime().availableProcessors() * wall / total
      };
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * CPU nanoseconds of the servers on {@code ports}, summed: {whole processes, their Java threads}.
   */
  private long[] serverCpu(List<Integer> ports) {
    long[] nanos = new long[2];
    for (int serverPort : ports) {
      try (RawHttp http = new RawHttp(serverPort)) {
        JsonNode cpu = json(http.get("/bench/cpu").requireOk("cpu"));
        nanos[0] += cpu.get("nanos").asLong();
        nanos[1] += cpu.get("java_thread_nanos").asLong();
      }
    }
    return nanos;
  }

  /** The server process's CPU time so far, in nanoseconds, from the bench port. */
  static long serverCpu(RawHttp http) {
    return json(http.get("/bench/cpu").requireOk("cpu")).get("nanos").asLong();
  }

  // ---- d: set of a new dataset versus a raw insertMany of the same documents ----

  private void setDataset(RawHttp http, RawHttp bench) throws Exception {
    // One round used to be the warm-up, and the JIT was still compiling the write path in the
    // measured ones: the ratio swung from 0.5× to 2.3× between runs of the same code.
    warmUp(
        List.of(bench),
        "d",
        Math.min(WRITE_WARM_UP_SECONDS, scale.warmUpSeconds()),
        number -> setRound(http, bench, "warm-up-" + number, number % 2 == 0));
    List<Double> setNanos = new ArrayList<>();
    List<Double> rawNanos = new ArrayList<>();
    for (int round = 0; round < scale.rounds(); round++) {
      double[] nanos = setRound(http, bench, "round-" + round, round % 2 == 0);
      setNanos.add(nanos[0]);
      rawNanos.add(nanos[1]);
    }
    report.atMost(
        "d",
        "set of a new " + count(scale.setSize()) + "-datapoint dataset",
        backend,
        Report.median(setNanos),
        "insertMany",
        Report.median(rawNanos),
        Unit.MILLIS,
        2);
  }

  /** A set of a new dataset and a raw insertMany of the same datapoints: {set, raw} nanoseconds. */
  private double[] setRound(RawHttp http, RawHttp bench, String name, boolean setFirst) {
    String path = "bench/set-" + name;
    byte[] upsert =
        RawHttp.request(
            "POST",
            "/v5/datasets",
            Datapoints.upsert(path, "set", Datapoints.array(path, 0, scale.setSize())));
    byte[] insert =
        RawHttp.request(
            "POST",
            "/bench/insert-many",
            Datapoints.upsert(path, "set", Datapoints.array(path, 0, scale.setSize())));
    // The caller alternates which goes first, so that neither always meets the other's leftovers.
    double rawTime = setFirst ? Double.NaN : timed(bench, insert, "insert-many");
    long start = System.nanoTime();
    JsonNode created = json(http.send(upsert).requireOk("set"));
    double setTime = System.nanoTime() - start;
    if (setFirst) {
      rawTime = timed(bench, insert, "insert-many");
    }
    expectCount(created, scale.setSize());
    return new double[] {setTime, rawTime};
  }

  /** Nanoseconds of one request, which must answer 2xx. */
  static double timed(RawHttp http, byte[] request, String what) {
    long start = System.nanoTime();
    http.send(request).requireOk(what);
    return System.nanoTime() - start;
  }

  // ---- g: upserts by several clients to their own datasets versus one client ----

  /**
   * Both phases make the same adds to datasets of the same sizes: the single client takes the
   * datasets in turn, the concurrent phase gives each dataset its own client. Only the parallelism
   * differs, and each phase lasts long enough to outlast a GC pause.
   */
  private void concurrentUpserts(RawHttp http, RawHttp bench) throws Exception {
    int warmUpSeconds = Math.min(WRITE_WARM_UP_SECONDS, scale.warmUpSeconds());
    warmUp(
        List.of(bench),
        "g",
        warmUpSeconds,
        number -> concurrencyRound(http, bench, "warm-up-" + number, number % 2 == 0));
    List<Double> single = new ArrayList<>();
    List<Double> concurrent = new ArrayList<>();
    List<Double> singleCpu = new ArrayList<>();
    List<Double> concurrentCpu = new ArrayList<>();
    for (int round = 0; round < scale.rounds(); round++) {
      // Alternate which phase goes first, so neither always inherits the other's garbage.
      double[][] phases = concurrencyRound(http, bench, "round-" + round, round % 2 == 0);
      single.add(phases[0][0]);
      concurrent.add(phases[1][0]);
      singleCpu.add(phases[0][1]);
      concurrentCpu.add(phases[1][1]);
    }
    report.atLeast(
        "g",
        scale.writers()
            + " clients adding "
            + scale.writerBatch()
            + " datapoints to "
            + scale.writers()
            + " datasets: upserts/s",
        backend,
        Report.median(concurrent),
        "1 client, same adds",
        Report.median(single),
        Unit.PER_SECOND,
        1.6);
    report.info(
        "g′",
        "  the same: server CPU per upsert",
        backend,
        Report.median(concurrentCpu),
        "1 client",
        Report.median(singleCpu),
        Unit.MICROS);
  }

  /**
   * Both phases on fresh datasets: {single client, one client per dataset}, each {upserts/s,
   * CPU/upsert}.
   */
  private double[][] concurrencyRound(RawHttp http, RawHttp bench, String name, boolean singleFirst)
      throws Exception {
    List<List<Grown>> oneClient = List.of(writerDatasets(http, name + "-one"));
    List<List<Grown>> clientEach =
        writerDatasets(http, name + "-each").stream().map(List::of).toList();
    if (singleFirst) {
      double[] one = writeAll(bench, oneClient);
      return new double[][] {one, writeAll(bench, clientEach)};
    }
    double[] many = writeAll(bench, clientEach);
    return new double[][] {writeAll(bench, oneClient), many};
  }

  private void warmUp(List<RawHttp> cpuPorts, String figure, int maxSeconds, JitWarmUp.Round round)
      throws Exception {
    JitWarmUp.run(cpuPorts, figure, maxSeconds, progress, round);
  }

  private List<Grown> writerDatasets(RawHttp http, String name) {
    List<Grown> datasets = new ArrayList<>();
    for (int i = 0; i < scale.writers(); i++) {
      datasets.add(build(http, "bench/writer-" + name + "-" + i, 100));
    }
    return datasets;
  }

  /**
   * Upserts per second and server CPU per upsert when each client, all at once, makes {@link
   * BenchScale#writerAdds()} adds to each of its datasets, taking them in turn.
   */
  private double[] writeAll(RawHttp http, List<List<Grown>> datasetsByClient) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(datasetsByClient.size());
    try {
      CountDownLatch ready = new CountDownLatch(datasetsByClient.size());
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Long>> finished = new ArrayList<>();
      int adds = 0;
      for (List<Grown> datasets : datasetsByClient) {
        List<byte[]> requests = new ArrayList<>();
        for (int i = 0; i < scale.writerAdds(); i++) {
          for (Grown dataset : datasets) {
            requests.add(
                RawHttp.request("POST", "/v5/datasets", dataset.nextAdd(scale.writerBatch())));
          }
        }
        adds += requests.size();
        Callable<Long> writer =
            () -> {
              try (RawHttp connection = new RawHttp(port)) {
                connection.get("/healthz").requireOk("healthz");
                ready.countDown();
                go.await();
                for (byte[] request : requests) {
                  connection.send(request).requireOk("add");
                }
                return System.nanoTime();
              }
            };
        finished.add(pool.submit(writer));
      }
      ready.await();
      long cpuBefore = serverCpu(http);
      long start = System.nanoTime();
      go.countDown();
      long end = start;
      for (Future<Long> done : finished) {
        end = Math.max(end, done.get());
      }
      long cpu = serverCpu(http) - cpuBefore;
      return new double[] {adds / ((end - start) / 1e9), (double) cpu / adds};
    } finally {
      pool.shutdownNow();
    }
  }

  // ---- helpers ----

  private static String latestVersion(RawHttp http, String datasetId) {
    return json(http.get("/v5/datasets/" + datasetId + "/versions").requireOk("versions"))
        .get("records")
        .get(0)
        .get("version_id")
        .asText();
  }

  private static void expectCount(JsonNode dataset, long expected) {
    long actual = dataset.path("datapoints_count").asLong(-1);
    if (actual != expected) {
      throw new AssertionError(
          "expected " + expected + " datapoints, the server reports " + actual);
    }
  }

  static String count(long n) {
    return String.format(java.util.Locale.ROOT, "%,d", n);
  }
}
