package org.gridgov.watch;

import java.util.Objects;

/**
 * The CIDARS-style moving-percentile detector (see {@link WatchConfig.MovingPercentile}).
 * Stateless; package-private.
 */
final class MovingPercentileDetector {

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
    throw new UnsupportedOperationException("issue 15: moving percentile not built yet");
  }
}
