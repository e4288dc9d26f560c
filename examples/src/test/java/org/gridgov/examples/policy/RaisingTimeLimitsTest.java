package org.gridgov.examples.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.gridgov.lab.CaseLoop;
import org.gridgov.lab.CaseRun;
import org.gridgov.lab.LoopResult;
import org.gridgov.lab.PolicyVariant;
import org.gridgov.lab.Ranking;
import org.gridgov.lab.testkit.CaseGens;
import org.gridgov.scoring.Scorecard;
import org.gridgov.scoring.Scorecard.Explanation;
import org.gridgov.scoring.ScoringScheme;
import org.gridgov.scoring.ScoringSchemes;
import org.gridgov.scoring.UnitKind;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Gens;
import org.gridgov.testkit.Property;
import org.junit.jupiter.api.DisplayName;

/**
 * Raising every time limit never increases overdue deductions.
 *
 * <p>Why it holds: a case is overdue when its final feedback comes after its deadline. With longer
 * limits every deadline, and every point at which the ladder may whistle, comes later; a case that
 * finished on time under the shorter limits was never whistled for being overdue, so it runs the
 * same course and finishes on time again. So the overdue cases under longer limits are a subset of
 * those under shorter ones, grid by grid (a case's grid does not depend on the policy), and a
 * per-case deduction with caps can only fall.
 *
 * <p>Why per grid: ranked by department the property can fail, because longer limits change who
 * holds an overdue case at the end (fewer whistles), and a cap per department can hide that.
 */
class RaisingTimeLimitsTest {
  /** Tongcheng's deductions (1 point per overdue case, capped), applied to grids. */
  static final ScoringScheme TONGCHENG_FOR_GRIDS =
      ScoringSchemes.builtIn("tongcheng-2022").toBuilder().unitKinds(Set.of(UnitKind.GRID)).build();

  Gen<CaseGens.CityAndStream> worlds() {
    return Worlds.small();
  }

  Gen<Double> factors() {
    return Gens.doubles(1.0, 4.0);
  }

  @Property(tries = 15)
  @DisplayName("raising every time limit never increases overdue deductions")
  void raisingEveryTimeLimitNeverIncreasesOverdueDeductions(
      @ForAll("worlds") CaseGens.CityAndStream world, @ForAll("factors") double factor) {
    List<Ranking> grids = List.of(new Ranking(UnitKind.GRID, TONGCHENG_FOR_GRIDS));
    PolicyVariant shorter = PolicyVariant.builder("shorter").rankings(grids).build();
    PolicyVariant longer = shorter.toBuilder("longer").timeLimitFactor(factor).build();
    LoopResult a = CaseLoop.of(world.city(), shorter).run(world.stream());
    LoopResult b = CaseLoop.of(world.city(), longer).run(world.stream());

    for (int i = 0; i < a.runs().size(); i++) {
      CaseRun before = a.runs().get(i);
      CaseRun after = b.runs().get(i);
      if (after.overdue()) {
        assertThat(before.overdue())
            .as("%s overdue only with longer limits", after.result().id())
            .isTrue();
      }
    }
    Scorecard before = a.rankings().get(0).scorecard();
    Scorecard after = b.rankings().get(0).scorecard();
    for (String grid : before.unitIds()) {
      double x = before.explain(grid).map(Explanation::deductionTotal).orElse(0.0);
      double y = after.explain(grid).map(Explanation::deductionTotal).orElse(0.0);
      assertThat(y).as("deductions of grid %s", grid).isLessThanOrEqualTo(x);
    }
    assertThat(b.rankings().get(0).deductions())
        .isLessThanOrEqualTo(a.rankings().get(0).deductions());
    assertThat(b.summary().overdue()).isLessThanOrEqualTo(a.summary().overdue());
  }
}
