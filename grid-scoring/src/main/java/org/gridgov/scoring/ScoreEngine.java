package org.gridgov.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.ToIntFunction;
import org.gridgov.scoring.CaseFacts.WorkerRole;
import org.gridgov.scoring.Scorecard.Explanation;
import org.gridgov.scoring.Scorecard.IndicatorValue;
import org.gridgov.scoring.ScoringScheme.CensoringRule;
import org.gridgov.scoring.ScoringScheme.Component;
import org.gridgov.scoring.ScoringScheme.Deduction;
import org.gridgov.scoring.ScoringScheme.NotApplicablePolicy;
import org.gridgov.scoring.ScoringScheme.Transform;
import org.gridgov.scoring.internal.Columns;
import org.gridgov.scoring.internal.Months;
import org.gridgov.scoring.internal.Numbers;
import org.gridgov.scoring.internal.Ranker;

/**
 * A scheme compiled to arrays: aggregates a period of a log into count blocks and turns each block
 * into a score, in the order documented on {@link ScoringScheme}. The fast path and {@link
 * Scorecard#explain} run the same {@link #evaluate} code, so an explanation always adds up to the
 * score. Immutable and thread-safe.
 */
final class ScoreEngine {
  private static final int WIDTH = Formulas.WIDTH;

  /** Marker of a unit without a score among the rounded scores. */
  static final long NO_SCORE = Long.MIN_VALUE;

  private static final int[] ROLE_MASKS = roleMasks();

  private final ScoringScheme scheme;
  private final Formulas formulas;
  private final Component[] components;
  private final CompiledTransform[] transforms;
  private final Deduction[] deductions;
  private final double totalWeight;

  ScoreEngine(ScoringScheme scheme) {
    this.scheme = scheme;
    this.formulas =
        new Formulas(
            scheme.censoring() == CensoringRule.COUNT_SUSPENDED_WHEN_OVERDUE,
            scheme.ratingWeights());
    this.components = scheme.components().toArray(new Component[0]);
    this.transforms = new CompiledTransform[components.length];
    for (int k = 0; k < components.length; k++) {
      transforms[k] = new CompiledTransform(components[k]);
    }
    this.deductions = scheme.deductions().toArray(new Deduction[0]);
    this.totalWeight = scheme.totalWeight();
  }

  ScoringScheme scheme() {
    return scheme;
  }

  Formulas formulas() {
    return formulas;
  }

  private static int[] roleMasks() {
    int[] masks = new int[WorkerRole.values().length];
    for (Count c : Count.values()) {
      if (c.type() == Count.Type.FLAG) {
        masks[c.role().ordinal()] |= 1 << c.ordinal();
      }
    }
    return masks;
  }

  /**
   * Aggregates the period's rows and extra counts, then scores every unit of the kind.
   *
   * @param scratch an aggregator sized for the log's units of the kind, reused across calls by one
   *     thread; ignored when extra counts add units the log does not know
   */
  ScoreTable score(
      CaseLog log, ScoringPeriod period, UnitKind kind, ExtraCounts extra, Aggregator scratch) {
    Columns c = log.columns();
    String[] known = c.names[kind.ordinal()];
    List<ExtraCounts.Entry> extras = extra.isEmpty() ? List.of() : extra.select(kind, period);
    Units units = Units.of(known, log.nameOrder(kind), extras, u -> log.ordinalOf(kind, u));
    Aggregator agg =
        units.names.length == known.length ? scratch : new Aggregator(units.names.length);
    int from = c.rowAt(Months.index(period.from()));
    int to = c.rowAt(Months.index(period.to()) + 1);
    if (kind == UnitKind.WORKER) {
      int[][] roleColumns = new int[WorkerRole.values().length][];
      for (WorkerRole r : WorkerRole.values()) {
        roleColumns[r.ordinal()] = c.units[CaseLog.slot(kind, r)];
      }
      agg.addRowsByRole(c, from, to, roleColumns, ROLE_MASKS, WorkerRole.RESPONSIBLE.ordinal());
    } else {
      agg.addRows(c, from, to, c.units[CaseLog.slot(kind, WorkerRole.RESPONSIBLE)]);
    }
    units.addExtras(agg, extras);
    return table(units.names, units.nameOrder, agg.compact());
  }

