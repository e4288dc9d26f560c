package org.gridgov.core.access;

/** What a principal wants to do with a grid, a case or a record. */
public enum Permission {
  /** See it. */
  READ,
  /** Change it: take a case step, edit a record. */
  ACT,
  /**
   * See the personal fields of a record (names, addresses, household, health and care flags, a
   * resident's position); without it they are masked. Granted to grid workers and grid leaders, who
   * visit households; not to platform staff or supervisors, who see records and aggregates.
   */
  READ_PERSONAL
}
