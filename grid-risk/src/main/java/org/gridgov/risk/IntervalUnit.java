package org.gridgov.risk;

/** The unit of a control-plan interval. */
public enum IntervalUnit {
  /** Calendar days. */
  DAYS,
  /** Working days on the working calendar (make-up working days count, holidays do not). */
  WORKING_DAYS
}