  /**
   * Sums a period of monthly counts and extra counts, then scores every unit: the same units, order
   * and aggregation as {@link #score(CaseLog, ScoringPeriod, UnitKind, ExtraCounts, Aggregator)}.
   */
  ScoreTable score(MonthlyCounts counts, ScoringPeriod period, ExtraCounts extra) {
    UnitKind kind = counts.kind();
    String[] known = counts.unitArray();
    List<ExtraCounts.Entry> extras = extra.isEmpty() ? List.of() : extra.select(kind, period);
    // The units are sorted by id, as a log's ordinals are: the name order is the identity.
    int[] identity = new int[known.length];
    for (int u = 0; u < known.length; u++) {
      identity[u] = u;
    }
    Units units =
        Units.of(known, identity, extras, u -> Math.max(-1, Arrays.binarySearch(known, u)));
    Aggregator agg = new Aggregator(units.names.length);
    for (int u = 0; u < known.length; u++) {
      counts.addInto(agg, u, period);
    }
    units.addExtras(agg, extras);
    return table(units.names, units.nameOrder, agg.compact());
  }

  /**
   * The units a table scores: those the cases know (their ordinals first), then the units only
   * extra counts name, in the order the extra counts first name them, with the name order ranking
   * uses. One definition for a log's and a monthly count's tables, so that both list and order the
   * same units.
   */
  private static final class Units {
    final String[] names;
    final int[] nameOrder;
    private final ToIntFunction<String> knownOrdinal;
    private final Map<String, Integer> added;

    private Units(
        String[] names,
        int[] nameOrder,
        ToIntFunction<String> knownOrdinal,
        Map<String, Integer> added) {
      this.names = names;
      this.nameOrder = nameOrder;
      this.knownOrdinal = knownOrdinal;
      this.added = added;
    }

    /**
     * The units of a period's table.
     *
     * @param known the known units, by ordinal
     * @param knownOrder their name order
     * @param extras the extra counts of the period
     * @param knownOrdinal a known unit's ordinal, negative for a unit the cases do not know
     */
    static Units of(
        String[] known,
        int[] knownOrder,
        List<ExtraCounts.Entry> extras,
        ToIntFunction<String> knownOrdinal) {
      Map<String, Integer> added = new LinkedHashMap<>();
      for (ExtraCounts.Entry e : extras) {
        if (knownOrdinal.applyAsInt(e.unit()) < 0) {
          added.putIfAbsent(e.unit(), known.length + added.size());
        }
      }
      if (added.isEmpty()) {
        return new Units(known, knownOrder, knownOrdinal, added);
      }
      String[] names = Arrays.copyOf(known, known.length + added.size());
      for (Map.Entry<String, Integer> a : added.entrySet()) {
        names[a.getValue()] = a.getKey();
      }
      return new Units(names, Ranker.byName(names), knownOrdinal, added);
    }

    /** Adds the extra counts to their units. */
    void addExtras(Aggregator agg, List<ExtraCounts.Entry> extras) {
      for (ExtraCounts.Entry e : extras) {
        int at = knownOrdinal.applyAsInt(e.unit());
        agg.add(at >= 0 ? at : added.get(e.unit()), e.count().ordinal(), e.value());
      }
    }
  }

  /** Scores count blocks already aggregated. */
  ScoreTable table(String[] names, int[] nameOrder, Aggregator.Blocks blocks) {
    int n = names.length;
    double[] totals = new double[n];
    long[] cents = new long[n];
    int[] c = blocks.blocks();
    for (int u = 0; u < n; u++) {
      boolean active = blocks.active(u);
      double t = active ? evaluate(c, blocks.base(u), true, null) : Double.NaN;
      totals[u] = t;
      cents[u] = Double.isNaN(t) ? NO_SCORE : Numbers.cents(t);
    }
    int[] rank = new int[n];
    int[] order = new int[n];
    int scored =
        Ranker.rank(
            totals,
            nameOrder,
            scheme.notApplicable() == NotApplicablePolicy.RANK_LAST,
            rank,
            order);
    return new ScoreTable(names, blocks, totals, cents, rank, order, scored);
  }

  /** Records the steps of {@link #evaluate} for an explanation. */
  static final class Trace {
    final List<Explanation.ComponentLine> components = new ArrayList<>();
    final List<Explanation.DeductionLine> deductions = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    double weightedSum;
    double renormalisation = 1.0;
    double deductionTotal;
    double unclamped = Double.NaN;
    double clamped = Double.NaN;
  }

