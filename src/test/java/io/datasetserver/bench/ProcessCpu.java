package io.datasetserver.bench;

import java.lang.management.ManagementFactory;
import java.util.Map;

/**
 * The answer of {@code GET /bench/cpu}, the same in the server under test and in {@link
 * MinimalServer} so that figures c′ and g′ compare like with like: CPU time this process has used
 * so far (all threads, an embedded database's included), and how long its JIT compilers have worked
 * so far.
 */
final class ProcessCpu {
  private ProcessCpu() {}

  static Map<String, Object> now() {
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    return Map.of(
        "nanos",
        os.getProcessCpuTime(),
        "jit_millis",
        ManagementFactory.getCompilationMXBean().getTotalCompilationTime());
  }
}
