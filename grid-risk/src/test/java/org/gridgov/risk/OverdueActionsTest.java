package org.gridgov.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.risk.DueFixtures.d;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridgov.core.GridId;
import org.gridgov.core.risk.ElementType;
import org.gridgov.core.risk.RiskColour;
import org.gridgov.core.time.WorkCalendar;
import org.junit.jupiter.api.Test;

/**
 * Overdue actions worked by hand (docs/risk.md, "Overdue actions"): red persons every 7 days with
 * urge at 0, escalate at 3 and deduct 1 point at 7 days overdue; a yellow person every 14 days with
 * a deduction of 2 points at once, under another post.
 */
class OverdueActionsTest {
  private static final OverdueAction URGE0 = new OverdueAction(OverdueAction.Kind.URGE, 0, 0);
  private static final OverdueAction ESCALATE3 =
      new OverdueAction(OverdueAction.Kind.ESCALATE, 3, 0);
  private static final OverdueAction DEDUCT7 = new OverdueAction(OverdueAction.Kind.DEDUCT, 7, 1);

  private static ControlPlan plan(
      RiskColour colour, int days, String post, List<OverdueAction> onOverdue) {
    return new ControlPlan(
        ElementType.PEOPLE,
        colour,
        Interval.days(days),
        post,
        List.of("home_visit"),
        Optional.empty(),
        onOverdue,
        d("2026-01-01"),
        Optional.empty());
  }

  /**
   * On 20 May (every 7 days, so due = last visit + 7): E0 visited 13 May is due that day (0 days
   * overdue); E1 visited 12 May is 1 day overdue, E2 (11 May) 2, E5 (8 May) 5, E9 (4 May) 9. Y3, a
   * yellow person visited 3 May, is due 17 May and 3 days overdue.
   */
  private static RiskControl control() {
    ElementRegister.Builder r = ElementRegister.builder();
    for (String id : List.of("E0", "E1", "E2")) {
      DueFixtures.add(r, id, ElementType.PEOPLE, "G1", RiskColour.RED, "2026-04-01");
    }
    for (String id : List.of("E5", "E9")) {
      DueFixtures.add(r, id, ElementType.PEOPLE, "G2", RiskColour.RED, "2026-04-01");
    }
    DueFixtures.add(r, "Y3", ElementType.PEOPLE, "G1", RiskColour.YELLOW, "2026-04-01");
    VisitLog visits =
        VisitLog.of(
            List.of(
                DueFixtures.visit("E0", "2026-05-13T10:00:00+08:00", "w1"),
                DueFixtures.visit("E1", "2026-05-12T10:00:00+08:00", "w1"),
                DueFixtures.visit("E2", "2026-05-11T10:00:00+08:00", "w1"),
                DueFixtures.visit("E5", "2026-05-08T10:00:00+08:00", "w2"),
                DueFixtures.visit("E9", "2026-05-04T10:00:00+08:00", "w2"),
                DueFixtures.visit("Y3", "2026-05-03T10:00:00+08:00", "w1")));
    PlanSet plans =
        PlanSet.of(
            "test",
            List.of(
                plan(RiskColour.RED, 7, "grid_worker", List.of(URGE0, ESCALATE3, DEDUCT7)),
                plan(
                    RiskColour.YELLOW,
                    14,
                    "community_staff",
                    List.of(new OverdueAction(OverdueAction.Kind.DEDUCT, 0, 2)))),
            List.of("grid_worker", "community_staff"),
            List.of("home_visit"));
    return RiskControl.builder()
        .register(r.build())
        .plans(plans)
        .visits(visits)
        .calendar(WorkCalendar.standard())
        .build();
  }

  private static FiredAction fired(
      String element, String grid, OverdueAction.Kind kind, double points, String on, int days) {
    return fired(element, grid, "grid_worker", kind, points, on, days);
  }

  private static FiredAction fired(
      String element,
      String grid,
      String post,
      OverdueAction.Kind kind,
      double points,
      String on,
      int days) {
    return new FiredAction(element, GridId.of(grid), post, kind, points, d(on), days);
  }

