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

/** Properties of overdue actions (docs/risk.md, "Overdue actions") on China's 2026 calendar. */
class OverdueActionsPropertyTest {
  private static final WorkCalendar CHINA = DueFixtures.china2026();
  private static final LocalDate Y0 = LocalDate.of(2026, 1, 1);
  private static final Instant T0 = Y0.atStartOfDay(CHINA.zone()).toInstant();

  /** One element: red or yellow person, coloured on a day of 2026 (offset from 1 January). */
  record El(boolean red, int colouredOn) {}

  /** A visit to element {@code element} (index modulo the elements) at hour {@code hour}. */
  record V(int element, int hour) {}

  /**
   * The as-of day, how many days later to look again, the red interval (working days or not) and
   * the red plan's afterDays for urge, escalate and deduct (sorted when used).
   */
  record Params(int asOf, int later, int red, boolean working, int a, int b, int c) {}

  record Scenario(List<El> elements, List<V> visits, Params p) {}

  private Gen<Scenario> scenarios() {
    Gen<El> el = Gens.combine(Gens.booleans(), Gens.integers(0, 300), El::new);
    Gen<V> v = Gens.combine(Gens.integers(0, 7), Gens.integers(0, 400 * 24), V::new);
    Gen<Params> p =
        Gens.combine(
            Gens.combine(Gens.integers(0, 400), Gens.integers(0, 40), (x, y) -> new int[] {x, y}),
            Gens.combine(Gens.integers(1, 20), Gens.booleans(), (x, y) -> new Object[] {x, y}),
            Gens.combine(
                Gens.integers(0, 12),
                Gens.integers(0, 12),
                Gens.integers(0, 12),
                (x, y, z) -> new int[] {x, y, z}),
            (x, y, z) -> new Params(x[0], x[1], (Integer) y[0], (Boolean) y[1], z[0], z[1], z[2]));
    return Gens.combine(Gens.lists(el, 1, 8), Gens.lists(v, 0, 30), p, Scenario::new);
  }

  private Gen<Integer> hours() {
    return Gens.integers(0, 23);
  }

  private static RiskControl control(Scenario s, List<V> visits) {
    ElementRegister.Builder r = ElementRegister.builder();
    for (int i = 0; i < s.elements().size(); i++) {
      El e = s.elements().get(i);
      DueFixtures.add(
          r,
          "E" + i,
          ElementType.PEOPLE,
          "G" + (i % 3),
          e.red() ? RiskColour.RED : RiskColour.YELLOW,
          Y0.plusDays(e.colouredOn()).toString());
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
    int[] after = {p.a(), p.b(), p.c()};
    java.util.Arrays.sort(after);
    ControlPlan red =
        new ControlPlan(
            ElementType.PEOPLE,
            RiskColour.RED,
            p.working() ? Interval.workingDays(p.red()) : Interval.days(p.red()),
            "grid_worker",
            List.of("home_visit"),
            Optional.empty(),
            List.of(
                new OverdueAction(OverdueAction.Kind.URGE, after[0], 0),
                new OverdueAction(OverdueAction.Kind.ESCALATE, after[1], 0),
                new OverdueAction(OverdueAction.Kind.DEDUCT, after[2], 1)),
            Y0,
            Optional.empty());
    ControlPlan yellow =
        new ControlPlan(
            ElementType.PEOPLE,
            RiskColour.YELLOW,
            Interval.days(p.red() + 10),
            "police",
            List.of("home_visit"),
            Optional.empty(),
            List.of(new OverdueAction(OverdueAction.Kind.DEDUCT, 2, 0.5)),
            Y0,
            Optional.empty());
    return RiskControl.builder()
        .register(r.build())
        .plans(
            PlanSet.of(
                "test",
                List.of(red, yellow),
                List.of("grid_worker", "police"),
                List.of("home_visit")))
        .visits(VisitLog.of(vs))
        .calendar(CHINA)
        .build();
  }

  /** The visits made up to the end of day {@code asOf} (hours from 1 January). */
  private static List<V> upTo(List<V> visits, int asOf) {
    return visits.stream().filter(v -> v.hour() < (asOf + 1) * 24).toList();
  }

  /** An action without the days overdue, which grow with the date. */
  private record Key(String element, String post, OverdueAction.Kind kind, LocalDate firedOn) {}

  private static List<Key> keys(ActionReport r) {
    return r.actions().stream()
        .map(a -> new Key(a.element(), a.post(), a.kind(), a.firedOn()))
        .toList();
  }

  @Property(tries = 200)
  void actionsFiredNeverDecreaseAsTheDateAdvancesWithoutANewVisit(@ForAll("scenarios") Scenario s) {
    int asOf = s.p().asOf();
    RiskControl c = control(s, upTo(s.visits(), asOf));
    ActionReport now = c.overdueActions(Y0.plusDays(asOf));
    ActionReport later = c.overdueActions(Y0.plusDays(asOf + s.p().later()));
    assertThat(keys(later)).containsAll(keys(now));
    assertThat(later.actions().size()).isGreaterThanOrEqualTo(now.actions().size());
    assertThat(later.pointsDeducted()).isGreaterThanOrEqualTo(now.pointsDeducted());
  }

  @Property(tries = 200)
  void aVisitThatEndsTheOverdueStretchClearsTheElementsActions(
      @ForAll("scenarios") Scenario s, @ForAll("hours") Integer hour) {
    int asOf = s.p().asOf();
    LocalDate date = Y0.plusDays(asOf);
    RiskControl before = control(s, s.visits());
    ActionReport was = before.overdueActions(date);
    for (int i = 0; i < s.elements().size(); i++) {
      List<V> more = new ArrayList<>(s.visits());
      more.add(new V(i, asOf * 24 + hour)); // visited on the date itself: not overdue
      RiskControl after = control(s, more);
      String id = "E" + i;
      assertThat(after.due(date).rows())
          .filteredOn(r -> r.element().equals(id))
          .allMatch(r -> r.status() != DueStatus.OVERDUE);
      ActionReport now = after.overdueActions(date);
      assertThat(now.actions()).noneMatch(a -> a.element().equals(id));
      assertThat(now.actions())
          .containsExactlyElementsOf(
              was.actions().stream().filter(a -> !a.element().equals(id)).toList());
    }
  }

  @Property(tries = 200)
  void anOverdueRowFiresExactlyThePlansActionsWhoseDayHasCome(@ForAll("scenarios") Scenario s) {
    RiskControl c = control(s, s.visits());
    LocalDate date = Y0.plusDays(s.p().asOf());
    DueReport due = c.due(date);
    ActionReport r = c.overdueActions(due);
    for (ElementDue row : due.rows()) {
      List<FiredAction> mine =
          r.actions().stream().filter(a -> a.element().equals(row.element())).toList();
      ControlPlan plan = c.plans().planFor(row.type(), row.colour(), date).orElseThrow();
      long expected =
          row.status() != DueStatus.OVERDUE
              ? 0
              : plan.onOverdue().stream()
                  .filter(a -> Math.max(a.afterDays(), 1) <= row.daysOverdue())
                  .count();
      assertThat(mine).hasSize((int) expected);
      for (FiredAction a : mine) {
        assertThat(a.firedOn()).isAfter(row.due()).isBeforeOrEqualTo(date);
        assertThat(a.daysOverdue()).isEqualTo(row.daysOverdue());
        assertThat(a.post()).isEqualTo(row.post());
        assertThat(a.grid()).isEqualTo(row.grid());
      }
    }
  }
}
