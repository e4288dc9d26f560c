package org.gridgov.watch;

import java.util.List;

/**
 * The benchmarks' door to grid-watch's package-private space-time scan (this class is in the
 * benchmarks jar, in grid-watch's package, which works on the class path the benchmarks run on).
 */
public final class ScanAccess {
  private ScanAccess() {}

  /**
   * A cluster as the scan reports it.
   *
   * @param zones zone indices, the centre first
   * @param days window length
   * @param observed cases in the cylinder
   * @param expected μ
   * @param llr the statistic
   * @param criticalValue the replicates' maximum at the level
   * @param pValue the Monte Carlo p-value
   */
  public record Cluster(
      List<Integer> zones,
      int days,
      long observed,
      double expected,
      double llr,
      double criticalValue,
      double pValue) {}

  /**
   * Runs {@code SpaceTimeScan.scanAll}.
   *
   * @param zones the zones
   * @param config the scan's configuration
   * @param threads threads for the replicates
   * @param counts zone × day counts
   * @param seed the seed
   * @return every cluster with a positive LLR, the most likely first
   */
  public static List<Cluster> scanAll(
      Neighbourhoods zones, WatchConfig.Scan config, int threads, int[][] counts, long seed) {
    return new SpaceTimeScan(zones, config, threads)
        .scanAll(counts, seed).stream()
            .map(
                c ->
                    new Cluster(
                        c.zones(),
                        c.days(),
                        c.observed(),
                        c.expected(),
                        c.llr(),
                        c.criticalValue(),
                        c.pValue()))
            .toList();
  }
}
