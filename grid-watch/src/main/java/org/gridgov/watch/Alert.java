package org.gridgov.watch;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One surge, explained: where (the grids of a unit or a cluster), what (a category, a channel),
 * when (the first and last day it was in force, and its peak), which detector saw it, and the
 * numbers behind it. Alerts of one detector on the same place, category and channel are merged
 * while they persist (gaps of at most {@link WatchConfig#mergeGapDays()} days), so one surge is one
 * alert.
 *
 * <p>{@code observed}, {@code expected}, {@code score} and {@code threshold} are the detector's
 * values on the peak day (the day with the highest score): for a temporal detector the cell's count
 * (or moving sum) and its baseline, for the scan the cluster's cases in its days and the cases the
 * space and time margins predict. docs/watch.md defines each detector's score and threshold.
 *
 * @param start the first day the alert was in force
 * @param end the last day it was in force (the last day fed while it is {@code open})
 * @param peak the day with the highest score
 * @param grids the unit ids it covers: one for a temporal detector, a cluster for the scan; never
 *     empty
 * @param category the category key (an item code, sub-category or category, as counted)
 * @param channel the channel counted, or {@link #ALL_CHANNELS} when channels are counted together
 * @param detector the detector that raised it
 * @param observed the cases observed on the peak day (over the days the statistic covers)
 * @param expected the cases the baseline expected for the same days
 * @param score the detector's statistic on the peak day
 * @param threshold the value the score had to reach (for the scan: the critical value at the
 *     configured level, or {@code NaN} when the replicates are too few to tell)
 * @param pValue the Monte Carlo p-value of the scan; empty for the temporal detectors
 * @param open whether the alert was still in force on the last day fed
 */
public record Alert(
    LocalDate start,
    LocalDate end,
    LocalDate peak,
    List<String> grids,
    String category,
    String channel,
    Detector detector,
    long observed,
    double expected,
    double score,
    double threshold,
    OptionalDouble pValue,
    boolean open) {

  /** The channel of an alert on counts that do not distinguish channels. */
  public static final String ALL_CHANNELS = "all";

  /**
   * Validates and copies.
   *
   * @param start the first day
   * @param end the last day, not before {@code start}
   * @param peak the peak day, within [start, end]
   * @param grids unit ids, at least one
   * @param category the category key
   * @param channel the channel or {@link #ALL_CHANNELS}
   * @param detector the detector
   * @param observed observed cases, ≥ 0
   * @param expected expected cases, ≥ 0
   * @param score the statistic
   * @param threshold the threshold
   * @param pValue the scan's p-value
   * @param open whether still in force
   */
  public Alert {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(peak, "peak");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(detector, "detector");
    Objects.requireNonNull(pValue, "pValue");
    grids = List.copyOf(grids);
    if (grids.isEmpty()) {
      throw new IllegalArgumentException("an alert covers at least one grid");
    }
    if (end.isBefore(start) || peak.isBefore(start) || peak.isAfter(end)) {
      throw new IllegalArgumentException(
          "need start <= peak <= end: " + start + ", " + peak + ", " + end);
    }
    if (observed < 0 || !(expected >= 0)) {
      throw new IllegalArgumentException(
          "observed and expected must be >= 0: " + observed + ", " + expected);
    }
  }

  /**
   * The number of days the alert covers, both ends included.
   *
   * @return {@code end − start + 1}
   */
  public int days() {
    return (int) (end.toEpochDay() - start.toEpochDay()) + 1;
  }
}
