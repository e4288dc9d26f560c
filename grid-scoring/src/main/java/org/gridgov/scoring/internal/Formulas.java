package org.gridgov.scoring.internal;

import org.gridgov.scoring.Count;
import org.gridgov.scoring.Indicator;
import org.gridgov.scoring.RatingWeights;

/**
 * The indicator formulas of {@link Indicator} over a count vector stored in an int array at an
 * offset (the aggregator's layout: one block of {@code Count.values().length} ints per unit). Every
 * rate is numerator / denominator with the numerator a subset of the denominator, so it lies in [0,
 * 1]; extra counts that a caller may supply inconsistently are clamped. Stateless.
 */
public final class Formulas {
  private static final int REPORTED = Count.REPORTED.ordinal();
  private static final int VALID_REPORTS = Count.VALID_REPORTS.ordinal();
  private static final int PUBLIC_REPORTS = Count.PUBLIC_REPORTS.ordinal();
  private static final int FILED = Count.FILED.ordinal();
  private static final int FILED_ON_TIME = Count.FILED_ON_TIME.ordinal();
  private static final int DISPATCHED = Count.DISPATCHED.ordinal();
  private static final int DISPATCHED_ON_TIME = Count.DISPATCHED_ON_TIME.ordinal();
  private static final int DISPATCHED_ACCURATELY = Count.DISPATCHED_ACCURATELY.ordinal();
  private static final int CHECKED = Count.CHECKED.ordinal();
  private static final int CHECKED_ON_TIME = Count.CHECKED_ON_TIME.ordinal();
  private static final int CLOSURES = Count.CLOSURES.ordinal();
  private static final int CLOSURES_ON_TIME = Count.CLOSURES_ON_TIME.ordinal();
  private static final int TAKEN_ON = Count.TAKEN_ON.ordinal();
  private static final int RESPONDED_ON_TIME = Count.RESPONDED_ON_TIME.ordinal();
  private static final int HANDLED_ON_TIME = Count.HANDLED_ON_TIME.ordinal();
  private static final int CLOSED = Count.CLOSED.ordinal();
  private static final int CLOSED_ON_TIME = Count.CLOSED_ON_TIME.ordinal();
  private static final int OVERDUE_OPEN = Count.OVERDUE_OPEN.ordinal();
  private static final int SUSPENDED_OVERDUE = Count.SUSPENDED_OVERDUE.ordinal();
  private static final int DEFERRED = Count.DEFERRED.ordinal();
  private static final int REWORKED = Count.REWORKED.ordinal();
  private static final int REWORKED_SUSPENDED = Count.REWORKED_SUSPENDED.ordinal();
  private static final int FOLLOW_UPS = Count.FOLLOW_UPS.ordinal();
  private static final int CONTACTED = Count.FOLLOW_UPS_CONTACTED.ordinal();
  private static final int RESOLVED = Count.FOLLOW_UPS_RESOLVED.ordinal();
  private static final int SATISFIED = Count.SATISFIED.ordinal();
  private static final int BASICALLY = Count.BASICALLY_SATISFIED.ordinal();
  private static final int DISSATISFIED = Count.DISSATISFIED.ordinal();
  private static final int WHISTLED = Count.WHISTLED.ordinal();
  private static final int REVERSE_GRADED = Count.REVERSE_GRADED.ordinal();
  private static final int REPEATED_REWORKS = Count.REPEATED_REWORKS.ordinal();
  private static final int REVERSE_GRADE_SUM = Count.REVERSE_GRADE_SUM.ordinal();
  private static final int MISSED = Count.MISSED_REPORTS.ordinal();
  private static final int VERIFICATION_TASKS = Count.VERIFICATION_TASKS.ordinal();
  private static final int VERIFIED_ON_TIME = Count.VERIFIED_ON_TIME.ordinal();
  private static final int INACCURATE_FILINGS = Count.INACCURATE_FILINGS.ordinal();
  private static final int INTAKES = Count.INTAKES.ordinal();
  private static final int VERIFY_REQUESTS = Count.VERIFY_REQUESTS.ordinal();
  private static final int VERIFY_REQUESTS_ON_TIME = Count.VERIFY_REQUESTS_ON_TIME.ordinal();
  private static final int CHECK_REQUESTS = Count.CHECK_REQUESTS.ordinal();
  private static final int CHECK_REQUESTS_ON_TIME = Count.CHECK_REQUESTS_ON_TIME.ordinal();

