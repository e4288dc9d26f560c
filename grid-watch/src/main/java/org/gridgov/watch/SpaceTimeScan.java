package org.gridgov.watch;

import java.util.List;
import java.util.Objects;

/**
 * The prospective space-time permutation scan statistic (Kulldorff et al. 2005) with Monte Carlo
 * p-values (see {@link WatchConfig.Scan}). Immutable and thread-safe; package-private.
 */
final class SpaceTimeScan {

  private final Neighbourhoods zones;
  private final WatchConfig.Scan config;

  SpaceTimeScan(Neighbourhoods zones, WatchConfig.Scan config) {
    this.zones = Objects.requireNonNull(zones, "zones");
    this.config = Objects.requireNonNull(config, "config");
  }

  /**
   * Scans one study period.
   *
   * @param counts {@code counts[zone][d]}: the cases of zone {@code zone} (an index in {@link
   *     Neighbourhoods#zones()}) on day {@code d} of the study period, {@code d = counts[zone].length
   *     − 1} being the last day; every row has {@code config.days()} entries
   * @param seed the seed of this scan's permutations (the engine mixes the configured seed with the
   *     day and the category)
   * @return the significant clusters (p-value at most {@code config.alpha()}), the most likely
   *     first, then secondary clusters that share no zone with an earlier one; empty when none
   */
  List<ScanCluster> scan(int[][] counts, long seed) {
    throw new UnsupportedOperationException("issue 15: space-time scan not built yet");
  }
}
