package org.gridgov.watch;

/**
 * What one detector says about one cell on one day (package-private: the engine turns alarms into
 * {@link Alert}s and merges them).
 *
 * @param observed the cases judged (the day's count or the window's sum)
 * @param expected what the baseline expected for the same days
 * @param score the statistic
 * @param threshold the value the statistic must reach to alarm
 * @param alarm whether it alarms (normally {@code score >= threshold} and {@code observed >=
 *     minObserved})
 */
record Evaluation(long observed, double expected, double score, double threshold, boolean alarm) {

  /** "Nothing to say": not enough history, or nothing observed. */
  static final Evaluation QUIET = new Evaluation(0, 0, 0, Double.POSITIVE_INFINITY, false);
}