  @Test
  void actionsFireOnDuePlusAfterDaysAndAfterDaysZeroOnTheFirstOverdueDay() {
    ActionReport r = control().overdueActions(d("2026-05-20"));
    assertThat(r.asOf()).isEqualTo(d("2026-05-20"));
    assertThat(r.actions())
        .containsExactly(
            // E0: due on the 20th, not overdue: nothing.
            // E1: due 19 May, 1 day overdue: the urge (afterDays 0) fired on the first overdue day.
            fired("E1", "G1", OverdueAction.Kind.URGE, 0, "2026-05-20", 1),
            // E2: due 18 May, 2 days overdue: urged on the 19th; escalation waits for 3 days.
            fired("E2", "G1", OverdueAction.Kind.URGE, 0, "2026-05-19", 2),
            // E5: due 15 May, 5 days overdue: urged 16 May, escalated 18 May (15 + 3).
            fired("E5", "G2", OverdueAction.Kind.URGE, 0, "2026-05-16", 5),
            fired("E5", "G2", OverdueAction.Kind.ESCALATE, 0, "2026-05-18", 5),
            // E9: due 11 May, 9 days overdue: urged 12, escalated 14, 1 point deducted 18 May.
            fired("E9", "G2", OverdueAction.Kind.URGE, 0, "2026-05-12", 9),
            fired("E9", "G2", OverdueAction.Kind.ESCALATE, 0, "2026-05-14", 9),
            fired("E9", "G2", OverdueAction.Kind.DEDUCT, 1, "2026-05-18", 9),
            // Y3 (yellow, community staff): due 17 May, 2 points deducted on the 18th.
            fired("Y3", "G1", "community_staff", OverdueAction.Kind.DEDUCT, 2, "2026-05-18", 3));
    assertThat(r.firedToday())
        .containsExactly(fired("E1", "G1", OverdueAction.Kind.URGE, 0, "2026-05-20", 1));
    assertThat(r.pointsDeducted()).isEqualTo(3.0);
    assertThat(r.deductedByGrid())
        .containsExactly(Map.entry(GridId.of("G1"), 2.0), Map.entry(GridId.of("G2"), 1.0));
    assertThat(r.deductedByWorker(Map.of(GridId.of("G1"), "w1", GridId.of("G2"), "w2")))
        .containsExactly(Map.entry("w1", 2.0), Map.entry("w2", 1.0));
    assertThat(r.deductedByWorker(Map.of(GridId.of("G1"), "w1")))
        .containsExactly(Map.entry("w1", 2.0));
    assertThat(r.actions().get(0).kindName()).isEqualTo("urge");
  }

  @Test
  void firedTodayAreTheActionsNewOnTheDate() {
    ActionReport r = control().overdueActions(d("2026-05-18"));
    // On the 18th E9 is 7 days overdue (deduction), E5 3 days (escalation), Y3 1 day (deduction).
    assertThat(r.firedToday())
        .containsExactly(
            fired("E5", "G2", OverdueAction.Kind.ESCALATE, 0, "2026-05-18", 3),
            fired("E9", "G2", OverdueAction.Kind.DEDUCT, 1, "2026-05-18", 7),
            fired("Y3", "G1", "community_staff", OverdueAction.Kind.DEDUCT, 2, "2026-05-18", 1));
    // The day before, the deduction of E9 had not fired: 6 days overdue.
    assertThat(control().overdueActions(d("2026-05-17")).actions())
        .extracting(FiredAction::element, FiredAction::kind)
        .doesNotContain(org.assertj.core.groups.Tuple.tuple("E9", OverdueAction.Kind.DEDUCT));
  }

  @Test
  void aReportOfTheDueRowsGivesTheSameActionsInOnePass() {
    RiskControl c = control();
    DueReport due = c.due(d("2026-05-20"));
    assertThat(c.overdueActions(due)).isEqualTo(c.overdueActions(d("2026-05-20")));
  }

  @Test
  void aDueReportOfAnotherControlIsRefused() {
    DueReport due = control().due(d("2026-05-20"));
    RiskControl other =
        RiskControl.builder()
            .plans(
                PlanSet.of(
                    "other",
                    List.of(plan(RiskColour.BLUE, 30, "grid_worker", List.of())),
                    List.of("grid_worker"),
                    List.of("home_visit")))
            .build();
    assertThatThrownBy(() -> other.overdueActions(due))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("E0")
        .hasMessageContaining("not made by this control");
  }

  @Test
  void aPlanWithoutOverdueActionsFiresNothing() {
    ControlPlan quiet = plan(RiskColour.RED, 7, "grid_worker", List.of());
    ElementRegister.Builder r = ElementRegister.builder();
    DueFixtures.add(r, "E9", ElementType.PEOPLE, "G2", RiskColour.RED, "2026-04-01");
    RiskControl c =
        RiskControl.builder()
            .register(r.build())
            .plans(PlanSet.of("q", List.of(quiet), List.of("grid_worker"), List.of("home_visit")))
            .build();
    LocalDate asOf = d("2026-06-30");
    assertThat(c.due(asOf).overdue()).isEqualTo(1);
    assertThat(c.overdueActions(asOf).actions()).isEmpty();
    assertThat(c.overdueActions(asOf).deductedByGrid()).isEmpty();
  }
}
