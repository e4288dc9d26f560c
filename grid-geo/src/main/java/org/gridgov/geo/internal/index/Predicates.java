package org.gridgov.geo.internal.index;

import org.locationtech.jts.algorithm.CGAlgorithmsDD;

/**
 * The exact orientation predicate the planar index is built on.
 *
 * <p>A floating-point filter decides almost every call; when the determinant is too close to zero
 * for the filter to be sure, the call falls back to JTS's double-double evaluation ({@link
 * CGAlgorithmsDD#orientationIndex(double, double, double, double, double, double)}), the same
 * predicate JTS's {@code RayCrossingCounter} uses. Sharing the predicate with the JTS oracle is
 * what makes the index agree with {@code PreparedGeometry.covers} on every point, boundaries
 * included.
 *
 * <p>Stateless and thread-safe.
 */
final class Predicates {
  /**
   * Relative error bound of the filter. The determinant is computed with 2 products and 3
   * subtractions of doubles; 1e-15 is well above the worst-case rounding (about 3.3e-16 · sum of
   * the absolute products), as in JTS's own filter.
   */
  private static final double FILTER_EPSILON = 1e-15;

  private Predicates() {}

  /**
   * The orientation of c relative to the directed line a→b.
   *
   * @return 1 when c lies to the left (counter-clockwise), -1 to the right, 0 when collinear
   */
  static int orient(double ax, double ay, double bx, double by, double cx, double cy) {
    double detLeft = (ax - cx) * (by - cy);
    double detRight = (ay - cy) * (bx - cx);
    double det = detLeft - detRight;
    double detSum;
    if (detLeft > 0.0) {
      if (detRight <= 0.0) {
        return signum(det);
      }
      detSum = detLeft + detRight;
    } else if (detLeft < 0.0) {
      if (detRight >= 0.0) {
        return signum(det);
      }
      detSum = -detLeft - detRight;
    } else {
      return signum(det);
    }
    double bound = FILTER_EPSILON * detSum;
    if (det >= bound || -det >= bound) {
      return signum(det);
    }
    return CGAlgorithmsDD.orientationIndex(ax, ay, bx, by, cx, cy);
  }

  private static int signum(double d) {
    return d > 0 ? 1 : d < 0 ? -1 : 0;
  }
}
