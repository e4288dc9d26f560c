package org.gridgov.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.risk.DueFixtures.add;
import static org.gridgov.risk.DueFixtures.d;
import static org.gridgov.risk.DueFixtures.plan;
import static org.gridgov.risk.DueFixtures.visit;
import static org.gridgov.risk.DueStatus.OVERDUE;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.gridgov.core.risk.ElementType;
import org.gridgov.core.risk.RiskColour;
import org.gridgov.core.time.WorkCalendar;
import org.junit.jupiter.api.Test;

/**
 * Worked examples of docs/risk.md "Due dates", by hand, on China's 2026 calendar around Labour Day:
 * Thu 30 April is a working day, Fri 1 – Tue 5 May are holidays, Wed 6 – Fri 8 May are working days
 * and Sat 9 May is a make-up working day (调休); Sun 10 May is a rest day.
 */
class DueEngineTest {
  private static final WorkCalendar CHINA = DueFixtures.china2026();

  private static RiskControl control(WorkCalendar calendar) {
    ElementRegister.Builder r = ElementRegister.builder();
    add(r, "A", ElementType.PEOPLE, "G1", RiskColour.RED, "2026-04-01");
    add(r, "B", ElementType.PLACES, "G1", RiskColour.RED, "2026-04-01");
    add(r, "C", ElementType.PEOPLE, "G2", RiskColour.YELLOW, "2026-04-01");
    add(r, "D", ElementType.OBJECTS, "G2", RiskColour.RED, "2026-04-29");
    add(r, "E", ElementType.PLACES, "G2", RiskColour.YELLOW, "2026-03-01");
    add(r, "F", ElementType.PEOPLE, "G1", RiskColour.BLUE, "2026-04-01");
    r.add(d("2026-01-01"), DueFixtures.element("G", ElementType.PEOPLE, "G1")); // no colour
    add(r, "H", ElementType.PEOPLE, "G1", RiskColour.RED, "2026-04-01");
    add(r, "K", ElementType.PEOPLE, "G1", RiskColour.RED, "2026-04-29");
    PlanSet plans =
        DueFixtures.plans(
            plan(ElementType.PEOPLE, RiskColour.RED, Interval.workingDays(3), "2026-01-01"),
            plan(ElementType.PLACES, RiskColour.RED, Interval.workingDays(4), "2026-01-01"),
            plan(ElementType.PEOPLE, RiskColour.YELLOW, Interval.days(7), "2026-01-01"),
            plan(ElementType.OBJECTS, RiskColour.RED, Interval.workingDays(2), "2026-01-01"),
            plan(ElementType.PLACES, RiskColour.YELLOW, Interval.workingDays(1), "2026-05-01"));
    VisitLog visits =
        VisitLog.of(
            List.of(
                visit("A", "2026-04-30T09:30:00+08:00", "w1"),
                visit("B", "2026-04-30T16:00:00+08:00", "w1"),
                // 01:30 on 30 April in Shanghai: the local date is the 30th, not the 29th.
                visit("C", "2026-04-29T17:30:00Z", "w2"),
                visit("H", "2026-04-30T10:00:00+08:00", "w1"),
                visit("H", "2026-05-09T00:10:00+08:00", "w1"),
                visit("K", "2026-03-02T10:00:00+08:00", "w1")));
    return RiskControl.builder()
        .register(r.build())
        .plans(plans)
        .visits(visits)
        .calendar(calendar)
        .build();
  }

  private static ElementDue row(DueReport report, String id) {
    return report.rows().stream().filter(x -> x.element().equals(id)).findFirst().orElseThrow();
  }

  private static void assertRow(
      DueReport report, String id, String lastVisit, String due, DueStatus status, int days) {
    ElementDue r = row(report, id);
    assertThat(r.lastVisit()).isEqualTo(Optional.ofNullable(lastVisit).map(LocalDate::parse));
    assertThat(r.due()).isEqualTo(d(due));
    assertThat(r.status()).isEqualTo(status);
    assertThat(r.daysOverdue()).isEqualTo(days);
  }

