package org.gridgov.scoring;

import static org.gridgov.scoring.Count.BASICALLY_SATISFIED;
import static org.gridgov.scoring.Count.CHECKED;
import static org.gridgov.scoring.Count.CHECKED_ON_TIME;
import static org.gridgov.scoring.Count.CHECK_REQUESTS;
import static org.gridgov.scoring.Count.CHECK_REQUESTS_ON_TIME;
import static org.gridgov.scoring.Count.CLOSED;
import static org.gridgov.scoring.Count.CLOSED_ON_TIME;
import static org.gridgov.scoring.Count.CLOSURES;
import static org.gridgov.scoring.Count.CLOSURES_ON_TIME;
import static org.gridgov.scoring.Count.DEFERRED;
import static org.gridgov.scoring.Count.DISPATCHED;
import static org.gridgov.scoring.Count.DISPATCHED_ACCURATELY;
import static org.gridgov.scoring.Count.DISPATCHED_ON_TIME;
import static org.gridgov.scoring.Count.DISSATISFIED;
import static org.gridgov.scoring.Count.FILED;
import static org.gridgov.scoring.Count.FILED_ON_TIME;
import static org.gridgov.scoring.Count.FOLLOW_UPS;
import static org.gridgov.scoring.Count.FOLLOW_UPS_CONTACTED;
import static org.gridgov.scoring.Count.FOLLOW_UPS_RESOLVED;
import static org.gridgov.scoring.Count.HANDLED_ON_TIME;
import static org.gridgov.scoring.Count.INACCURATE_FILINGS;
import static org.gridgov.scoring.Count.INTAKES;
import static org.gridgov.scoring.Count.MISSED_REPORTS;
import static org.gridgov.scoring.Count.OVERDUE_OPEN;
import static org.gridgov.scoring.Count.PUBLIC_REPORTS;
import static org.gridgov.scoring.Count.REPEATED_REWORKS;
import static org.gridgov.scoring.Count.REPORTED;
import static org.gridgov.scoring.Count.RESPONDED_ON_TIME;
import static org.gridgov.scoring.Count.REVERSE_GRADED;
import static org.gridgov.scoring.Count.REVERSE_GRADE_SUM;
import static org.gridgov.scoring.Count.REWORKED;
import static org.gridgov.scoring.Count.REWORKED_SUSPENDED;
import static org.gridgov.scoring.Count.SATISFIED;
import static org.gridgov.scoring.Count.SUSPENDED_OVERDUE;
import static org.gridgov.scoring.Count.TAKEN_ON;
import static org.gridgov.scoring.Count.VALID_REPORTS;
import static org.gridgov.scoring.Count.VERIFICATION_TASKS;
import static org.gridgov.scoring.Count.VERIFIED_ON_TIME;
import static org.gridgov.scoring.Count.VERIFY_REQUESTS;
import static org.gridgov.scoring.Count.VERIFY_REQUESTS_ON_TIME;
import static org.gridgov.scoring.Count.WHISTLED;

import org.gridgov.scoring.ScoringScheme.RatingWeights;

/**
 * The indicator formulas of {@link Indicator} over a count vector stored in an int array at an
 * offset (one block of {@link #WIDTH} ints per unit). Every formula is a ratio of two weighted sums
 * of counts, so each indicator compiles to a plan of at most four numerator and three denominator
 * terms, evaluated without branching on the indicator; rates are clamped to [0, 1] and numerators
 * to ≥ 0, which only matters for extra counts a caller supplies inconsistently (facts derived from
 * cases keep every numerator within its denominator). Immutable and thread-safe.
 */
final class Formulas {
  /** Number of counts per unit block. */
  public static final int WIDTH = Count.values().length;

  private static final int NUM_TERMS = 4;
  private static final int DEN_TERMS = 3;
  private static final Indicator[] INDICATORS = Indicator.values();

