package io.datasetserver.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The whole machine's CPU ticks so far, from the first line of Linux's {@code /proc/stat}: how much
 * of the CPUs' time a window left idle, beside what the processes it measures used.
 */
record MachineCpu(long idleTicks, long allTicks) {
  private static final Path STAT = Path.of("/proc/stat");

  /** Now, or null where there is no {@code /proc/stat}. */
  static MachineCpu now() {
    if (!Files.isReadable(STAT)) {
      return null;
    }
    String line;
    try (var lines = Files.lines(STAT)) {
      line = lines.findFirst().orElseThrow();
    } catch (IOException e) {
      return null;
    }
    // cpu user nice system idle iowait irq softirq steal guest guest_nice: guest time is already
    // counted in user and nice; idle and iowait are the time no process used.
    String[] fields = line.trim().split("\\s+");
    long all = 0;
    for (int i = 1; i <= 8; i++) {
      all += Long.parseLong(fields[i]);
    }
    return new MachineCpu(Long.parseLong(fields[4]) + Long.parseLong(fields[5]), all);
  }

  /** The share of all CPUs' time left idle between two readings, or NaN without both. */
  static double idleShare(MachineCpu before, MachineCpu after) {
    if (before == null || after == null || after.allTicks <= before.allTicks) {
      return Double.NaN;
    }
    return (double) (after.idleTicks - before.idleTicks) / (after.allTicks - before.allTicks);
  }
}
