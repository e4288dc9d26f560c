package org.gridgov.core.access;

/** What a principal wants to do with a grid, a case or a record. */
public enum Permission {
  /** See it. */
  READ,
  /** Change it: take a case step, edit a record. */
  ACT
}
