package org.gridgov.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gridgov.scoring.internal.Formulas;
import org.gridgov.scoring.internal.Ranker;

/**
 * The front door of grid-scoring (考核评分): applies one {@link ScoringScheme} to a {@link CaseLog} and
 * returns {@link Scorecard}s with scores, grades, rankings and explanations.
 *
 * <pre>{@code
 * Scorer scorer = Scorer.of(ScoringSchemes.builtIn("tongcheng-2022"));
 * Scorecard year = scorer.score(log, Period.year(2026), UnitKind.DEPARTMENT);
 * year.ranking();                    // 1, 2, 2, 4 …
 * year.explain("城管局");             // indicator → points → weighted → total → grade
 * Consequences.of(scorer.scoreEachYear(log, Period.parse("2025-01..2026-12"), UnitKind.DEPARTMENT));
 * }</pre>
 *
 * <p>Scoring a period reads only the log rows of its months in one pass, summing counts into a
 * primitive array of {@code units × counts}; memory does not grow with the number of cases. A
 * yearly (or any multi-month) period adds the counts of its months before computing rates, so a
 * yearly rate is never an average of monthly rates.
 *
 * <p>Immutable and thread-safe: build once per scheme and share.
 */
public final class Scorer {
  private final ScoreEngine engine;

  private Scorer(ScoringScheme scheme) {
    this.engine = new ScoreEngine(scheme);
  }

  /**
   * A scorer for a scheme.
   *
   * @param scheme the scheme
   * @return the scorer
   */
  public static Scorer of(ScoringScheme scheme) {
    return new Scorer(Objects.requireNonNull(scheme, "scheme"));
  }

  /** The scheme applied. */
  public ScoringScheme scheme() {
    return engine.scheme();
  }

  /**
   * Scores every unit of a kind over a period.
   *
   * @param log the cases
   * @param period the period; cases reported in its months count
   * @param kind the kind of unit to score and rank
   * @return the scorecard
   * @throws IllegalArgumentException when the scheme is not in force in the period or is not meant
   *     for the kind
   */
  public Scorecard score(CaseLog log, Period period, UnitKind kind) {
    return score(log, period, kind, ExtraCounts.empty());
  }

  /**
   * Scores every unit of a kind over a period, adding counts the case records do not carry.
   *
   * @param log the cases
   * @param period the period
   * @param kind the kind of unit
   * @param extra extra counts; their units are listed even when no case names them
   * @return the scorecard
   * @throws IllegalArgumentException when the scheme is not in force in the period or is not meant
   *     for the kind
   */
  public Scorecard score(CaseLog log, Period period, UnitKind kind, ExtraCounts extra) {
    check(period, kind);
    ScoreTable table = engine.score(log, period, kind, extra);
    return new Scorecard(engine, kind, period, log.asOf(), table);
  }

  /**
   * Scores pre-aggregated counts, for callers that count elsewhere (a data warehouse, another
   * system) or for comparing against a straightforward aggregation.
   *
   * @param counts unit id → counts for the period
   * @param period the period the counts cover
   * @param kind the kind of unit
   * @return the scorecard; its as-of instant is the end of the period's last month, UTC
   */
  public Scorecard scoreCounts(Map<String, Counts> counts, Period period, UnitKind kind) {
    check(period, kind);
    String[] names = counts.keySet().toArray(new String[0]);
    int[] blocks = new int[names.length * Formulas.WIDTH];
    for (int u = 0; u < names.length; u++) {
      counts.get(names[u]).copyTo(blocks, u * Formulas.WIDTH);
    }
    ScoreTable table = engine.table(names, Ranker.byName(names), blocks);
    return new Scorecard(
        engine,
        kind,
        period,
        period.to().plusMonths(1).atDay(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant(),
        table);
  }

  /**
   * Monthly rollup: one scorecard per month of the period.
   *
   * @param log the cases
   * @param period the months
   * @param kind the kind of unit
   * @param extra extra counts
   * @return the scorecards in month order
   */
  public List<Scorecard> scoreEachMonth(
      CaseLog log, Period period, UnitKind kind, ExtraCounts extra) {
    List<Scorecard> out = new ArrayList<>(period.monthCount());
    for (Period month : period.eachMonth()) {
      out.add(score(log, month, kind, extra));
    }
    return List.copyOf(out);
  }

  /**
   * Yearly rollup: one scorecard per calendar year the period touches (cut to the period), each
   * from the summed counts of its months.
   *
   * @param log the cases
   * @param period the years
   * @param kind the kind of unit
   * @param extra extra counts
   * @return the scorecards in year order
   */
  public List<Scorecard> scoreEachYear(
      CaseLog log, Period period, UnitKind kind, ExtraCounts extra) {
    List<Scorecard> out = new ArrayList<>();
    for (Period year : period.eachYear()) {
      out.add(score(log, year, kind, extra));
    }
    return List.copyOf(out);
  }

  /**
   * The supervision report (督办通报) of cases reported in a period that are open at the log's as-of
   * instant, warned with the scheme's thresholds.
   *
   * @param log the cases
   * @param period the months whose cases are listed
   * @return the report
   */
  public SupervisionReport supervise(CaseLog log, Period period) {
    return SupervisionReport.of(log, period, scheme().warnings());
  }

  private void check(Period period, UnitKind kind) {
    ScoringScheme s = scheme();
    if (!s.appliesTo(period)) {
      throw new IllegalArgumentException(
          "scheme "
              + s.id()
              + " is in force "
              + s.effectiveFrom().map(Object::toString).orElse("…")
              + ".."
              + s.effectiveTo().map(Object::toString).orElse("…")
              + ", which does not overlap period "
              + period);
    }
    if (!s.unitKinds().isEmpty() && !s.unitKinds().contains(kind)) {
      throw new IllegalArgumentException(
          "scheme " + s.id() + " assesses " + s.unitKinds() + ", not " + kind.key());
    }
  }
}
