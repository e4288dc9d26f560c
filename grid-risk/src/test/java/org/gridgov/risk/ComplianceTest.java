package org.gridgov.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.risk.DueFixtures.add;
import static org.gridgov.risk.DueFixtures.at;
import static org.gridgov.risk.DueFixtures.d;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridgov.core.Grid;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.GridId;
import org.gridgov.core.GridLevel;
import org.gridgov.core.risk.ElementType;
import org.gridgov.core.risk.RiskColour;
import org.junit.jupiter.api.Test;

/** Compliance per worker, grid, community and street, worked by hand (docs/risk.md). */
class ComplianceTest {
  private static final GridHierarchy CITY =
      GridHierarchy.builder()
          .add(Grid.territorial("S1", GridLevel.STREET).build())
          .add(Grid.territorial("C1", GridLevel.COMMUNITY).parent(GridId.of("S1")).build())
          .add(Grid.territorial("C2", GridLevel.COMMUNITY).parent(GridId.of("S1")).build())
          .add(Grid.territorial("G1", GridLevel.MICRO).parent(GridId.of("C1")).build())
          .add(Grid.territorial("G2", GridLevel.MICRO).parent(GridId.of("C1")).build())
          .add(Grid.territorial("G3", GridLevel.MICRO).parent(GridId.of("C2")).build())
          .build();

  private static Visit visit(String element, String when, String by, String feedback) {
    return new Visit(
        element,
        at(when),
        by,
        List.of("home_visit"),
        List.of("found something"),
        Optional.ofNullable(feedback).map(DueFixtures::at));
  }

  private static RiskControl control() {
    ElementRegister.Builder r = ElementRegister.builder();
    add(r, "A", ElementType.PEOPLE, "G1", RiskColour.RED, "2026-04-01");
    add(r, "B", ElementType.PEOPLE, "G1", RiskColour.RED, "2026-04-01");
    add(r, "C", ElementType.PEOPLE, "G2", RiskColour.RED, "2026-05-01");
    add(r, "D", ElementType.PEOPLE, "G3", RiskColour.YELLOW, "2026-04-01");
    Optional<Interval> oneDay = Optional.of(Interval.workingDays(1));
    PlanSet plans =
        DueFixtures.plans(
            DueFixtures.plan(
                ElementType.PEOPLE, RiskColour.RED, Interval.days(7), oneDay, "2026-01-01"),
            DueFixtures.plan(
                ElementType.PEOPLE, RiskColour.YELLOW, Interval.days(14), oneDay, "2026-01-01"));
    VisitLog visits =
        VisitLog.of(
            List.of(
                // deadline Tue 21 April, never answered: unanswered
                visit("A", "2026-04-20T10:00:00+08:00", "w1", null),
                // deadline Wed 6 May (1 working day after 30 April, across Labour Day);
                // answered on the 7th: late, so unanswered
                visit("A", "2026-04-30T10:00:00+08:00", "w1", "2026-05-07T09:00:00+08:00"),
                // answered the same day
                visit("B", "2026-05-06T10:00:00+08:00", "w2", "2026-05-06T17:00:00+08:00"),
                // deadline Fri 8 May = the as-of date: not late yet
                visit("D", "2026-05-07T10:00:00+08:00", "w1", null)));
    return RiskControl.builder()
        .register(r.build())
        .plans(plans)
        .visits(visits)
        .calendar(DueFixtures.china2026())
        .build();
  }

  private static ComplianceRow row(
      ComplianceReport r, ComplianceRow.UnitKind kind, String unit, RiskColour colour) {
    return r.rows().stream()
        .filter(x -> x.kind() == kind && x.unit().equals(unit) && x.colour() == colour)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row " + kind + " " + unit + " " + colour));
  }

