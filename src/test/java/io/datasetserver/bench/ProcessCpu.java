package io.datasetserver.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;

/**
 * The answer of {@code GET /bench/cpu}, the same in the server under test and in {@link
 * MinimalServer} so that figures c′, c″ and g′ compare like with like: CPU time this process has
 * used so far (all threads, an embedded database's included), that of its live Java threads alone,
 * and how long its JIT compilers have worked so far.
 */
final class ProcessCpu {
  private ProcessCpu() {}

  static Map<String, Object> now() {
    return Map.of(
        "nanos",
        processNanos(),
        "java_thread_nanos",
        javaThreadCpuNanos(),
        "jit_millis",
        ManagementFactory.getCompilationMXBean().getTotalCompilationTime());
  }

  /** CPU time of this whole process so far, every thread's, in nanoseconds. */
  static long processNanos() {
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    return os.getProcessCpuTime();
  }

  /**
   * The process's CPU without its JIT compilers and GC workers, which on a loaded machine keep
   * compiling long after warm-up and may take as much CPU as the requests being measured.
   */
  private static long javaThreadCpuNanos() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long nanos = 0;
    for (long id : threads.getAllThreadIds()) {
      nanos += Math.max(0, threads.getThreadCpuTime(id));
    }
    return nanos;
  }
}
