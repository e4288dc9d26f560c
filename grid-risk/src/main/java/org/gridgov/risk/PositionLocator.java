package org.gridgov.risk;

import java.util.Optional;
import org.gridgov.core.GeoPoint;
import org.gridgov.core.GridId;

/**
 * Finds the grid a position lies in, for element lines that give {@code lon}/{@code lat} but no
 * {@code grid}. grid-risk does not depend on grid-geo: the command line adapts grid-geo's locator
 * (a grid map read from {@code --grids}) to this interface. Implementations are thread-safe.
 */
@FunctionalInterface
public interface PositionLocator {
  /**
   * The grid at a position.
   *
   * @param position a WGS 84 position
   * @return the (leaf) grid that covers it, empty when it lies outside every grid
   */
  Optional<GridId> locate(GeoPoint position);
}
