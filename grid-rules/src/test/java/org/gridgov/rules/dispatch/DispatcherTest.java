package org.gridgov.rules.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.gridgov.core.GridLevel;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.time.TimeLimit;
import org.gridgov.core.time.TimeLimits;
import org.gridgov.core.time.WorkCalendar;
import org.gridgov.rules.internal.Resources;
import org.gridgov.rules.lists.GovernanceLists;
import org.gridgov.rules.lists.Item;
import org.gridgov.rules.lists.ListsJson;
import org.gridgov.rules.table.DecisionTable;
import org.gridgov.rules.table.HitPolicy;
import org.gridgov.rules.table.OutputClause;
import org.gridgov.rules.table.ValueType;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Gens;
import org.gridgov.testkit.Property;
import org.junit.jupiter.api.Test;

class DispatcherTest {
  private static final GovernanceLists SAMPLE =
      Resources.read("/org/gridgov/rules/sample/lists.json", ListsJson::read);
  private static final Dispatcher DEFAULT = Dispatcher.defaults();
  private static final Dispatcher V2024 = Dispatcher.of(Dispatcher.shippedTable("2024"));

  private static Item item(String code) {
    return SAMPLE.item(code).orElseThrow();
  }

  private static DispatchDecision route(
      String code, CaseSeverity severity, int attention, CaseScope scope) {
    return DEFAULT.decide(DispatchFacts.of(item(code), severity, attention, scope, false));
  }

  @Test
  void smallMattersDoNotLeaveTheGrid() {
    // exposed rubbish, found on patrol inside one grid: the grid cleans it up within 4 working
    // hours
    DispatchDecision d = route("01001", CaseSeverity.SIMPLE, 0, CaseScope.IN_GRID);
    assertThat(d.tier()).isEqualTo(HandlerTier.GRID);
    assertThat(d.eventCentre()).isFalse();
    assertThat(d.timeLimit()).isEqualTo(TimeLimit.workingHours(4));
    assertThat(d.ruleId()).isEqualTo("d24");
    assertThat(d.explanation()).contains("01001").contains("d24").contains("小事不出网格");
    // green space upkeep: 5 working days; road cleaning: 2 working hours (docs/domain.md §7)
    assertThat(route("08001", CaseSeverity.SIMPLE, 1, CaseScope.IN_GRID).timeLimit())
        .isEqualTo(TimeLimit.workingDays(5));
    assertThat(route("01003", CaseSeverity.SIMPLE, 1, CaseScope.IN_GRID).timeLimit())
        .isEqualTo(TimeLimit.workingHours(2));
  }

  @Test
  void bigMattersDoNotLeaveTheCommunity() {
    assertThat(route("04003", CaseSeverity.ORDINARY, 0, CaseScope.IN_GRID).tier())
        .isEqualTo(HandlerTier.COMMUNITY);
    assertThat(route("04003", CaseSeverity.SIMPLE, 0, CaseScope.CROSS_GRID).tier())
        .isEqualTo(HandlerTier.COMMUNITY);
    assertThat(route("04003", CaseSeverity.SIMPLE, 0, CaseScope.CROSS_COMMUNITY).tier())
        .isEqualTo(HandlerTier.STREET);
  }

  @Test
  void dongpingsFourTiers() {
    // 1 simple: the grid; 2 ordinary with the town co-ordinating its stations; 3 hard: county
    // departments; 4 high attention and great difficulty: joint handling
    assertThat(route("01002", CaseSeverity.SIMPLE, 0, CaseScope.IN_GRID).tier())
        .isEqualTo(HandlerTier.GRID);
    assertThat(route("01002", CaseSeverity.ORDINARY, 4, CaseScope.IN_GRID).tier())
        .isEqualTo(HandlerTier.STREET);
    assertThat(route("01002", CaseSeverity.DIFFICULT, 0, CaseScope.IN_GRID).tier())
        .isEqualTo(HandlerTier.DISTRICT_DEPARTMENT);
    DispatchDecision joint = route("01002", CaseSeverity.DIFFICULT, 12, CaseScope.IN_GRID);
    assertThat(joint.tier()).isEqualTo(HandlerTier.JOINT);
    assertThat(joint.eventCentre()).isTrue();
    assertThat(route("01002", CaseSeverity.MAJOR, 0, CaseScope.IN_GRID).tier())
        .isEqualTo(HandlerTier.JOINT);
  }

