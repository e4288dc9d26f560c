package org.gridgov.watch;

import java.util.Arrays;
import java.util.Objects;

/**
 * The CIDARS-style moving-percentile detector (see {@link WatchConfig.MovingPercentile}). Keeps no
 * state between calls; its scratch array is its own, so it is confined to the engine that made it
 * (no {@code ThreadLocal}); package-private.
 *
 * <p>For the day judged, {@code t}, with {@code w = windowDays}:
 *
 * <ul>
 *   <li>The current sum {@code S}: the counts of the days {@code t − w + 1 … t}.
 *   <li>The comparable sums: the {@code weeks} windows of {@code w} days ending on the same weekday
 *       {@code k} weeks earlier, {@code k = k₀ … k₀ + weeks − 1} with {@code k₀ = ⌈w/7⌉}, the
 *       nearest week whose window does not overlap the current one. Any day of them before the
 *       history starts: {@link Evaluation#QUIET}.
 *   <li>The percentile {@code P}: the {@code percentile} quantile of the comparable sums by linear
 *       interpolation between order statistics ({@code h = (weeks − 1)·percentile}; Hyndman and
 *       Fan's type 7, R's default).
 *   <li>Alarm when {@code S > P} and {@code S ≥ minObserved}. The score is {@code S}, the threshold
 *       the smallest sum that alarms, {@code ⌊P⌋ + 1}; the expected value the median of the
 *       comparable sums.
 * </ul>
 */
final class MovingPercentileDetector {

  private final long[] scratch = new long[104]; // confined: one detector per engine

  private final WatchConfig.MovingPercentile config;
  private final int minObserved;

  MovingPercentileDetector(WatchConfig.MovingPercentile config, int minObserved) {
    this.config = Objects.requireNonNull(config, "config");
    this.minObserved = minObserved;
  }

  /**
   * Judges the series' last day.
   *
   * @param series the cell's history up to the day judged
   * @return the evaluation, {@link Evaluation#QUIET} when the history is too short
   */
  Evaluation evaluate(DailySeries series) {
    long t = series.lastDay();
    int w = config.windowDays();
    int weeks = config.weeks();
    int k0 = (w + 6) / 7;
    long earliest = t - 7L * (k0 + weeks - 1) - w + 1;
    if (earliest < series.firstDay()) {
      return Evaluation.QUIET;
    }
    long current = sum(series, t, w);
    long[] sums = scratch;
    for (int i = 0; i < weeks; i++) {
      sums[i] = sum(series, t - 7L * (k0 + i), w);
    }
    Arrays.sort(sums, 0, weeks);
    double p = percentile(sums, weeks, config.percentile());
    double median = percentile(sums, weeks, 0.5);
    double threshold = Math.floor(p) + 1;
    boolean alarm = current > p && current >= minObserved;
    return new Evaluation(current, median, current, threshold, alarm);
  }

  private static long sum(DailySeries series, long end, int w) {
    long s = 0;
    for (long d = end - w + 1; d <= end; d++) {
      s += series.count(d);
    }
    return s;
  }

  /**
   * The type-7 quantile of sorted values: {@code v[⌊h⌋] + (h − ⌊h⌋)·(v[⌊h⌋+1] − v[⌊h⌋])} with
   * {@code h = (n − 1)·q}.
   *
   * @param sorted ascending values in {@code [0, n)}
   * @param n how many
   * @param q the fraction in [0, 1]
   * @return the quantile
   */
  static double percentile(long[] sorted, int n, double q) {
    double h = (n - 1) * q;
    int lo = (int) Math.floor(h);
    if (lo >= n - 1) {
      return sorted[n - 1];
    }
    return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
  }
}
