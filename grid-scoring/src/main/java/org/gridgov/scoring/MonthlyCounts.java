package org.gridgov.scoring;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectStreamException;
import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.gridgov.scoring.CaseFacts.WorkerRole;
import org.gridgov.scoring.Count.Counts;

/**
 * The counts of one kind of unit per unit and month, summed from cases (月度统计量): everything {@link
 * Scorer#score(MonthlyCounts, Scorer.Request)} needs to score exactly as {@link
 * Scorer#score(CaseLog, Scorer.Request)} scores the cases themselves. It is the mergeable partial
 * result of counting cases somewhere else — a Spark partition, a data warehouse, one file of many:
 * counts of disjoint sets of cases {@link #plus add up}, whatever the order, to the counts of all
 * of them.
 *
 * <p>It holds, besides the counts, what a {@link CaseLog} knows beyond them: the as-of instant the
 * facts were taken at, every unit of the kind some case names (in any role, for workers) or that
 * was declared — those are listed, as not applicable, in periods where they have no count — and how
 * many cases were reported each month (for {@link #span()}).
 *
 * <p>Immutable, thread-safe and serializable (a versioned serial form of flat arrays).
 */
public final class MonthlyCounts implements Serializable {
  @Serial private static final long serialVersionUID = 1L;

  private static final int WIDTH = Formulas.WIDTH;

  private final UnitKind kind;
  private final Instant asOf;
  private final String[] units; // sorted by id, distinct
  private final List<NavigableMap<YearMonth, int[]>> counts; // per unit, months with a count
  private final NavigableMap<YearMonth, Long> cases;

  private MonthlyCounts(
      UnitKind kind,
      Instant asOf,
      String[] units,
      List<NavigableMap<YearMonth, int[]>> counts,
      NavigableMap<YearMonth, Long> cases) {
    this.kind = kind;
    this.asOf = asOf;
    this.units = units;
    this.counts = counts;
    this.cases = cases;
  }

  /**
   * Starts empty counts.
   *
   * @param kind the kind of unit counted
   * @param asOf the instant the cases' facts were taken at (the {@link CaseLog#asOf()} they would
   *     have in a log)
   * @return a builder
   */
  public static Builder builder(UnitKind kind, Instant asOf) {
    return new Builder(kind, asOf);
  }

  /**
   * The counts of a log: its units of the kind, declared or named, and every row's contributions.
   * Scoring them gives the scorecards of scoring the log.
   *
   * @param log the log
   * @param kind the kind of unit
   * @return the counts
   */
  public static MonthlyCounts of(CaseLog log, UnitKind kind) {
    Builder b = builder(kind, log.asOf());
    log.units(kind).forEach(b::declare);
    log.facts().forEach(b::add);
    return b.build();
  }

  /** The kind of unit counted. */
  public UnitKind kind() {
    return kind;
  }

  /** The instant the cases' facts were taken at; the scorecards' as-of instant. */
  public Instant asOf() {
    return asOf;
  }

  /** The units known, sorted by id: named by some case or declared, with or without counts. */
  public List<String> units() {
    return List.of(units);
  }

  /** The number of cases counted, whether or not they name a unit of the kind. */
  public long cases() {
    long n = 0;
    for (long v : cases.values()) {
      n += v;
    }
    return n;
  }

  /** The number of cases reported each month, for the months with a case. */
  public SortedMap<YearMonth, Long> casesByMonth() {
    return cases;
  }

  /**
   * The number of cases reported in the months of a period.
   *
   * @param period the period
   * @return the number of cases
   */
  public long cases(ScoringPeriod period) {
    long n = 0;
    for (long v : cases.subMap(period.from(), true, period.to(), true).values()) {
      n += v;
    }
    return n;
  }

  /**
   * The months from the first to the last month with a case, or empty when no case was counted; as
   * {@link CaseLog#span()}.
   */
  public Optional<ScoringPeriod> span() {
    if (cases.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ScoringPeriod(cases.firstKey(), cases.lastKey()));
  }