  @Test
  void crossBoundaryCasesGoToTheEventCentre() {
    DispatchDecision streets = route("04001", CaseSeverity.ORDINARY, 0, CaseScope.CROSS_STREET);
    assertThat(streets.tier()).isEqualTo(HandlerTier.DISTRICT_DEPARTMENT);
    assertThat(streets.eventCentre()).isTrue();
    DispatchDecision districts = route("04001", CaseSeverity.ORDINARY, 0, CaseScope.CROSS_DISTRICT);
    assertThat(districts.tier()).isEqualTo(HandlerTier.CITY_DEPARTMENT);
    assertThat(districts.eventCentre()).isTrue();
    DispatchDecision departments =
        route("04001", CaseSeverity.ORDINARY, 0, CaseScope.CROSS_DEPARTMENT);
    assertThat(departments.tier()).isEqualTo(HandlerTier.STREET);
    assertThat(departments.eventCentre()).isTrue();
    for (CaseScope s : CaseScope.values()) {
      DispatchDecision d = route("04001", CaseSeverity.ORDINARY, 0, s);
      if (s.isCrossBoundary()) {
        assertThat(d.eventCentre()).as(s.name()).isTrue();
      }
    }
  }

  @Test
  void cityDepartmentMattersGoThroughTheCityGridCentre() {
    // Tongcheng: a matter for a city department is reported to the city grid centre, which
    // dispatches one of the 22 joint-duty departments; a missing manhole cover, 2 working hours
    DispatchDecision d = route("06001", CaseSeverity.SIMPLE, 0, CaseScope.IN_GRID);
    assertThat(d.tier()).isEqualTo(HandlerTier.CITY_DEPARTMENT);
    assertThat(d.eventCentre()).isTrue();
    assertThat(d.timeLimit()).isEqualTo(TimeLimit.workingHours(2));
  }

  @Test
  void illegalConstructionIsStoppedByTheStreetWithinFourWorkingHours() {
    Item stop = item("03001");
    DispatchDecision normal =
        DEFAULT.decide(DispatchFacts.of(stop, CaseSeverity.ORDINARY, 0, CaseScope.IN_GRID, false));
    assertThat(normal.tier()).isEqualTo(HandlerTier.STREET);
    assertThat(normal.timeLimit()).isEqualTo(TimeLimit.workingHours(4));
    DispatchDecision urgent =
        DEFAULT.decide(DispatchFacts.of(stop, CaseSeverity.ORDINARY, 0, CaseScope.IN_GRID, true));
    assertThat(urgent.timeLimit()).isEqualTo(TimeLimit.workingHours(2));
    assertThat(urgent.explanation()).contains("urgent");
    // penalising takes 7 working days, demolition 20 (docs/domain.md §7)
    assertThat(item("03002").timeLimits().normal()).isEqualTo(TimeLimit.workingDays(7));
    assertThat(item("03003").timeLimits().normal()).isEqualTo(TimeLimit.workingDays(20));
  }

  @Test
  void emergencies() {
    DispatchDecision gas = route("05001", CaseSeverity.ORDINARY, 0, CaseScope.IN_GRID);
    assertThat(gas.tier()).isEqualTo(HandlerTier.CITY_DEPARTMENT);
    assertThat(gas.timeLimit()).isEqualTo(TimeLimit.calendarHours(2));
    assertThat(route("05004", CaseSeverity.ORDINARY, 0, CaseScope.IN_GRID).tier())
        .isEqualTo(HandlerTier.STREET);
    assertThat(route("05004", CaseSeverity.DIFFICULT, 0, CaseScope.IN_GRID).tier())
        .isEqualTo(HandlerTier.JOINT);
  }