  // Plans, flattened: indicator i's numerator terms are at i * NUM_TERMS, denominator terms at
  // i * DEN_TERMS. Unused terms read count 0 with coefficient 0.
  private final int[] numIdx = new int[INDICATORS.length * NUM_TERMS];
  private final double[] numCoef = new double[INDICATORS.length * NUM_TERMS];
  private final int[] denIdx = new int[INDICATORS.length * DEN_TERMS];
  private final double[] denCoef = new double[INDICATORS.length * DEN_TERMS];
  private final double[] denConst = new double[INDICATORS.length];
  private final boolean[] rate = new boolean[INDICATORS.length];
  // Whether the numerator is one count with coefficient 1 (and the denominator likewise).
  private final boolean[] simpleNum = new boolean[INDICATORS.length];
  private final boolean[] simpleDen = new boolean[INDICATORS.length];

  /**
   * Formulas under a scheme's parameters.
   *
   * @param countSuspendedWhenOverdue κ = 1 when suspended cases past their original limit are due
   * @param ratings the rating weights of satisfaction
   */
  public Formulas(boolean countSuspendedWhenOverdue, RatingWeights ratings) {
    double k = countSuspendedWhenOverdue ? 1 : 0;
    for (Indicator ind : INDICATORS) {
      rate[ind.ordinal()] = ind.type() == Indicator.Type.RATE;
      Object[] due = {CLOSED, 1.0, OVERDUE_OPEN, 1.0, SUSPENDED_OVERDUE, k};
      switch (ind) {
        case RESPONSE_RATE -> plan(ind, t(RESPONDED_ON_TIME, 1), t(TAKEN_ON, 1));
        case CLOSING_RATE -> plan(ind, t(CLOSED, 1), due);
        case ON_TIME_HANDLING_RATE -> plan(ind, t(HANDLED_ON_TIME, 1), due);
        case ON_TIME_CLOSING_RATE -> plan(ind, t(CLOSED_ON_TIME, 1), due);
        case REWORK_RATE -> plan(ind, t(REWORKED, 1, REWORKED_SUSPENDED, k), due);
        case OVERDUE_PENDING_RATE -> plan(ind, t(OVERDUE_OPEN, 1, SUSPENDED_OVERDUE, k), due);
        case DEFERRAL_RATE -> plan(ind, t(DEFERRED, 1), t(TAKEN_ON, 1));
        case SATISFACTION ->
            plan(
                ind,
                t(
                    SATISFIED,
                    ratings.satisfied(),
                    BASICALLY_SATISFIED,
                    ratings.basicallySatisfied(),
                    DISSATISFIED,
                    ratings.dissatisfied()),
                t(FOLLOW_UPS, 1));
        case REVERSE_EVALUATION -> plan(ind, t(REVERSE_GRADE_SUM, 1), t(REVERSE_GRADED, 100));
        case HOTLINE_RESPONSE_RATE -> plan(ind, t(FOLLOW_UPS_CONTACTED, 1), t(FOLLOW_UPS, 1));
        case HOTLINE_RESOLUTION_RATE -> plan(ind, t(FOLLOW_UPS_RESOLVED, 1), t(FOLLOW_UPS, 1));
        case VALID_REPORT_RATE -> plan(ind, t(VALID_REPORTS, 1), t(REPORTED, 1));
        case MISSED_REPORT_RATE ->
            plan(ind, t(MISSED_REPORTS, 1), t(REPORTED, 1, MISSED_REPORTS, 1));
        case ON_TIME_VERIFICATION_RATE ->
            plan(ind, t(VERIFIED_ON_TIME, 1), t(VERIFICATION_TASKS, 1));
        case ON_TIME_CHECK_RATE -> plan(ind, t(CHECKED_ON_TIME, 1), t(CHECKED, 1));
        case VERIFY_REQUEST_ON_TIME_RATE ->
            plan(ind, t(VERIFY_REQUESTS_ON_TIME, 1), t(VERIFY_REQUESTS, 1));
        case CHECK_REQUEST_ON_TIME_RATE ->
            plan(ind, t(CHECK_REQUESTS_ON_TIME, 1), t(CHECK_REQUESTS, 1));
        case ON_TIME_FILING_RATE -> plan(ind, t(FILED_ON_TIME, 1), t(FILED, 1));
        case ACCURATE_FILING_RATE -> plan(ind, t(FILED, 1, INACCURATE_FILINGS, -1), t(FILED, 1));
        case ON_TIME_CLOSURE_RATE -> plan(ind, t(CLOSURES_ON_TIME, 1), t(CLOSURES, 1));
        case ON_TIME_DISPATCH_RATE -> plan(ind, t(DISPATCHED_ON_TIME, 1), t(DISPATCHED, 1));
        case ACCURATE_DISPATCH_RATE -> plan(ind, t(DISPATCHED_ACCURATELY, 1), t(DISPATCHED, 1));
        case PUBLIC_REPORT_RATE -> plan(ind, t(PUBLIC_REPORTS, 1), t(REPORTED, 1));
        case TAKEN_ON -> plan(ind, t(TAKEN_ON, 1), null);
        case CLOSED_COUNT -> plan(ind, t(CLOSED, 1), null);
        case DUE_FOR_CLOSURE -> plan(ind, due, null);
        case REPORTED_COUNT -> plan(ind, t(REPORTED, 1), null);
        case FILED_COUNT -> plan(ind, t(FILED, 1), null);
        case DISPATCH_COUNT -> plan(ind, t(DISPATCHED, 1), null);
        case INTAKE_COUNT -> plan(ind, t(INTAKES, 1), null);
        // (C − H_t) + O + κ·S_o; C ≥ H_t holds for every derived count vector.
        case OVERDUE_COUNT ->
            plan(
                ind,
                t(CLOSED, 1, HANDLED_ON_TIME, -1, OVERDUE_OPEN, 1, SUSPENDED_OVERDUE, k),
                null);
        case REPEATED_REWORK_COUNT -> plan(ind, t(REPEATED_REWORKS, 1), null);
        case WHISTLED_COUNT -> plan(ind, t(WHISTLED, 1), null);
        case RISK_VISIT_COMPLIANCE ->
            plan(ind, t(Count.RISK_IN_CONTROL, 1), t(Count.RISK_ELEMENTS, 1));
        case RED_VISIT_COMPLIANCE ->
            plan(ind, t(Count.RISK_IN_CONTROL_RED, 1), t(Count.RISK_ELEMENTS_RED, 1));
        case ORANGE_VISIT_COMPLIANCE ->
            plan(ind, t(Count.RISK_IN_CONTROL_ORANGE, 1), t(Count.RISK_ELEMENTS_ORANGE, 1));
        case YELLOW_VISIT_COMPLIANCE ->
            plan(ind, t(Count.RISK_IN_CONTROL_YELLOW, 1), t(Count.RISK_ELEMENTS_YELLOW, 1));
        case BLUE_VISIT_COMPLIANCE ->
            plan(ind, t(Count.RISK_IN_CONTROL_BLUE, 1), t(Count.RISK_ELEMENTS_BLUE, 1));
        case UNANSWERED_FINDINGS_COUNT -> plan(ind, t(Count.RISK_UNANSWERED_FINDINGS, 1), null);
      }
      int i = ind.ordinal();
      if (numCoef[i * NUM_TERMS] == 0) {
        throw new IllegalStateException("no formula for " + ind);
      }
      simpleNum[i] = single(numCoef, i * NUM_TERMS, NUM_TERMS);
      simpleDen[i] = denConst[i] == 0 && single(denCoef, i * DEN_TERMS, DEN_TERMS);
    }
  }

