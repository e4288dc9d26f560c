package org.gridgov.geo.internal.coverage;

import org.locationtech.jts.geom.CoordinateSequence;

/** Ring arithmetic shared by the GeoJSON reader, the writer and the coverage checks. Stateless. */
public final class Rings {
  private Rings() {}

  /**
   * Twice the signed area of a closed ring (shoelace formula, taken relative to the first position
   * to keep the products small).
   *
   * @param s a closed ring
   * @return positive when the ring runs counter-clockwise, negative when clockwise, 0 when flat
   */
  public static double twiceSignedArea(CoordinateSequence s) {
    int n = s.size();
    if (n < 4) {
      return 0;
    }
    double x0 = s.getX(0);
    double y0 = s.getY(0);
    double sum = 0;
    for (int i = 1; i < n - 1; i++) {
      double x1 = s.getX(i) - x0;
      double y1 = s.getY(i) - y0;
      double x2 = s.getX(i + 1) - x0;
      double y2 = s.getY(i + 1) - y0;
      sum += x1 * y2 - x2 * y1;
    }
    return sum;
  }

  /**
   * Whether a ring must be walked backwards to have its interior on the left, as RFC 7946 §3.1.6
   * recommends (exterior rings counter-clockwise, holes clockwise).
   *
   * @param s a closed ring
   * @param shell true for an exterior ring, false for a hole
   * @return true when the ring runs the other way (a flat ring is left as it is)
   */
  public static boolean needsReversal(CoordinateSequence s, boolean shell) {
    double twice = twiceSignedArea(s);
    return twice != 0 && shell != twice > 0;
  }
}
