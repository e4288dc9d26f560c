package org.gridgov.lab;

import java.util.Objects;
import org.gridgov.scoring.Scorecard;

/**
 * One ranking of a variant: the scorecard and the points its deductions took off, summed over the
 * scored units.
 *
 * @param ranking what was ranked under which scheme
 * @param scorecard the scores, grades and ranks
 * @param deductions Σ over scored units of the deductions (after caps), e.g. Tongcheng's points off
 *     per overdue case
 */
public record RankingResult(Ranking ranking, Scorecard scorecard, double deductions) {
  /**
   * Checks for nulls.
   *
   * @param ranking the ranking
   * @param scorecard the scorecard
   * @param deductions the deductions
   */
  public RankingResult {
    Objects.requireNonNull(ranking, "ranking");
    Objects.requireNonNull(scorecard, "scorecard");
  }
}