  /**
   * A unit's counts summed over the months of a period.
   *
   * @param unit the unit id
   * @param period the period
   * @return the counts, zero when the unit is unknown or had no count in the period
   */
  public Counts counts(String unit, ScoringPeriod period) {
    int u = Arrays.binarySearch(units, unit);
    if (u < 0) {
      return Counts.zero();
    }
    int[] sum = new int[WIDTH];
    for (int[] v : counts.get(u).subMap(period.from(), true, period.to(), true).values()) {
      for (int c = 0; c < WIDTH; c++) {
        sum[c] = Math.addExact(sum[c], v[c]);
      }
    }
    return Counts.wrap(sum);
  }

  /**
   * These counts and the counts of other cases, as if counted together.
   *
   * @param other counts of other cases, of the same kind and as-of instant
   * @return the sum
   * @throws IllegalArgumentException when the kinds or as-of instants differ
   * @throws ArithmeticException when a count overflows an int
   */
  public MonthlyCounts plus(MonthlyCounts other) {
    return builder(kind, asOf).add(this).add(other).build();
  }

  /** Adds this unit's counts in the period's months into an aggregator's unit. */
  void addInto(Aggregator agg, int unit, ScoringPeriod period) {
    for (int[] v : counts.get(unit).subMap(period.from(), true, period.to(), true).values()) {
      for (int c = 0; c < WIDTH; c++) {
        agg.add(unit, c, v[c]);
      }
    }
  }

