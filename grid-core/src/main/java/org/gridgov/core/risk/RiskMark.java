package org.gridgov.core.risk;

import java.util.Objects;

/**
 * A risk mark on one element of a grid or case: which element, which subject, which colour.
 *
 * @param element the kind of element
 * @param subject what is marked (an id or name), may be empty
 * @param colour the risk colour
 */
public record RiskMark(ElementType element, String subject, RiskColour colour) {
  /**
   * Checks the fields.
   *
   * @param element the kind of element
   * @param subject what is marked
   * @param colour the risk colour
   */
  public RiskMark {
    Objects.requireNonNull(element, "element");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(colour, "colour");
  }
}
