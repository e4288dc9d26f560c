package org.gridgov.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.gridgov.core.GeoPoint;
import org.gridgov.core.GridId;
import org.gridgov.core.risk.ElementType;
import org.gridgov.core.risk.RiskColour;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Property;
import org.junit.jupiter.api.Test;

/** A worker's day: which elements, in which order, how far and how long. */
class PatrolPlannerTest {
  static final GridId G1 = GridId.of("S01-C01-G01");
  static final GridId G2 = GridId.of("S01-C01-G02");
  static final GridId G3 = GridId.of("S01-C01-G03");
  static final LocalDate DAY = LocalDate.of(2026, 5, 6);
  static final LocalDate JAN = LocalDate.of(2026, 1, 1);

  static PlanSet plans() {
    return PlanSet.of(
        "test",
        List.of(
            plan(ElementType.PEOPLE, RiskColour.RED, Interval.days(7)),
            plan(ElementType.PEOPLE, RiskColour.YELLOW, Interval.days(14)),
            plan(ElementType.PEOPLE, RiskColour.BLUE, Interval.days(30)),
            plan(ElementType.PLACES, RiskColour.RED, Interval.workingDays(5)),
            plan(ElementType.PLACES, RiskColour.YELLOW, Interval.days(14)),
            plan(ElementType.PLACES, RiskColour.BLUE, Interval.days(30))),
        List.of("grid_worker"),
        List.of("home_visit"));
  }

  static ControlPlan plan(ElementType t, RiskColour c, Interval every) {
    return new ControlPlan(
        t,
        c,
        every,
        "grid_worker",
        List.of("home_visit"),
        Optional.empty(),
        List.of(),
        JAN,
        Optional.empty());
  }

  static Element at(String id, ElementType t, GridId g, double lon, double lat) {
    return Element.of(id, t, g, Optional.of(GeoPoint.of(lon, lat)), id);
  }

  static Visit visit(String id, LocalDate on) {
    return Visit.of(
        id,
        ZonedDateTime.of(on.atTime(10, 0), java.time.ZoneId.of("Asia/Shanghai")).toInstant(),
        "w-1",
        List.of("home_visit"));
  }

