package org.gridgov.scoring;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gridgov.scoring.CaseFacts.WorkerRole;
import org.gridgov.scoring.internal.EnumKeys;

/**
 * A counter that indicators are computed from (统计量). Counts are summed per unit and month in one
 * pass over the case log; every {@link Indicator} is a formula over counts, so the same formula
 * serves a month, a year (counts of twelve months added, never an average of monthly rates) and
 * pre-aggregated counts a caller supplies.
 *
 * <p>{@link Type#FLAG} counts add one per case that has the property (see {@link CaseFacts});
 * {@link Type#SUM} counts add a per-case quantity; {@link Type#EXTRA} counts are facts the case
 * record does not carry (missed reports, intake calls, verification tasks), supplied through {@link
 * ExtraCounts}. Flags are kept so that every rate's numerator is a subset of its denominator (for
 * example {@link #CLOSED_ON_TIME} implies {@link #HANDLED_ON_TIME} implies {@link #CLOSED}), which
 * keeps every rate within [0, 1].
 */
public enum Count {
  /** Cases reported (上报数). */
  REPORTED(Type.FLAG, WorkerRole.REPORTER),
  /** Reported cases that were filed, i.e. valid reports (有效上报数). */
  VALID_REPORTS(Type.FLAG, WorkerRole.REPORTER),
  /** Reported cases that came from the public rather than from inspectors (公众举报数). */
  PUBLIC_REPORTS(Type.FLAG, WorkerRole.REPORTER),
  /** Cases filed (立案数). */
  FILED(Type.FLAG, WorkerRole.FILER),
  /** Cases filed within the filing time limit after being reported (按时立案数). */
  FILED_ON_TIME(Type.FLAG, WorkerRole.FILER),
  /** Cases dispatched (派遣数). */
  DISPATCHED(Type.FLAG, WorkerRole.DISPATCHER),
  /** Cases dispatched within the dispatch time limit after filing (按时派遣数). */
  DISPATCHED_ON_TIME(Type.FLAG, WorkerRole.DISPATCHER),
  /** Dispatched cases never returned by the receiving unit as wrongly dispatched (准确派遣数). */
  DISPATCHED_ACCURATELY(Type.FLAG, WorkerRole.DISPATCHER),
  /** Cases whose handling result was checked (核查数). */
  CHECKED(Type.FLAG, WorkerRole.CHECKER),
  /** Checks done within the check time limit after the feedback (按时核查数). */
  CHECKED_ON_TIME(Type.FLAG, WorkerRole.CHECKER),
  /** Cases closed by the worker (结案操作数). */
  CLOSURES(Type.FLAG, WorkerRole.CLOSER),
  /** Closures within the closing time limit after the verification (按时结案操作数). */
  CLOSURES_ON_TIME(Type.FLAG, WorkerRole.CLOSER),
  /** Cases taken on, i.e. dispatched to the unit (承办量). */
  TAKEN_ON(Type.FLAG, WorkerRole.RESPONSIBLE),
  /** Cases accepted within the response time limit after dispatch (按时响应数). */
  RESPONDED_ON_TIME(Type.FLAG, WorkerRole.RESPONSIBLE),
  /** Closed cases whose final handling feedback came within the time limit (按期处置数). */
  HANDLED_ON_TIME(Type.FLAG, WorkerRole.RESPONSIBLE),
  /** Cases closed by the as-of instant (结案数). */
  CLOSED(Type.FLAG, WorkerRole.RESPONSIBLE),
  /** Cases closed within the time limit (按期结案数). */
  CLOSED_ON_TIME(Type.FLAG, WorkerRole.RESPONSIBLE),
  /** Open, not suspended, past the time limit at the as-of instant (超期未结数). */
  OVERDUE_OPEN(Type.FLAG, WorkerRole.RESPONSIBLE),
  /** Open and suspended or deferred at the as-of instant (缓办/挂账/延期中). */
  SUSPENDED_OPEN(Type.FLAG, WorkerRole.RESPONSIBLE),
  /** Suspended open cases whose original, unpaused time limit has passed. */
  SUSPENDED_OVERDUE(Type.FLAG, WorkerRole.RESPONSIBLE),
  /** Cases suspended or deferred at least once (缓办数). */
  DEFERRED(Type.FLAG, WorkerRole.RESPONSIBLE),
  /** Closed or overdue-open cases sent back at verification at least once (返工数). */
  REWORKED(Type.FLAG, WorkerRole.RESPONSIBLE),
  /**
   * Suspended-overdue cases sent back at least once (counted only when the censoring rule does).
   */
  REWORKED_SUSPENDED(Type.FLAG, WorkerRole.RESPONSIBLE),
  /** Valid follow-up visits (有效回访数): the public was reached and answered. */
  FOLLOW_UPS(Type.FLAG, WorkerRole.RESPONSIBLE),
  /** Valid follow-ups where the handling unit had contacted the citizen (联系数). */
  FOLLOW_UPS_CONTACTED(Type.FLAG, WorkerRole.RESPONSIBLE),
  /** Valid follow-ups where the matter was resolved (解决数). */
  FOLLOW_UPS_RESOLVED(Type.FLAG, WorkerRole.RESPONSIBLE),
  /** Valid follow-ups rated satisfied (满意). */
  SATISFIED(Type.FLAG, WorkerRole.RESPONSIBLE),
  /** Valid follow-ups rated basically satisfied (基本满意). */
  BASICALLY_SATISFIED(Type.FLAG, WorkerRole.RESPONSIBLE),
  /** Valid follow-ups rated dissatisfied (不满意). */
  DISSATISFIED(Type.FLAG, WorkerRole.RESPONSIBLE),
  /** Cases the unit was whistled for (吹哨报到): escalated to it by a street or town. */
  WHISTLED(Type.FLAG, WorkerRole.RESPONSIBLE),
  /** Whistled cases the whistling street graded (反向考核评分数). */
  REVERSE_GRADED(Type.FLAG, WorkerRole.RESPONSIBLE),
  /** Sum over cases of sends-back beyond the first, {@code max(0, reworks - 1)} (重复返工次数). */
  REPEATED_REWORKS(Type.SUM, WorkerRole.RESPONSIBLE),
  /** Sum of reverse-evaluation grades, each 0..100 (反向考核得分合计). */
  REVERSE_GRADE_SUM(Type.SUM, WorkerRole.RESPONSIBLE),
  /** Problems the inspector should have reported but others found first (漏报数); extra input. */
  MISSED_REPORTS(Type.EXTRA, WorkerRole.REPORTER),
  /** Verification tasks sent to the inspector (核实任务数); extra input. */
  VERIFICATION_TASKS(Type.EXTRA, WorkerRole.REPORTER),
  /** Verification tasks done within their time limit (按时核实数); extra input. */
  VERIFIED_ON_TIME(Type.EXTRA, WorkerRole.REPORTER),
  /** Filings later found wrong: wrong class, duplicate, outside scope (立案不准确数); extra input. */
  INACCURATE_FILINGS(Type.EXTRA, WorkerRole.FILER),
  /** Reports taken in by an intake clerk (受理数); extra input. */
  INTAKES(Type.EXTRA, WorkerRole.RESPONSIBLE),
  /** Verification requests an intake clerk sent to inspectors (核实派发数); extra input. */
  VERIFY_REQUESTS(Type.EXTRA, WorkerRole.RESPONSIBLE),
  /** Verification requests sent within their time limit (按时核实派发数); extra input. */
  VERIFY_REQUESTS_ON_TIME(Type.EXTRA, WorkerRole.RESPONSIBLE),
  /** Check requests an intake clerk sent to inspectors (核查派发数); extra input. */
  CHECK_REQUESTS(Type.EXTRA, WorkerRole.RESPONSIBLE),
  /** Check requests sent within their time limit (按时核查派发数); extra input. */
  CHECK_REQUESTS_ON_TIME(Type.EXTRA, WorkerRole.RESPONSIBLE),
  /**
   * Coloured elements under a control plan, every colour (三色标注要素数); extra input from grid-risk's
   * compliance report (docs/risk.md, "Compliance").
   */
  RISK_ELEMENTS(Type.EXTRA, WorkerRole.RESPONSIBLE),
  /** Coloured elements whose visit is not overdue (在控要素数), every colour; extra input. */
  RISK_IN_CONTROL(Type.EXTRA, WorkerRole.RESPONSIBLE),
  /** Red elements under a control plan (红色要素数); extra input. */
  RISK_ELEMENTS_RED(Type.EXTRA, WorkerRole.RESPONSIBLE),
  /** Red elements whose visit is not overdue; extra input. */
  RISK_IN_CONTROL_RED(Type.EXTRA, WorkerRole.RESPONSIBLE),
  /** Orange elements under a control plan (four-colour schemes); extra input. */
  RISK_ELEMENTS_ORANGE(Type.EXTRA, WorkerRole.RESPONSIBLE),
  /** Orange elements whose visit is not overdue; extra input. */
  RISK_IN_CONTROL_ORANGE(Type.EXTRA, WorkerRole.RESPONSIBLE),
  /** Yellow elements under a control plan (黄色要素数); extra input. */
  RISK_ELEMENTS_YELLOW(Type.EXTRA, WorkerRole.RESPONSIBLE),
  /** Yellow elements whose visit is not overdue; extra input. */
  RISK_IN_CONTROL_YELLOW(Type.EXTRA, WorkerRole.RESPONSIBLE),
  /** Blue elements under a control plan (蓝色要素数); extra input. */
  RISK_ELEMENTS_BLUE(Type.EXTRA, WorkerRole.RESPONSIBLE),
  /** Blue elements whose visit is not overdue; extra input. */
  RISK_IN_CONTROL_BLUE(Type.EXTRA, WorkerRole.RESPONSIBLE),
  /** Visit findings without feedback within the plan's deadline (未按时反馈发现数); extra input. */
  RISK_UNANSWERED_FINDINGS(Type.EXTRA, WorkerRole.RESPONSIBLE);

