package org.gridgov.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.gridgov.scoring.ScoringScheme.WarningThresholds;
import org.junit.jupiter.api.Test;

/** Red and yellow warnings by share of the time limit used. */
class SupervisionReportTest {
  private static final Instant DUE = Instant.parse("2026-01-20T10:00:00Z");

  private static TestFacts open(
      String id, String dept, long allowed, long used, boolean suspended) {
    TestFacts f =
        TestFacts.of(id)
            .grid("G1")
            .dept(dept)
            .worker("W1")
            .flags(Count.TAKEN_ON)
            .open(new CaseFacts.OpenClock(DUE, allowed, used, suspended));
    if (suspended) {
      f.flags(Count.SUSPENDED_OPEN);
    } else if (used > allowed) {
      f.flags(Count.OVERDUE_OPEN);
    }
    return f;
  }

  @Test
  void warnsByShareOfTheLimitUsed() {
    CaseLog log =
        TestFacts.log(
            open("late", "D1", 240, 300, false), // 125 % → red
            open("due", "D1", 240, 240, false), // 100 % → red
            open("soon", "D2", 240, 192, false), // 80 % → yellow
            open("fine", "D2", 240, 191, false), // 79.6 % → none
            open("paused", "D2", 480, 420, true), // 87.5 % → yellow, suspended
            TestFacts.of("closed").dept("D1").closedOnTime(),
            open("other-month", "D1", 10, 100, false).month("2026-02"));
    SupervisionReport r = SupervisionReport.of(log, Examples.PERIOD, WarningThresholds.DEFAULT);
    assertThat(r.entries())
        .extracting(SupervisionReport.Entry::caseId, SupervisionReport.Entry::warning)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("late", SupervisionReport.Warning.RED),
            org.assertj.core.groups.Tuple.tuple("due", SupervisionReport.Warning.RED),
            org.assertj.core.groups.Tuple.tuple("paused", SupervisionReport.Warning.YELLOW),
            org.assertj.core.groups.Tuple.tuple("soon", SupervisionReport.Warning.YELLOW));
    SupervisionReport.Entry late = r.entries().get(0);
    assertThat(late.overdueMinutes()).isEqualTo(60);
    assertThat(late.shareUsed()).isEqualTo(1.25);
    assertThat(late.department()).hasValue("D1");
    assertThat(r.entries().get(2).suspended()).isTrue();
    assertThat(r.tallyBy(UnitKind.DEPARTMENT))
        .containsOnlyKeys("D1", "D2")
        .satisfies(
            m -> {
              assertThat(m.get("D1")).containsExactly(2, 0);
              assertThat(m.get("D2")).containsExactly(0, 2);
            });
    assertThat(r.render()).contains("2 red, 2 yellow").contains("late");
  }

  @Test
  void thresholdsAreConfigurable() {
    CaseLog log = TestFacts.log(open("a", "D1", 100, 50, false), open("b", "D1", 100, 90, false));
    SupervisionReport r =
        SupervisionReport.of(log, Examples.PERIOD, new WarningThresholds(0.5, 0.9));
    assertThat(r.at(SupervisionReport.Warning.RED))
        .extracting(SupervisionReport.Entry::caseId)
        .containsExactly("b");
    assertThat(r.at(SupervisionReport.Warning.YELLOW))
        .extracting(SupervisionReport.Entry::caseId)
        .containsExactly("a");
    // The scorer uses the scheme's thresholds.
    ScoringScheme tongcheng = ScoringSchemes.builtIn("tongcheng-2022");
    assertThat(Scorer.of(tongcheng).supervise(log, Examples.PERIOD).thresholds())
        .isEqualTo(tongcheng.warnings());
  }
}