  private static boolean single(double[] coef, int at, int terms) {
    for (int k = 1; k < terms; k++) {
      if (coef[at + k] != 0) {
        return false;
      }
    }
    return coef[at] == 1;
  }

  private static Object[] t(Object... countCoefPairs) {
    return countCoefPairs;
  }

  private void plan(Indicator ind, Object[] num, Object[] den) {
    int i = ind.ordinal();
    fill(num, numIdx, numCoef, i * NUM_TERMS, NUM_TERMS);
    if (den == null) {
      denConst[i] = 1;
    } else {
      fill(den, denIdx, denCoef, i * DEN_TERMS, DEN_TERMS);
    }
  }

  private static void fill(Object[] pairs, int[] idx, double[] coef, int at, int terms) {
    if (pairs.length / 2 > terms) {
      throw new IllegalStateException("formula has too many terms");
    }
    for (int k = 0; k < pairs.length; k += 2) {
      idx[at + k / 2] = ((Count) pairs[k]).ordinal();
      coef[at + k / 2] = ((Number) pairs[k + 1]).doubleValue();
    }
  }

  /**
   * The numerator of an indicator (the value itself for counts), not below 0.
   *
   * @param ind the indicator
   * @param c the counts
   * @param b the unit's offset
   * @return the numerator
   */
  public double numerator(Indicator ind, int[] c, int b) {
    return num(ind.ordinal() * NUM_TERMS, c, b);
  }

