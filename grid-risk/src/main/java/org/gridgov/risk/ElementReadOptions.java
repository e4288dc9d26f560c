package org.gridgov.risk;

import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.GridHierarchy;

/**
 * How {@link ElementFiles} reads an elements file: the locator that puts lines without a {@code
 * grid} into their grid, and the hierarchy whose ids every grid must be. Immutable.
 *
 * @param locator locates lines that give only a position; without it such lines are errors
 * @param grids when present, a grid id outside it is an error (with "did you mean")
 */
public record ElementReadOptions(Optional<PositionLocator> locator, Optional<GridHierarchy> grids) {
  /**
   * Checks the fields.
   *
   * @param locator the locator
   * @param grids the hierarchy
   */
  public ElementReadOptions {
    Objects.requireNonNull(locator, "locator");
    Objects.requireNonNull(grids, "grids");
  }

  /**
   * No locator, no hierarchy: every line names its grid, any grid id is accepted.
   *
   * @return the options
   */
  public static ElementReadOptions defaults() {
    return new ElementReadOptions(Optional.empty(), Optional.empty());
  }

  /**
   * These options with a locator.
   *
   * @param value the locator
   * @return the new options
   */
  public ElementReadOptions withLocator(PositionLocator value) {
    return new ElementReadOptions(Optional.of(value), grids);
  }

  /**
   * These options with a hierarchy to check grid ids against.
   *
   * @param value the hierarchy
   * @return the new options
   */
  public ElementReadOptions withGrids(GridHierarchy value) {
    return new ElementReadOptions(locator, Optional.of(value));
  }
}
