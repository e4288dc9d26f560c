package org.gridgov.scoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.gridgov.scoring.internal.Aggregator;
import org.gridgov.scoring.internal.Formulas;

/**
 * The result of scoring one kind of unit over one period under one scheme (考核结果): every unit with
 * its score, grade, rank and indicator values, the ranking, last place, and an explanation for any
 * unit. Units the log knows but that had no case in the period are listed as not applicable.
 *
 * <p>Results are held in primitive arrays; {@link UnitScore} and {@link Explanation} objects are
 * made on request. Immutable and thread-safe.
 */
public final class Scorecard {
  private static final int TILE = 512;

  private final ScoreEngine engine;
  private final UnitKind kind;
  private final Period period;
  private final Instant asOf;
  private final ScoreTable table;
  private final List<Indicator> reported;
  private volatile Map<String, Integer> index;

  Scorecard(ScoreEngine engine, UnitKind kind, Period period, Instant asOf, ScoreTable table) {
    this.engine = engine;
    this.kind = kind;
    this.period = period;
    this.asOf = asOf;
    this.table = table;
    this.reported = engine.reportedIndicators();
  }

  private Integer ordinal(String unit) {
    Map<String, Integer> m = index;
    if (m == null) {
      synchronized (this) {
        m = index;
        if (m == null) {
          m = new HashMap<>(table.names.length * 2);
          for (int i = 0; i < table.names.length; i++) {
            m.put(table.names[i], i);
          }
          index = m;
        }
      }
    }
    return m.get(unit);
  }

  /** The scheme applied. */
  public ScoringScheme scheme() {
    return engine.scheme();
  }

  /** The kind of unit ranked. */
  public UnitKind kind() {
    return kind;
  }

  /** The period. */
  public Period period() {
    return period;
  }

  /** The instant the case log was taken at. */
  public Instant asOf() {
    return asOf;
  }

  /** The number of units listed, scored or not. */
  public int size() {
    return table.names.length;
  }

  /** The number of units with a score. */
  public int scoredCount() {
    return table.scored;
  }

  /** Every unit: scored units by rank (ties by id), then the others by id. */
  public List<UnitScore> units() {
    List<UnitScore> out = new ArrayList<>(table.order.length);
    for (int u : table.order) {
      out.add(unitScore(u));
    }
    return List.copyOf(out);
  }

  /** The units that have a rank, in rank order. */
  public List<UnitScore> ranking() {
    List<UnitScore> out = new ArrayList<>();
    for (int u : table.order) {
      if (table.rank[u] > 0) {
        out.add(unitScore(u));
      }
    }
    return List.copyOf(out);
  }

  /**
   * One unit's result.
   *
   * @param unit the unit id
   * @return its result, or empty when the unit is unknown
   */
  public Optional<UnitScore> unit(String unit) {
    Integer u = ordinal(unit);
    return u == null ? Optional.empty() : Optional.of(unitScore(u));
  }

  /**
   * The units in last place (末位): the ranked units with the highest rank number, several when tied.
   * Empty when nothing is ranked. Under {@link NotApplicablePolicy#RANK_LAST} units without a score
   * are last.
   */
  public List<String> lastPlace() {
    int worst = 0;
    for (int r : table.rank) {
      worst = Math.max(worst, r);
    }
    List<String> out = new ArrayList<>();
    if (worst == 0) {
      return List.of();
    }
    for (int u : table.order) {
      if (table.rank[u] == worst) {
        out.add(table.names[u]);
      }
    }
    return List.copyOf(out);
  }

  /**
   * How a unit's score came about.
   *
   * @param unit the unit id
   * @return the explanation, or empty when the unit is unknown
   */
  public Optional<Explanation> explain(String unit) {
    Integer u = ordinal(unit);
    if (u == null) {
      return Optional.empty();
    }
    ScoreEngine.Trace t = new ScoreEngine.Trace();
    engine.evaluate(table.counts.blocks(), table.counts.base(u), table.counts.active(u), t);
    UnitScore s = unitScore(u);
    return Optional.of(
        new Explanation(
            unit,
            kind,
            period,
            scheme().id(),
            s.status(),
            t.components,
            t.deductions,
            t.weightedSum,
            t.renormalisation,
            t.deductionTotal,
            t.unclamped,
            t.clamped,
            s.score(),
            s.grade(),
            s.rank(),
            t.notes));
  }

  /**
   * The counts behind a unit's indicators.
   *
   * @param unit the unit id
   * @return the counts, or empty when the unit is unknown
   */
  public Optional<Counts> counts(String unit) {
    Integer u = ordinal(unit);
    if (u == null) {
      return Optional.empty();
    }
    int[] block = new int[Formulas.WIDTH];
    System.arraycopy(table.counts.blocks(), table.counts.base(u), block, 0, block.length);
    return Optional.of(Counts.wrap(block));
  }

