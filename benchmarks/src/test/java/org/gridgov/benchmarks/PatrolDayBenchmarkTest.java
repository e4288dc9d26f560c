package org.gridgov.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.gridgov.risk.PatrolDay;
import org.junit.jupiter.api.Test;

class PatrolDayBenchmarkTest {
  @Test
  void theSetupFindsTheSameStopsEitherWayAndEveryMethodRuns() {
    PatrolDayBenchmark b = new PatrolDayBenchmark();
    b.setUp(3_000, 400, false); // the setup checks the baseline finds the day's stops
    PatrolDay day = b.day();
    assertThat(day.stops()).hasSizeBetween(30, 200);
    assertThat(day.stops()).allSatisfy(s -> assertThat(b.worker).contains(s.grid()));
    assertThat(b.dayFromStart().stops()).hasSameSizeAs(day.stops());
    // on this data the naive route is not shorter than nearest neighbour + 2-opt + Or-opt
    assertThat(b.naiveRouteOnly()).isGreaterThan(day.metres() * 0.99);
    assertThat(b.baseline()).isEqualTo(b.naiveRouteOnly());
  }
}