  private double num(int t, int[] c, int b) {
    int[] x = numIdx;
    double[] a = numCoef;
    double n =
        a[t] * c[b + x[t]]
            + a[t + 1] * c[b + x[t + 1]]
            + a[t + 2] * c[b + x[t + 2]]
            + a[t + 3] * c[b + x[t + 3]];
    return Math.max(0.0, n);
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
    return den(ind.ordinal(), c, b);
  }

  private double den(int i, int[] c, int b) {
    int t = i * DEN_TERMS;
    int[] x = denIdx;
    double[] a = denCoef;
    return denConst[i]
        + a[t] * c[b + x[t]]
        + a[t + 1] * c[b + x[t + 1]]
        + a[t + 2] * c[b + x[t + 2]];
  }

  /**
   * The value of an indicator, or NaN when it is not applicable: a rate whose denominator is 0, or
   * any indicator of an inactive unit.
   *
   * @param ind the indicator
   * @param c the counts
   * @param b the unit's offset
   * @param active whether the unit has any count in the period
   * @return the value, a rate within [0, 1] or a count, or NaN
   */
  public double value(Indicator ind, int[] c, int b, boolean active) {
    return active ? value(ind.ordinal(), c, b) : Double.NaN;
  }

  private double value(int i, int[] c, int b) {
    double den = den(i, c, b);
    if (den == 0) {
      return Double.NaN;
    }
    double num = num(i * NUM_TERMS, c, b);
    return rate[i] ? Math.min(1.0, num / den) : num;
  }

  /**
   * One indicator for every unit of a compact block set: NaN for units without counts, then one
   * pass over the active units' blocks in slot order (no branch on whether a unit is active).
   *
   * @param ind the indicator
   * @param c the count blocks, slot by slot
   * @param unitOfSlot the unit of each active slot
   * @param active the number of active slots
   * @param out receives the value of unit u at {@code out[u]}, NaN where not applicable
   * @param units the number of units
   */
  public void values(
      Indicator ind, int[] c, int[] unitOfSlot, int active, double[] out, int units) {
    java.util.Arrays.fill(out, 0, units, Double.NaN);
    values(ind, c, unitOfSlot, 0, active, out);
  }

  /**
   * One indicator for the active slots {@code [from, to)}; other entries of {@code out} are left
   * alone.
   *
   * @param ind the indicator
   * @param c the count blocks, slot by slot
   * @param unitOfSlot the unit of each active slot
   * @param from the first slot
   * @param to the slot after the last
   * @param out receives the value of unit u at {@code out[u]}
   */
  public void values(Indicator ind, int[] c, int[] unitOfSlot, int from, int to, double[] out) {
    int i = ind.ordinal();
    int t = i * NUM_TERMS;
    int d = i * DEN_TERMS;
    if (simpleNum[i] && denConst[i] == 1) {
      // A count: one term.
      int x = numIdx[t];
      for (int s = from; s < to; s++) {
        out[unitOfSlot[s]] = c[s * WIDTH + x];
      }
    } else if (simpleNum[i] && simpleDen[i]) {
      // A ratio of two counts.
      int x = numIdx[t];
      int y = denIdx[d];
      for (int s = from; s < to; s++) {
        int b = s * WIDTH;
        int den = c[b + y];
        out[unitOfSlot[s]] = den == 0 ? Double.NaN : Math.min(1.0, (double) c[b + x] / den);
      }
    } else {
      for (int s = from; s < to; s++) {
        out[unitOfSlot[s]] = value(i, c, s * WIDTH);
      }
    }
  }
}
