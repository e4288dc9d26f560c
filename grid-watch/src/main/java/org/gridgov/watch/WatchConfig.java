package org.gridgov.watch;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;

/**
 * The thresholds and windows of a {@link Watch}, as data (format {@code gridgov.watch/1}, read and
 * written by {@code WatchConfigs}, docs/watch.md). The defaults are chosen from the evaluation
 * harness (grid-lab's {@code WatchEvaluation}, {@code gridgov watch-eval}), not guessed;
 * docs/watch.md records the run that chose them.
 *
 * @param baseline how the expected count of a cell is estimated
 * @param ewma the EWMA detector
 * @param poissonCusum the Poisson CUSUM
 * @param negBinCusum the negative-binomial CUSUM
 * @param farrington the Farrington-flexible-style detector
 * @param movingPercentile the CIDARS-style moving percentile
 * @param scan the prospective space-time permutation scan
 * @param minObserved a temporal detector never alerts on a cell with fewer cases than this on the
 *     day (or window) it judges
 * @param mergeGapDays alerts of one detector on the same place, category and channel separated by
 *     at most this many quiet days are one alert
 */
public record WatchConfig(
    Baseline baseline,
    Ewma ewma,
    Cusum poissonCusum,
    Cusum negBinCusum,
    Farrington farrington,
    MovingPercentile movingPercentile,
    Scan scan,
    int minObserved,
    int mergeGapDays) {

  /**
   * Validates.
   *
   * @param baseline the baseline
   * @param ewma EWMA
   * @param poissonCusum Poisson CUSUM
   * @param negBinCusum negative-binomial CUSUM
   * @param farrington Farrington
   * @param movingPercentile moving percentile
   * @param scan the scan
   * @param minObserved at least 1
   * @param mergeGapDays at least 0
   */
  public WatchConfig {
    Objects.requireNonNull(baseline, "baseline");
    Objects.requireNonNull(ewma, "ewma");
    Objects.requireNonNull(poissonCusum, "poissonCusum");
    Objects.requireNonNull(negBinCusum, "negBinCusum");
    Objects.requireNonNull(farrington, "farrington");
    Objects.requireNonNull(movingPercentile, "movingPercentile");
    Objects.requireNonNull(scan, "scan");
    checkArgument(minObserved >= 1, "minObserved must be >= 1: %s", minObserved);
    checkArgument(mergeGapDays >= 0, "mergeGapDays must be >= 0: %s", mergeGapDays);
  }

  /**
   * The documented defaults.
   *
   * @return the default configuration
   */
  public static WatchConfig defaults() {
    return new WatchConfig(
        new Baseline(8, 28),
        new Ewma(true, 0.5, 2.75),
        new Cusum(true, 3.0, 2.25),
        new Cusum(true, 3.0, 2.25),
        new Farrington(true, 12, 7, 0.03),
        new MovingPercentile(true, 3, 12, 0.99),
        new Scan(true, 30, 7, 0.5, 999, 0.05, 20261206L),
        3,
        2);
  }

  /**
   * How a cell's expected count is estimated: from its own past, separately for working days and
   * rest days (weekends and holidays, make-up working days counting as working days, on the
   * calendar the watch was created with).
   *
   * @param weeks the weeks of history the baseline looks back over
   * @param minHistoryDays the days of history a cell needs before the temporal detectors judge it
   */
  public record Baseline(int weeks, int minHistoryDays) {
    /**
     * Validates.
     *
     * @param weeks 1–104
     * @param minHistoryDays 0–728
     */
    public Baseline {
      checkArgument(weeks >= 1 && weeks <= 104, "baseline weeks must be in [1, 104]: %s", weeks);
      checkArgument(
          minHistoryDays >= 0 && minHistoryDays <= 728,
          "minHistoryDays must be in [0, 728]: %s",
          minHistoryDays);
    }
  }

  /**
   * The EWMA detector: {@code z = λ·r + (1 − λ)·z} over the standardised residuals {@code r} of the
   * counts against the baseline; alerts while {@code z} exceeds {@code limit} standard deviations
   * of the EWMA.
   *
   * @param enabled whether it runs
   * @param lambda the smoothing weight λ in (0, 1]
   * @param limit the control limit L in standard deviations of the EWMA
   */
  public record Ewma(boolean enabled, double lambda, double limit) {
    /**
     * Validates.
     *
     * @param enabled whether it runs
     * @param lambda in (0, 1]
     * @param limit &gt; 0
     */
    public Ewma {
      checkArgument(lambda > 0 && lambda <= 1, "ewma lambda must be in (0, 1]: %s", lambda);
      checkArgument(limit > 0, "ewma limit must be > 0: %s", limit);
    }
  }

  /**
   * A CUSUM on the counts against the baseline, tuned to detect a rise of the rate by the factor
   * {@code shift}; alerts while the cumulative sum is at least {@code threshold} (h).
   *
   * @param enabled whether it runs
   * @param shift the out-of-control rate as a multiple of the baseline, &gt; 1
   * @param threshold the decision threshold h, &gt; 0
   */
  public record Cusum(boolean enabled, double shift, double threshold) {
    /**
     * Validates.
     *
     * @param enabled whether it runs
     * @param shift &gt; 1
     * @param threshold &gt; 0
     */
    public Cusum {
      checkArgument(shift > 1, "cusum shift must be > 1: %s", shift);
      checkArgument(threshold > 0, "cusum threshold must be > 0: %s", threshold);
    }
  }

  /**
   * The Farrington-flexible-style detector on daily counts: a quasi-Poisson regression on the
   * comparable days of the last {@code weeks} weeks (same day kind), leaving out the last {@code
   * guardDays} days, past outbreaks down-weighted; alerts when the count exceeds the upper {@code 1
   * − alpha} prediction bound.
   *
   * @param enabled whether it runs
   * @param weeks the weeks of reference history
   * @param guardDays the most recent days left out of the reference
   * @param alpha the one-sided level of the upper bound
   */
  public record Farrington(boolean enabled, int weeks, int guardDays, double alpha) {
    /**
     * Validates.
     *
     * @param enabled whether it runs
     * @param weeks 2–104
     * @param guardDays 0–28
     * @param alpha in (0, 0.5)
     */
    public Farrington {
      checkArgument(weeks >= 2 && weeks <= 104, "farrington weeks must be in [2, 104]: %s", weeks);
      checkArgument(
          guardDays >= 0 && guardDays <= 28, "guardDays must be in [0, 28]: %s", guardDays);
      checkArgument(alpha > 0 && alpha < 0.5, "farrington alpha must be in (0, 0.5): %s", alpha);
    }
  }

  /**
   * The moving-percentile detector (as China's CIDARS): the sum of the last {@code windowDays} days
   * against the {@code percentile} of the comparable sums of the last {@code weeks} weeks.
   *
   * @param enabled whether it runs
   * @param windowDays the days summed
   * @param weeks the weeks of comparable past windows
   * @param percentile the percentile, a fraction in (0, 1)
   */
  public record MovingPercentile(boolean enabled, int windowDays, int weeks, double percentile) {
    /**
     * Validates.
     *
     * @param enabled whether it runs
     * @param windowDays 1–28
     * @param weeks 2–104
     * @param percentile in (0, 1)
     */
    public MovingPercentile {
      checkArgument(
          windowDays >= 1 && windowDays <= 28, "windowDays must be in [1, 28]: %s", windowDays);
      checkArgument(weeks >= 2 && weeks <= 104, "percentile weeks must be in [2, 104]: %s", weeks);
      checkArgument(
          percentile > 0 && percentile < 1, "percentile must be in (0, 1): %s", percentile);
    }
  }

  /**
   * The prospective space-time permutation scan (Kulldorff et al. 2005), run per category on each
   * day fed over the last {@code days} days: cylinders of a zone and its nearest neighbours (up to
   * {@code maxZoneShare} of the zones' cases) × windows of 1 to {@code maxDays} days ending on the
   * day; alerts on the most likely cluster when its Monte Carlo p-value (with {@code replicates}
   * permutations, seeded with {@code seed} and the day) is at most {@code alpha}.
   *
   * @param enabled whether it runs
   * @param days the study period in days
   * @param maxDays the longest window
   * @param maxZoneShare the largest share of the study period's cases a cluster's zones may hold
   * @param replicates Monte Carlo replicates (999 is usual)
   * @param alpha the level
   * @param seed the seed of the permutations
   */
  public record Scan(
      boolean enabled,
      int days,
      int maxDays,
      double maxZoneShare,
      int replicates,
      double alpha,
      long seed) {
    /**
     * Validates.
     *
     * @param enabled whether it runs
     * @param days 2–366
     * @param maxDays 1 to {@code days}
     * @param maxZoneShare in (0, 0.5]
     * @param replicates 9–99999
     * @param alpha in (0, 1)
     * @param seed any
     */
    public Scan {
      checkArgument(days >= 2 && days <= 366, "scan days must be in [2, 366]: %s", days);
      checkArgument(maxDays >= 1 && maxDays <= days, "maxDays must be in [1, days]: %s", maxDays);
      checkArgument(
          maxZoneShare > 0 && maxZoneShare <= 0.5,
          "maxZoneShare must be in (0, 0.5]: %s",
          maxZoneShare);
      checkArgument(
          replicates >= 9 && replicates <= 99_999,
          "replicates must be in [9, 99999]: %s",
          replicates);
      checkArgument(alpha > 0 && alpha < 1, "scan alpha must be in (0, 1): %s", alpha);
    }
  }
}
