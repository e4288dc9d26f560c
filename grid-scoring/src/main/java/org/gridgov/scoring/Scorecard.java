package org.gridgov.scoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import org.gridgov.scoring.Count.Counts;
import org.gridgov.scoring.ScoringScheme.NotApplicablePolicy;
import org.gridgov.scoring.internal.Numbers;

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
  private final ScoringPeriod period;
  private final Instant asOf;
  private final ScoreTable table;
  private final List<Indicator> reported;
  private volatile Map<String, Integer> index;

  Scorecard(
      ScoreEngine engine, UnitKind kind, ScoringPeriod period, Instant asOf, ScoreTable table) {
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
  public ScoringPeriod period() {
    return period;
  }

  /** The instant the case log was taken at. */
  public Instant asOf() {
    return asOf;
  }

  /**
   * The indicators each {@link UnitScore} reports: the scheme's component indicators, then its
   * deduction indicators, each once, in scheme order. Use it for table headers and exports.
   */
  public List<Indicator> indicators() {
    return reported;
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

  /**
   * One unit's result in a {@link Scorecard}: final score, grade and rank, and the values of the
   * scheme's indicators.
   *
   * @param unit the unit id
   * @param status whether the unit was scored
   * @param score the final score, rounded half-up to two decimals; empty when not scored
   * @param grade the grade of the final score; empty when not scored
   * @param rank the competition rank (1, 2, 2, 4); empty when the unit is left out of the ranking
   * @param indicators the values of the scheme's component and deduction indicators, in scheme
   *     order
   */
  public record UnitScore(
      String unit,
      Status status,
      Optional<BigDecimal> score,
      Optional<String> grade,
      OptionalInt rank,
      List<IndicatorValue> indicators) {

    /** Whether a unit got a score. */
    public enum Status {
      /** Scored. */
      SCORED,
      /**
       * Not scored: no case and no count at all in the period, or a component not applicable under
       * a policy other than {@link NotApplicablePolicy#RENORMALISE}.
       */
      NOT_APPLICABLE
    }

    /** Copies the list and checks for nulls. */
    public UnitScore {
      Objects.requireNonNull(unit, "unit");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(score, "score");
      Objects.requireNonNull(grade, "grade");
      Objects.requireNonNull(rank, "rank");
      indicators = List.copyOf(indicators);
    }

    /**
     * The value of one of the scheme's indicators.
     *
     * @param indicator the indicator
     * @return its value, or empty when the scheme does not use it
     */
    public Optional<IndicatorValue> indicator(Indicator indicator) {
      return indicators.stream().filter(v -> v.indicator() == indicator).findFirst();
    }
  }

  /**
   * How a unit's score came about (得分说明): for every component the indicator value with the counts
   * behind it, the points, the weight and the weighted points; the deductions; the total before and
   * after clamping; the rounded score, its grade and rank. Intermediate values are exact doubles;
   * only {@link #score()} is rounded.
   *
   * @param unit the unit id
   * @param kind the unit kind
   * @param period the period
   * @param schemeId the scheme
   * @param status whether the unit was scored
   * @param components one line per component, in scheme order
   * @param deductions one line per deduction, in scheme order
   * @param weightedSum Σ weighted points of applicable components
   * @param renormalisation the factor Σ w / Σ applicable w applied under {@link
   *     NotApplicablePolicy#RENORMALISE}; 1 otherwise
   * @param deductionTotal the points deducted, after the overall cap
   * @param unclamped weightedSum × renormalisation − deductionTotal
   * @param clamped the total limited to the scheme's range
   * @param score the final score, rounded half-up to two decimals
   * @param grade the grade of the score
   * @param rank the rank, if ranked
   * @param notes remarks, e.g. why the unit was not scored
   */
  public record Explanation(
      String unit,
      UnitKind kind,
      ScoringPeriod period,
      String schemeId,
      UnitScore.Status status,
      List<ComponentLine> components,
      List<DeductionLine> deductions,
      double weightedSum,
      double renormalisation,
      double deductionTotal,
      double unclamped,
      double clamped,
      Optional<BigDecimal> score,
      Optional<String> grade,
      OptionalInt rank,
      List<String> notes) {

    /** Copies the lists. */
    public Explanation {
      Objects.requireNonNull(unit, "unit");
      components = List.copyOf(components);
      deductions = List.copyOf(deductions);
      notes = List.copyOf(notes);
    }

    /**
     * One component of the breakdown.
     *
     * @param indicator the indicator
     * @param label the component's label, or the indicator's Chinese term
     * @param value the indicator value and its counts
     * @param transform how the value becomes points ({@code rate}, {@code complement}, {@code
     *     bands}, {@code target})
     * @param points the points (0–100), empty when not applicable
     * @param weight the weight
     * @param weightedPoints points × weight / 100, empty when not applicable
     */
    public record ComponentLine(
        Indicator indicator,
        String label,
        IndicatorValue value,
        String transform,
        OptionalDouble points,
        double weight,
        OptionalDouble weightedPoints) {}

    /**
     * One deduction of the breakdown.
     *
     * @param indicator the counted indicator
     * @param count the count
     * @param pointsEach points per counted event
     * @param cap the deduction's cap, if any
     * @param points min(cap, pointsEach × count)
     */
    public record DeductionLine(
        Indicator indicator, long count, double pointsEach, OptionalDouble cap, double points) {}

    /** A plain-text rendering, one line per component and deduction. */
    public String render() {
      StringBuilder sb = new StringBuilder();
      sb.append(kind.key())
          .append(' ')
          .append(unit)
          .append(", ")
          .append(period)
          .append(", scheme ")
          .append(schemeId)
          .append('\n');
      for (ComponentLine l : components) {
        sb.append("  ")
            .append(l.value())
            .append(" → ")
            .append(l.transform())
            .append(' ')
            .append(opt(l.points()))
            .append(" × ")
            .append(Numbers.plain(l.weight()))
            .append("% = ")
            .append(opt(l.weightedPoints()))
            .append("  (")
            .append(l.label())
            .append(")\n");
      }
      for (DeductionLine d : deductions) {
        sb.append("  − ")
            .append(d.indicator().key())
            .append(' ')
            .append(d.count())
            .append(" × ")
            .append(Numbers.plain(d.pointsEach()))
            .append(
                d.cap().isPresent() ? " (cap " + Numbers.plain(d.cap().getAsDouble()) + ")" : "")
            .append(" = ")
            .append(Numbers.plain(d.points()))
            .append('\n');
      }
      if (status == UnitScore.Status.SCORED) {
        sb.append("  total = ")
            .append(Numbers.plain(weightedSum))
            .append(renormalisation != 1.0 ? " × " + Numbers.plain(renormalisation) : "")
            .append(" − ")
            .append(Numbers.plain(deductionTotal))
            .append(" = ")
            .append(Numbers.plain(unclamped))
            .append(clamped != unclamped ? " → clamped " + Numbers.plain(clamped) : "")
            .append(" → ")
            .append(score.map(BigDecimal::toPlainString).orElse("n/a"))
            .append(", grade ")
            .append(grade.orElse("-"))
            .append(rank.isPresent() ? ", rank " + rank.getAsInt() : "")
            .append('\n');
      } else {
        sb.append("  not scored")
            .append(rank.isPresent() ? ", rank " + rank.getAsInt() : "")
            .append('\n');
      }
      for (String n : notes) {
        sb.append("  note: ").append(n).append('\n');
      }
      return sb.toString();
    }

    private static String opt(OptionalDouble d) {
      return d.isPresent() ? Numbers.plain(d.getAsDouble()) : "n/a";
    }
  }

  /**
   * The value of one indicator for one unit and period, with the counts behind it.
   *
   * @param indicator the indicator
   * @param value the rate (in [0, 1]) or count; empty when not applicable (zero denominator, or no
   *     case at all)
   * @param numerator the formula's numerator (weighted for satisfaction; the count itself for
   *     counts)
   * @param denominator the formula's denominator (1 for counts)
   */
  public record IndicatorValue(
      Indicator indicator, OptionalDouble value, double numerator, double denominator) {

    /** Checks for nulls. */
    public IndicatorValue {
      Objects.requireNonNull(indicator, "indicator");
      Objects.requireNonNull(value, "value");
    }

    /** Whether the indicator has a value. */
    public boolean isApplicable() {
      return value.isPresent();
    }

    /** {@code response_rate = 7 / 8 = 0.875} or {@code taken_on = 12} or {@code … = n/a}. */
    @Override
    public String toString() {
      String v = value.isPresent() ? Numbers.plain(value.getAsDouble()) : "n/a";
      if (indicator.type() == Indicator.Type.COUNT) {
        return indicator.key() + " = " + v;
      }
      return indicator.key()
          + " = "
          + Numbers.plain(numerator)
          + " / "
          + Numbers.plain(denominator)
          + " = "
          + v;
    }
  }

  /**
   * What last place brings over consecutive periods, after Tongcheng (docs/domain.md §6): the unit
   * last in a year's ranking is summoned for a talk (约谈); a unit last two periods running loses its
   * awards eligibility (取消评先评优资格).
   *
   * @param kind the kind of unit ranked
   * @param standings one entry per scorecard, in period order
   */
  public record Consequences(UnitKind kind, List<Standing> standings) {

    /** Copies the list. */
    public Consequences {
      Objects.requireNonNull(kind, "kind");
      standings = List.copyOf(standings);
    }

    /**
     * One period's consequences.
     *
     * @param period the period
     * @param summoned units in last place in this period
     * @param disqualified units in last place in this period and in the adjacent previous one
     */
    public record Standing(ScoringPeriod period, List<String> summoned, List<String> disqualified) {
      /** Copies the lists. */
      public Standing {
        Objects.requireNonNull(period, "period");
        summoned = List.copyOf(summoned);
        disqualified = List.copyOf(disqualified);
      }
    }

    /**
     * Works out the consequences of a series of rankings. Only adjacent periods (one ends the month
     * before the next starts) count as consecutive.
     *
     * @param cards scorecards of one kind and scheme, in increasing, non-overlapping period order
     * @return the consequences
     * @throws IllegalArgumentException when the cards mix kinds or schemes, or periods are out of
     *     order
     */
    public static Consequences of(List<Scorecard> cards) {
      if (cards.isEmpty()) {
        throw new IllegalArgumentException("no scorecards");
      }
      UnitKind kind = cards.get(0).kind();
      String scheme = cards.get(0).scheme().id();
      List<Standing> out = new ArrayList<>();
      Set<String> previousLast = Set.of();
      ScoringPeriod previous = null;
      for (Scorecard card : cards) {
        if (card.kind() != kind || !card.scheme().id().equals(scheme)) {
          throw new IllegalArgumentException(
              "scorecards mix kinds or schemes: " + cards.get(0) + " and " + card);
        }
        if (previous != null && !card.period().from().isAfter(previous.to())) {
          throw new IllegalArgumentException(
              "periods must increase without overlap: " + previous + " then " + card.period());
        }
        boolean adjacent =
            previous != null && previous.to().plusMonths(1).equals(card.period().from());
        List<String> last = card.lastPlace();
        List<String> twice = new ArrayList<>();
        if (adjacent) {
          for (String u : last) {
            if (previousLast.contains(u)) {
              twice.add(u);
            }
          }
        }
        out.add(new Standing(card.period(), last, twice));
        previousLast = new HashSet<>(last);
        previous = card.period();
      }
      return new Consequences(kind, out);
    }
  }
}
