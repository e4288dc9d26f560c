package org.gridgov.risk;

import java.util.Objects;
import org.gridgov.core.GeoPoint;
import org.gridgov.core.GridId;
import org.gridgov.core.risk.RiskColour;

/**
 * One stop of a worker's day: the element, where it is, how far from the previous stop and when the
 * worker arrives.
 *
 * @param element the element id
 * @param grid its grid
 * @param colour its colour
 * @param status due or overdue
 * @param position where it is
 * @param legMetres walking distance from the previous stop (or the start)
 * @param arriveMinute minutes from the start of the walk when the worker arrives
 */
public record PatrolStop(
    String element,
    GridId grid,
    RiskColour colour,
    DueStatus status,
    GeoPoint position,
    double legMetres,
    double arriveMinute) {
  /**
   * Checks the fields.
   *
   * @param element the element
   * @param grid the grid
   * @param colour the colour
   * @param status the status
   * @param position the position
   * @param legMetres the leg
   * @param arriveMinute the arrival minute
   */
  public PatrolStop {
    Objects.requireNonNull(element, "element");
    Objects.requireNonNull(grid, "grid");
    Objects.requireNonNull(colour, "colour");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(position, "position");
  }

  /** The colour's name in the formats ({@code red}, {@code yellow}, ...). */
  public String colourName() {
    return RiskNames.colour(colour);
  }

  /** The status's name in the formats ({@code due} or {@code overdue}). */
  public String statusName() {
    return status.name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * Everything but the position, which is personal for a person (a string ends up in logs, which no
   * read audit sees).
   */
  @Override
  public String toString() {
    return "PatrolStop[element="
        + element
        + ", grid="
        + grid
        + ", colour="
        + colour
        + ", status="
        + status
        + ", legMetres="
        + legMetres
        + ", arriveMinute="
        + arriveMinute
        + "]";
  }
}
