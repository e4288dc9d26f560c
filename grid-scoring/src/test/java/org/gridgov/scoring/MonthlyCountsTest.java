package org.gridgov.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.gridgov.scoring.CaseFacts.WorkerRole;
import org.gridgov.scoring.Count.Counts;
import org.junit.jupiter.api.Test;

class MonthlyCountsTest {
  private static final Instant AS_OF = Instant.parse("2026-05-01T00:00:00Z");
  private static final Scorer SCORER = Scorer.of(ScoringSchemes.builtIn("gbt30428-region"));

  private static CaseFacts fact(String id, YearMonth m, String grid, String dept, String worker) {
    Map<WorkerRole, String> w = new EnumMap<>(WorkerRole.class);
    if (worker != null) {
      w.put(WorkerRole.RESPONSIBLE, worker);
      w.put(WorkerRole.REPORTER, worker + "r");
    }
    return new CaseFacts(
        id,
        m,
        Optional.ofNullable(grid),
        Optional.empty(),
        Optional.empty(),
        Optional.ofNullable(dept),
        w,
        Set.of(Count.REPORTED, Count.VALID_REPORTS, Count.FILED),
        0,
        OptionalInt.empty(),
        Optional.empty());
  }

  private static final List<CaseFacts> FACTS =
      List.of(
          fact("a", YearMonth.of(2026, 1), "G1", "D1", "W1"),
          fact("b", YearMonth.of(2026, 1), "G2", null, null),
          fact("c", YearMonth.of(2026, 3), "G1", "D2", "W2"),
          fact("d", YearMonth.of(2026, 4), null, "D1", null));

  @Test
  void countsOfALogListItsUnitsSpanAndCases() {
    CaseLog log = CaseLog.builder(AS_OF).declare(UnitKind.GRID, "G9").addAll(FACTS).build();
    MonthlyCounts grids = MonthlyCounts.of(log, UnitKind.GRID);
    assertThat(grids.units()).containsExactly("G1", "G2", "G9");
    assertThat(grids.cases()).isEqualTo(4);
    assertThat(grids.span()).contains(ScoringPeriod.parse("2026-01..2026-04"));
    assertThat(grids.cases(ScoringPeriod.parse("2026-02..2026-03"))).isEqualTo(1);
    assertThat(grids.counts("G1", ScoringPeriod.parse("2026-01..2026-04")).get(Count.REPORTED))
        .isEqualTo(2);
    assertThat(grids.counts("G9", ScoringPeriod.year(2026))).isEqualTo(Counts.zero());
    assertThat(grids.counts("nobody", ScoringPeriod.year(2026))).isEqualTo(Counts.zero());
    // workers: a worker named only as reporter is a unit too
    assertThat(MonthlyCounts.of(log, UnitKind.WORKER).units())
        .containsExactly("W1", "W1r", "W2", "W2r");
    assertThat(MonthlyCounts.builder(UnitKind.GRID, AS_OF).build().span()).isEmpty();
  }

  @Test
  void scoringCountsEqualsScoringTheLogForEveryKindAndRollup() {
    CaseLog log = CaseLog.builder(AS_OF).declare(UnitKind.DEPARTMENT, "D0").addAll(FACTS).build();
    ExtraCounts extra =
        ExtraCounts.builder()
            .add(UnitKind.DEPARTMENT, "D7", YearMonth.of(2026, 3), Count.MISSED_REPORTS, 2)
            .add(UnitKind.DEPARTMENT, "D1", YearMonth.of(2026, 1), Count.MISSED_REPORTS, 1)
            .build();
    for (UnitKind kind : UnitKind.values()) {
      Scorer scorer = Scorer.of(SCORER.scheme().toBuilder().unitKinds(Set.of()).build());
      MonthlyCounts counts = MonthlyCounts.of(log, kind);
      for (Scorer.Rollup r : Scorer.Rollup.values()) {
        Scorer.Request req =
            Scorer.Request.of(ScoringPeriod.parse("2026-01..2026-04"), kind).rollup(r).extra(extra);
        assertThat(Scorecards.render(scorer.score(counts, req)))
            .as("%s %s", kind, r)
            .isEqualTo(Scorecards.render(scorer.score(log, req)));
      }
    }
  }

  @Test
  void partsAddUpToTheWholeAndSurviveSerialisation() throws Exception {
    MonthlyCounts.Builder first = MonthlyCounts.builder(UnitKind.GRID, AS_OF);
    MonthlyCounts.Builder second = MonthlyCounts.builder(UnitKind.GRID, AS_OF);
    for (int i = 0; i < FACTS.size(); i++) {
      (i % 2 == 0 ? first : second).add(FACTS.get(i));
    }
    MonthlyCounts whole =
        MonthlyCounts.of(CaseLog.builder(AS_OF).addAll(FACTS).build(), UnitKind.GRID);
    MonthlyCounts sum = second.build().plus(first.build());
    assertThat(sum).isEqualTo(whole).hasSameHashCodeAs(whole);
    assertThat(sum.toString()).contains("grid", "2 units", "4 cases");

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(whole);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertThat(in.readObject()).isEqualTo(whole);
    }
  }

  @Test
  void callerMistakesAreRefused() {
    MonthlyCounts grids = MonthlyCounts.builder(UnitKind.GRID, AS_OF).add(FACTS.get(0)).build();
    assertThatThrownBy(() -> grids.plus(MonthlyCounts.builder(UnitKind.STREET, AS_OF).build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot add counts of street");
    assertThatThrownBy(
            () -> grids.plus(MonthlyCounts.builder(UnitKind.GRID, AS_OF.plusSeconds(1)).build()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                SCORER.score(
                    grids, Scorer.Request.of(ScoringPeriod.parse("2026-01"), UnitKind.DEPARTMENT)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("counts of grid cannot be scored as department");
    assertThatThrownBy(
            () -> MonthlyCounts.builder(UnitKind.GRID, AS_OF).addCases(YearMonth.of(2026, 1), -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
