package org.gridgov.risk;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.GridId;
import org.gridgov.core.risk.ElementType;
import org.gridgov.core.risk.RiskColour;

/**
 * A coloured element without a plan in force for its type × colour on a date ({@link
 * DueReport#unplanned()}), with what a due row shows of it: it has no due date and no status, only
 * a finding — a colour nobody is told how to control ({@link RiskControl#unplanned(DueReport)}).
 *
 * @param element the element id
 * @param grid its grid on the date
 * @param type its type
 * @param colour its colour on the date
 * @param lastVisit the local date (calendar's zone) of its last visit up to the end of the date,
 *     empty when never visited
 */
public record UnplannedElement(
    String element,
    GridId grid,
    ElementType type,
    RiskColour colour,
    Optional<LocalDate> lastVisit) {
  /**
   * Checks the fields.
   *
   * @param element the element id
   * @param grid the grid
   * @param type the type
   * @param colour the colour
   * @param lastVisit the last visit's local date
   */
  public UnplannedElement {
    Objects.requireNonNull(element, "element");
    Objects.requireNonNull(grid, "grid");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(colour, "colour");
    Objects.requireNonNull(lastVisit, "lastVisit");
  }

  /** The type's name in the formats ({@code person}, {@code place}, ...). */
  public String typeName() {
    return RiskNames.type(type);
  }

  /** The colour's name in the formats ({@code red}, ...). */
  public String colourName() {
    return RiskNames.colour(colour);
  }
}
