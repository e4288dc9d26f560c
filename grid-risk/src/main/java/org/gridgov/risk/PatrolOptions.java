package org.gridgov.risk;

import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.GeoPoint;

/**
 * How a worker's day is planned: where the walk starts, the walking speed and how long a visit
 * takes.
 *
 * @param start where the walk starts, empty to start at the first stop of the best route
 * @param metresPerMinute walking speed (default 75, i.e. 4.5 km/h)
 * @param visitMinutes minutes spent at each element (default 10)
 */
public record PatrolOptions(Optional<GeoPoint> start, double metresPerMinute, double visitMinutes) {
  /**
   * Checks the fields.
   *
   * @param start the start
   * @param metresPerMinute the speed
   * @param visitMinutes the minutes per visit
   */
  public PatrolOptions {
    Objects.requireNonNull(start, "start");
    if (!(metresPerMinute > 0) || Double.isInfinite(metresPerMinute)) {
      throw new IllegalArgumentException("walking speed " + metresPerMinute + " m/min");
    }
    if (!(visitMinutes >= 0) || Double.isInfinite(visitMinutes)) {
      throw new IllegalArgumentException("visit minutes " + visitMinutes);
    }
  }

  /** The defaults: no start, 75 m/min, 10 minutes a visit. */
  public static PatrolOptions defaults() {
    return new PatrolOptions(Optional.empty(), 75, 10);
  }

  /**
   * These options starting at a point.
   *
   * @param point the start
   * @return the options
   */
  public PatrolOptions startingAt(GeoPoint point) {
    return new PatrolOptions(Optional.of(point), metresPerMinute, visitMinutes);
  }
}
