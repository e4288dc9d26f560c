package org.gridgov.risk;

import java.util.Objects;

/**
 * One problem {@link PlanSet#verify()} found in a plan set: what is wrong, where (the JSON pointer
 * of the plan when the set was read from a document, else the plan's index) and a sentence a person
 * can act on.
 *
 * @param code what kind of problem
 * @param pointer where, as a JSON pointer into the plans document (e.g. {@code /plans/3/post})
 * @param message the explanation, with a "did you mean" for unknown names
 */
public record PlanFinding(Code code, String pointer, String message) {
  /** The kinds of problem. */
  public enum Code {
    /** A covered type × colour has no plan in force on some dates. */
    GAP,
    /** Two plans for the same type × colour are in force on the same date. */
    OVERLAP,
    /** A worse colour has a longer interval than a milder one on some date. */
    INTERVAL_ORDER,
    /** A plan names a post the set does not know. */
    UNKNOWN_POST,
    /** A plan names a check the set does not know. */
    UNKNOWN_CHECK
  }

  /**
   * Checks the fields.
   *
   * @param code the code
   * @param pointer the pointer
   * @param message the message
   */
  public PlanFinding {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(message, "message");
  }
}
