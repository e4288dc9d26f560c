package org.gridgov.scoring;

import org.gridgov.scoring.Scorecard.Consequences;

import org.gridgov.scoring.Count.Counts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gridgov.scoring.internal.Ranker;

/**
 * The front door of grid-scoring (考核评分): applies one {@link ScoringScheme} to a {@link CaseLog} and
 * returns {@link Scorecard}s with scores, grades, rankings and explanations.
 *
 * <pre>{@code
 * Scorer scorer = Scorer.of(ScoringSchemes.builtIn("tongcheng-2022"));
 * Scorecard year = scorer.score(log, ScoringPeriod.year(2026), UnitKind.DEPARTMENT);
 * year.ranking();                    // 1, 2, 2, 4 …
 * year.explain("城管局");             // indicator → points → weighted → total → grade
 * Consequences.of(scorer.scoreEachYear(log, ScoringPeriod.parse("2025-01..2026-12"), UnitKind.DEPARTMENT));
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
  private final int threads;

  private Scorer(ScoreEngine engine, int threads) {
    this.engine = engine;
    this.threads = threads;
  }

  /**
   * A scorer for a scheme.
   *
   * @param scheme the scheme
   * @return the scorer
   */
  public static Scorer of(ScoringScheme scheme) {
    return new Scorer(new ScoreEngine(Objects.requireNonNull(scheme, "scheme")), 1);
  }

  /**
   * The same scorer scoring the periods of a rollup ({@link #scoreEachMonth}, {@link
   * #scoreEachYear}) on several threads, each with its own aggregation scratch; results are the
   * same as on one thread. The default is one thread, so that a host (a Spark or Flink worker)
   * keeps control of its threads.
   *
   * @param count threads, at least 1
   * @return a scorer using that many threads
   */
  public Scorer withThreads(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + count);
    }
    return new Scorer(engine, count);
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
  public Scorecard score(CaseLog log, ScoringPeriod period, UnitKind kind) {
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
  public Scorecard score(CaseLog log, ScoringPeriod period, UnitKind kind, ExtraCounts extra) {
    check(period, kind);
    Aggregator scratch = new Aggregator(log.units(kind).size());
    return new Scorecard(
        engine, kind, period, log.asOf(), engine.score(log, period, kind, extra, scratch));
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
  public Scorecard scoreCounts(Map<String, Counts> counts, ScoringPeriod period, UnitKind kind) {
    check(period, kind);
    String[] names = counts.keySet().toArray(new String[0]);
    Aggregator agg = new Aggregator(names.length);
    for (int u = 0; u < names.length; u++) {
      Counts k = counts.get(names[u]);
      for (Count c : Count.values()) {
        agg.add(u, c.ordinal(), k.get(c));
      }
    }
    ScoreTable table = engine.table(names, Ranker.byName(names), agg.compact());
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
      CaseLog log, ScoringPeriod period, UnitKind kind, ExtraCounts extra) {
    return scoreEach(log, period.eachMonth(), kind, extra);
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
      CaseLog log, ScoringPeriod period, UnitKind kind, ExtraCounts extra) {
    return scoreEach(log, period.eachYear(), kind, extra);
  }

  private List<Scorecard> scoreEach(
      CaseLog log, List<ScoringPeriod> periods, UnitKind kind, ExtraCounts extra) {
    for (ScoringPeriod p : periods) {
      check(p, kind);
    }
    Scorecard[] out = new Scorecard[periods.size()];
    int workers = Math.min(threads, periods.size());
    if (workers <= 1) {
      scoreRange(log, periods, kind, extra, out, 0, periods.size());
      return List.of(out);
    }
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    try {
      List<Future<?>> parts = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        int from = periods.size() * w / workers;
        int to = periods.size() * (w + 1) / workers;
        parts.add(pool.submit(() -> scoreRange(log, periods, kind, extra, out, from, to)));
      }
      for (Future<?> f : parts) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while scoring", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdown();
    }
    return List.of(out);
  }

  private void scoreRange(
      CaseLog log,
      List<ScoringPeriod> periods,
      UnitKind kind,
      ExtraCounts extra,
      Scorecard[] out,
      int from,
      int to) {
    Aggregator scratch = new Aggregator(log.units(kind).size());
    for (int i = from; i < to; i++) {
      ScoringPeriod p = periods.get(i);
      out[i] =
          new Scorecard(engine, kind, p, log.asOf(), engine.score(log, p, kind, extra, scratch));
    }
  }

  /**
   * The supervision report (督办通报) of cases reported in a period that are open at the log's as-of
   * instant, warned with the scheme's thresholds.
   *
   * @param log the cases
   * @param period the months whose cases are listed
   * @return the report
   */
  public SupervisionReport supervise(CaseLog log, ScoringPeriod period) {
    return SupervisionReport.of(log, period, scheme().warnings());
  }

  private void check(ScoringPeriod period, UnitKind kind) {
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
