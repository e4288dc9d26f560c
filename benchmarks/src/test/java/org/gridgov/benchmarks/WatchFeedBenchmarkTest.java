package org.gridgov.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WatchFeedBenchmarkTest {
  @Test
  void theEngineAndTheDenseBaselineRaiseTheSameAlarmsDayByDay() {
    WatchFeedBenchmark b = new WatchFeedBenchmark();
    b.setup("60:6:150:40", 25, true);
    b.steady = false;
    b.fresh();
    int alarms = 0;
    for (int d = b.warmDays(); d < b.warmDays() + 25; d++) {
      int dense = b.denseDay(d);
      assertThat(b.engineDay(d)).as("day %s", d).isEqualTo(dense);
      alarms += dense;
    }
    assertThat(alarms).as("the comparison saw alarms").isPositive();
  }

  @Test
  void everyTemporalDetectorRaisesAtLeastTheAlarmsOfTheLinearOnes() {
    // The full set judges with five detectors where the dense baseline has three: its alarms are
    // a superset (mergeGapDays 0: the open alerts are the day's alarms, one per detector and cell).
    WatchFeedBenchmark b = new WatchFeedBenchmark();
    b.setup("60:6:150:100", 10, false);
    b.steady = false;
    b.fresh();
    for (int d = b.warmDays(); d < b.warmDays() + 10; d++) {
      assertThat(b.engineAllDay(d)).as("day %s", d).isGreaterThanOrEqualTo(b.engineDay(d));
    }
  }
}
