package org.gridgov.rules.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gridgov.core.GridLevel;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.LevelLadder;
import org.gridgov.core.time.TimeLimit;
import org.gridgov.core.time.WorkCalendar;
import org.gridgov.rules.table.DecisionTable;
import org.gridgov.rules.table.HitPolicy;
import org.gridgov.rules.table.OutputClause;
import org.gridgov.rules.table.ValueType;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Gens;
import org.gridgov.testkit.Property;
import org.junit.jupiter.api.Test;

class EscalationLadderTest {
  private static final EscalationLadder LADDER = EscalationLadder.defaults();

  private static EscalationStep at(GridLevel level, boolean beyond, double share) {
    return LADDER.decide(new EscalationFacts(level, beyond, share));
  }

  @Test
  void zhengzhousRungs() {
    EscalationStep community = at(GridLevel.MICRO, true, 0);
    assertThat(community.action()).isEqualTo(EscalationAction.WHISTLE);
    assertThat(community.whistler()).contains(GridLevel.COMMUNITY);
    assertThat(community.reporters()).isEqualTo(Reporter.PARTY_MEMBERS);
    assertThat(community.reportWithin()).contains(TimeLimit.workingDays(1));
    assertThat(community.explanation()).contains("党员报到");

    EscalationStep street = at(GridLevel.COMMUNITY, true, 0);
    assertThat(street.whistler()).contains(GridLevel.STREET);
    assertThat(street.reporters()).isEqualTo(Reporter.DEPARTMENTS);

    EscalationStep district = at(GridLevel.STREET, true, 0);
    assertThat(district.whistler()).contains(GridLevel.DISTRICT);
    assertThat(district.reporters()).isEqualTo(Reporter.CITY_DEPARTMENTS);

    EscalationStep city = at(GridLevel.DISTRICT, true, 0);
    assertThat(city.whistler()).contains(GridLevel.CITY);
    assertThat(city.reporters()).isEqualTo(Reporter.JOINT_DEPARTMENTS);

    EscalationStep top = at(GridLevel.CITY, true, 0);
    assertThat(top.action()).isEqualTo(EscalationAction.URGE);
    assertThat(top.whistler()).isEmpty();
    assertThat(top.reporters()).isEqualTo(Reporter.NONE);
  }

  @Test
  void overdueCasesAreUrgedThenWhistled() {
    assertThat(at(GridLevel.COMMUNITY, false, 0.99).action()).isEqualTo(EscalationAction.NONE);
    assertThat(at(GridLevel.COMMUNITY, false, 1.0).action()).isEqualTo(EscalationAction.URGE);
    assertThat(at(GridLevel.COMMUNITY, false, 1.49).action()).isEqualTo(EscalationAction.URGE);
    EscalationStep s = at(GridLevel.COMMUNITY, false, 1.5);
    assertThat(s.action()).isEqualTo(EscalationAction.WHISTLE);
    assertThat(s.explanation()).contains("150%");
  }

  @Test
  void theChainClimbsToTheTopAndStops() {
    List<EscalationStep> chain = LADDER.chain(new EscalationFacts(GridLevel.MICRO, true, 0));
    assertThat(chain)
        .extracting(s -> s.whistler().orElseThrow())
        .containsExactly(GridLevel.COMMUNITY, GridLevel.STREET, GridLevel.DISTRICT, GridLevel.CITY);
    assertThat(chain)
        .extracting(EscalationStep::reporters)
        .containsExactly(
            Reporter.PARTY_MEMBERS,
            Reporter.DEPARTMENTS,
            Reporter.CITY_DEPARTMENTS,
            Reporter.JOINT_DEPARTMENTS);
    assertThat(LADDER.maxSteps()).isEqualTo(5);
    assertThat(LADDER.chain(new EscalationFacts(GridLevel.COMMUNITY, false, 0.2))).isEmpty();
  }

