package org.gridgov.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.gridgov.scoring.Scorecard.Consequences;
import org.gridgov.scoring.Scorecard.Explanation;
import org.gridgov.scoring.Scorecard.UnitScore;
import org.junit.jupiter.api.Test;

/** The example in the {@link Scorer} class documentation compiles and does what it says. */
class ScorerSnippetTest {
  @Test
  void theClassDocumentationExampleRuns() {
    CaseLog log = ScoringSerializationTest.randomLog(2_000, 7L);
    // --- as in the Scorer Javadoc (with the results kept for the assertions below)
    Scorer scorer = Scorer.of(ScoringSchemes.builtIn("tongcheng-2022"));
    Scorecard year =
        scorer.score(log, Scorer.Request.of(ScoringPeriod.year(2026), UnitKind.DEPARTMENT)).get(0);
    List<UnitScore> ranking = year.ranking(); // units in rank order: 1, 2, 2, 4 …
    Optional<Explanation> why = year.explain("城管局"); // indicator → points → … → grade
    List<Scorecard> years =
        scorer.score(
            log,
            Scorer.Request.of(ScoringPeriod.parse("2025-01..2026-12"), UnitKind.DEPARTMENT)
                .eachYear());
    Consequences consequences = Consequences.of(years); // last place, and last twice running
    // ---
    assertThat(ranking).isNotEmpty();
    assertThat(ranking.get(0).rank()).hasValue(1);
    assertThat(why).isEmpty(); // no such department in this log
    assertThat(year.explain(ranking.get(0).unit())).isPresent();
    assertThat(years)
        .extracting(Scorecard::period)
        .containsExactly(ScoringPeriod.year(2025), ScoringPeriod.year(2026));
    assertThat(consequences.standings()).hasSize(2);
    // 2025 has no case in this log: nobody is ranked, so nobody is summoned.
    assertThat(consequences.standings().get(0).summoned()).isEmpty();
    assertThat(consequences.standings().get(1).summoned()).isEqualTo(years.get(1).lastPlace());
  }
}
