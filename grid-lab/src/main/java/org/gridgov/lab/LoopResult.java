package org.gridgov.lab;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.cases.Case;
import org.gridgov.scoring.CaseLog;
import org.gridgov.scoring.ScoringPeriod;
import org.gridgov.scoring.UnitKind;

/**
 * The result of running a stream through a {@link CaseLoop}: every case with its trail, the
 * summary, the assessment log and the rankings.
 *
 * @param variant the variant's name
 * @param runs one run per incident, in stream order
 * @param summary the counts and measures
 * @param asOf the instant the assessment was taken at: the end of the stream's period, or the last
 *     step of any case if later (every case runs to its end)
 * @param period the months of the stream, scored
 * @param log the assessment facts of the cases
 * @param rankings the variant's rankings, in the variant's order
 */
public record LoopResult(
    String variant,
    List<CaseRun> runs,
    LoopSummary summary,
    Instant asOf,
    ScoringPeriod period,
    CaseLog log,
    List<RankingResult> rankings) {

  /**
   * Validates and copies.
   *
   * @param variant the variant
   * @param runs the runs
   * @param summary the summary
   * @param asOf the as-of instant
   * @param period the period
   * @param log the log
   * @param rankings the rankings
   */
  public LoopResult {
    Objects.requireNonNull(variant, "variant");
    runs = List.copyOf(runs);
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(log, "log");
    rankings = List.copyOf(rankings);
  }

  /**
   * The resulting cases, in stream order.
   *
   * @return the cases
   */
  public List<Case> cases() {
    List<Case> out = new ArrayList<>(runs.size());
    for (CaseRun r : runs) {
      out.add(r.result());
    }
    return List.copyOf(out);
  }

  /**
   * The first ranking of a kind of unit.
   *
   * @param kind the kind
   * @return the ranking, or empty when the variant does not rank that kind
   */
  public Optional<RankingResult> ranking(UnitKind kind) {
    return rankings.stream().filter(r -> r.ranking().kind() == kind).findFirst();
  }
}
