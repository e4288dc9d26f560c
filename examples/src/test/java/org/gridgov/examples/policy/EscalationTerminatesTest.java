package org.gridgov.examples.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gridgov.core.GridLevel;
import org.gridgov.core.LevelLadder;
import org.gridgov.core.cases.CaseState;
import org.gridgov.lab.CaseLoop;
import org.gridgov.lab.CaseRun;
import org.gridgov.lab.LoopResult;
import org.gridgov.lab.PolicyVariant;
import org.gridgov.lab.testkit.CaseGens;
import org.gridgov.rules.dispatch.EscalationLadder;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Property;
import org.junit.jupiter.api.DisplayName;

/**
 * Under the default ladder every case is closed, or escalated to the city, within N whistles, where
 * N = {@link EscalationLadder#maxSteps()} = 5 (one fewer than the six levels of the ladder).
 *
 * <p>The "whistle and report" ladder (吹哨报到, docs/domain.md §4) must never send a case round in
 * circles: each whistle climbs at least one level, so no case can be whistled more often than the
 * ladder has levels above its start.
 */
class EscalationTerminatesTest {
  Gen<CaseGens.CityAndStream> worlds() {
    return Worlds.small();
  }

  @Property(tries = 20)
  @DisplayName(
      "under the default ladder every case is closed or escalated to the city within N steps")
  void everyCaseIsClosedOrEscalatedToTheCityWithinNSteps(
      @ForAll("worlds") CaseGens.CityAndStream world) {
    EscalationLadder ladder = EscalationLadder.defaults();
    int n = ladder.maxSteps();
    LevelLadder levels = ladder.levels();
    // halve the time limits: more cases run late and climb the ladder
    PolicyVariant hurried = PolicyVariant.builder("hurried").timeLimitFactor(0.5).build();
    LoopResult r = CaseLoop.of(world.city(), hurried).run(world.stream());
    for (CaseRun run : r.runs()) {
      List<GridLevel> whistles = run.whistles();
      assertThat(whistles.size()).isLessThanOrEqualTo(n);
      for (int i = 1; i < whistles.size(); i++) {
        assertThat(levels.rank(whistles.get(i))).isLessThan(levels.rank(whistles.get(i - 1)));
      }
      CaseState end = run.result().state();
      boolean closed = end.isClosed();
      boolean atTheCity =
          !whistles.isEmpty() && whistles.get(whistles.size() - 1).equals(GridLevel.CITY);
      assertThat(closed || atTheCity || end == CaseState.REJECTED)
          .as("%s ends %s after %s", run.result().id(), end, whistles)
          .isTrue();
    }
  }
}
