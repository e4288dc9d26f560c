package org.gridgov.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.gridgov.scoring.Count.Counts;
import org.gridgov.scoring.Scorecard.Explanation;
import org.gridgov.scoring.Scorecard.UnitScore;
import org.gridgov.scoring.ScoringScheme.Component;
import org.gridgov.scoring.ScoringScheme.NotApplicablePolicy;
import org.gridgov.scoring.ScoringScheme.Transform;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Gens;
import org.gridgov.testkit.Property;

/** Invariants of scoring over random, consistent case logs. */
class ScoringPropertiesTest {
  private static final List<ScoringScheme> SCHEMES =
      ScoringSchemes.builtIns().stream()
          .map(s -> s.toBuilder().unitKinds(Set.of()).build())
          .toList();
  private static final List<Indicator> ALL = List.of(Indicator.values());

  Gen<List<CaseFacts>> logs() {
    return FactsGen.logs(40);
  }

  Gen<Long> seeds() {
    return Gens.longs();
  }

  Gen<List<Integer>> weights() {
    return Gens.lists(Gens.integers(0, 40), 4, 4)
        .filter(w -> w.stream().mapToInt(i -> i).sum() > 0);
  }

  @Property(tries = 100)
  void ratesStayInZeroOneAndScoresInTheSchemeRange(@ForAll("logs") List<CaseFacts> facts) {
    CaseLog log = FactsGen.log(facts);
    for (ScoringScheme s : SCHEMES) {
      Scorer scorer = Scorer.of(s);
      for (UnitKind kind : UnitKind.values()) {
        Scorecard card = scorer.score(log, Scorer.Request.of(FactsGen.SPAN, kind)).get(0);
        double[][] values = card.values(ALL);
        for (int k = 0; k < ALL.size(); k++) {
          for (double v : values[k]) {
            if (Double.isNaN(v)) {
              continue;
            }
            if (ALL.get(k).type() == Indicator.Type.RATE) {
              assertThat(v).as(ALL.get(k).key()).isBetween(0.0, 1.0);
            } else {
              assertThat(v)
                  .as(ALL.get(k).key())
                  .isGreaterThanOrEqualTo(0.0)
                  .isEqualTo(Math.rint(v));
            }
          }
        }
        for (UnitScore u : card.units()) {
          u.score()
              .ifPresent(
                  sc ->
                      assertThat(sc.doubleValue())
                          .as("%s %s", s.id(), u.unit())
                          .isBetween(s.minScore(), s.maxScore()));
        }
      }
    }
  }

  @Property(tries = 100)
  void fastAggregationEqualsGroupingBy(@ForAll("logs") List<CaseFacts> facts) {
    CaseLog log = FactsGen.log(facts);
    Scorer scorer = Scorer.of(SCHEMES.get(1)); // tongcheng: deductions, censoring, exclusion
    for (ScoringPeriod p : List.of(FactsGen.SPAN, ScoringPeriod.parse("2026-02..2026-03"))) {
      for (UnitKind kind : UnitKind.values()) {
        Map<String, Counts> grouped =
            facts.stream()
                .filter(f -> p.contains(f.month()))
                .flatMap(f -> f.contributions(kind).entrySet().stream())
                .collect(
                    Collectors.groupingBy(
                        Map.Entry::getKey,
                        Collectors.reducing(Counts.zero(), Map.Entry::getValue, Counts::plus)));
        Scorecard fast = scorer.score(log, Scorer.Request.of(p, kind)).get(0);
        Scorecard slow = scorer.scoreCounts(grouped, p, kind);
        for (String unit : fast.unitIds()) {
          Counts expected = grouped.getOrDefault(unit, Counts.zero());
          assertThat(fast.counts(unit)).as("%s %s", kind, unit).hasValue(expected);
          if (grouped.containsKey(unit)) {
            UnitScore a = fast.unit(unit).orElseThrow();
            UnitScore b = slow.unit(unit).orElseThrow();
            assertThat(a.score()).isEqualTo(b.score());
            assertThat(a.rank()).isEqualTo(b.rank());
            assertThat(a.indicators()).isEqualTo(b.indicators());
          }
        }
        assertThat(fast.unitIds()).containsAll(grouped.keySet());
      }
    }
  }