  /**
   * A hand-checked day: three red persons on a line 100 m apart in G1 (one visited yesterday, so
   * ok), a yellow place in G2 overdue, a blue person in G3 (not the worker's), a red person without
   * a position.
   */
  @Test
  void workedExample() {
    double dLon = 100 / (111_195.08 * Math.cos(Math.toRadians(34.75))); // 100 m east
    ElementRegister.Builder b = ElementRegister.builder();
    b.add(JAN, at("P-1", ElementType.PEOPLE, G1, 113.62, 34.75));
    b.add(JAN, at("P-2", ElementType.PEOPLE, G1, 113.62 + 2 * dLon, 34.75));
    b.add(JAN, at("P-3", ElementType.PEOPLE, G1, 113.62 + dLon, 34.75)); // visited yesterday
    b.add(JAN, at("L-1", ElementType.PLACES, G2, 113.62 + 3 * dLon, 34.75));
    b.add(JAN, at("P-9", ElementType.PEOPLE, G3, 113.62 + 4 * dLon, 34.75));
    b.add(JAN, Element.of("P-4", ElementType.PEOPLE, G1, Optional.empty(), "P-4"));
    for (String id : List.of("P-1", "P-2", "P-3", "P-4")) {
      b.mark(id, ColourMark.manual(RiskColour.RED, LocalDate.of(2026, 4, 1), "key person", "u"));
    }
    b.mark("L-1", ColourMark.manual(RiskColour.YELLOW, LocalDate.of(2026, 4, 1), "rental", "u"));
    b.mark("P-9", ColourMark.manual(RiskColour.BLUE, LocalDate.of(2026, 4, 1), "elderly", "u"));
    RiskControl control =
        RiskControl.builder()
            .register(b.build())
            .plans(plans())
            .visits(
                VisitLog.of(
                    List.of(
                        visit("P-1", LocalDate.of(2026, 4, 29)), // due 05-06: due
                        visit("P-2", LocalDate.of(2026, 4, 20)), // due 04-27: 9 days overdue
                        visit("P-3", LocalDate.of(2026, 5, 5)),
                        visit("L-1", LocalDate.of(2026, 4, 1)), // due 04-15: overdue
                        visit("P-4", LocalDate.of(2026, 4, 1)))))
            .build();
    PatrolOptions from = PatrolOptions.defaults().startingAt(GeoPoint.of(113.62 - dLon, 34.75));
    PatrolDay day = control.day("w-1", Set.of(G1, G2), DAY, from);

    assertThat(day.stops()).extracting(PatrolStop::element).containsExactly("P-1", "P-2", "L-1");
    assertThat(day.stops())
        .extracting(PatrolStop::status)
        .containsExactly(DueStatus.DUE, DueStatus.OVERDUE, DueStatus.OVERDUE);
    assertThat(day.stops().get(0).legMetres()).isCloseTo(100, within(0.05));
    assertThat(day.stops().get(1).legMetres()).isCloseTo(200, within(0.1));
    assertThat(day.stops().get(2).legMetres()).isCloseTo(100, within(0.05));
    assertThat(day.metres()).isCloseTo(400, within(0.2));
    // 75 m/min, 10 minutes a visit: arrive at 1.33, 14.0, 25.33; 400/75 + 3 × 10 = 35.33 minutes
    assertThat(day.stops().get(0).arriveMinute()).isCloseTo(100 / 75.0, within(0.01));
    assertThat(day.stops().get(1).arriveMinute()).isCloseTo(300 / 75.0 + 10, within(0.01));
    assertThat(day.stops().get(2).arriveMinute()).isCloseTo(400 / 75.0 + 20, within(0.01));
    assertThat(day.minutes()).isCloseTo(400 / 75.0 + 30, within(0.01));
    assertThat(day.unplaced()).containsExactly("P-4");
    assertThat(day.worker()).isEqualTo("w-1");

    // without a start the walk begins at an end of the line, its first leg is 0
    PatrolDay free = control.day("w-1", Set.of(G1, G2), DAY, PatrolOptions.defaults());
    assertThat(free.stops().get(0).legMetres()).isZero();
    assertThat(free.metres()).isCloseTo(300, within(0.2));
  }

  @Test
  void anElementThatMovedCountsInItsGridOnTheDate() {
    ElementRegister.Builder b = ElementRegister.builder();
    b.add(JAN, at("P-1", ElementType.PEOPLE, G3, 113.62, 34.75));
    b.add(LocalDate.of(2026, 3, 1), at("P-1", ElementType.PEOPLE, G1, 113.621, 34.75));
    b.mark("P-1", ColourMark.manual(RiskColour.RED, JAN, "key person", "u"));
    RiskControl control = RiskControl.builder().register(b.build()).plans(plans()).build();
    assertThat(control.day("w", Set.of(G1), DAY, PatrolOptions.defaults()).stops())
        .extracting(PatrolStop::element)
        .containsExactly("P-1");
    assertThat(control.day("w", Set.of(G3), DAY, PatrolOptions.defaults()).stops()).isEmpty();
    assertThat(
            control
                .day("w", Set.of(G3), LocalDate.of(2026, 2, 1), PatrolOptions.defaults())
                .stops())
        .extracting(PatrolStop::element)
        .containsExactly("P-1");
  }

  @Test
  void aRetiredElementIsNotVisited() {
    ElementRegister.Builder b = ElementRegister.builder();
    b.add(JAN, at("P-1", ElementType.PEOPLE, G1, 113.62, 34.75));
    b.add(ElementVersion.retired("P-1", LocalDate.of(2026, 3, 1)));
    b.mark("P-1", ColourMark.manual(RiskColour.RED, JAN, "key person", "u"));
    RiskControl control = RiskControl.builder().register(b.build()).plans(plans()).build();
    assertThat(control.day("w", Set.of(G1), DAY, PatrolOptions.defaults()).stops()).isEmpty();
    assertThat(
            control
                .day("w", Set.of(G1), LocalDate.of(2026, 2, 1), PatrolOptions.defaults())
                .stops())
        .hasSize(1);
  }

