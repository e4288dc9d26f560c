package org.gridgov.watch;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.gridgov.core.time.WorkCalendar;

/** Configurations and calendars the watch tests share. */
final class WatchTestSupport {
  private WatchTestSupport() {}

  static final LocalDate D0 = LocalDate.of(2026, 3, 2); // a Monday

  /** Every day a working day: one day kind, so hand computations stay small. */
  static WorkCalendar everyDay() {
    return WorkCalendar.builder(ZoneId.of("Asia/Shanghai"))
        .workingDays(EnumSet.allOf(DayOfWeek.class))
        .build();
  }

  /** Monday–Friday with a holiday (Wed of week 2) and a make-up working day (Sat of week 3). */
  static WorkCalendar withHolidays() {
    return WorkCalendar.builder(ZoneId.of("Asia/Shanghai"))
        .holidays(List.of(D0.plusDays(9)))
        .makeUpDays(List.of(D0.plusDays(19)))
        .build();
  }

  /** Temporal detectors only (the windowed detectors and the scan are not ours to run). */
  static WatchConfig temporal(int weeks, int minHistory, int minObserved, int mergeGap) {
    WatchConfig d = WatchConfig.defaults();
    return new WatchConfig(
        new WatchConfig.Baseline(weeks, minHistory),
        new WatchConfig.Ewma(true, 0.5, 3.0),
        new WatchConfig.Cusum(true, 2.0, 5.0),
        new WatchConfig.Cusum(true, 2.0, 5.0),
        new WatchConfig.Farrington(
            false, d.farrington().weeks(), d.farrington().guardDays(), d.farrington().alpha()),
        new WatchConfig.MovingPercentile(
            false,
            d.movingPercentile().windowDays(),
            d.movingPercentile().weeks(),
            d.movingPercentile().percentile()),
        new WatchConfig.Scan(
            false,
            d.scan().days(),
            d.scan().maxDays(),
            d.scan().maxZoneShare(),
            d.scan().replicates(),
            d.scan().alpha(),
            d.scan().seed()),
        minObserved,
        mergeGap);
  }

  /** The defaults with the windowed detectors and the scan switched off. */
  static WatchConfig defaultsTemporal() {
    WatchConfig d = WatchConfig.defaults();
    WatchConfig t = temporal(1, 0, 1, 0);
    return new WatchConfig(
        d.baseline(),
        d.ewma(),
        d.poissonCusum(),
        d.negBinCusum(),
        t.farrington(),
        t.movingPercentile(),
        t.scan(),
        d.minObserved(),
        d.mergeGapDays());
  }
}
