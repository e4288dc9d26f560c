package org.gridgov.risk;

import java.util.Objects;
import java.util.OptionalDouble;
import org.gridgov.core.risk.RiskColour;

/**
 * How well one colour is controlled in one unit on a date: coloured elements, how many are overdue,
 * and unanswered findings.
 *
 * @param kind the kind of unit
 * @param unit the unit (a grid id, or a worker id)
 * @param colour the colour
 * @param elements coloured elements with a plan
 * @param overdue how many of them are overdue
 * @param unansweredFindings visits with findings and no feedback within the plan's deadline
 */
public record ComplianceRow(
    UnitKind kind,
    String unit,
    RiskColour colour,
    int elements,
    int overdue,
    int unansweredFindings) {
  /** The kinds of unit compliance is reported for. */
  public enum UnitKind {
    /**
     * A grid worker: the one responsible for the element's grid when a responsibility map is given,
     * else the one who made its last visit (docs/risk.md, "Compliance").
     */
    WORKER,
    /** A micro-grid or any leaf grid. */
    GRID,
    /** A community. */
    COMMUNITY,
    /** A street. */
    STREET
  }

  /**
   * Checks the fields.
   *
   * @param kind the kind
   * @param unit the unit
   * @param colour the colour
   * @param elements the elements
   * @param overdue the overdue ones
   * @param unansweredFindings the unanswered findings
   */
  public ComplianceRow {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(colour, "colour");
    if (elements < 0 || overdue < 0 || overdue > elements || unansweredFindings < 0) {
      throw new IllegalArgumentException(
          unit + " " + colour + ": " + overdue + " overdue of " + elements + " elements");
    }
  }

  /** The share of elements not overdue (visit compliance), empty when there are none. */
  public OptionalDouble rate() {
    return elements == 0
        ? OptionalDouble.empty()
        : OptionalDouble.of((elements - overdue) / (double) elements);
  }
}
