package org.gridgov.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.gridgov.org.OrgDirectory;
import org.gridgov.org.OrgReport;

/**
 * A companion of {@link OrgCheckBenchmark} for a shared machine: runs the benchmark's setup (the
 * Zhengzhou-scale organisation file), then loads and checks it a number of times and prints, for
 * each, the wall time, <em>the benchmark thread's CPU time</em> (which other processes on the
 * machine inflate much less than the wall time), the bytes the thread allocated and the time the
 * collectors report for the same span (their work on other threads, which the thread's CPU time
 * leaves out), and the CPU time of the whole process over load and check (every thread: the
 * collectors' and the compilers' work included — what one core would have to do).
 *
 * <p>Each round checks the directory it has just loaded, as {@code loadAndCheck} does.
 *
 * <p>Usage: {@code java -Xms4g -Xmx4g -cp benchmarks.jar org.gridgov.benchmarks.OrgCheckCpuTime
 * ROUNDS}
 */
public final class OrgCheckCpuTime {
  private OrgCheckCpuTime() {}

  /**
   * Runs the rounds.
   *
   * @param args the number of rounds (default 8)
   */
  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    OrgCheckBenchmark b = new OrgCheckBenchmark();
    b.setUp();
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    com.sun.management.ThreadMXBean sun = (com.sun.management.ThreadMXBean) mx;
    long id = Thread.currentThread().getId();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    OrgDirectory keep = null;
    for (int r = 0; r < rounds; r++) {
      System.gc();
      long gc = gcMillis();
      long process = os.getProcessCpuTime();
      long bytes = sun.getThreadAllocatedBytes(id);
      long cpu = mx.getCurrentThreadCpuTime();
      long wall = System.nanoTime();
      OrgDirectory org = b.load();
      long loadWall = System.nanoTime() - wall;
      long loadCpu = mx.getCurrentThreadCpuTime() - cpu;
      long loadBytes = sun.getThreadAllocatedBytes(id) - bytes;
      long loadGc = gcMillis() - gc;
      long cpu2 = mx.getCurrentThreadCpuTime();
      long wall2 = System.nanoTime();
      b.org = org; // check what was just loaded, as loadAndCheck does (indexes built on first use)
      OrgReport report = b.check();
      long checkWall = System.nanoTime() - wall2;
      long checkCpu = mx.getCurrentThreadCpuTime() - cpu2;
      long totalGc = gcMillis() - gc;
      long processCpu = os.getProcessCpuTime() - process;
      System.out.printf(
          "round %d: load wall %.0f ms cpu %.0f ms alloc %.0f MB gc %d ms | check wall %.0f ms"
              + " cpu %.0f ms | load+check wall %.0f ms cpu %.0f ms, gc %d ms, process cpu %.0f ms"
              + " | %d findings, load average %.2f%n",
          r,
          loadWall / 1e6,
          loadCpu / 1e6,
          loadBytes / 1e6,
          loadGc,
          checkWall / 1e6,
          checkCpu / 1e6,
          (loadWall + checkWall) / 1e6,
          (loadCpu + checkCpu) / 1e6,
          totalGc,
          processCpu / 1e6,
          report.findings().size(),
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      keep = org;
    }
    System.out.println(keep);
  }

  private static long gcMillis() {
    long sum = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      sum += Math.max(0, gc.getCollectionTime());
    }
    return sum;
  }
}
