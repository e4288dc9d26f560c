package org.gridgov.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gridgov.scoring.Scorecard;
import org.gridgov.scoring.Scorecard.UnitScore;
import org.gridgov.scoring.Scorer;
import org.gridgov.scoring.UnitKind;
import org.junit.jupiter.api.Test;

class ScoringBenchmarkTest {
  @Test
  void theColumnarPathAndTheGroupingByBaselineAgreeEveryMonthForEveryKind() {
    ScoringBenchmark b = new ScoringBenchmark();
    b.cases = 20_000;
    b.kinds = "ALL";
    b.setUp();
    try {
      for (UnitKind kind : b.unitKinds) {
        List<Scorecard> fast = b.scorer.score(b.log, Scorer.Request.of(b.period, kind).eachMonth());
        List<Scorecard> slow = b.groupingByCards(kind);
        assertThat(fast).hasSameSizeAs(slow).hasSize(ScoringBenchmark.MONTHS);
        for (int m = 0; m < slow.size(); m++) {
          // The columnar card lists every unit of the log; those without a case that month are
          // not scored. The baseline lists the units it saw that month.
          int scored = 0;
          for (var f : fast.get(m).units()) {
            scored += f.status() == UnitScore.Status.SCORED ? 1 : 0;
          }
          int baselineScored = 0;
          for (var u : slow.get(m).units()) {
            var f = fast.get(m).unit(u.unit()).orElseThrow();
            assertThat(f.score()).as("%s month %s %s", kind, m, u.unit()).isEqualTo(u.score());
            assertThat(f.rank()).as("%s month %s %s", kind, m, u.unit()).isEqualTo(u.rank());
            baselineScored += u.status() == UnitScore.Status.SCORED ? 1 : 0;
          }
          assertThat(scored).as("%s month %s", kind, m).isEqualTo(baselineScored).isPositive();
        }
      }
    } finally {
      b.tearDown();
    }
  }
}