  /**
   * The value of any indicator (not only the scheme's) for a unit.
   *
   * @param unit the unit id
   * @param indicator the indicator
   * @return the value with its counts, or empty when the unit is unknown
   */
  public Optional<IndicatorValue> value(String unit, Indicator indicator) {
    Integer u = ordinal(unit);
    if (u == null) {
      return Optional.empty();
    }
    return Optional.of(
        engine.indicatorValue(
            indicator, table.counts.blocks(), table.counts.base(u), table.counts.active(u)));
  }

  /** The unit ids in the order of {@link #values(Indicator)}. */
  public List<String> unitIds() {
    return List.of(table.names);
  }

  /**
   * One indicator for every unit at once, for bulk export and analysis without an object per unit.
   *
   * @param indicator the indicator
   * @return a new array aligned with {@link #unitIds()}; NaN where not applicable
   */
  public double[] values(Indicator indicator) {
    return values(List.of(indicator))[0];
  }

  /**
   * Several indicators for every unit at once, in one pass over the units (each unit's counts are
   * read once for all indicators).
   *
   * @param indicators the indicators
   * @return one new array per indicator, aligned with {@link #unitIds()}; NaN where not applicable
   */
  public double[][] values(List<Indicator> indicators) {
    double[][] out = new double[indicators.size()][table.names.length];
    valuesInto(indicators, out);
    return out;
  }

  /**
   * Several indicators for every unit, written into arrays the caller owns and reuses, so a long
   * series of scorecards can be exported without allocating.
   *
   * @param indicators the indicators
   * @param out one array per indicator, each at least {@link #size()} long; element u receives the
   *     value of unit {@code unitIds().get(u)}, NaN where not applicable
   * @throws IllegalArgumentException when there are too few or too short arrays
   */
  public void valuesInto(List<Indicator> indicators, double[][] out) {
    Indicator[] inds = indicators.toArray(new Indicator[0]);
    if (out.length < inds.length) {
      throw new IllegalArgumentException(
          "need " + inds.length + " output arrays, got " + out.length);
    }
    for (double[] o : out) {
      if (o.length < table.names.length) {
        throw new IllegalArgumentException(
            "output arrays need " + table.names.length + " elements, got " + o.length);
      }
    }
    Formulas f = engine.formulas();
    Aggregator.Blocks b = table.counts;
    int n = table.names.length;
    for (int k = 0; k < inds.length; k++) {
      java.util.Arrays.fill(out[k], 0, n, Double.NaN);
    }
    // Active units in tiles whose count blocks stay in cache while every indicator reads them.
    for (int from = 0; from < b.activeCount(); from += TILE) {
      int to = Math.min(b.activeCount(), from + TILE);
      for (int k = 0; k < inds.length; k++) {
        f.values(inds[k], b.blocks(), b.unitOfSlot(), from, to, out[k]);
      }
    }
  }

  /**
   * Every unit's final score at once.
   *
   * @return a new array aligned with {@link #unitIds()}: the rounded score, NaN where not scored
   */
  public double[] scores() {
    double[] out = new double[table.names.length];
    for (int u = 0; u < out.length; u++) {
      out[u] = table.cents[u] == ScoreEngine.NO_SCORE ? Double.NaN : table.cents[u] / 100.0;
    }
    return out;
  }

  private UnitScore unitScore(int u) {
    int b = table.counts.base(u);
    boolean active = table.counts.active(u);
    List<IndicatorValue> values = new ArrayList<>(reported.size());
    for (Indicator i : reported) {
      values.add(engine.indicatorValue(i, table.counts.blocks(), b, active));
    }
    boolean scored = table.cents[u] != ScoreEngine.NO_SCORE;
    Optional<BigDecimal> score =
        scored ? Optional.of(BigDecimal.valueOf(table.cents[u], 2)) : Optional.empty();
    return new UnitScore(
        table.names[u],
        scored ? UnitScore.Status.SCORED : UnitScore.Status.NOT_APPLICABLE,
        score,
        score.map(s -> scheme().gradeOf(s.doubleValue())),
        table.rank[u] > 0 ? OptionalInt.of(table.rank[u]) : OptionalInt.empty(),
        values);
  }

  @Override
  public String toString() {
    return "Scorecard["
        + scheme().id()
        + ", "
        + kind.key()
        + ", "
        + period
        + ", "
        + size()
        + " units]";
  }
}