  @Test
  void theVersionInForceDecides() {
    // six public reports about exposed rubbish: "elevated" under the 2024 table (high from 10),
    // "high" under the 2026 table (high from 5)
    DispatchFacts f =
        DispatchFacts.of(item("01001"), CaseSeverity.SIMPLE, 6, CaseScope.IN_GRID, false);
    assertThat(V2024.decide(f).tier()).isEqualTo(HandlerTier.COMMUNITY);
    assertThat(DEFAULT.decide(f).tier()).isEqualTo(HandlerTier.STREET);
  }

  @Test
  void theDeadlineCountsWorkingTime() {
    WorkCalendar cal = WorkCalendar.standard();
    ZoneId zone = cal.zone();
    // Friday 16:00: 2 working hours left that day, 2 more on Monday from 08:30
    Instant friday = ZonedDateTime.of(2026, 3, 6, 16, 0, 0, 0, zone).toInstant();
    DispatchDecision d = route("01001", CaseSeverity.SIMPLE, 0, CaseScope.IN_GRID);
    assertThat(d.deadline(cal, friday))
        .isEqualTo(ZonedDateTime.of(2026, 3, 9, 10, 30, 0, 0, zone).toInstant());
  }

  @Test
  void aCategoryTheTableDoesNotKnowIsAnEvaluationError() {
    Item odd =
        Item.builder("X1", "其他", GridLevel.COMMUNITY, TimeLimits.of(TimeLimit.workingDays(1)))
            .category("其他类")
            .build();
    assertThatThrownBy(
            () ->
                DEFAULT.decide(
                    DispatchFacts.of(odd, CaseSeverity.SIMPLE, 0, CaseScope.IN_GRID, false)))
        .isInstanceOf(EvaluationException.class)
        .hasMessageContaining("category")
        .satisfies(e -> assertThat(((EvaluationException) e).messages()).isNotEmpty());
  }

  @Test
  void aTableOfTheWrongShapeIsRefused() {
    DecisionTable noScope =
        fourInputs(DecisionTable.builder("d"))
            .output(OutputClause.of("tier", ValueType.STRING))
            .output(OutputClause.of("eventCentre", ValueType.BOOLEAN))
            .build();
    assertThatThrownBy(() -> Dispatcher.of(noScope))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("input 'scope'");
    DecisionTable badTier =
        dispatchShape(DecisionTable.builder("d"))
            .rule(List.of("-", "-", "-", "-", "-"), List.of("GRID", false))
            .rule(List.of("-", "-", "-", "-", "-"), List.of("MAYOR", false))
            .build();
    assertThatThrownBy(() -> Dispatcher.of(badTier))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("rule 2")
        .hasMessageContaining("MAYOR");
    DecisionTable collect =
        dispatchShape(DecisionTable.builder("d").hitPolicy(HitPolicy.RULE_ORDER)).build();
    assertThatThrownBy(() -> Dispatcher.of(collect))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("single-hit");
  }

  @Test
  void aTableWithDefaultsRoutesUnmatchedCasesToThem() {
    DecisionTable t =
        DecisionTable.builder("d")
            .input("category", ValueType.STRING)
            .input("handling", ValueType.STRING)
            .input("severity", ValueType.STRING)
            .input("attention", ValueType.NUMBER)
            .input("scope", ValueType.STRING)
            .output(OutputClause.of("tier", ValueType.STRING).withDefault("COMMUNITY"))
            .output(OutputClause.of("eventCentre", ValueType.BOOLEAN).withDefault(false))
            .rule("big", List.of("-", "-", "\"MAJOR\"", "-", "-"), List.of("JOINT", true), "major")
            .build();
    Dispatcher d = Dispatcher.of(t);
    DispatchFacts simple =
        DispatchFacts.of(item("01001"), CaseSeverity.SIMPLE, 0, CaseScope.IN_GRID, false);
    DispatchDecision fallback = d.decide(simple);
    assertThat(fallback.tier()).isEqualTo(HandlerTier.COMMUNITY);
    assertThat(fallback.ruleId()).isEqualTo("default");
    assertThat(d.tier(simple)).isEqualTo(HandlerTier.COMMUNITY);
    DispatchFacts major =
        DispatchFacts.of(item("01001"), CaseSeverity.MAJOR, 0, CaseScope.IN_GRID, false);
    assertThat(d.decide(major).explanation()).contains("rule big (major) -> JOINT via the event");
    DecisionTable noDefaults =
        dispatchShape(DecisionTable.builder("nd"))
            .rule(List.of("-", "-", "\"MAJOR\"", "-", "-"), List.of("JOINT", true))
            .build();
    assertThatThrownBy(() -> Dispatcher.of(noDefaults).decide(simple))
        .isInstanceOf(EvaluationException.class)
        .hasMessageContaining("has no rule for item 01001");
  }