  @Test
  void workingDaysSkipTheLabourDayHolidays() {
    RiskControl c = control(CHINA);
    // 3 working days after Thu 30 April: Wed 6, Thu 7, Fri 8 May.
    assertRow(c.due(d("2026-05-07")), "A", "2026-04-30", "2026-05-08", DueStatus.OK, 0);
    assertRow(c.due(d("2026-05-08")), "A", "2026-04-30", "2026-05-08", DueStatus.DUE, 0);
    assertRow(c.due(d("2026-05-09")), "A", "2026-04-30", "2026-05-08", DueStatus.OVERDUE, 1);
    assertRow(c.due(d("2026-05-12")), "A", "2026-04-30", "2026-05-08", DueStatus.OVERDUE, 4);
  }

  @Test
  void theMakeUpSaturdayIsAWorkingDay() {
    RiskControl c = control(CHINA);
    // 4 working days after Thu 30 April: 6, 7, 8 May and the make-up Saturday 9 May.
    assertRow(c.due(d("2026-05-09")), "B", "2026-04-30", "2026-05-09", DueStatus.DUE, 0);
    assertRow(c.due(d("2026-05-11")), "B", "2026-04-30", "2026-05-09", DueStatus.OVERDUE, 2);
    // Counting from the make-up Saturday itself (not counted): Mon 11, Tue 12, Wed 13 May.
    assertRow(c.due(d("2026-05-09")), "H", "2026-05-09", "2026-05-13", DueStatus.OK, 0);
  }

  @Test
  void calendarDaysIgnoreHolidaysAndUseTheLocalDate() {
    RiskControl c = control(CHINA);
    assertRow(c.due(d("2026-05-06")), "C", "2026-04-30", "2026-05-07", DueStatus.OK, 0);
    assertRow(c.due(d("2026-05-08")), "C", "2026-04-30", "2026-05-07", DueStatus.OVERDUE, 1);
  }

  @Test
  void neverVisitedCountsFromTheLaterOfColourAndPlan() {
    RiskControl c = control(CHINA);
    DueReport r = c.due(d("2026-05-08"));
    // Coloured 29 April: 2 working days after it are Thu 30 April and Wed 6 May.
    assertRow(r, "D", null, "2026-05-06", DueStatus.OVERDUE, 2);
    // Coloured 1 March, plan from Fri 1 May (a holiday): 1 working day after it is Wed 6 May.
    assertRow(r, "E", null, "2026-05-06", DueStatus.OVERDUE, 2);
  }

  @Test
  void aVisitBeforeTheColourWasSetDoesNotStartTheClock() {
    DueReport r = control(CHINA).due(d("2026-05-08"));
    // Last visited 2 March, coloured red 29 April: the clock starts on 29 April (Thu 30 April,
    // Wed 6 May, Thu 7 May), not on 2 March, so the element is 1 day overdue, not 60.
    assertRow(r, "K", "2026-03-02", "2026-05-07", DueStatus.OVERDUE, 1);
  }

  /** A red person coloured on 5 January 2026, never visited, under the given red plans. */
  private static DueReport neverVisited(
      List<ControlPlan> plans, List<ColourMark> laterMarks, String asOf) {
    ElementRegister.Builder r = ElementRegister.builder();
    add(r, "A", ElementType.PEOPLE, "G1", RiskColour.RED, "2026-01-05");
    laterMarks.forEach(m -> r.mark("A", m));
    return RiskControl.builder()
        .register(r.build())
        .plans(DueFixtures.plans(plans.toArray(ControlPlan[]::new)))
        .calendar(CHINA)
        .build()
        .due(d(asOf));
  }

  private static ControlPlan red(Interval every, String from, String to) {
    ControlPlan p = plan(ElementType.PEOPLE, RiskColour.RED, every, from);
    return new ControlPlan(
        p.type(),
        p.colour(),
        p.every(),
        p.post(),
        p.checks(),
        p.feedbackWithin(),
        p.onOverdue(),
        p.from(),
        Optional.ofNullable(to).map(LocalDate::parse));
  }

