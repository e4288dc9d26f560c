package org.gridgov.geo;

import java.util.List;
import java.util.Objects;
import org.gridgov.core.GridId;

/**
 * Where a position lies in a grid map: the result of {@link GridLocator#locate(double, double)}.
 *
 * @param leaf the lowest territorial grid covering the position (under the boundary rule of {@link
 *     GridLocator}), or the grid it was snapped to
 * @param path the territorial grids from the root down to {@code leaf}, both included
 * @param exclusive the exclusive grids (专属网格) covering the position, in id order
 * @param snapped true when the position lay outside every leaf and was snapped to the nearest one
 *     by {@link GridLocator#locateOrNearest(double, double, double)}
 * @param snapDistanceMetres how far the position was from the snapped grid's boundary; 0 when not
 *     snapped
 */
public record Location(
    GridId leaf,
    List<GridId> path,
    List<GridId> exclusive,
    boolean snapped,
    double snapDistanceMetres) {
  /**
   * Validates and copies (an immutable path the locator made is kept as it is).
   *
   * @param leaf the leaf
   * @param path root to leaf
   * @param exclusive exclusive grids
   * @param snapped whether snapped
   * @param snapDistanceMetres the snap distance
   */
  public Location {
    Objects.requireNonNull(leaf, "leaf");
    path = path instanceof PathList ? path : List.copyOf(path);
    exclusive = List.copyOf(exclusive); // List.of(...) lists are returned as they are
    if (path.isEmpty() || !path.get(path.size() - 1).equals(leaf)) {
      throw new IllegalArgumentException("path " + path + " does not end at leaf " + leaf);
    }
    if (!(snapDistanceMetres >= 0) || (!snapped && snapDistanceMetres != 0)) {
      throw new IllegalArgumentException(
          "snap distance " + snapDistanceMetres + " with snapped=" + snapped);
    }
  }

  /**
   * An unsnapped location.
   *
   * @param leaf the leaf
   * @param path root to leaf
   * @param exclusive exclusive grids
   * @return the location
   */
  public static Location of(GridId leaf, List<GridId> path, List<GridId> exclusive) {
    return new Location(leaf, path, exclusive, false, 0);
  }
}