  // ------------------------------------------------------------------ properties

  /** A random register over three grids: positions (some missing), colours, visits. */
  record Town(RiskControl control, Set<GridId> grids) {}

  private Gen<Town> towns() {
    return src -> {
      int n = src.ints(0, 60);
      ElementRegister.Builder b = ElementRegister.builder();
      List<Visit> visits = new ArrayList<>();
      List<GridId> all = List.of(G1, G2, G3);
      for (int i = 0; i < n; i++) {
        String id = String.format("E-%03d", i);
        GridId g = all.get(src.ints(0, 2));
        ElementType t = src.booleans() ? ElementType.PEOPLE : ElementType.PLACES;
        Optional<GeoPoint> p =
            src.ints(0, 9) == 0
                ? Optional.empty()
                : Optional.of(
                    GeoPoint.of(113.62 + src.ints(0, 30) * 1e-4, 34.75 + src.ints(0, 30) * 1e-4));
        b.add(JAN, Element.of(id, t, g, p, id));
        if (src.ints(0, 4) > 0) {
          RiskColour c =
              List.of(RiskColour.RED, RiskColour.YELLOW, RiskColour.BLUE).get(src.ints(0, 2));
          b.mark(id, ColourMark.manual(c, JAN.plusDays(src.ints(0, 120)), "r", "u"));
        }
        for (int v = src.ints(0, 3); v > 0; v--) {
          visits.add(visit(id, JAN.plusDays(src.ints(0, 130))));
        }
      }
      Set<GridId> grids = src.booleans() ? Set.of(G1) : Set.of(G1, G2);
      return new Town(
          RiskControl.builder()
              .register(b.build())
              .plans(plans())
              .visits(VisitLog.of(visits))
              .build(),
          grids);
    };
  }

  /** Every due or overdue element of the grids — found by scanning the whole register — once. */
  @Property(tries = 200)
  void theRouteVisitsEveryDueElementExactlyOnce(@ForAll("towns") Town town) {
    PatrolDay day = town.control().day("w", town.grids(), DAY, PatrolOptions.defaults());
    TreeSet<String> expectedPlaced = new TreeSet<>();
    TreeSet<String> expectedUnplaced = new TreeSet<>();
    for (Element e : town.control().register().asOf(DAY)) {
      if (!town.grids().contains(e.grid())) {
        continue;
      }
      Optional<ElementDue> d = PatrolPlanner.dueOn(town.control(), e, DAY);
      if (d.isPresent() && d.get().status() != DueStatus.OK) {
        (e.position().isPresent() ? expectedPlaced : expectedUnplaced).add(e.id());
      }
    }
    List<String> visited = day.stops().stream().map(PatrolStop::element).toList();
    assertThat(visited).doesNotHaveDuplicates();
    assertThat(new TreeSet<>(visited)).isEqualTo(expectedPlaced);
    assertThat(day.unplaced()).containsExactlyElementsOf(expectedUnplaced);
    double sum = day.stops().stream().mapToDouble(PatrolStop::legMetres).sum();
    assertThat(day.metres()).isCloseTo(sum, within(1e-6));
    assertThat(day.minutes()).isCloseTo(sum / 75 + day.stops().size() * 10.0, within(1e-6));
    for (int k = 1; k < day.stops().size(); k++) {
      assertThat(day.stops().get(k).arriveMinute())
          .isGreaterThanOrEqualTo(day.stops().get(k - 1).arriveMinute() + 10);
    }
  }

  /** The same data built again gives the same day, stop for stop. */
  @Property(tries = 50)
  void deterministic(@ForAll("towns") Town town) {
    PatrolDay a = town.control().day("w", town.grids(), DAY, PatrolOptions.defaults());
    RiskControl again =
        RiskControl.builder()
            .register(town.control().register().toBuilder().build())
            .plans(plans())
            .visits(town.control().visits())
            .build();
    PatrolDay b = again.day("w", town.grids(), DAY, PatrolOptions.defaults());
    assertThat(b).isEqualTo(a);
  }
}