  @Test
  void reportersHaveADeadlineOnTheWorkingCalendar() {
    WorkCalendar cal = WorkCalendar.standard();
    Instant friday = ZonedDateTime.of(2026, 3, 6, 17, 0, 0, 0, cal.zone()).toInstant();
    EscalationStep s = at(GridLevel.STREET, true, 0);
    assertThat(s.reportBy(cal, friday)).contains(cal.plus(friday, TimeLimit.workingDays(2)));
    assertThat(at(GridLevel.STREET, false, 0).reportBy(cal, friday)).isEmpty();
  }

  @Test
  void theOverdueShareIsMeasuredInWorkingTime() {
    WorkCalendar cal = WorkCalendar.standard();
    Instant start = ZonedDateTime.of(2026, 3, 6, 16, 0, 0, 0, cal.zone()).toInstant();
    Instant monday = ZonedDateTime.of(2026, 3, 9, 9, 30, 0, 0, cal.zone()).toInstant();
    // 4 working hours from Friday 16:00; by Monday 09:30, 3 of them are used
    assertThat(EscalationFacts.overdueShare(cal, start, TimeLimit.workingHours(4), monday))
        .isEqualTo(0.75);
    assertThat(EscalationFacts.overdueShare(cal, start, TimeLimit.calendarHours(2), monday))
        .isGreaterThan(30);
    assertThat(EscalationFacts.overdueShare(cal, monday, TimeLimit.workingHours(4), start))
        .isZero();
  }

  // ---- tables the ladder refuses ----

  private static DecisionTable.Builder shape(HitPolicy policy) {
    return DecisionTable.builder("esc")
        .hitPolicy(policy)
        .input("level", ValueType.STRING)
        .input("beyondAuthority", ValueType.BOOLEAN)
        .input("overdueShare", ValueType.NUMBER)
        .output(OutputClause.of("action", ValueType.STRING))
        .output(OutputClause.of("whistler", ValueType.STRING))
        .output(OutputClause.of("reporters", ValueType.STRING))
        .output(OutputClause.of("reportWithin", ValueType.STRING));
  }

  private static final List<Object> STAY = List.of("NONE", "none", "NONE", "none");

  private static List<Object> whistle(String to) {
    return List.of("WHISTLE", to, "DEPARTMENTS", "4 working hours");
  }

