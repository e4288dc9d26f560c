package org.gridgov.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gridgov.credit.CreditBalances;
import org.gridgov.credit.CreditScheme;

/**
 * A companion of {@link CreditBalancesBenchmark} for a shared machine: runs {@link
 * CreditBalances#fromJournal} on a kept journal and prints each run's wall time <em>and the
 * scanning thread's CPU time</em> (which other processes on the machine inflate much less than the
 * wall time). Writes the journal first, with the benchmark's generator, when it does not exist.
 *
 * <p>Before each scan it times a fixed chain of 200 million dependent multiply-adds on the same
 * thread (the "core probe", about 0.3 s of CPU on a 2.7 GHz core), and it prints how much of the
 * scan's CPU time the kernel spent (reading the file: more when it is not all in the page cache):
 * this VM's scans have run at very different speeds from hour to hour, and the two show whether a
 * slow scan ran on a slow core or read from the disk.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.gridgov.benchmarks.CreditBalancesCpuTime JOURNAL
 * RESIDENTS ENTRIES RUNS exact,general}
 */
public final class CreditBalancesCpuTime {
  private CreditBalancesCpuTime() {}

  /**
   * Runs the scans.
   *
   * @param args journal, residents, entries, runs, and the paths to run ({@code exact}, {@code
   *     general}) separated by commas
   * @throws Exception when the journal cannot be written or read
   */
  public static void main(String[] args) throws Exception {
    Path journal = Path.of(args[0]);
    int residentCount = Integer.parseInt(args[1]);
    int entryCount = Integer.parseInt(args[2]);
    String[] residents = new String[residentCount];
    for (int i = 0; i < residentCount; i++) {
      residents[i] = "r" + i;
    }
    if (!Files.exists(journal)) {
      long t = System.nanoTime();
      CreditBalancesBenchmark.write(journal, residents, entryCount);
      System.out.printf(
          "wrote %d bytes in %.1f s%n", Files.size(journal), (System.nanoTime() - t) / 1e9);
    }
    CreditScheme scheme = CreditReplayBenchmark.scheme();
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    for (int r = 0; r < Integer.parseInt(args[3]); r++) {
      for (String path : args[4].split(",")) {
        if (path.equals("general")) {
          System.setProperty("gridgov.credit.balances.generalScanner", "true");
        } else {
          System.clearProperty("gridgov.credit.balances.generalScanner");
        }
        long probe = coreProbe(mx);
        long user = mx.getCurrentThreadUserTime();
        long cpu = mx.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        CreditBalances b = CreditBalances.fromJournal(journal, scheme);
        wall = System.nanoTime() - wall;
        cpu = mx.getCurrentThreadCpuTime() - cpu;
        user = mx.getCurrentThreadUserTime() - user;
        long[] sum = {(long) (residents.length - b.residents()) * scheme.start()};
        b.forEach((id, balance) -> sum[0] += balance);
        System.out.printf(
            "%s: wall %.0f ms, cpu %.0f ms (%.3f us an entry; %.0f ms in the kernel), %d entries,"
                + " %d residents, sum %d, core probe %.0f ms%n",
            path,
            wall / 1e6,
            cpu / 1e6,
            cpu / 1e3 / b.entries(),
            (cpu - user) / 1e6,
            b.entries(),
            b.residents(),
            sum[0],
            probe / 1e6);
      }
    }
  }

  /** The thread CPU time of 200 million dependent multiply-adds (a measure of the core's speed). */
  static long coreProbe(ThreadMXBean mx) {
    long cpu = mx.getCurrentThreadCpuTime();
    long x = cpu;
    for (int i = 0; i < 200_000_000; i++) {
      x = x * 0x9E3779B97F4A7C15L + (x >>> 29);
    }
    cpu = mx.getCurrentThreadCpuTime() - cpu;
    if (x == 42) {
      System.out.print(""); // keeps the loop
    }
    return cpu;
  }
}
