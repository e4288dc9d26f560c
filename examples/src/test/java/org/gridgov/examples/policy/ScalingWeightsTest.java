package org.gridgov.examples.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalInt;
import org.gridgov.lab.CaseLoop;
import org.gridgov.lab.LoopResult;
import org.gridgov.lab.PolicyVariant;
import org.gridgov.lab.Ranking;
import org.gridgov.lab.gen.CaseGens;
import org.gridgov.lab.gen.SchemeGens;
import org.gridgov.scoring.Scorecard;
import org.gridgov.scoring.Scorer;
import org.gridgov.scoring.ScoringScheme;
import org.gridgov.scoring.UnitKind;
import org.gridgov.scoring.UnitScore;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Gens;
import org.gridgov.testkit.Property;
import org.junit.jupiter.api.DisplayName;

/**
 * Scaling all scheme weights together never changes a ranking.
 *
 * <p>This holds because grid-scoring ranks on the unrounded totals and rounds only what it
 * publishes (issue 5): with ranks taken on rounded scores, two units at 50.004 and 50.001 would tie
 * at 50.00 and, doubled, split at 100.01 and 100.00. The test checks both that every unit keeps its
 * rank and, as a weaker guard, that no two units swap order.
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

  @Property(tries = 50)
  @DisplayName("scaling all scheme weights together never changes a ranking")
  void scalingAllSchemeWeightsTogetherNeverChangesARanking(
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
        Scorer.of(SchemeGens.scaled(scheme, factor)).score(r.log(), r.period(), UnitKind.GRID);
    assertThat(after.scoredCount()).isEqualTo(before.scoredCount());
    for (String u : before.unitIds()) {
      assertThat(rank(after, u)).as("rank of %s", u).isEqualTo(rank(before, u));
    }
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