  @Test
  void aWhistleThatDoesNotClimbIsRefusedWithTheRule() {
    DecisionTable self =
        shape(HitPolicy.FIRST)
            .rule(List.of("\"street\"", "true", "-"), whistle("district"))
            .rule(List.of("\"community\",\"street\"", "-", ">= 2"), whistle("street"))
            .rule(List.of("-", "-", "-"), STAY)
            .build();
    assertThatThrownBy(() -> EscalationLadder.of(self, LevelLadder.defaults()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("rule 2")
        .hasMessageContaining("'street' would be whistled to 'street'");
    DecisionTable down =
        shape(HitPolicy.FIRST).rule(List.of("\"city\"", "-", "-"), whistle("micro")).build();
    assertThatThrownBy(() -> EscalationLadder.of(down, LevelLadder.defaults()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("rule 1");
  }

  private static void refused(DecisionTable table, String message) {
    assertThatThrownBy(() -> EscalationLadder.of(table, LevelLadder.defaults()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(message);
  }

  private static DecisionTable oneRule(String level, List<Object> outputs) {
    return shape(HitPolicy.FIRST).rule(List.of(level, "-", "-"), outputs).build();
  }

  @Test
  void badOutputsAndShapesAreRefused() {
    refused(oneRule("-", whistle("province")), "'province' is not a level");
    refused(
        oneRule("\"micro\"", List.of("WHISTLE", "city", "NONE", "1 hour")), "someone to report");
    refused(
        oneRule("\"micro\"", List.of("WHISTLE", "city", "DEPARTMENTS", "soon")), "reportWithin");
    refused(oneRule("-", List.of("NONE", "city", "NONE", "none")), "does not whistle");
    refused(oneRule("-", List.of("BLOW", "none", "NONE", "none")), "'BLOW' is not one of");
    refused(shape(HitPolicy.COLLECT).build(), "single-hit");
    refused(
        DecisionTable.builder("esc")
            .input("level", ValueType.STRING)
            .input("beyondAuthority", ValueType.BOOLEAN)
            .output(OutputClause.of("action", ValueType.STRING))
            .build(),
        "'overdueShare'");
  }

  @Test
  void aLevelOffTheLadderIsACallerError() {
    assertThatThrownBy(() -> at(GridLevel.of("province"), true, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EscalationFacts(GridLevel.CITY, false, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // ---- property: over random ladders and tables, escalation always terminates ----

  record Scenario(LevelLadder ladder, DecisionTable table, boolean climbs) {}

  record Case(GridLevel start, boolean beyond, double share) {}

  record Trial(Scenario scenario, List<Case> cases) {}

  Gen<Trial> trials() {
    return src -> {
      int n = Gens.integers(2, 7).generate(src);
      List<GridLevel> levels = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        levels.add(GridLevel.of("l" + i + Gens.strings("abc", 0, 2).generate(src)));
      }
      LevelLadder ladder = LevelLadder.of(levels);
      DecisionTable.Builder b = shape(HitPolicy.FIRST);
      boolean climbs = true;
      int rules = Gens.integers(0, 10).generate(src);
      for (int r = 0; r < rules; r++) {
        List<Integer> from = Gens.lists(Gens.integers(0, n - 1), 0, 3).generate(src);
        String levelEntry =
            from.isEmpty()
                ? "-"
                : String.join(
                    ",", from.stream().map(i -> "\"" + levels.get(i).name() + "\"").toList());
        String beyond = Gens.elements("-", "true", "false").generate(src);
        String share = Gens.elements("-", ">= 1.5", "< 1", "[1..1.5)", ">= 0").generate(src);
        if (Gens.integers(0, 2).generate(src) == 0) {
          b.rule(List.of(levelEntry, beyond, share), STAY);
          continue;
        }
        int lowestFrom = from.isEmpty() ? 0 : from.stream().min(Integer::compare).orElseThrow();
        // mostly well-formed ladders (whistle to a level above), sometimes not
        int to =
            lowestFrom > 0 && Gens.integers(0, 9).generate(src) > 0
                ? Gens.integers(0, lowestFrom - 1).generate(src)
                : Gens.integers(0, n - 1).generate(src);
        // a whistle climbs if its level is above every level the rule accepts
        if (to >= lowestFrom) {
          climbs = false;
        }
        b.rule(List.of(levelEntry, beyond, share), whistle(levels.get(to).name()));
      }
      Scenario s = new Scenario(ladder, b.build(), climbs);
      Gen<Case> cases =
          Gens.combine(
              Gens.elements(levels),
              Gens.booleans(),
              Gens.integers(0, 40).map(i -> i / 10.0),
              Case::new);
      return new Trial(s, cases.list(1, 8).generate(src));
    };
  }

  @Property(tries = 500)
  void escalationAlwaysTerminatesWithinTheLadder(@ForAll("trials") Trial t) {
    Scenario s = t.scenario();
    Optional<EscalationLadder> built;
    try {
      built = Optional.of(EscalationLadder.of(s.table(), s.ladder()));
    } catch (InvalidInputException e) {
      built = Optional.empty();
    }
    // the ladder is built exactly when every whistle climbs
    assertThat(built.isPresent()).as("built").isEqualTo(s.climbs());
    if (built.isEmpty()) {
      return;
    }
    EscalationLadder ladder = built.get();
    for (Case c : t.cases()) {
      List<EscalationStep> chain =
          ladder.chain(new EscalationFacts(c.start(), c.beyond(), c.share()));
      assertThat(chain.size()).isLessThanOrEqualTo(ladder.maxSteps());
      int rank = s.ladder().rank(c.start());
      for (EscalationStep step : chain) {
        int next = s.ladder().rank(step.whistler().orElseThrow());
        assertThat(next).isLessThan(rank);
        rank = next;
      }
    }
  }
}