  private static DecisionTable.Builder fourInputs(DecisionTable.Builder b) {
    return b.input("category", ValueType.STRING)
        .input("handling", ValueType.STRING)
        .input("severity", ValueType.STRING)
        .input("attention", ValueType.NUMBER);
  }

  private static DecisionTable.Builder dispatchShape(DecisionTable.Builder b) {
    return fourInputs(b)
        .input("scope", ValueType.STRING)
        .output(OutputClause.of("tier", ValueType.STRING))
        .output(OutputClause.of("eventCentre", ValueType.BOOLEAN));
  }

  // ---- property: a harder, more visible or wider case never goes to a lower tier ----

  private static final List<CaseScope> AREA =
      List.of(
          CaseScope.IN_GRID,
          CaseScope.CROSS_GRID,
          CaseScope.CROSS_COMMUNITY,
          CaseScope.CROSS_STREET,
          CaseScope.CROSS_DISTRICT);

  record Pair(DispatchFacts lower, DispatchFacts higher) {}

  Gen<Pair> escalatedPairs() {
    Gen<Item> items = Gens.elements(SAMPLE.items());
    return src -> {
      Item item = items.generate(src);
      CaseSeverity sev = Gens.enums(CaseSeverity.class).generate(src);
      int attention = Gens.integers(0, 15).generate(src);
      int area = Gens.integers(0, AREA.size() - 1).generate(src);
      boolean urgent = Gens.booleans().generate(src);
      DispatchFacts lower = DispatchFacts.of(item, sev, attention, AREA.get(area), urgent);
      DispatchFacts higher =
          switch (Gens.integers(0, 3).generate(src)) {
            case 0 ->
                DispatchFacts.of(
                    item,
                    CaseSeverity.values()[
                        Gens.integers(sev.ordinal(), CaseSeverity.values().length - 1)
                            .generate(src)],
                    attention,
                    AREA.get(area),
                    urgent);
            case 1 ->
                DispatchFacts.of(
                    item,
                    sev,
                    attention + Gens.integers(0, 12).generate(src),
                    AREA.get(area),
                    urgent);
            case 2 ->
                DispatchFacts.of(
                    item,
                    sev,
                    attention,
                    AREA.get(Gens.integers(area, AREA.size() - 1).generate(src)),
                    urgent);
            default -> DispatchFacts.of(item, sev, attention, CaseScope.CROSS_DEPARTMENT, urgent);
          };
      if (higher.scope() == CaseScope.CROSS_DEPARTMENT) {
        lower = DispatchFacts.of(item, sev, attention, CaseScope.IN_GRID, urgent);
      }
      return new Pair(lower, higher);
    };
  }

  @Property(tries = 400)
  void tiersNeverFallAsACaseGetsHarderMoreVisibleOrWider(@ForAll("escalatedPairs") Pair p) {
    for (Dispatcher d : List.of(DEFAULT, V2024)) {
      DispatchDecision low = d.decide(p.lower());
      DispatchDecision high = d.decide(p.higher());
      assertThat(high.tier())
          .as("%s%n  vs %s", low.explanation(), high.explanation())
          .isGreaterThanOrEqualTo(low.tier());
      assertThat(high.timeLimit()).isEqualTo(low.timeLimit());
      assertThat(d.tier(p.higher())).isEqualTo(high.tier());
      assertThat(d.tier(p.lower())).isEqualTo(low.tier());
    }
  }
}