  private static ColourMark mark(RiskColour colour, String from) {
    return ColourMark.manual(colour, d(from), "review", "reviewer");
  }

  private static ColourMark cleared(String from) {
    return new ColourMark(
        Optional.empty(),
        "cleared",
        MarkSource.MANUAL,
        Optional.empty(),
        d(from),
        Optional.empty(),
        "reviewer");
  }

  @Test
  void reissuingAnUnchangedPlanForgivesNothing() {
    // Red every 7 days from 1 January, coloured 5 January, never visited: due 12 January, and on
    // 8 May 116 days overdue. Splitting the plan at 1 April (the same interval on both sides)
    // must not restart the clock on 1 April (that would be due 8 April, 30 days overdue).
    List<ControlPlan> once = List.of(red(Interval.days(7), "2026-01-01", null));
    List<ControlPlan> split =
        List.of(
            red(Interval.days(7), "2026-01-01", "2026-03-31"),
            red(Interval.days(7), "2026-04-01", null));
    assertRow(neverVisited(once, List.of(), "2026-05-08"), "A", null, "2026-01-12", OVERDUE, 116);
    assertRow(neverVisited(split, List.of(), "2026-05-08"), "A", null, "2026-01-12", OVERDUE, 116);
    // A changed interval in an unbroken run counts from the run's start too: 3 days from 5 Jan.
    List<ControlPlan> tighter =
        List.of(
            red(Interval.days(7), "2026-01-01", "2026-03-31"),
            red(Interval.days(3), "2026-04-01", null));
    assertRow(
        neverVisited(tighter, List.of(), "2026-05-08"), "A", null, "2026-01-08", OVERDUE, 120);
  }

  @Test
  void aGapBetweenPlansStartsTheClockAgain() {
    // No red plan on 31 March: the run in force on 8 May starts on 1 April (due 8 April).
    List<ControlPlan> gap =
        List.of(
            red(Interval.days(7), "2026-01-01", "2026-03-30"),
            red(Interval.days(7), "2026-04-01", null));
    assertRow(neverVisited(gap, List.of(), "2026-05-08"), "A", null, "2026-04-08", OVERDUE, 30);
  }

  @Test
  void reMarkingInTheSameColourForgivesNothing() {
    List<ControlPlan> plans = List.of(red(Interval.days(7), "2026-01-01", null));
    // Re-marked red at its review on 20 April (and again on 1 May): the run started 5 January.
    assertRow(
        neverVisited(
            plans,
            List.of(mark(RiskColour.RED, "2026-04-20"), mark(RiskColour.RED, "2026-05-01")),
            "2026-05-08"),
        "A",
        null,
        "2026-01-12",
        OVERDUE,
        116);
    // Yellow for a while, then red again from 20 April: a new run, due 27 April.
    assertRow(
        neverVisited(
            plans,
            List.of(mark(RiskColour.YELLOW, "2026-03-01"), mark(RiskColour.RED, "2026-04-20")),
            "2026-05-08"),
        "A",
        null,
        "2026-04-27",
        OVERDUE,
        11);
    // Cleared, then red again from 20 April: a new run too.
    assertRow(
        neverVisited(
            plans,
            List.of(cleared("2026-03-01"), mark(RiskColour.RED, "2026-04-20")),
            "2026-05-08"),
        "A",
        null,
        "2026-04-27",
        OVERDUE,
        11);
  }

  @Test
  void onlyVisitsUpToTheEndOfTheAsOfDateCount() {
    // H was visited on 30 April and at 00:10 on 9 May: as of 8 May the second is in the future.
    assertRow(
        control(CHINA).due(d("2026-05-08")), "H", "2026-04-30", "2026-05-08", DueStatus.DUE, 0);
  }

  @Test
  void everyColouredElementIsListedOnceSortedAndUnplannedOnesAreKept() {
    DueReport r = control(CHINA).due(d("2026-05-08"));
    assertThat(r.rows())
        .extracting(ElementDue::element)
        .containsExactly("A", "B", "C", "D", "E", "H", "K");
    assertThat(r.unplanned()).containsExactly("F");
    assertThat(r.overdue()).isEqualTo(4); // C, D, E, K
    assertThat(row(r, "A").post()).isEqualTo("grid_worker");
  }

