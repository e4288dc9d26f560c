package org.gridgov.lab.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gridgov.core.GridLevel;
import org.gridgov.core.LevelLadder;
import org.gridgov.core.time.TimeLimit;
import org.gridgov.core.time.TimeLimits;
import org.gridgov.rules.dispatch.CaseScope;
import org.gridgov.rules.dispatch.CaseSeverity;
import org.gridgov.rules.dispatch.DispatchFacts;
import org.gridgov.rules.dispatch.Dispatcher;
import org.gridgov.rules.dispatch.EscalationFacts;
import org.gridgov.rules.dispatch.EscalationLadder;
import org.gridgov.rules.dispatch.EscalationStep;
import org.gridgov.rules.dispatch.HandlerTier;
import org.gridgov.rules.table.DecisionResult;
import org.gridgov.rules.table.DecisionTable;
import org.gridgov.rules.table.EvaluateOptions;
import org.gridgov.rules.table.TableFinding;
import org.gridgov.rules.table.TableVerifier;
import org.gridgov.rules.table.VerificationReport;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Gens;
import org.gridgov.testkit.Property;
import org.junit.jupiter.api.Test;

class TableGensTest {
  private static final TableVerifier VERIFIER = TableVerifier.defaults();

  Gen<DecisionTable> tables() {
    return TableGens.tables();
  }

  Gen<DecisionTable> gappy() {
    return TableGens.tables(TableGens.TableDefect.GAP);
  }

  Gen<DecisionTable> overlapping() {
    return TableGens.tables(TableGens.TableDefect.OVERLAP);
  }

  Gen<DecisionTable> dispatchTables() {
    return TableGens.dispatchTables();
  }

  Gen<DecisionTable> escalationTables() {
    return TableGens.escalationTables();
  }

  @Property(tries = 150)
  void completeTablesVerifyClean(@ForAll("tables") DecisionTable t) {
    VerificationReport r = VERIFIER.verify(t);
    assertThat(r.isClean()).as("%s", r.findings()).isTrue();
    assertThat(r.findings(TableFinding.Kind.GAP)).isEmpty();
    assertThat(r.findings(TableFinding.Kind.OVERLAP)).isEmpty();
  }

  @Property(tries = 100)
  void aRemovedRuleIsAGapWithAWitnessNothingMatches(@ForAll("gappy") DecisionTable t) {
    List<TableFinding> gaps = VERIFIER.verify(t).findings(TableFinding.Kind.GAP);
    assertThat(gaps).isNotEmpty();
    DecisionResult r =
        t.compile()
            .evaluate(gaps.get(0).witness().orElseThrow().asMap(), EvaluateOptions.reference());
    assertThat(r.selected()).isEmpty();
  }

  @Property(tries = 100)
  void aRepeatedRuleIsAnOverlapWithAWitnessTwoRulesMatch(@ForAll("overlapping") DecisionTable t) {
    List<TableFinding> overlaps = VERIFIER.verify(t).findings(TableFinding.Kind.OVERLAP);
    assertThat(overlaps).isNotEmpty();
    assertThat(
            t.compile()
                .evaluate(
                    overlaps.get(0).witness().orElseThrow().asMap(), EvaluateOptions.reference())
                .hasErrors())
        .isTrue();
  }

  @Property(tries = 60)
  void generatedDispatchTablesAreAcceptedCompleteAndNeverFail(
      @ForAll("dispatchTables") DecisionTable t, @ForAll("facts") DispatchFacts facts) {
    Dispatcher d = Dispatcher.of(t);
    assertThat(VERIFIER.verify(t).findings(TableFinding.Kind.OVERLAP)).isEmpty();
    assertThat(VERIFIER.verify(t).findings(TableFinding.Kind.GAP)).isEmpty();
    HandlerTier tier = d.decide(facts).tier();
    // simple first: a more severe case never goes lower
    CaseSeverity[] all = CaseSeverity.values();
    if (facts.severity().ordinal() < all.length - 1) {
      DispatchFacts harder =
          new DispatchFacts(
              facts.itemCode(),
              facts.category(),
              facts.handlingLevel(),
              all[facts.severity().ordinal() + 1],
              facts.publicAttention(),
              facts.scope(),
              facts.urgent(),
              facts.timeLimits());
      assertThat(d.decide(harder).tier()).isGreaterThanOrEqualTo(tier);
    }
  }

  Gen<DispatchFacts> facts() {
    return src ->
        new DispatchFacts(
            "01001",
            ListGens.CATEGORIES.get(src.ints(0, ListGens.CATEGORIES.size() - 1)),
            Gens.elements(GridLevel.COMPOUND, GridLevel.COMMUNITY, GridLevel.STREET, GridLevel.CITY)
                .generate(src),
            Gens.enums(CaseSeverity.class).generate(src),
            src.ints(0, 50),
            Gens.enums(CaseScope.class).generate(src),
            src.booleans(),
            TimeLimits.of(TimeLimit.workingHours(4)));
  }

  @Property(tries = 60)
  void generatedEscalationTablesTerminateAndVerifyClean(
      @ForAll("escalationTables") DecisionTable t) {
    EscalationLadder ladder = EscalationLadder.of(t, LevelLadder.defaults());
    assertThat(VERIFIER.verify(t).findings(TableFinding.Kind.OVERLAP)).isEmpty();
    assertThat(VERIFIER.verify(t).findings(TableFinding.Kind.GAP)).isEmpty();
    for (GridLevel level : LevelLadder.defaults().levels()) {
      for (double share : new double[] {0, 0.9, 1, 1.3, 2.5, 4}) {
        List<EscalationStep> chain = ladder.chain(new EscalationFacts(level, true, share));
        assertThat(chain.size()).isLessThanOrEqualTo(ladder.maxSteps());
      }
    }
    // beyond its authority, every level below the city whistles
    assertThat(ladder.decide(new EscalationFacts(GridLevel.MICRO, true, 0)).isWhistle()).isTrue();
  }

  @Test
  void seededTablesReproduce() {
    assertThat(TableGens.dispatchTable(4)).isEqualTo(TableGens.dispatchTable(4));
    assertThat(TableGens.escalationTable(4)).isEqualTo(TableGens.escalationTable(4));
    assertThat(TableGens.tables().sample(8)).isEqualTo(TableGens.tables().sample(8));
  }

  @Test
  void shrinkingReachesTheFewestRules() {
    DecisionTable min =
        Shrinking.shrunk(tables(), 2, 300, t -> assertThat(t.rules()).hasSizeLessThan(4));
    assertThat(min.rules()).hasSize(4);
  }
}
