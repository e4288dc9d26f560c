package org.gridgov.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gridgov.core.risk.ElementType;
import org.gridgov.core.risk.RiskColour;
import org.gridgov.core.time.WorkCalendar;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Gens;
import org.gridgov.testkit.Property;

/** Properties of due dates (docs/risk.md "Due dates") on China's 2026 calendar. */
class DueEnginePropertiesTest {
  private static final WorkCalendar CHINA = DueFixtures.china2026();
  private static final LocalDate Y0 = LocalDate.of(2026, 1, 1);
  private static final Instant T0 = Y0.atStartOfDay(CHINA.zone()).toInstant();

  /** One element: red or yellow person, coloured on a day of 2026 (offset from 1 January). */
  record El(boolean red, int colouredOn) {}

  /**
   * A visit to element {@code element} (index modulo the elements) at hour {@code hour} of 2026.
   */
  record V(int element, int hour) {}

  /** Plans, the as-of day and a shorter red interval. */
  record Params(
      int asOf, int red, boolean redWorking, int yellow, boolean yellowWorking, int shorter) {}

  record Scenario(List<El> elements, List<V> visits, Params p) {}

  private Gen<Scenario> scenarios() {
    Gen<El> el = Gens.combine(Gens.booleans(), Gens.integers(0, 300), El::new);
    Gen<V> v = Gens.combine(Gens.integers(0, 7), Gens.integers(0, 420 * 24), V::new);
    Gen<Params> p =
        Gens.combine(
            Gens.combine(Gens.integers(0, 420), Gens.integers(1, 20), (a, b) -> new int[] {a, b}),
            Gens.combine(Gens.booleans(), Gens.integers(1, 40), (a, b) -> new Object[] {a, b}),
            Gens.combine(Gens.booleans(), Gens.integers(1, 20), (a, b) -> new Object[] {a, b}),
            (x, y, z) ->
                new Params(
                    x[0],
                    x[1],
                    (Boolean) z[0],
                    x[1] + (Integer) y[1],
                    (Boolean) y[0],
                    Math.max(1, Math.min(x[1], (Integer) z[1]))));
    return Gens.combine(Gens.lists(el, 1, 8), Gens.lists(v, 0, 30), p, Scenario::new);
  }

  private static Interval interval(int amount, boolean working) {
    return working ? Interval.workingDays(amount) : Interval.days(amount);
  }

  private static DueReport due(Scenario s, List<V> visits, int redAmount) {
    return due(s, visits, redAmount, -1, null);
  }

  /**
   * The report of a scenario, with the red and yellow plans split (unchanged) at day {@code
   * splitAt} of 2026 when it is at least 1, and a second mark in the same colour when {@code
   * remark} is not null.
   */
  private static DueReport due(Scenario s, List<V> visits, int redAmount, int splitAt, V remark) {
    ElementRegister.Builder r = ElementRegister.builder();
    for (int i = 0; i < s.elements().size(); i++) {
      El e = s.elements().get(i);
      DueFixtures.add(
          r,
          "E" + i,
          ElementType.PEOPLE,
          "G1",
          e.red() ? RiskColour.RED : RiskColour.YELLOW,
          Y0.plusDays(e.colouredOn()).toString());
    }
    if (remark != null) {
      int i = remark.element() % s.elements().size();
      El e = s.elements().get(i);
      r.mark(
          "E" + i,
          ColourMark.manual(
              e.red() ? RiskColour.RED : RiskColour.YELLOW,
              Y0.plusDays(e.colouredOn() + remark.hour() % 400),
              "reviewed: still the same colour",
              "reviewer"));
    }
    List<Visit> vs = new ArrayList<>();
    for (V v : visits) {
      vs.add(
          Visit.of(
              "E" + (v.element() % s.elements().size()),
              T0.plus(Duration.ofHours(v.hour())),
              "w",
              List.of("home_visit")));
    }
    Params p = s.p();
    ControlPlan red =
        DueFixtures.plan(
            ElementType.PEOPLE, RiskColour.RED, interval(redAmount, p.redWorking()), "2026-02-01");
    ControlPlan yellow =
        DueFixtures.plan(
            ElementType.PEOPLE,
            RiskColour.YELLOW,
            interval(p.yellow(), p.yellowWorking()),
            "2026-01-01");
    List<ControlPlan> all = new ArrayList<>();
    for (ControlPlan plan : List.of(red, yellow)) {
      LocalDate split = Y0.plusDays(splitAt);
      if (splitAt >= 1 && split.isAfter(plan.from())) {
        all.add(withSpan(plan, plan.from(), Optional.of(split.minusDays(1))));
        all.add(withSpan(plan, split, Optional.empty()));
      } else {
        all.add(plan);
      }
    }
    PlanSet plans = DueFixtures.plans(all.toArray(ControlPlan[]::new));
    return RiskControl.builder()
        .register(r.build())
        .plans(plans)
        .visits(VisitLog.of(vs))
        .calendar(CHINA)
        .build()
        .due(Y0.plusDays(p.asOf()));
  }

