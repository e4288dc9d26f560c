package org.gridgov.core.cases;

import org.gridgov.core.GridGovException;

/** A step that the case lifecycle does not allow from the case's current state. */
public final class IllegalTransitionException extends GridGovException {
  private static final long serialVersionUID = 1L;

  private final CaseId caseId;
  private final CaseState state;
  private final CaseAction action;

  /**
   * Creates the exception.
   *
   * @param caseId the case
   * @param state its current state
   * @param action the step attempted
   * @param detail extra explanation, may be empty
   */
  public IllegalTransitionException(
      CaseId caseId, CaseState state, CaseAction action, String detail) {
    super(
        "case "
            + caseId
            + ": cannot "
            + action
            + " in state "
            + state
            + (detail.isEmpty() ? "" : " (" + detail + ")"));
    this.caseId = caseId;
    this.state = state;
    this.action = action;
  }

  /**
   * The case.
   *
   * @return its id
   */
  public CaseId caseId() {
    return caseId;
  }

  /**
   * The state the case was in.
   *
   * @return the state
   */
  public CaseState state() {
    return state;
  }

  /**
   * The step attempted.
   *
   * @return the action
   */
  public CaseAction action() {
    return action;
  }
}
