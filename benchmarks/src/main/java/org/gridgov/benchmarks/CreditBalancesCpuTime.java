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
        long cpu = mx.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        CreditBalances b = CreditBalances.fromJournal(journal, scheme);
        wall = System.nanoTime() - wall;
        cpu = mx.getCurrentThreadCpuTime() - cpu;
        long[] sum = {(long) (residents.length - b.residents()) * scheme.start()};
        b.forEach((id, balance) -> sum[0] += balance);
        System.out.printf(
            "%s: wall %.0f ms, cpu %.0f ms (%.3f us an entry), %d entries, %d residents, sum %d%n",
            path,
            wall / 1e6,
            cpu / 1e6,
            cpu / 1e3 / b.entries(),
            b.entries(),
            b.residents(),
            sum[0]);
      }
    }
  }
}
