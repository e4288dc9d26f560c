package org.gridgov.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.gridgov.risk.DueReport;
import org.gridgov.risk.RiskControl;
import org.junit.jupiter.api.Test;

/** Smoke test: the engine and the naive baseline give the same rows on a tiny city. */
class RiskDueBenchmarkTest {
  @Test
  void engineAndBaselineAgree() {
    RiskControl c = RiskDueBenchmark.build(2_000, 50, 7L);
    for (int d = 0; d < 60; d += 7) {
      DueReport engine = c.due(RiskDueBenchmark.AS_OF.minusDays(d));
      DueReport naive = NaiveDue.due(c, RiskDueBenchmark.AS_OF.minusDays(d));
      assertThat(engine).isEqualTo(naive);
      assertThat(engine.rows()).hasSize(2_000);
    }
    assertThat(c.due(RiskDueBenchmark.AS_OF).overdue()).isPositive();
  }
}
