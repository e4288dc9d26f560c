package org.gridgov.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.gridgov.fixtures.SyntheticCity;
import org.gridgov.watch.Neighbourhoods;
import org.gridgov.watch.ScanAccess;
import org.gridgov.watch.WatchConfig;

/**
 * The CPU time of {@link SpaceTimeScanBenchmark}'s scan on one thread (the calling thread's CPU
 * time, which a loaded machine does not inflate the way it inflates wall time), and of the baseline
 * with fewer replicates. Arguments: cases per day (default 7000), baseline replicates (default 19,
 * 0 to skip).
 */
public final class SpaceTimeScanCpuTime {
  private SpaceTimeScanCpuTime() {}

  /**
   * Runs it.
   *
   * @param args cases per day, baseline replicates
   */
  public static void main(String[] args) {
    int perDay = args.length > 0 ? Integer.parseInt(args[0]) : 7000;
    int naiveReplicates = args.length > 1 ? Integer.parseInt(args[1]) : 19;
    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    Neighbourhoods zones =
        SpaceTimeScanBenchmark.communities(
            SyntheticCity.zhengzhou(1), SpaceTimeScanBenchmark.NEIGHBOURS);
    int[][] counts = SpaceTimeScanBenchmark.counts(zones, 30, perDay, 42);
    WatchConfig.Scan config = new WatchConfig.Scan(true, 30, 7, 0.5, 999, 0.01, 1);
    for (int run = 0; run < 3; run++) {
      long cpu = bean.getCurrentThreadCpuTime();
      long wall = System.nanoTime();
      var found = ScanAccess.scanAll(zones, config, 1, counts, 7 + run);
      System.out.printf(
          "scan, 1 thread, 999 replicates, %d cases/day: cpu %.2f s, wall %.2f s; top %s%n",
          perDay,
          (bean.getCurrentThreadCpuTime() - cpu) / 1e9,
          (System.nanoTime() - wall) / 1e9,
          found.isEmpty() ? "none" : found.get(0));
    }
    if (naiveReplicates > 0) {
      WatchConfig.Scan small = new WatchConfig.Scan(true, 30, 7, 0.5, naiveReplicates, 0.01, 1);
      long cpu = bean.getCurrentThreadCpuTime();
      var r = NaiveSpaceTimeScan.scan(zones, small, counts, 7);
      double s = (bean.getCurrentThreadCpuTime() - cpu) / 1e9;
      System.out.printf(
          "naive, %d replicates: cpu %.2f s → %.1f s for 999 (×%.1f); %s%n",
          naiveReplicates, s, s * 1000 / (naiveReplicates + 1), 1000.0 / (naiveReplicates + 1), r);
    }
  }
}