  @Property(tries = 200)
  void oneMoreOnTimeResponseNeverLowersAResponseRate(@ForAll("logs") List<CaseFacts> facts) {
    Scorer scorer = Scorer.of(SCHEMES.get(0));
    Scorecard before =
        scorer
            .score(FactsGen.log(facts), Scorer.Request.of(FactsGen.SPAN, UnitKind.DEPARTMENT))
            .get(0);
    // A new case, taken on and responded to in time, for department D0.
    List<CaseFacts> more = new ArrayList<>(facts);
    more.add(
        TestFacts.of("extra")
            .month("2026-02")
            .dept("D0")
            .flags(Count.TAKEN_ON, Count.RESPONDED_ON_TIME)
            .build());
    Scorecard after =
        scorer
            .score(FactsGen.log(more), Scorer.Request.of(FactsGen.SPAN, UnitKind.DEPARTMENT))
            .get(0);
    double was = rate(before, "D0");
    assertThat(rate(after, "D0")).isGreaterThanOrEqualTo(Double.isNaN(was) ? 0 : was);
    // An existing late response turned into an on-time one.
    for (int i = 0; i < facts.size(); i++) {
      CaseFacts f = facts.get(i);
      if (f.flags().contains(Count.TAKEN_ON) && !f.flags().contains(Count.RESPONDED_ON_TIME)) {
        Set<Count> flags = EnumSet.copyOf(f.flags());
        flags.add(Count.RESPONDED_ON_TIME);
        List<CaseFacts> fixed = new ArrayList<>(facts);
        fixed.set(i, withFlags(f, flags));
        String unit = f.department().orElseThrow();
        Scorecard improved =
            scorer
                .score(FactsGen.log(fixed), Scorer.Request.of(FactsGen.SPAN, UnitKind.DEPARTMENT))
                .get(0);
        assertThat(rate(improved, unit)).isGreaterThan(rate(before, unit));
        break;
      }
    }
  }

  private static double rate(Scorecard card, String unit) {
    return card.value(unit, Indicator.RESPONSE_RATE)
        .flatMap(
            v -> v.value().isPresent() ? Optional.of(v.value().getAsDouble()) : Optional.empty())
        .orElse(Double.NaN);
  }

  private static CaseFacts withFlags(CaseFacts f, Set<Count> flags) {
    return new CaseFacts(
        f.caseId(),
        f.month(),
        f.grid(),
        f.community(),
        f.street(),
        f.department(),
        f.workers(),
        flags,
        f.reworks(),
        f.reverseGrade(),
        f.open());
  }

  @Property(tries = 100)
  void caseOrderNeverChangesAScore(
      @ForAll("logs") List<CaseFacts> facts, @ForAll("seeds") Long seed) {
    List<CaseFacts> shuffled = new ArrayList<>(facts);
    Collections.shuffle(shuffled, new Random(seed));
    CaseLog a = FactsGen.log(facts);
    CaseLog b = FactsGen.log(shuffled);
    for (ScoringScheme s : List.of(SCHEMES.get(0), SCHEMES.get(1))) {
      for (UnitKind kind : UnitKind.values()) {
        assertThat(Scorer.of(s).score(b, Scorer.Request.of(FactsGen.SPAN, kind)).get(0).units())
            .isEqualTo(
                Scorer.of(s).score(a, Scorer.Request.of(FactsGen.SPAN, kind)).get(0).units());
      }
    }
    // The log holds exactly the facts given, whatever their order.
    Comparator<CaseFacts> byId = Comparator.comparing(CaseFacts::caseId);
    assertThat(b.facts().sorted(byId).toList()).isEqualTo(facts.stream().sorted(byId).toList());
  }

