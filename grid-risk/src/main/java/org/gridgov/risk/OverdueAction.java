package org.gridgov.risk;

import java.util.Objects;

/**
 * What a control plan does when a visit is overdue: urge the responsible post, escalate through the
 * ladder, or deduct assessment points, once the visit is {@code afterDays} calendar days overdue.
 *
 * @param kind what happens
 * @param afterDays from how many days overdue (0 = as soon as it is overdue)
 * @param points the points deducted (only for {@link Kind#DEDUCT}, else 0)
 */
public record OverdueAction(Kind kind, int afterDays, double points) {
  /** The kinds of action. */
  public enum Kind {
    /** Urge the responsible post (催办). */
    URGE,
    /** Escalate one step up the ladder (上报、吹哨). */
    ESCALATE,
    /** Deduct assessment points (扣分). */
    DEDUCT
  }

  /**
   * Checks the fields.
   *
   * @param kind what happens
   * @param afterDays from how many days overdue
   * @param points the points deducted
   */
  public OverdueAction {
    Objects.requireNonNull(kind, "kind");
    if (afterDays < 0) {
      throw new IllegalArgumentException("afterDays " + afterDays + " is negative");
    }
    if (kind == Kind.DEDUCT ? !(points > 0) : points != 0) {
      throw new IllegalArgumentException(
          kind == Kind.DEDUCT ? "a deduction deducts points > 0" : kind + " deducts no points");
    }
  }
}