  /** How a count is obtained. */
  public enum Type {
    /** One per case that has the property; derived from the case and its trail. */
    FLAG,
    /** A per-case quantity summed; derived from the case and its trail. */
    SUM,
    /** Not in the case record; supplied by the caller as {@link ExtraCounts}. */
    EXTRA
  }

  private static final Count[] VALUES = values();

  private final Type type;
  private final WorkerRole role;

  Count(Type type, WorkerRole role) {
    this.type = type;
    this.role = role;
  }

  /** How the count is obtained. */
  public Type type() {
    return type;
  }

  /** The worker role the count is attributed to when scoring by {@link UnitKind#WORKER}. */
  public WorkerRole role() {
    return role;
  }

  /** The key used in JSON and CSV, e.g. {@code closed_on_time}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Looks up a count by its {@link #key()} or constant name.
   *
   * @param key the key
   * @return the count, or empty
   */
  public static Optional<Count> byKey(String key) {
    return EnumKeys.find(VALUES, Count::key, key);
  }

  /** The number of counts. */
  static int size() {
    return VALUES.length;
  }

  /**
   * An immutable vector of {@link Count} values for one unit and period: the numbers every
   * indicator of that unit is computed from. Counts from months add up to the counts of a longer
   * period with {@link #plus(Counts)}; rates are only ever computed from the added counts.
   *
   * <p>Thread-safe and immutable.
   */
  public static final class Counts {
    private static final Counts ZERO = new Counts(new int[Count.size()]);