  private static ControlPlan withSpan(ControlPlan p, LocalDate from, Optional<LocalDate> to) {
    return new ControlPlan(
        p.type(),
        p.colour(),
        p.every(),
        p.post(),
        p.checks(),
        p.feedbackWithin(),
        p.onOverdue(),
        from,
        to);
  }

  @Property(tries = 200)
  void aPlanRevisionWithTheSameIntervalChangesNoRow(
      @ForAll("scenarios") Scenario s, @ForAll("splitDays") Integer split) {
    DueReport once = due(s, s.visits(), s.p().red());
    DueReport revised = due(s, s.visits(), s.p().red(), split, null);
    assertThat(revised.rows()).isEqualTo(once.rows());
    assertThat(revised.unplanned()).isEqualTo(once.unplanned());
  }

  private Gen<Integer> splitDays() {
    return Gens.integers(1, 420);
  }

  @Property(tries = 200)
  void reMarkingWithTheSameColourChangesNoRow(
      @ForAll("scenarios") Scenario s, @ForAll("extraVisits") V remark) {
    DueReport once = due(s, s.visits(), s.p().red());
    DueReport remarked = due(s, s.visits(), s.p().red(), -1, remark);
    assertThat(remarked.rows()).isEqualTo(once.rows());
    assertThat(remarked.unplanned()).isEqualTo(once.unplanned());
  }

  @Property(tries = 200)
  void aVisitNeverMakesAnElementMoreOverdue(
      @ForAll("scenarios") Scenario s, @ForAll("extraVisits") V extra) {
    DueReport before = due(s, s.visits(), s.p().red());
    List<V> more = new ArrayList<>(s.visits());
    more.add(extra);
    DueReport after = due(s, more, s.p().red());
    assertThat(after.overdue()).isLessThanOrEqualTo(before.overdue());
    for (int i = 0; i < before.rows().size(); i++) {
      ElementDue b = before.rows().get(i);
      ElementDue a = after.rows().get(i);
      assertThat(a.element()).isEqualTo(b.element());
      assertThat(a.daysOverdue()).as(b.element()).isLessThanOrEqualTo(b.daysOverdue());
      assertThat(a.due()).as(b.element()).isAfterOrEqualTo(b.due());
    }
  }

  private Gen<V> extraVisits() {
    return Gens.combine(Gens.integers(0, 7), Gens.integers(0, 420 * 24), V::new);
  }

  @Property(tries = 200)
  void shrinkingAnIntervalNeverReducesTheOverdueCount(@ForAll("scenarios") Scenario s) {
    DueReport longer = due(s, s.visits(), s.p().red());
    DueReport shorter = due(s, s.visits(), s.p().shorter());
    assertThat(shorter.overdue()).isGreaterThanOrEqualTo(longer.overdue());
    for (int i = 0; i < longer.rows().size(); i++) {
      assertThat(shorter.rows().get(i).daysOverdue())
          .isGreaterThanOrEqualTo(longer.rows().get(i).daysOverdue());
    }
  }

  @Property(tries = 200)
  void daysOverdueIsZeroExactlyWhenNotOverdue(@ForAll("scenarios") Scenario s) {
    DueReport r = due(s, s.visits(), s.p().red());
    LocalDate asOf = r.asOf();
    for (ElementDue e : r.rows()) {
      assertThat(e.daysOverdue() == 0).isEqualTo(e.status() != DueStatus.OVERDUE);
      switch (e.status()) {
        case OK -> assertThat(e.due()).isAfter(asOf);
        case DUE -> assertThat(e.due()).isEqualTo(asOf);
        case OVERDUE -> assertThat(e.due().plusDays(e.daysOverdue())).isEqualTo(asOf);
      }
      e.lastVisit().ifPresent(v -> assertThat(v).isBeforeOrEqualTo(asOf).isBefore(e.due()));
    }
  }
}
