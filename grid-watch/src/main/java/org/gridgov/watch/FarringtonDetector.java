package org.gridgov.watch;

import java.util.Objects;

/**
 * The Farrington-flexible-style detector on daily counts (see {@link WatchConfig.Farrington}).
 * Stateless; package-private.
 */
final class FarringtonDetector {

  private final WatchConfig.Farrington config;
  private final int minObserved;

  FarringtonDetector(WatchConfig.Farrington config, int minObserved) {
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
    throw new UnsupportedOperationException("issue 15: Farrington detector not built yet");
  }
}