    private final int[] values;

    private Counts(int[] values) {
      this.values = values;
    }

    /** All counts zero. */
    public static Counts zero() {
      return ZERO;
    }

    /**
     * Counts from a map; absent counts are zero.
     *
     * @param values count values, each non-negative
     * @return the counts
     */
    public static Counts of(Map<Count, Integer> values) {
      Builder b = builder();
      values.forEach(b::add);
      return b.build();
    }

    /** A builder starting from zero. */
    public static Builder builder() {
      return new Builder();
    }

    /**
     * Wraps an array indexed by {@link Count#ordinal()} without copying; for the aggregator.
     *
     * @param values the values; the caller must not change them afterwards
     * @return the counts
     */
    static Counts wrap(int[] values) {
      return new Counts(values);
    }

    /**
     * The value of one count.
     *
     * @param count the count
     * @return its value, zero when never added
     */
    public int get(Count count) {
      return values[count.ordinal()];
    }

    /** Whether every count is zero: the unit had no case and no extra count in the period. */
    public boolean isEmpty() {
      for (int v : values) {
        if (v != 0) {
          return false;
        }
      }
      return true;
    }

    /**
     * The sum of these counts and others.
     *
     * @param other the other counts
     * @return a new vector with each count added
     * @throws ArithmeticException when a sum overflows an int
     */
    public Counts plus(Counts other) {
      int[] sum = values.clone();
      for (int i = 0; i < sum.length; i++) {
        sum[i] = Math.addExact(sum[i], other.values[i]);
      }
      return new Counts(sum);
    }

    /** The non-zero counts, in {@link Count} order. */
    public Map<Count, Integer> asMap() {
      Map<Count, Integer> map = new EnumMap<>(Count.class);
      for (Count c : Count.values()) {
        if (values[c.ordinal()] != 0) {
          map.put(c, values[c.ordinal()]);
        }
      }
      return map;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Counts other && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
      return asMap().toString();
    }

    /** Accumulates counts. Not thread-safe. */
    public static final class Builder {
      private final int[] values = new int[Count.size()];

      private Builder() {}

      /**
       * Adds to one count.
       *
       * @param count the count
       * @param amount a non-negative amount
       * @return this builder
       */
      public Builder add(Count count, int amount) {
        if (amount < 0) {
          throw new IllegalArgumentException(
              "count " + count.key() + " cannot be negative: " + amount);
        }
        values[count.ordinal()] = Math.addExact(values[count.ordinal()], amount);
        return this;
      }

      /**
       * Adds other counts.
       *
       * @param other the counts to add
       * @return this builder
       */
      public Builder add(Counts other) {
        for (int i = 0; i < values.length; i++) {
          values[i] = Math.addExact(values[i], other.values[i]);
        }
        return this;
      }

      /** The counts accumulated so far. */
      public Counts build() {
        return new Counts(values.clone());
      }
    }
  }
}
