package org.gridgov.risk;

/** Where an element stands against its control plan on a date. */
public enum DueStatus {
  /** The next visit is after the date. */
  OK,
  /** The next visit is due on the date. */
  DUE,
  /** The next visit was due before the date and has not been made. */
  OVERDUE
}
