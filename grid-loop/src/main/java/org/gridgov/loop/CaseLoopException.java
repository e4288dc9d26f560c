package org.gridgov.loop;

import java.util.Objects;
import org.gridgov.core.GridGovException;
import org.gridgov.core.cases.CaseId;

/**
 * A case that {@link CaseService} cannot take a step with: it lies in no grid of the city, names an
 * item that is not on the item list, or has no holder to act. A step the lifecycle forbids is an
 * {@link org.gridgov.core.cases.IllegalTransitionException} instead.
 */
public final class CaseLoopException extends GridGovException {
  private static final long serialVersionUID = 1L;

  /** What was wrong. */
  public enum Problem {
    /** The case names a grid the city does not have. */
    UNKNOWN_GRID,
    /** The case's position lies outside every grid of the map. */
    OUTSIDE,
    /** The case has neither a grid nor a position the service can locate. */
    NOT_LOCATED,
    /** The case's item is not on the item list. */
    UNKNOWN_ITEM,
    /** The lists name no department responsible for the item and none is requesting it. */
    NO_DEPARTMENT,
    /**
     * The step needs a typed holder and the case has none (it was never dispatched, or was read
     * from a file written before steps recorded their holder).
     */
    NO_HOLDER
  }

  private final CaseId caseId;
  private final Problem problem;

  /**
   * Creates the exception.
   *
   * @param caseId the case
   * @param problem what was wrong
   * @param detail the message after {@code case ID: }
   */
  public CaseLoopException(CaseId caseId, Problem problem, String detail) {
    super("case " + caseId + ": " + detail);
    this.caseId = Objects.requireNonNull(caseId, "caseId");
    this.problem = Objects.requireNonNull(problem, "problem");
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
   * What was wrong.
   *
   * @return the problem
   */
  public Problem problem() {
    return problem;
  }
}