  /**
   * The clamped, unrounded total of one unit, or NaN when it is not scored. See {@link
   * ScoringScheme} for the order of computation.
   *
   * @param c count blocks
   * @param b the unit's offset
   * @param active whether the unit has any count in the period
   * @param trace where to record the steps, or null on the fast path
   */
  double evaluate(int[] c, int b, boolean active, Trace trace) {
    if (!active) {
      if (trace != null) {
        trace.notes.add("no case and no count in the period: not applicable");
        for (Component k : components) {
          trace.components.add(line(k, indicatorValue(k.indicator(), c, b, false), null));
        }
      }
      return Double.NaN;
    }
    double sum = 0;
    double applied = 0;
    boolean missing = false;
    for (int j = 0; j < components.length; j++) {
      Component k = components[j];
      double v = formulas.value(k.indicator(), c, b, true);
      if (Double.isNaN(v)) {
        missing = true;
        if (trace != null) {
          trace.components.add(line(k, indicatorValue(k.indicator(), c, b, true), null));
        }
        continue;
      }
      double p = transforms[j].points(v);
      sum += p * k.weight();
      applied += k.weight();
      if (trace != null) {
        trace.components.add(
            line(
                k,
                indicatorValue(k.indicator(), c, b, true),
                new double[] {p, p * k.weight() / 100.0}));
      }
    }
    if (trace != null) {
      trace.weightedSum = sum / 100.0;
    }
    if (missing) {
      NotApplicablePolicy policy = scheme.notApplicable();
      if (policy != NotApplicablePolicy.RENORMALISE || applied == 0) {
        if (trace != null) {
          trace.notes.add(
              "a component is not applicable; policy "
                  + policy.key()
                  + (policy == NotApplicablePolicy.RENORMALISE
                      ? " has no applicable weight left"
                      : "")
                  + ": not scored");
        }
        return Double.NaN;
      }
      if (trace != null) {
        trace.renormalisation = totalWeight / applied;
        trace.notes.add(
            "weights of applicable components ("
                + Numbers.plain(applied)
                + ") scaled to "
                + Numbers.plain(totalWeight));
      }
    }
    // Weighted points P = (Σ p·w / Σ w) · W / 100: the weighted mean of the points scaled to the
    // scheme's total weight W. It equals Σ p·w / 100 when every component applies and renormalises
    // otherwise; scaling every weight by the same exact factor leaves the mean unchanged.
    double weighted = sum / applied * totalWeight / 100.0;
    double deducted = 0;
    for (Deduction d : deductions) {
      long count = (long) formulas.numerator(d.indicator(), c, b);
      double off = d.points(count);
      deducted += off;
      if (trace != null) {
        trace.deductions.add(
            new Explanation.DeductionLine(d.indicator(), count, d.pointsEach(), d.cap(), off));
      }
    }
    if (scheme.deductionCap().isPresent()) {
      double cap = scheme.deductionCap().getAsDouble();
      if (deducted > cap && trace != null) {
        trace.notes.add(
            "deductions " + Numbers.plain(deducted) + " capped at " + Numbers.plain(cap));
      }
      deducted = Math.min(cap, deducted);
    }
    double total = weighted - deducted;
    double clamped = Math.max(scheme.minScore(), Math.min(scheme.maxScore(), total));
    if (trace != null) {
      trace.deductionTotal = deducted;
      trace.unclamped = total;
      trace.clamped = clamped;
    }
    return clamped;
  }

  private static Explanation.ComponentLine line(Component k, IndicatorValue v, double[] pw) {
    return new Explanation.ComponentLine(
        k.indicator(),
        k.label().orElse(k.indicator().chinese()),
        v,
        describe(k.transform()),
        pw == null ? OptionalDouble.empty() : OptionalDouble.of(pw[0]),
        k.weight(),
        pw == null ? OptionalDouble.empty() : OptionalDouble.of(pw[1]));
  }

  private static String describe(Transform t) {
    if (t instanceof Transform.Target tg) {
      return "target "
          + Numbers.plain(tg.target())
          + " (−"
          + Numbers.plain(tg.penaltyPerPercentBelow())
          + "/pt)";
    }
    return t.key();
  }

  /** The value of an indicator with its numerator and denominator. */
  IndicatorValue indicatorValue(Indicator ind, int[] c, int b, boolean active) {
    double v = formulas.value(ind, c, b, active);
    return new IndicatorValue(
        ind,
        Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v),
        formulas.numerator(ind, c, b),
        formulas.denominator(ind, c, b));
  }

  /** The indicators a scorecard reports: components then deductions, each once. */
  List<Indicator> reportedIndicators() {
    List<Indicator> out = new ArrayList<>();
    for (Component k : components) {
      if (!out.contains(k.indicator())) {
        out.add(k.indicator());
      }
    }
    for (Deduction d : deductions) {
      if (!out.contains(d.indicator())) {
        out.add(d.indicator());
      }
    }
    return List.copyOf(out);
  }
}
