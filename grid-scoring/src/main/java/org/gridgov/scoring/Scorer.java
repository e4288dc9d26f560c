package org.gridgov.scoring;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gridgov.scoring.Count.Counts;
import org.gridgov.scoring.internal.Ranker;

/**
 * The front door of grid-scoring (考核评分): applies one {@link ScoringScheme} to a {@link CaseLog} and
 * returns {@link Scorecard}s with scores, grades, rankings and explanations. There is one way to
 * score a log, {@link #score(CaseLog, Request)}; a {@link Request} says which period and kind of
 * unit, whether to roll the period up by month or year, and which extra counts to add.
 *
 * <pre>{@code
 * Scorer scorer = Scorer.of(ScoringSchemes.builtIn("tongcheng-2022"));
 * Scorecard year =
 *     scorer.score(log, Scorer.Request.of(ScoringPeriod.year(2026), UnitKind.DEPARTMENT)).get(0);
 * year.ranking();            // units in rank order: 1, 2, 2, 4 …
 * year.explain("城管局");     // indicator → points → weighted → total → grade
 * List<Scorecard> years =
 *     scorer.score(
 *         log,
 *         Scorer.Request.of(ScoringPeriod.parse("2025-01..2026-12"), UnitKind.DEPARTMENT)
 *             .eachYear());
 * Scorecard.Consequences.of(years); // last place, and last twice running
 * }</pre>
 *
 * <p>Scoring a period reads only the log rows of its months in one pass, summing counts into a
 * primitive array of {@code units × counts}; memory does not grow with the number of cases. A
 * yearly (or any multi-month) period adds the counts of its months before computing rates, so a
 * yearly rate is never an average of monthly rates.
 *
 * <p>A scheme that is not in force in a requested period, or is not meant for the requested kind of
 * unit, is a caller mistake: {@link #score} throws {@link IllegalArgumentException} saying why.
 * Callers that take periods and kinds from users check first with {@link
 * ScoringScheme#inForce(ScoringPeriod)} and {@link ScoringScheme#assesses(UnitKind)}.
 *
 * <p>Immutable and thread-safe: build once per scheme and share. Serializable (a versioned proxy
 * holding the scheme's canonical JSON and the thread count), so a scorer can be shipped to another
 * JVM, e.g. as a Spark broadcast.
 */
public final class Scorer implements Serializable {
  private static final long serialVersionUID = 1L;