  @Property(tries = 150)
  void scalingAllWeightsTogetherNeverChangesARanking(
      @ForAll("logs") List<CaseFacts> facts, @ForAll("weights") List<Integer> w) {
    Indicator[] inds = {
      Indicator.RESPONSE_RATE, Indicator.CLOSING_RATE, Indicator.SATISFACTION, Indicator.REWORK_RATE
    };
    CaseLog log = FactsGen.log(facts);
    for (NotApplicablePolicy policy : NotApplicablePolicy.values()) {
      Map<Double, List<OptionalInt>> ranks = new HashMap<>();
      for (double k : new double[] {1, 0.5, 2, 8, 1024, 3, 7.5}) {
        ScoringScheme.Builder b =
            ScoringScheme.builder("scaled", "scaled", SchemeFixtures.CITATION)
                .additive(true)
                .notApplicable(policy);
        for (int i = 0; i < inds.length; i++) {
          b.component(
              Component.of(
                  inds[i],
                  w.get(i) * k,
                  i == 3 ? new Transform.Complement() : new Transform.Rate()));
        }
        Scorecard card =
            Scorer.of(b.build())
                .score(log, Scorer.Request.of(FactsGen.SPAN, UnitKind.DEPARTMENT))
                .get(0);
        ranks.put(k, card.unitIds().stream().map(u -> card.unit(u).orElseThrow().rank()).toList());
      }
      for (Map.Entry<Double, List<OptionalInt>> e : ranks.entrySet()) {
        assertThat(e.getValue())
            .as("weights × %s, %s", e.getKey(), policy)
            .isEqualTo(ranks.get(1.0));
      }
    }
  }

  @Property(tries = 100)
  void aUnitsRankIsConsistentWithItsScore(@ForAll("logs") List<CaseFacts> facts) {
    CaseLog log = FactsGen.log(facts);
    for (ScoringScheme s : SCHEMES) {
      for (UnitKind kind : List.of(UnitKind.GRID, UnitKind.DEPARTMENT, UnitKind.WORKER)) {
        Scorecard card = Scorer.of(s).score(log, Scorer.Request.of(FactsGen.SPAN, kind)).get(0);
        List<UnitScore> ranked = card.ranking();
        for (int i = 0; i < ranked.size(); i++) {
          UnitScore a = ranked.get(i);
          if (i == 0) {
            assertThat(a.rank()).hasValue(1);
          }
          if (a.score().isEmpty()) {
            // rank-last: only unscored units may follow, all sharing the rank after the scored.
            assertThat(a.rank()).hasValue(card.scoredCount() + 1);
            continue;
          }
          for (int j = i + 1; j < ranked.size(); j++) {
            UnitScore b = ranked.get(j);
            assertThat(a.rank().getAsInt()).isLessThanOrEqualTo(b.rank().getAsInt());
            if (b.score().isPresent()) {
              BigDecimal sa = a.score().get();
              BigDecimal sb = b.score().get();
              assertThat(sa).isGreaterThanOrEqualTo(sb);
              if (a.rank().getAsInt() == b.rank().getAsInt()) {
                assertThat(sa).isEqualTo(sb);
              }
            }
          }
          // Competition ranking: the rank is one more than the number of units strictly ahead.
          long ahead =
              ranked.stream().filter(x -> x.rank().getAsInt() < a.rank().getAsInt()).count();
          assertThat(a.rank()).hasValue((int) ahead + 1);
        }
        assertThat(card.lastPlace())
            .allMatch(
                u ->
                    card.unit(u).orElseThrow().rank().getAsInt()
                        == ranked.get(ranked.size() - 1).rank().getAsInt());
      }
    }
  }

  @Property(tries = 60)
  void explanationsAddUpForEveryUnit(@ForAll("logs") List<CaseFacts> facts) {
    CaseLog log = FactsGen.log(facts);
    for (ScoringScheme s : SCHEMES) {
      Scorecard card =
          Scorer.of(s).score(log, Scorer.Request.of(FactsGen.SPAN, UnitKind.WORKER)).get(0);
      for (UnitScore u : card.units()) {
        Explanation e = card.explain(u.unit()).orElseThrow();
        assertThat(e.score()).isEqualTo(u.score());
        assertThat(e.components()).hasSize(s.components().size());
        if (u.status() == UnitScore.Status.SCORED) {
          assertThat(e.unclamped())
              .isCloseTo(e.weightedSum() * e.renormalisation() - e.deductionTotal(), within(1e-9));
        }
      }
    }
  }
}