  @Test
  void theCalendarDecides() {
    // Without the holidays: 3 working days after Thu 30 April are Fri 1, Mon 4, Tue 5 May.
    assertRow(
        control(WorkCalendar.standard()).due(d("2026-05-08")),
        "A",
        "2026-04-30",
        "2026-05-05",
        DueStatus.OVERDUE,
        3);
  }

  @Test
  void aRetiredElementIsNotDue() {
    ElementRegister.Builder r = ElementRegister.builder();
    add(r, "A", ElementType.PEOPLE, "G1", RiskColour.RED, "2026-04-01");
    r.add(ElementVersion.retired("A", d("2026-05-01")));
    RiskControl c =
        RiskControl.builder()
            .register(r.build())
            .plans(
                DueFixtures.plans(
                    plan(ElementType.PEOPLE, RiskColour.RED, Interval.days(7), "2026-01-01")))
            .build();
    assertThat(c.due(d("2026-04-20")).rows()).hasSize(1);
    assertThat(c.due(d("2026-05-08")).rows()).isEmpty();
  }

  @Test
  void twoControlsWithDifferentCalendarsKeepTheirOwnWorkingDays() {
    RiskControl china = control(CHINA);
    RiskControl standard = control(WorkCalendar.standard());
    WorkingDays first = new DueEngine.Rule(china, d("2026-05-08")).workingDays;
    for (int i = 0; i < 3; i++) {
      // Interleaved, each keeps its answer (Labour Day counts only on China's calendar) ...
      assertRow(china.due(d("2026-05-08")), "A", "2026-04-30", "2026-05-08", DueStatus.DUE, 0);
      assertRow(
          standard.due(d("2026-05-08")), "A", "2026-04-30", "2026-05-05", DueStatus.OVERDUE, 3);
    }
    // ... and its working days, built once: the other calendar did not evict them.
    assertThat(new DueEngine.Rule(china, d("2026-05-09")).workingDays).isSameAs(first);
    assertThat(china.workingDays()).isSameAs(first);
    assertThat(standard.workingDays()).isNotSameAs(first);
  }

  @Test
  void workingDaysMatchTheDayByDayWalk() {
    WorkingDays w = new WorkingDays(CHINA);
    for (LocalDate x = d("2025-12-01"); x.isBefore(d("2027-02-01")); x = x.plusDays(1)) {
      for (int n = 1; n <= 12; n++) {
        Interval i = Interval.workingDays(n);
        assertThat(w.after(x.toEpochDay(), i.unit(), n))
            .as("%s + %s", x, i)
            .isEqualTo(i.after(x, CHINA).toEpochDay());
      }
    }
  }

  @Test
  void lastAtFindsTheLastVisitAtOrBeforeAnInstant() {
    VisitLog log =
        VisitLog.of(
            List.of(
                visit("H", "2026-05-09T00:10:00+08:00", "w1"),
                visit("H", "2026-04-30T10:00:00+08:00", "w1"),
                visit("H", "2026-05-01T10:00:00+08:00", "w1")));
    assertThat(log.lastAt("H", DueFixtures.at("2026-04-30T09:59:59+08:00"))).isEmpty();
    assertThat(log.lastAt("H", DueFixtures.at("2026-04-30T10:00:00+08:00")).orElseThrow().at())
        .isEqualTo(DueFixtures.at("2026-04-30T10:00:00+08:00"));
    assertThat(log.lastAt("H", DueFixtures.at("2026-05-08T00:00:00+08:00")).orElseThrow().at())
        .isEqualTo(DueFixtures.at("2026-05-01T10:00:00+08:00"));
    assertThat(log.lastAt("H", DueFixtures.at("2027-01-01T00:00:00Z")).orElseThrow().at())
        .isEqualTo(DueFixtures.at("2026-05-09T00:10:00+08:00"));
    assertThat(log.lastAt("X", DueFixtures.at("2027-01-01T00:00:00Z"))).isEmpty();
  }
}