  /** The unit ids as an array, sorted; not to be changed. */
  String[] unitArray() {
    return units;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof MonthlyCounts m)
        || kind != m.kind
        || !asOf.equals(m.asOf)
        || !Arrays.equals(units, m.units)
        || !cases.equals(m.cases)) {
      return false;
    }
    for (int u = 0; u < units.length; u++) {
      NavigableMap<YearMonth, int[]> a = counts.get(u);
      NavigableMap<YearMonth, int[]> b = m.counts.get(u);
      if (!a.keySet().equals(b.keySet())) {
        return false;
      }
      for (Map.Entry<YearMonth, int[]> e : a.entrySet()) {
        if (!Arrays.equals(e.getValue(), b.get(e.getKey()))) {
          return false;
        }
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = Objects.hash(kind, asOf, cases) * 31 + Arrays.hashCode(units);
    for (NavigableMap<YearMonth, int[]> m : counts) {
      for (Map.Entry<YearMonth, int[]> e : m.entrySet()) {
        h = h * 31 + e.getKey().hashCode() * 17 + Arrays.hashCode(e.getValue());
      }
    }
    return h;
  }

  @Override
  public String toString() {
    return "MonthlyCounts["
        + kind.key()
        + ", "
        + units.length
        + " units, "
        + cases()
        + " cases"
        + span().map(s -> ", " + s).orElse("")
        + ", as of "
        + asOf
        + "]";
  }

  /**
   * Accumulates counts from cases, from counts, or from other {@link MonthlyCounts}. Not
   * thread-safe; use one builder per thread (or partition) and add the results.
   */
  public static final class Builder {
    private final UnitKind kind;
    private final Instant asOf;
    private final TreeMap<String, TreeMap<YearMonth, int[]>> byUnit = new TreeMap<>();
    private final TreeMap<YearMonth, Long> cases = new TreeMap<>();

    private Builder(UnitKind kind, Instant asOf) {
      this.kind = Objects.requireNonNull(kind, "kind");
      this.asOf = Objects.requireNonNull(asOf, "asOf");
    }

    /**
     * Declares a unit so that it is listed even when no case names it ({@link
     * CaseLog.Builder#declare}).
     *
     * @param unit the unit id
     * @return this builder
     */
    public Builder declare(String unit) {
      byUnit.computeIfAbsent(Objects.requireNonNull(unit, "unit"), k -> new TreeMap<>());
      return this;
    }

    /**
     * Counts one case: one case reported in its month, every unit of the kind it names declared
     * (for workers, the worker of every role), and its {@link CaseFacts#contributions(UnitKind)}
     * added.
     *
     * @param f the case's facts, taken at this builder's as-of instant
     * @return this builder
     */
    public Builder add(CaseFacts f) {
      addCases(f.month(), 1);
      if (kind == UnitKind.WORKER) {
        for (WorkerRole r : WorkerRole.values()) {
          f.unit(kind, r).ifPresent(this::declare);
        }
      } else {
        f.unit(kind).ifPresent(this::declare);
      }
      for (Map.Entry<String, Counts> e : f.contributions(kind).entrySet()) {
        add(e.getKey(), f.month(), e.getValue());
      }
      return this;
    }

    /**
     * Adds counts of a unit in a month, declaring the unit.
     *
     * @param unit the unit id
     * @param month the month
     * @param value the counts
     * @return this builder
     * @throws ArithmeticException when a count overflows an int
     */
    public Builder add(String unit, YearMonth month, Counts value) {
      Objects.requireNonNull(month, "month");
      declare(unit);
      if (value.isEmpty()) {
        return this;
      }
      int[] into = byUnit.get(unit).computeIfAbsent(month, m -> new int[WIDTH]);
      for (Count c : Count.values()) {
        int v = value.get(c);
        if (v != 0) {
          into[c.ordinal()] = Math.addExact(into[c.ordinal()], v);
        }
      }
      return this;
    }

    /**
     * Adds reported cases to a month without counts (cases that name no unit of the kind still make
     * the month part of {@link MonthlyCounts#span()}).
     *
     * @param month the month
     * @param n the number of cases, not negative
     * @return this builder
     */
    public Builder addCases(YearMonth month, long n) {
      Objects.requireNonNull(month, "month");
      if (n < 0) {
        throw new IllegalArgumentException("cases cannot be negative: " + n);
      }
      if (n > 0) {
        cases.merge(month, n, Math::addExact);
      }
      return this;
    }

    /**
     * Adds counts of other cases.
     *
     * @param other counts of the same kind and as-of instant
     * @return this builder
     * @throws IllegalArgumentException when the kinds or as-of instants differ
     */
    public Builder add(MonthlyCounts other) {
      if (other.kind != kind || !other.asOf.equals(asOf)) {
        throw new IllegalArgumentException(
            "cannot add counts of "
                + other.kind.key()
                + " as of "
                + other.asOf
                + " to counts of "
                + kind.key()
                + " as of "
                + asOf);
      }
      other.cases.forEach(this::addCases);
      for (int u = 0; u < other.units.length; u++) {
        declare(other.units[u]);
        TreeMap<YearMonth, int[]> mine = byUnit.get(other.units[u]);
        for (Map.Entry<YearMonth, int[]> e : other.counts.get(u).entrySet()) {
          int[] into = mine.computeIfAbsent(e.getKey(), m -> new int[WIDTH]);
          int[] v = e.getValue();
          for (int c = 0; c < WIDTH; c++) {
            into[c] = Math.addExact(into[c], v[c]);
          }
        }
      }
      return this;
    }

    /** The counts added so far. */
    public MonthlyCounts build() {
      String[] names = byUnit.keySet().toArray(new String[0]);
      List<NavigableMap<YearMonth, int[]>> per = new ArrayList<>(names.length);
      for (TreeMap<YearMonth, int[]> m : byUnit.values()) {
        TreeMap<YearMonth, int[]> copy = new TreeMap<>();
        m.forEach((k, v) -> copy.put(k, v.clone()));
        per.add(Collections.unmodifiableNavigableMap(copy));
      }
      return new MonthlyCounts(
          kind,
          asOf,
          names,
          List.copyOf(per),
          Collections.unmodifiableNavigableMap(new TreeMap<>(cases)));
    }
  }

  // ------------------------------------------------------------------ serial form

  private Object writeReplace() {
    int entries = 0;
    for (NavigableMap<YearMonth, int[]> m : counts) {
      entries += m.size();
    }
    int[] unitOf = new int[entries];
    int[] monthOf = new int[entries];
    int[] values = new int[entries * WIDTH];
    int e = 0;
    for (int u = 0; u < units.length; u++) {
      for (Map.Entry<YearMonth, int[]> x : counts.get(u).entrySet()) {
        unitOf[e] = u;
        monthOf[e] = monthIndex(x.getKey());
        System.arraycopy(x.getValue(), 0, values, e * WIDTH, WIDTH);
        e++;
      }
    }
    int[] caseMonths = new int[cases.size()];
    long[] caseCounts = new long[cases.size()];
    int k = 0;
    for (Map.Entry<YearMonth, Long> x : cases.entrySet()) {
      caseMonths[k] = monthIndex(x.getKey());
      caseCounts[k++] = x.getValue();
    }
    return new SerialForm(
        kind.ordinal(),
        asOf.getEpochSecond(),
        asOf.getNano(),
        units.clone(),
        unitOf,
        monthOf,
        values,
        caseMonths,
        caseCounts);
  }

  private void readObject(ObjectInputStream in) throws InvalidObjectException {
    throw new InvalidObjectException("MonthlyCounts are read through their serial form");
  }

  private static int monthIndex(YearMonth m) {
    return m.getYear() * 12 + m.getMonthValue() - 1;
  }

  private static YearMonth month(int index) {
    return YearMonth.of(Math.floorDiv(index, 12), Math.floorMod(index, 12) + 1);
  }

  /**
   * The serial form: a format version, the kind, the as-of instant, the unit ids, one (unit, month,
   * {@link Count} values) entry per unit and month with a count, and the cases per month. The count
   * width is written so that a stream from a build with other counts is refused, not misread.
   */
  private static final class SerialForm implements Serializable {
    @Serial private static final long serialVersionUID = 1L;
    private static final int VERSION = 1;

    private final int version = VERSION;
    private final int width = WIDTH;
    private final int kind;
    private final long asOfSeconds;
    private final int asOfNanos;
    private final String[] units;
    private final int[] unitOf;
    private final int[] monthOf;
    private final int[] values;
    private final int[] caseMonths;
    private final long[] caseCounts;

    SerialForm(
        int kind,
        long asOfSeconds,
        int asOfNanos,
        String[] units,
        int[] unitOf,
        int[] monthOf,
        int[] values,
        int[] caseMonths,
        long[] caseCounts) {
      this.kind = kind;
      this.asOfSeconds = asOfSeconds;
      this.asOfNanos = asOfNanos;
      this.units = units;
      this.unitOf = unitOf;
      this.monthOf = monthOf;
      this.values = values;
      this.caseMonths = caseMonths;
      this.caseCounts = caseCounts;
    }

    @Serial
    private Object readResolve() throws ObjectStreamException {
      if (version != VERSION) {
        throw new InvalidObjectException("unknown MonthlyCounts serial form version " + version);
      }
      if (width != WIDTH) {
        throw new InvalidObjectException(
            "MonthlyCounts written with " + width + " counts, this build has " + WIDTH);
      }
      try {
        Builder b = builder(UnitKind.values()[kind], Instant.ofEpochSecond(asOfSeconds, asOfNanos));
        for (String u : units) {
          b.declare(u);
        }
        Count[] all = Count.values();
        for (int e = 0; e < unitOf.length; e++) {
          Counts.Builder c = Counts.builder();
          for (int x = 0; x < WIDTH; x++) {
            c.add(all[x], values[e * WIDTH + x]);
          }
          b.add(units[unitOf[e]], month(monthOf[e]), c.build());
        }
        for (int k = 0; k < caseMonths.length; k++) {
          b.addCases(month(caseMonths[k]), caseCounts[k]);
        }
        return b.build();
      } catch (RuntimeException e) {
        InvalidObjectException bad = new InvalidObjectException("bad MonthlyCounts: " + e);
        bad.initCause(e);
        throw bad;
      }
    }
  }
}
