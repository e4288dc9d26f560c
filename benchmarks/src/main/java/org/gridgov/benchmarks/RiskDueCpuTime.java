package org.gridgov.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * A companion of {@link RiskDueBenchmark} for a shared machine: builds the benchmark's city, then
 * runs the engine (a fresh service, so the join is included, and again on the same service) and the
 * naive baseline a number of times, printing for each the wall time and the benchmark thread's CPU
 * time (which other processes on the machine inflate much less than the wall time).
 *
 * <p>Usage: {@code java -Xms4g -Xmx4g -XX:ActiveProcessorCount=1 -cp benchmarks.jar
 * org.gridgov.benchmarks.RiskDueCpuTime ROUNDS}
 */
public final class RiskDueCpuTime {
  private RiskDueCpuTime() {}

  /**
   * Runs the rounds.
   *
   * @param args the number of rounds (default 6)
   */
  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 6;
    RiskDueBenchmark b = new RiskDueBenchmark();
    b.size = "1000000:54161";
    b.setup();
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    for (int r = 0; r < rounds; r++) {
      System.gc();
      long[] cold = time(mx, b::engineCold);
      long[] warm = time(mx, b::engine);
      long[] naive = time(mx, b::naive);
      System.out.printf(
          "round %d: engineCold wall %.0f ms cpu %.0f ms | engine wall %.0f ms cpu %.0f ms |"
              + " naive wall %.0f ms cpu %.0f ms | cpu ratio naive/engineCold %.1f,"
              + " naive/engine %.1f%n",
          r,
          cold[0] / 1e6,
          cold[1] / 1e6,
          warm[0] / 1e6,
          warm[1] / 1e6,
          naive[0] / 1e6,
          naive[1] / 1e6,
          (double) naive[1] / cold[1],
          (double) naive[1] / warm[1]);
    }
  }

  private static long[] time(ThreadMXBean mx, java.util.function.LongSupplier op) {
    long cpu = mx.getCurrentThreadCpuTime();
    long wall = System.nanoTime();
    long overdue = op.getAsLong();
    if (overdue < 0) {
      throw new AssertionError();
    }
    return new long[] {System.nanoTime() - wall, mx.getCurrentThreadCpuTime() - cpu};
  }
}
