package org.gridgov.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridgov.scoring.Count.Counts;
import org.gridgov.scoring.ScoringScheme.NotApplicablePolicy;
import org.junit.jupiter.api.Test;

/**
 * The scorecard CSV both {@code gridgov score --format csv} and {@code gridgov-spark score} write.
 */
class ScorecardCsvTest {
  private static Scorecard card(Map<String, Counts> counts) {
    return Scorer.of(RankingAndRollupTest.responseOnly(NotApplicablePolicy.EXCLUDE))
        .scoreCounts(counts, Examples.PERIOD, UnitKind.GRID);
  }

  private static Counts taken(int takenOn, int responded) {
    return RankingAndRollupTest.taken(takenOn, responded);
  }

  @Test
  void headerThenOneRecordPerUnitInRankOrderWithUnitsQuotedAsCoreCsvQuotes() {
    Map<String, Counts> counts = new LinkedHashMap<>();
    counts.put("plain", taken(4, 2)); // 50
    counts.put("a, b", taken(4, 3)); // 75
    counts.put(" parks ", taken(4, 4)); // 100
    counts.put("idle", Counts.builder().build()); // no case taken on: not applicable
    Scorecard card = card(counts);

    List<String> lines = ScorecardCsv.lines(List.of(card));

    String p = card.period().toString();
    assertThat(lines)
        .containsExactly(
            "period,kind,rank,unit,score,grade,response_rate",
            p
                + ",grid,1,\" parks \",100.00,"
                + card.unit(" parks ").orElseThrow().grade().orElse("")
                + ",1",
            p
                + ",grid,2,\"a, b\",75.00,"
                + card.unit("a, b").orElseThrow().grade().orElse("")
                + ",0.75",
            p
                + ",grid,3,plain,50.00,"
                + card.unit("plain").orElseThrow().grade().orElse("")
                + ",0.5",
            p + ",grid,,idle,,,");
  }

  @Test
  void noScorecardIsACallerMistake() {
    assertThatThrownBy(() -> ScorecardCsv.lines(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no scorecard");
  }
}
