package org.gridgov.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WatchFeedBenchmarkTest {
  @Test
  void theEngineAndTheDenseBaselineRaiseTheSameAlarmsDayByDay() {
    WatchFeedBenchmark b = new WatchFeedBenchmark();
    b.setup("60:6:150:40", 25, true);
    b.fresh();
    int alarms = 0;
    for (int d = b.warmDays(); d < b.warmDays() + 25; d++) {
      int dense = b.denseDay(d);
      assertThat(b.engineDay(d)).as("day %s", d).isEqualTo(dense);
      alarms += dense;
    }
    assertThat(alarms).as("the comparison saw alarms").isPositive();
  }
}
