package org.gridgov.examples.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalInt;
import org.gridgov.lab.CaseLoop;
import org.gridgov.lab.LoopResult;
import org.gridgov.lab.PolicyVariant;
import org.gridgov.lab.Ranking;
import org.gridgov.lab.testkit.CaseGens;
import org.gridgov.lab.testkit.SchemeGens;
import org.gridgov.scoring.Scorecard;
import org.gridgov.scoring.Scorecard.UnitScore;
import org.gridgov.scoring.Scorer;
import org.gridgov.scoring.ScoringScheme;
import org.gridgov.scoring.UnitKind;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Gens;
import org.gridgov.testkit.Property;
import org.junit.jupiter.api.DisplayName;

/**
 * Scaling all scheme weights together never changes a ranking — in the sense in which that is true
 * in floating point: it never puts a unit below one it was ranked above.
 *
 * <p>grid-scoring ranks on unrounded totals, so rounding no longer splits or forms ties; but the
 * totals themselves are doubles, and a weight such as 0.1 × 52 is not exact, so two units whose
 * totals are equal before scaling can differ in the last bit after it (a tie at rank 1 becomes
 * ranks 1 and 2; found with seed -944587573285244989). What scaling preserves is the order: if a
 * unit ranked strictly above another, it never ranks strictly below it after.
 */
class ScalingWeightsTest {
  Gen<CaseGens.CityAndStream> worlds() {
    return Worlds.small();
  }

  Gen<ScoringScheme> schemes() {
    return SchemeGens.schemes();
  }

  Gen<Double> factors() {
    return Gens.doubles(0.1, 10);
  }

  @Property(tries = 20)
  @DisplayName(
      "scaling all scheme weights together never changes a ranking (never reverses two units)")
  void scalingAllSchemeWeightsTogetherNeverReversesTwoUnits(
      @ForAll("worlds") CaseGens.CityAndStream world,
      @ForAll("schemes") ScoringScheme scheme,
      @ForAll("factors") double factor) {
    PolicyVariant v =
        PolicyVariant.builder("scheme")
            .rankings(List.of(new Ranking(UnitKind.GRID, scheme)))
            .build();
    LoopResult r = CaseLoop.of(world.city(), v).run(world.stream());
    Scorecard before = r.rankings().get(0).scorecard();
    Scorecard after =
        Scorer.of(SchemeGens.scaled(scheme, factor))
            .score(r.log(), Scorer.Request.of(r.period(), UnitKind.GRID))
            .get(0);
    assertThat(after.scoredCount()).isEqualTo(before.scoredCount());
    List<String> units = before.unitIds();
    for (String a : units) {
      for (String b : units) {
        OptionalInt ra = rank(before, a);
        OptionalInt rb = rank(before, b);
        if (ra.isPresent() && rb.isPresent() && ra.getAsInt() < rb.getAsInt()) {
          assertThat(rank(after, a).getAsInt())
              .as("%s was above %s", a, b)
              .isLessThanOrEqualTo(rank(after, b).getAsInt());
        }
      }
    }
  }

  private static OptionalInt rank(Scorecard card, String unit) {
    return card.unit(unit).map(UnitScore::rank).orElse(OptionalInt.empty());
  }
}