  private final transient ScoreEngine engine;
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
   * The same scorer scoring the periods of a rollup ({@link Rollup#MONTH}, {@link Rollup#YEAR}) on
   * several threads, each with its own aggregation scratch; results are the same as on one thread.
   * The default is one thread, so that a host (a Spark or Flink worker) keeps control of its
   * threads.
   *
   * @param count threads, at least 1
   * @return a scorer using that many threads
   * @throws IllegalArgumentException when count is below 1
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

  /** How many threads a rollup is scored on. */
  public int threads() {
    return threads;
  }

  /** How a request's period is cut into scored periods. */
  public enum Rollup {
    /** One scorecard for the whole period. */
    NONE,
    /** One scorecard per month of the period (monthly rollup). */
    MONTH,
    /**
     * One scorecard per calendar year the period touches, cut to the period, each from the summed
     * counts of its months (yearly rollup).
     */
    YEAR
  }

  /**
   * What to score: every unit of a kind over a period, optionally rolled up by month or year, with
   * counts the case records do not carry.
   *
   * @param period the period; cases reported in its months count
   * @param kind the kind of unit to score and rank
   * @param rollup how the period is cut into scorecards
   * @param extra extra counts; their units are listed even when no case names them
   */
  public record Request(ScoringPeriod period, UnitKind kind, Rollup rollup, ExtraCounts extra) {
    /** Checks for nulls. */
    public Request {
      Objects.requireNonNull(period, "period");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(rollup, "rollup");
      Objects.requireNonNull(extra, "extra");
    }

    /**
     * One scorecard of a kind of unit over a period, without extra counts.
     *
     * @param period the period
     * @param kind the kind of unit
     * @return the request
     */
    public static Request of(ScoringPeriod period, UnitKind kind) {
      return new Request(period, kind, Rollup.NONE, ExtraCounts.empty());
    }

    /**
     * This request with another rollup.
     *
     * @param value the rollup
     * @return the request
     */
    public Request rollup(Rollup value) {
      return new Request(period, kind, value, extra);
    }

    /** This request rolled up by month: one scorecard per month of the period. */
    public Request eachMonth() {
      return rollup(Rollup.MONTH);
    }

    /** This request rolled up by calendar year: one scorecard per year, cut to the period. */
    public Request eachYear() {
      return rollup(Rollup.YEAR);
    }

    /**
     * This request with extra counts.
     *
     * @param value the extra counts
     * @return the request
     */
    public Request extra(ExtraCounts value) {
      return new Request(period, kind, rollup, value);
    }

    /** The periods scored, in order: the period itself, its months or its years. */
    public List<ScoringPeriod> periods() {
      return switch (rollup) {
        case NONE -> List.of(period);
        case MONTH -> period.eachMonth();
        case YEAR -> period.eachYear();
      };
    }
  }

  /**
   * Scores every unit of the request's kind, one scorecard per period of the request's rollup.
   *
   * @param log the cases
   * @param request what to score
   * @return the scorecards in period order; exactly one for {@link Rollup#NONE}
   * @throws IllegalArgumentException when the scheme is not in force in the requested period (see
   *     {@link ScoringScheme#inForce(ScoringPeriod)}) or is not meant for the kind (see {@link
   *     ScoringScheme#assesses(UnitKind)})
   */
  public List<Scorecard> score(CaseLog log, Request request) {
    Objects.requireNonNull(log, "log");
    List<ScoringPeriod> periods = request.periods();
    for (ScoringPeriod p : periods) {
      check(p, request.kind());
    }
    return scoreEach(log, periods, request.kind(), request.extra());
  }

  /**
   * Scores counts summed elsewhere (a Spark job, a warehouse) exactly as {@link #score(CaseLog,
   * Request)} scores the cases they were counted from: the same units (every unit the cases name or
   * that was declared, listed as not applicable in periods without a count), the same scores,
   * grades, ranks and explanations, and the counts' as-of instant. When {@code counts} is {@link
   * MonthlyCounts#of(CaseLog, UnitKind) MonthlyCounts.of(log, kind)} (or the sum of the counts of
   * the log's cases, however split), the scorecards equal those of {@code score(log, request)}.
   *
   * @param counts the counts of the request's kind
   * @param request what to score
   * @return the scorecards in period order; exactly one for {@link Rollup#NONE}
   * @throws IllegalArgumentException when the counts are of another kind than the request's, or as
   *     {@link #score(CaseLog, Request)}
   */
  public List<Scorecard> score(MonthlyCounts counts, Request request) {
    Objects.requireNonNull(counts, "counts");
    if (counts.kind() != request.kind()) {
      throw new IllegalArgumentException(
          "counts of " + counts.kind().key() + " cannot be scored as " + request.kind().key());
    }
    List<ScoringPeriod> periods = request.periods();
    for (ScoringPeriod p : periods) {
      check(p, request.kind());
    }
    List<Scorecard> out = new ArrayList<>(periods.size());
    for (ScoringPeriod p : periods) {
      out.add(
          new Scorecard(
              engine, request.kind(), p, counts.asOf(), engine.score(counts, p, request.extra())));
    }
    return List.copyOf(out);
  }

  /**
   * Scores pre-aggregated counts, for callers that count elsewhere (a data warehouse, another
   * system) or for comparing against a straightforward aggregation. The input is not a case log, so
   * there is no rollup and no extra counts: the counts are the whole input.
   *
   * @param counts unit id → counts for the period
   * @param period the period the counts cover
   * @param kind the kind of unit
   * @return the scorecard; its as-of instant is the end of the period's last month, UTC
   * @throws IllegalArgumentException as {@link #score(CaseLog, Request)}
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

  private List<Scorecard> scoreEach(
      CaseLog log, List<ScoringPeriod> periods, UnitKind kind, ExtraCounts extra) {
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
    if (!s.inForce(period)) {
      throw new IllegalArgumentException(
          "scheme "
              + s.id()
              + " is in force "
              + s.effectiveRange()
              + ", which does not overlap period "
              + period
              + "; check ScoringScheme.inForce(period) first");
    }
    if (!s.assesses(kind)) {
      throw new IllegalArgumentException(
          "scheme " + s.id() + " assesses " + s.unitKinds() + ", not " + kind.key());
    }
  }

  private Object writeReplace() {
    return new SerialForm(ScoringSchemes.canonicalBytes(scheme()), threads);
  }

  private void readObject(ObjectInputStream in) throws InvalidObjectException {
    throw new InvalidObjectException("a Scorer is read through its serial form");
  }

  /**
   * The serial form of a {@link Scorer}: a format version, the scheme's canonical JSON (UTF-8) and
   * the thread count. Reading it back parses and validates the scheme and compiles it again, so the
   * stream never carries engine internals and an old stream keeps reading after the engine changes.
   */
  private static final class SerialForm implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int VERSION = 1;

    private final int version;
    private final byte[] scheme;
    private final int threads;

    SerialForm(byte[] scheme, int threads) {
      this.version = VERSION;
      this.scheme = scheme;
      this.threads = threads;
    }

    private Object readResolve() throws ObjectStreamException {
      if (version != VERSION) {
        throw new InvalidObjectException("unknown Scorer serial form version " + version);
      }
      if (threads < 1) {
        throw new InvalidObjectException("threads must be at least 1: " + threads);
      }
      return Scorer.of(ScoringSchemes.fromCanonicalBytes(scheme)).withThreads(threads);
    }
  }
}
