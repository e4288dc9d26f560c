package org.gridgov.risk;

import java.util.Objects;
import org.gridgov.core.GridId;

/**
 * One grid in the sizing check: how many households it holds, how far a sweep over all of them
 * walks and how long it takes against the limit.
 *
 * @param grid the grid
 * @param households households in the grid on the date (persons grouped by their {@code household}
 *     attribute)
 * @param unplaced households none of whose persons has a position: visited (their minutes count)
 *     but not on the route
 * @param metres the open walking route over the placed households, metres
 * @param minutes walking time plus the minutes at every household
 * @param limitMinutes the limit the sweep is held to
 */
public record GridSizing(
    GridId grid, int households, int unplaced, double metres, double minutes, double limitMinutes) {
  /**
   * Checks the fields.
   *
   * @param grid the grid
   * @param households the households
   * @param unplaced the unplaced households
   * @param metres the route length
   * @param minutes the time
   * @param limitMinutes the limit
   */
  public GridSizing {
    Objects.requireNonNull(grid, "grid");
    if (households < 0 || unplaced < 0 || unplaced > households) {
      throw new IllegalArgumentException(
          "grid " + grid + ": " + unplaced + " unplaced of " + households + " households");
    }
  }

  /** Whether the sweep fits the limit ({@code minutes <= limitMinutes}). */
  public boolean withinLimit() {
    return minutes <= limitMinutes;
  }
}