  /** Number of counts per unit block. */
  public static final int WIDTH = Count.values().length;

  private final int kappa;
  private final double ws;
  private final double wb;
  private final double wd;

  /**
   * Formulas under a scheme's parameters.
   *
   * @param countSuspendedWhenOverdue κ = 1 when suspended cases past their original limit are due
   * @param ratings the rating weights of satisfaction
   */
  public Formulas(boolean countSuspendedWhenOverdue, RatingWeights ratings) {
    this.kappa = countSuspendedWhenOverdue ? 1 : 0;
    this.ws = ratings.satisfied();
    this.wb = ratings.basicallySatisfied();
    this.wd = ratings.dissatisfied();
  }

  /**
   * The due-for-closure count D = C + O + κ·S_o.
   *
   * @param c the counts
   * @param b the unit's offset
   * @return D
   */
  public long due(int[] c, int b) {
    return (long) c[b + CLOSED] + c[b + OVERDUE_OPEN] + (long) kappa * c[b + SUSPENDED_OVERDUE];
  }

  /**
   * Whether a unit has any count at all; inactive units get no applicable indicator.
   *
   * @param c the counts
   * @param b the unit's offset
   * @return true when some count is non-zero
   */
  public static boolean active(int[] c, int b) {
    for (int i = 0; i < WIDTH; i++) {
      if (c[b + i] != 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * The numerator of an indicator (the value itself for counts).
   *
   * @param ind the indicator
   * @param c the counts
   * @param b the unit's offset
   * @return the numerator
   */
  public double numerator(Indicator ind, int[] c, int b) {
    return switch (ind) {
      case RESPONSE_RATE -> c[b + RESPONDED_ON_TIME];
      case CLOSING_RATE, CLOSED_COUNT -> c[b + CLOSED];
      case ON_TIME_HANDLING_RATE -> c[b + HANDLED_ON_TIME];
      case ON_TIME_CLOSING_RATE -> c[b + CLOSED_ON_TIME];
      case REWORK_RATE -> (double) c[b + REWORKED] + kappa * c[b + REWORKED_SUSPENDED];
      case OVERDUE_PENDING_RATE -> (double) c[b + OVERDUE_OPEN] + kappa * c[b + SUSPENDED_OVERDUE];
      case DEFERRAL_RATE -> c[b + DEFERRED];
      case SATISFACTION -> ws * c[b + SATISFIED] + wb * c[b + BASICALLY] + wd * c[b + DISSATISFIED];
      case REVERSE_EVALUATION -> c[b + REVERSE_GRADE_SUM] / 100.0;
      case HOTLINE_RESPONSE_RATE -> c[b + CONTACTED];
      case HOTLINE_RESOLUTION_RATE -> c[b + RESOLVED];
      case VALID_REPORT_RATE -> c[b + VALID_REPORTS];
      case MISSED_REPORT_RATE -> c[b + MISSED];
      case ON_TIME_VERIFICATION_RATE -> c[b + VERIFIED_ON_TIME];
      case ON_TIME_CHECK_RATE -> c[b + CHECKED_ON_TIME];
      case VERIFY_REQUEST_ON_TIME_RATE -> c[b + VERIFY_REQUESTS_ON_TIME];
      case CHECK_REQUEST_ON_TIME_RATE -> c[b + CHECK_REQUESTS_ON_TIME];
      case ON_TIME_FILING_RATE -> c[b + FILED_ON_TIME];
      case ACCURATE_FILING_RATE -> Math.max(0, c[b + FILED] - c[b + INACCURATE_FILINGS]);
      case ON_TIME_CLOSURE_RATE -> c[b + CLOSURES_ON_TIME];
      case ON_TIME_DISPATCH_RATE -> c[b + DISPATCHED_ON_TIME];
      case ACCURATE_DISPATCH_RATE -> c[b + DISPATCHED_ACCURATELY];
      case PUBLIC_REPORT_RATE -> c[b + PUBLIC_REPORTS];
      case TAKEN_ON -> c[b + TAKEN_ON];
      case DUE_FOR_CLOSURE -> due(c, b);
      case REPORTED_COUNT -> c[b + REPORTED];
      case FILED_COUNT -> c[b + FILED];
      case DISPATCH_COUNT -> c[b + DISPATCHED];
      case INTAKE_COUNT -> c[b + INTAKES];
      case OVERDUE_COUNT ->
          (double) Math.max(0, c[b + CLOSED] - c[b + HANDLED_ON_TIME])
              + c[b + OVERDUE_OPEN]
              + kappa * c[b + SUSPENDED_OVERDUE];
      case REPEATED_REWORK_COUNT -> c[b + REPEATED_REWORKS];
      case WHISTLED_COUNT -> c[b + WHISTLED];
    };
  }

  /**
   * The denominator of a rate; 1 for a count.
   *
   * @param ind the indicator
   * @param c the counts
   * @param b the unit's offset
   * @return the denominator; a rate with denominator 0 is not applicable
   */
  public double denominator(Indicator ind, int[] c, int b) {
    return switch (ind) {
      case RESPONSE_RATE, DEFERRAL_RATE -> c[b + TAKEN_ON];
      case CLOSING_RATE,
          ON_TIME_HANDLING_RATE,
          ON_TIME_CLOSING_RATE,
          REWORK_RATE,
          OVERDUE_PENDING_RATE ->
          due(c, b);
      case SATISFACTION, HOTLINE_RESPONSE_RATE, HOTLINE_RESOLUTION_RATE -> c[b + FOLLOW_UPS];
      case REVERSE_EVALUATION -> c[b + REVERSE_GRADED];
      case VALID_REPORT_RATE, PUBLIC_REPORT_RATE -> c[b + REPORTED];
      case MISSED_REPORT_RATE -> (double) c[b + REPORTED] + c[b + MISSED];
      case ON_TIME_VERIFICATION_RATE -> c[b + VERIFICATION_TASKS];
      case ON_TIME_CHECK_RATE -> c[b + CHECKED];
      case VERIFY_REQUEST_ON_TIME_RATE -> c[b + VERIFY_REQUESTS];
      case CHECK_REQUEST_ON_TIME_RATE -> c[b + CHECK_REQUESTS];
      case ON_TIME_FILING_RATE, ACCURATE_FILING_RATE -> c[b + FILED];
      case ON_TIME_DISPATCH_RATE, ACCURATE_DISPATCH_RATE -> c[b + DISPATCHED];
      case ON_TIME_CLOSURE_RATE -> c[b + CLOSURES];
      case TAKEN_ON,
          CLOSED_COUNT,
          DUE_FOR_CLOSURE,
          REPORTED_COUNT,
          FILED_COUNT,
          DISPATCH_COUNT,
          INTAKE_COUNT,
          OVERDUE_COUNT,
          REPEATED_REWORK_COUNT,
          WHISTLED_COUNT ->
          1;
    };
  }

  /**
   * The value of an indicator, or NaN when it is not applicable: a rate whose denominator is 0, or
   * any indicator of an inactive unit.
   *
   * @param ind the indicator
   * @param c the counts
   * @param b the unit's offset
   * @param active whether the unit has any count ({@link #active(int[], int)})
   * @return the value, a rate within [0, 1] or a count, or NaN
   */
  public double value(Indicator ind, int[] c, int b, boolean active) {
    if (!active) {
      return Double.NaN;
    }
    double den = denominator(ind, c, b);
    if (den == 0) {
      return Double.NaN;
    }
    double num = numerator(ind, c, b);
    if (ind.type() == Indicator.Type.COUNT) {
      return num;
    }
    // Only extra counts, which a caller may supply inconsistently, can leave [0, 1].
    return Math.min(1.0, Math.max(0.0, num / den));
  }
}
