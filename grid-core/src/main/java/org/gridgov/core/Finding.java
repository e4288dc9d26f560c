package org.gridgov.core;

/**
 * One problem found by a validator or checker: validation returns findings as data (like the
 * messages of a DMN result) rather than throwing on the first problem.
 *
 * <p>Each module adds its own details (grid ids and WKT for coverage, witnesses for decision
 * tables); this interface is what a report or a command line needs to print any of them.
 */
public interface Finding {
  /**
   * How serious the finding is.
   *
   * @return the severity
   */
  Severity severity();

  /**
   * A stable, machine-readable kind, such as {@code DUPLICATE_ID} or {@code OVERLAP}.
   *
   * @return the kind code
   */
  String code();

  /**
   * One line for a person: what is wrong and where (ids, pointers).
   *
   * @return the message
   */
  String message();
}
