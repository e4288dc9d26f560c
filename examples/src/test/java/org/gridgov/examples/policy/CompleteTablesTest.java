package org.gridgov.examples.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.gridgov.core.LevelLadder;
import org.gridgov.lab.CaseLoop;
import org.gridgov.lab.LoopResult;
import org.gridgov.lab.PolicyVariant;
import org.gridgov.lab.testkit.CaseGens;
import org.gridgov.lab.testkit.TableGens;
import org.gridgov.rules.dispatch.Dispatcher;
import org.gridgov.rules.dispatch.EscalationLadder;
import org.gridgov.rules.table.DecisionTable;
import org.gridgov.rules.table.TableFinding;
import org.gridgov.rules.table.TableVerifier;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Property;
import org.junit.jupiter.api.DisplayName;

/**
 * With dispatch and escalation tables the verifier finds complete and free of overlaps, no case
 * ever meets a table that cannot decide.
 *
 * <p>This is what static verification buys a city: a gap or a UNIQUE conflict in a routing table
 * would strand cases at runtime; a clean verification rules that out for every case, not just for
 * the ones a test thought of.
 */
class CompleteTablesTest {
  Gen<CaseGens.CityAndStream> worlds() {
    return Worlds.small();
  }

  Gen<DecisionTable> dispatchTables() {
    return TableGens.dispatchTables();
  }

  Gen<DecisionTable> escalationTables() {
    return TableGens.escalationTables();
  }

  @Property(tries = 15)
  @DisplayName("with verified-complete dispatch and escalation tables no case hits a table error")
  void verifiedTablesNeverFailACase(
      @ForAll("worlds") CaseGens.CityAndStream world,
      @ForAll("dispatchTables") DecisionTable dispatch,
      @ForAll("escalationTables") DecisionTable escalation) {
    TableVerifier verifier = TableVerifier.defaults();
    for (DecisionTable t : new DecisionTable[] {dispatch, escalation}) {
      assertThat(verifier.verify(t).findings(TableFinding.Kind.GAP)).isEmpty();
      assertThat(verifier.verify(t).findings(TableFinding.Kind.OVERLAP)).isEmpty();
    }
    PolicyVariant v =
        PolicyVariant.builder("generated")
            .dispatcher(Dispatcher.of(dispatch))
            .escalation(EscalationLadder.of(escalation, LevelLadder.defaults()))
            .build();
    LoopResult r = CaseLoop.of(world.city(), v).run(world.stream());
    assertThat(r.summary().tableErrors()).isZero();
    assertThat(r.summary().closed() + r.summary().rejected()).isEqualTo(r.summary().reported());
  }
}
