package org.gridgov.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Gens;
import org.gridgov.testkit.Property;

/**
 * Counting cases in parts and scoring the summed {@link MonthlyCounts} gives exactly the scorecards
 * of scoring the whole log, for every kind, rollup and split.
 */
class MonthlyCountsPropertiesTest {
  private static final List<Scorer> SCORERS =
      ScoringSchemes.builtIns().stream()
          .map(s -> Scorer.of(s.toBuilder().unitKinds(Set.of()).build()))
          .toList();

  Gen<List<CaseFacts>> logs() {
    return FactsGen.logs(40);
  }

  Gen<Long> seeds() {
    return Gens.longs();
  }

  @Property(tries = 60)
  void summedPartsScoreAsTheLog(@ForAll("logs") List<CaseFacts> facts, @ForAll("seeds") Long seed) {
    CaseLog log = FactsGen.log(facts);
    java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
    int parts = 1 + r.nextInt(4);
    Scorer scorer = SCORERS.get(r.nextInt(SCORERS.size()));
    for (UnitKind kind : UnitKind.values()) {
      List<MonthlyCounts.Builder> builders = new ArrayList<>();
      for (int p = 0; p < parts; p++) {
        builders.add(MonthlyCounts.builder(kind, log.asOf()));
      }
      for (CaseFacts f : facts) {
        builders.get(r.nextInt(parts)).add(f);
      }
      MonthlyCounts sum = builders.get(0).build();
      for (int p = 1; p < parts; p++) {
        sum = sum.plus(builders.get(p).build());
      }
      assertThat(sum).isEqualTo(MonthlyCounts.of(log, kind));
      if (!scorer.scheme().inForce(FactsGen.SPAN)) {
        continue;
      }
      for (Scorer.Rollup rollup : Scorer.Rollup.values()) {
        for (ScoringPeriod p : List.of(FactsGen.SPAN, ScoringPeriod.parse("2026-02..2026-03"))) {
          Scorer.Request req = Scorer.Request.of(p, kind).rollup(rollup);
          assertThat(Scorecards.render(scorer.score(sum, req)))
              .isEqualTo(Scorecards.render(scorer.score(log, req)));
        }
      }
    }
  }
}
