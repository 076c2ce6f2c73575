package io.datasetserver.bench;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The benchmark's one warm-up rule: run a figure's own work until the JIT compilers of each process
 * it measures are quiet, or until a time budget is spent. While they compile they take a core from
 * whatever is measured, and on 2 cores that skews every ratio. The server holds much code (HTTP,
 * JSON, driver, embedded database), so settling takes a minute.
 */
final class JitWarmUp {
  /**
   * Quiet means the JIT compilers work less than this share of a round, in {@link #QUIET_ROUNDS}
   * rounds in a row: one quiet round alone is often a pause between two bursts of compiling.
   */
  private static final double JIT_QUIET = 0.05;

  private static final int QUIET_ROUNDS = 3;

  private JitWarmUp() {}

  interface Round {
    void run(int number) throws Exception;
  }

  /**
   * Runs {@code round} until the processes behind {@code cpuPorts} are quiet or {@code maxSeconds}
   * have passed, reporting each round to {@code progress}.
   */
  static void run(
      List<RawHttp> cpuPorts, String figure, int maxSeconds, Consumer<String> progress, Round round)
      throws Exception {
    long deadline = System.nanoTime() + maxSeconds * 1_000_000_000L;
    int quietRounds = 0;
    for (int number = 1; ; number++) {
      long[] jitBefore = cpuPorts.stream().mapToLong(JitWarmUp::jitMillis).toArray();
      long started = System.nanoTime();
      round.run(number);
      double roundMillis = (System.nanoTime() - started) / 1e6;
      double busiest = 0;
      for (int i = 0; i < cpuPorts.size(); i++) {
        busiest = Math.max(busiest, (jitMillis(cpuPorts.get(i)) - jitBefore[i]) / roundMillis);
      }
      progress.accept(
          String.format(
              Locale.ROOT,
              "%s: warm-up round %d, JIT compilers busy %.0f%% of it",
              figure,
              number,
              100 * busiest));
      quietRounds = busiest < JIT_QUIET ? quietRounds + 1 : 0;
      if (quietRounds == QUIET_ROUNDS || System.nanoTime() > deadline) {
        return;
      }
    }
  }

  private static long jitMillis(RawHttp http) {
    return RawHttp.json(http.get("/bench/cpu").requireOk("cpu")).get("jit_millis").asLong();
  }
}
