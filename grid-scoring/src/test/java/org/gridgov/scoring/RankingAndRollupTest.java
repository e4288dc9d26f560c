package org.gridgov.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.gridgov.scoring.Count.Counts;
import org.gridgov.scoring.Scorecard.Consequences;
import org.gridgov.scoring.Scorecard.Explanation;
import org.gridgov.scoring.Scorecard.UnitScore;
import org.gridgov.scoring.ScoringScheme.NotApplicablePolicy;
import org.gridgov.scoring.internal.Numbers;
import org.junit.jupiter.api.Test;

/** Rounding, ranking with ties and missing data, last place, consequences and rollups. */
class RankingAndRollupTest {
  private static final ScoringPeriod JAN = Examples.PERIOD;

  static ScoringScheme responseOnly(NotApplicablePolicy policy) {
    return ScoringScheme.builder("r", "response only", SchemeFixtures.CITATION)
        .rate(Indicator.RESPONSE_RATE, 100)
        .notApplicable(policy)
        .build();
  }

  static Counts taken(int takenOn, int responded) {
    return Counts.builder()
        .add(Count.REPORTED, takenOn)
        .add(Count.TAKEN_ON, takenOn)
        .add(Count.RESPONDED_ON_TIME, responded)
        .build();
  }

  @Test
  void competitionRankingSharesRanksAndSkips() {
    Map<String, Counts> counts = new LinkedHashMap<>();
    counts.put("D", taken(5, 3)); // 60
    counts.put("C", taken(10, 7)); // 70
    counts.put("A", taken(5, 4)); // 80
    counts.put("B", taken(10, 7)); // 70
    Scorecard card =
        Scorer.of(responseOnly(NotApplicablePolicy.EXCLUDE))
            .scoreCounts(counts, JAN, UnitKind.GRID);
    assertThat(card.ranking())
        .extracting(UnitScore::unit, u -> u.rank().getAsInt())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("A", 1),
            org.assertj.core.groups.Tuple.tuple("B", 2),
            org.assertj.core.groups.Tuple.tuple("C", 2),
            org.assertj.core.groups.Tuple.tuple("D", 4));
    assertThat(card.lastPlace()).containsExactly("D");
  }

  @Test
  void ranksUseTheUnroundedTotalAndEqualTotalsTie() {
    Map<String, Counts> counts = new LinkedHashMap<>();
    counts.put("X", taken(3, 2)); // 66.666… → published 66.67
    counts.put("Y", taken(300_000, 200_001)); // 66.667 → published 66.67, but higher
    counts.put("W", taken(6, 4)); // 4/6 is the same rate as 2/3: ties with X
    counts.put("Z", taken(3, 1)); // 33.33
    Scorecard card =
        Scorer.of(responseOnly(NotApplicablePolicy.EXCLUDE))
            .scoreCounts(counts, JAN, UnitKind.GRID);
    assertThat(card.ranking())
        .extracting(UnitScore::unit, u -> u.rank().getAsInt(), u -> u.score().orElseThrow())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Y", 1, new BigDecimal("66.67")),
            org.assertj.core.groups.Tuple.tuple("W", 2, new BigDecimal("66.67")),
            org.assertj.core.groups.Tuple.tuple("X", 2, new BigDecimal("66.67")),
            org.assertj.core.groups.Tuple.tuple("Z", 4, new BigDecimal("33.33")));
    assertThat(card.lastPlace()).containsExactly("Z");
  }

  @Test
  void tiedLastPlacesAreAllLast() {
    Map<String, Counts> counts = Map.of("A", taken(2, 2), "B", taken(2, 1), "C", taken(4, 2));
    Scorecard card =
        Scorer.of(responseOnly(NotApplicablePolicy.EXCLUDE))
            .scoreCounts(counts, JAN, UnitKind.GRID);
    assertThat(card.lastPlace()).containsExactly("B", "C");
  }

  @Test
  void roundsHalfUpOnceAtTheEnd() {
    ScoringScheme s =
        ScoringScheme.builder("r", "r", SchemeFixtures.CITATION)
            .rate(Indicator.RESPONSE_RATE, 75)
            .rate(Indicator.CLOSING_RATE, 25)
            .build();
    Counts c =
        Counts.builder()
            .add(Count.TAKEN_ON, 24)
            .add(Count.RESPONDED_ON_TIME, 8)
            .add(Count.CLOSED, 1)
            .add(Count.OVERDUE_OPEN, 7)
            .build();
    Scorecard card = Scorer.of(s).scoreCounts(Map.of("U", c), JAN, UnitKind.GRID);
    // 1/3 × 100 × 75 % + 1/8 × 100 × 25 % = 25 + 3.125 = 28.125 exactly → 28.13 (half up).
    // In binary the sum is 28.124999999999996…, which naive rounding would take down to 28.12.
    Explanation e = card.explain("U").orElseThrow();
    assertThat(new BigDecimal(e.clamped())).isLessThan(new BigDecimal("28.125"));
    assertThat(card.unit("U").orElseThrow().score()).hasValue(new BigDecimal("28.13"));
    assertThat(Numbers.halfUp2(2.675)).isEqualByComparingTo("2.68");
    assertThat(Numbers.halfUp2(-2.675)).isEqualByComparingTo("-2.68");
    assertThat(Numbers.cents(28.124999999999996)).isEqualTo(2813);
    assertThat(Numbers.cents(66.66666666666667)).isEqualTo(6667);
  }

  @Test
  void notApplicableUnitsFollowTheSchemePolicy() {
    Map<String, Counts> counts = new LinkedHashMap<>();
    counts.put("A", taken(2, 1));
    // B reported something but took nothing on: response rate not applicable.
    counts.put("B", Counts.builder().add(Count.REPORTED, 3).build());
    counts.put("C", taken(4, 4));
    Scorecard excl =
        Scorer.of(responseOnly(NotApplicablePolicy.EXCLUDE))
            .scoreCounts(counts, JAN, UnitKind.GRID);
    assertThat(excl.unit("B").orElseThrow().rank()).isEmpty();
    assertThat(excl.unit("B").orElseThrow().score()).isEmpty();
    assertThat(excl.ranking()).extracting(UnitScore::unit).containsExactly("C", "A");
    assertThat(excl.lastPlace()).containsExactly("A");
    assertThat(excl.units()).extracting(UnitScore::unit).containsExactly("C", "A", "B");

    Scorecard last =
        Scorer.of(responseOnly(NotApplicablePolicy.RANK_LAST))
            .scoreCounts(counts, JAN, UnitKind.GRID);
    assertThat(last.unit("B").orElseThrow().rank()).hasValue(3);
    assertThat(last.unit("B").orElseThrow().score()).isEmpty();
    assertThat(last.lastPlace()).containsExactly("B");

    // Renormalise with a single component: nothing applicable is left, so B is left out.
    Scorecard renorm =
        Scorer.of(responseOnly(NotApplicablePolicy.RENORMALISE))
            .scoreCounts(counts, JAN, UnitKind.GRID);
    assertThat(renorm.unit("B").orElseThrow().rank()).isEmpty();
  }

  @Test
  void consequencesSummonTheLastAndDisqualifyTheTwiceLast() {
    ScoringScheme s = responseOnly(NotApplicablePolicy.EXCLUDE);
    Scorer scorer = Scorer.of(s);
    Scorecard y2024 =
        scorer.scoreCounts(
            Map.of("城管局", taken(10, 5), "住建局", taken(10, 9)),
            ScoringPeriod.year(2024),
            UnitKind.DEPARTMENT);
    Scorecard y2025 =
        scorer.scoreCounts(
            Map.of("城管局", taken(10, 6), "住建局", taken(10, 8)),
            ScoringPeriod.year(2025),
            UnitKind.DEPARTMENT);
    Scorecard y2026 =
        scorer.scoreCounts(
            Map.of("城管局", taken(10, 9), "住建局", taken(10, 7)),
            ScoringPeriod.year(2026),
            UnitKind.DEPARTMENT);
    Consequences c = Consequences.of(List.of(y2024, y2025, y2026));
    assertThat(c.standings())
        .extracting(Consequences.Standing::summoned, Consequences.Standing::disqualified)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(List.of("城管局"), List.of()),
            org.assertj.core.groups.Tuple.tuple(List.of("城管局"), List.of("城管局")),
            org.assertj.core.groups.Tuple.tuple(List.of("住建局"), List.of()));
    // 2024 and 2026 are not consecutive: no disqualification.
    Scorecard y2026b =
        scorer.scoreCounts(
            Map.of("城管局", taken(10, 1), "住建局", taken(10, 7)),
            ScoringPeriod.year(2026),
            UnitKind.DEPARTMENT);
    assertThat(Consequences.of(List.of(y2024, y2026b)).standings().get(1).disqualified()).isEmpty();
    assertThatThrownBy(() -> Consequences.of(List.of(y2025, y2024)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("increase");
  }

  @Test
  void yearlyRollupAddsCountsRatherThanAveragingMonthlyRates() {
    CaseLog log =
        TestFacts.log(
            TestFacts.of("a")
                .month("2026-01")
                .dept("D")
                .flags(Count.TAKEN_ON, Count.RESPONDED_ON_TIME),
            TestFacts.of("b").month("2026-02").dept("D").flags(Count.TAKEN_ON),
            TestFacts.of("c").month("2026-02").dept("D").flags(Count.TAKEN_ON),
            TestFacts.of("d").month("2026-02").dept("D").flags(Count.TAKEN_ON),
            TestFacts.of("e")
                .month("2027-03")
                .dept("D")
                .flags(Count.TAKEN_ON, Count.RESPONDED_ON_TIME));
    Scorer scorer = Scorer.of(responseOnly(NotApplicablePolicy.EXCLUDE));
    List<Scorecard> months =
        scorer.score(
            log,
            Scorer.Request.of(ScoringPeriod.parse("2026-01..2026-02"), UnitKind.DEPARTMENT)
                .eachMonth());
    // January 1/1 = 100, February 0/3 = 0: the average of monthly rates would be 50.
    assertThat(months)
        .extracting(m -> m.unit("D").orElseThrow().score().orElseThrow())
        .containsExactly(new BigDecimal("100.00"), new BigDecimal("0.00"));
    List<Scorecard> years =
        scorer.score(
            log,
            Scorer.Request.of(ScoringPeriod.parse("2026-01..2027-12"), UnitKind.DEPARTMENT)
                .eachYear());
    assertThat(years)
        .extracting(Scorecard::period)
        .containsExactly(ScoringPeriod.year(2026), ScoringPeriod.year(2027));
    // 2026 from counts: 1 / 4 = 25; 2027: 1/1.
    assertThat(years.get(0).unit("D").orElseThrow().score()).hasValue(new BigDecimal("25.00"));
    assertThat(years.get(1).unit("D").orElseThrow().score()).hasValue(new BigDecimal("100.00"));
    // Parallel rollups give the same cards.
    List<Scorecard> parallel =
        scorer
            .withThreads(3)
            .score(
                log,
                Scorer.Request.of(ScoringPeriod.parse("2026-01..2027-12"), UnitKind.DEPARTMENT)
                    .eachMonth());
    List<Scorecard> serial =
        scorer.score(
            log,
            Scorer.Request.of(ScoringPeriod.parse("2026-01..2027-12"), UnitKind.DEPARTMENT)
                .eachMonth());
    for (int i = 0; i < serial.size(); i++) {
      assertThat(parallel.get(i).units()).isEqualTo(serial.get(i).units());
    }
  }

  @Test
  void theSchemeMustBeInForceAndMeantForTheKind() {
    ScoringScheme s =
        responseOnly(NotApplicablePolicy.EXCLUDE).toBuilder()
            .effective(
                Optional.of(LocalDate.of(2026, 1, 1)), Optional.of(LocalDate.of(2026, 12, 31)))
            .unitKinds(Set.of(UnitKind.DEPARTMENT))
            .build();
    CaseLog log = Examples.log();
    Scorer scorer = Scorer.of(s);
    assertThat(
            scorer
                .score(
                    log,
                    Scorer.Request.of(ScoringPeriod.parse("2025-07..2026-06"), UnitKind.DEPARTMENT))
                .get(0)
                .size())
        .isPositive();
    assertThatThrownBy(
            () ->
                scorer
                    .score(log, Scorer.Request.of(ScoringPeriod.year(2027), UnitKind.DEPARTMENT))
                    .get(0))
        .hasMessageContaining("does not overlap period 2027-01..2027-12");
    assertThatThrownBy(() -> scorer.score(log, Scorer.Request.of(JAN, UnitKind.GRID)).get(0))
        .hasMessageContaining("not grid");
    // The caller can ask first instead of catching.
    assertThat(s.inForce(ScoringPeriod.parse("2025-07..2026-06"))).isTrue();
    assertThat(s.inForce(ScoringPeriod.year(2027))).isFalse();
    assertThat(s.assesses(UnitKind.DEPARTMENT)).isTrue();
    assertThat(s.assesses(UnitKind.GRID)).isFalse();
    assertThat(s.effectiveRange()).isEqualTo("2026-01-01..2026-12-31");
    // A yearly rollup with a year outside the range is refused as a whole, before any scoring.
    assertThatThrownBy(
            () ->
                scorer.score(
                    log,
                    Scorer.Request.of(ScoringPeriod.parse("2026-01..2027-12"), UnitKind.DEPARTMENT)
                        .eachYear()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not overlap period 2027-01..2027-12");
  }

  @Test
  void periodsParseAndSplit() {
    assertThat(ScoringPeriod.parse("2026-01..2026-12")).isEqualTo(ScoringPeriod.year(2026));
    assertThat(ScoringPeriod.parse("2026")).isEqualTo(ScoringPeriod.year(2026));
    assertThat(ScoringPeriod.parse("2026-03"))
        .isEqualTo(ScoringPeriod.month(YearMonth.of(2026, 3)));
    assertThat(ScoringPeriod.parse("2025-11..2026-02").eachYear())
        .containsExactly(
            ScoringPeriod.parse("2025-11..2025-12"), ScoringPeriod.parse("2026-01..2026-02"));
    assertThat(ScoringPeriod.year(2026).monthCount()).isEqualTo(12);
    assertThatThrownBy(() -> ScoringPeriod.parse("2026-13"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ScoringPeriod.parse("2026-03..2026-01"))
        .hasMessageContaining("before it starts");
    assertThat(ScoringPeriod.year(2026).toString()).isEqualTo("2026-01..2026-12");
  }

  @Test
  void explanationsAddUpToTheScore() {
    Scorecard card =
        Scorer.of(ScoringSchemes.builtIn("tongcheng-2022"))
            .score(Examples.log(), Scorer.Request.of(JAN, UnitKind.DEPARTMENT))
            .get(0);
    for (UnitScore u : card.units()) {
      Explanation e = card.explain(u.unit()).orElseThrow();
      assertThat(e.score()).isEqualTo(u.score());
      assertThat(e.rank()).isEqualTo(u.rank());
      if (u.status() == UnitScore.Status.SCORED) {
        double sum = 0;
        for (Explanation.ComponentLine l : e.components()) {
          sum += l.weightedPoints().orElse(0);
        }
        assertThat(sum).isEqualTo(e.weightedSum());
        assertThat(e.unclamped())
            .isEqualTo(e.weightedSum() * e.renormalisation() - e.deductionTotal());
        assertThat(Numbers.halfUp2(e.clamped())).isEqualTo(u.score().orElseThrow());
      }
      assertThat(e.render()).contains(u.unit());
    }
    assertThat(card.explain("nobody")).isEmpty();
    assertThat(card.unit("D1").orElseThrow().rank()).isEqualTo(OptionalInt.of(2));
  }
}