  @Test
  void rollsUpByGridCommunityStreetAndLastVisitor() {
    ComplianceReport r = control().compliance(d("2026-05-08"), CITY);
    // A is overdue (visited 30 April, due 7 May); B and C are not; D is yellow.
    assertThat(row(r, ComplianceRow.UnitKind.GRID, "G1", RiskColour.RED))
        .isEqualTo(new ComplianceRow(ComplianceRow.UnitKind.GRID, "G1", RiskColour.RED, 2, 1, 2));
    assertThat(row(r, ComplianceRow.UnitKind.GRID, "G2", RiskColour.RED).elements()).isEqualTo(1);
    assertThat(row(r, ComplianceRow.UnitKind.COMMUNITY, "C1", RiskColour.RED))
        .isEqualTo(
            new ComplianceRow(ComplianceRow.UnitKind.COMMUNITY, "C1", RiskColour.RED, 3, 1, 2));
    assertThat(row(r, ComplianceRow.UnitKind.COMMUNITY, "C2", RiskColour.YELLOW))
        .isEqualTo(
            new ComplianceRow(ComplianceRow.UnitKind.COMMUNITY, "C2", RiskColour.YELLOW, 1, 0, 0));
    assertThat(row(r, ComplianceRow.UnitKind.STREET, "S1", RiskColour.RED).rate().getAsDouble())
        .isEqualTo(2 / 3.0);
    // Workers by last visit: A and D were last visited by w1, B by w2, C never.
    assertThat(row(r, ComplianceRow.UnitKind.WORKER, "w1", RiskColour.RED))
        .isEqualTo(new ComplianceRow(ComplianceRow.UnitKind.WORKER, "w1", RiskColour.RED, 1, 1, 2));
    assertThat(row(r, ComplianceRow.UnitKind.WORKER, "w2", RiskColour.RED).overdue()).isZero();
    assertThat(r.rows(ComplianceRow.UnitKind.WORKER)).hasSize(3);
    // sorted by kind, unit, colour
    assertThat(r.rows())
        .extracting(x -> x.kind() + " " + x.unit() + " " + x.colour())
        .containsExactly(
            "WORKER w1 RED",
            "WORKER w1 YELLOW",
            "WORKER w2 RED",
            "GRID G1 RED",
            "GRID G2 RED",
            "GRID G3 YELLOW",
            "COMMUNITY C1 RED",
            "COMMUNITY C2 YELLOW",
            "STREET S1 RED",
            "STREET S1 YELLOW");
  }

  @Test
  void aResponsibilityMapPutsEveryElementOfAGridUnderItsWorker() {
    ComplianceReport r =
        control()
            .compliance(
                d("2026-05-08"), CITY, Map.of(GridId.of("G1"), "w9", GridId.of("G2"), "w9"));
    assertThat(r.rows(ComplianceRow.UnitKind.WORKER))
        .containsExactly(
            new ComplianceRow(ComplianceRow.UnitKind.WORKER, "w9", RiskColour.RED, 3, 1, 2));
  }

  @Test
  void aMissingArgumentIsNamed() {
    RiskControl c = control();
    assertThatThrownBy(() -> c.compliance(d("2026-05-08"), CITY, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("responsible");
    assertThatThrownBy(() -> c.day("w", null, d("2026-05-08"), PatrolOptions.defaults()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("grids");
    assertThatThrownBy(() -> c.sizing(d("2026-05-08"), null, SizingOptions.defaults()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("grids");
  }

  @Test
  void aLateAnswerCountsOnlyOnceItsDeadlineHasPassed() {
    // As of 6 May, A's 30 April finding is still within its deadline; the 20 April one is not.
    ComplianceReport r = control().compliance(d("2026-05-06"), CITY);
    assertThat(row(r, ComplianceRow.UnitKind.GRID, "G1", RiskColour.RED).unansweredFindings())
        .isEqualTo(1);
  }

  @Test
  void extraCountsAreTheScoringCsv() {
    String csv = control().compliance(d("2026-05-08"), CITY).extraCounts(YearMonth.of(2026, 5));
    assertThat(csv)
        .startsWith("kind,unit,month,count,value\n")
        .contains(
            "grid,G1,2026-05,risk_elements,2\n"
                + "grid,G1,2026-05,risk_in_control,1\n"
                + "grid,G1,2026-05,risk_elements_red,2\n"
                + "grid,G1,2026-05,risk_in_control_red,1\n"
                + "grid,G1,2026-05,risk_unanswered_findings,2\n")
        .contains(
            "street,S1,2026-05,risk_elements,4\n"
                + "street,S1,2026-05,risk_in_control,3\n"
                + "street,S1,2026-05,risk_elements_red,3\n"
                + "street,S1,2026-05,risk_in_control_red,2\n"
                + "street,S1,2026-05,risk_elements_yellow,1\n"
                + "street,S1,2026-05,risk_in_control_yellow,1\n"
                + "street,S1,2026-05,risk_unanswered_findings,2\n");
  }
}
