package org.gridgov.benchmarks;

import org.locationtech.jts.algorithm.CGAlgorithmsDD;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * The benchmark's baseline: a copy of the pairwise validity check grid-geo's coverage validation
 * used for single-shell polygons before its edge index (grid-geo keeps the same copy in its tests
 * as the reference the index must agree with): edges sorted by their smallest x, every pair whose x
 * ranges overlap compared (quadratic on a north–south strip). Stateless.
 */
final class PairwiseShellBaseline {
  private PairwiseShellBaseline() {}

  /**
   * Whether a geometry is a single-shell polygon with a simple ring.
   *
   * @param g any geometry
   * @return true only when it is a valid polygon without holes
   */
  static boolean isValid(Geometry g) {
    if (!(g instanceof Polygon p) || p.getNumInteriorRing() != 0 || p.isEmpty()) {
      return false;
    }
    CoordinateSequence s = p.getExteriorRing().getCoordinateSequence();
    int size = s.size();
    double[] x = new double[size];
    double[] y = new double[size];
    int m = 0;
    for (int i = 0; i < size; i++) {
      double xi = s.getX(i);
      double yi = s.getY(i);
      if (!Double.isFinite(xi) || !Double.isFinite(yi)) {
        return false;
      }
      if (m == 0 || xi != x[m - 1] || yi != y[m - 1]) { // repeated positions are not edges
        x[m] = xi;
        y[m] = yi;
        m++;
      }
    }
    int edges = m - 1;
    if (edges < 3 || x[0] != x[m - 1] || y[0] != y[m - 1]) {
      return false;
    }
    int[] order = new int[edges];
    double[] minX = new double[edges];
    for (int e = 0; e < edges; e++) {
      order[e] = e;
      minX[e] = Math.min(x[e], x[e + 1]);
    }
    sort(order, minX);
    for (int a = 0; a < edges; a++) {
      int ea = order[a];
      double maxXa = Math.max(x[ea], x[ea + 1]);
      double minYa = Math.min(y[ea], y[ea + 1]);
      double maxYa = Math.max(y[ea], y[ea + 1]);
      for (int b = a + 1; b < edges && minX[order[b]] <= maxXa; b++) {
        int eb = order[b];
        if (Math.max(y[eb], y[eb + 1]) < minYa || Math.min(y[eb], y[eb + 1]) > maxYa) {
          continue;
        }
        int lo = Math.min(ea, eb);
        int hi = Math.max(ea, eb);
        boolean bad;
        if (hi == lo + 1) {
          bad = foldsBack(x, y, lo, hi + 1, hi); // lo ends where hi starts
        } else if (lo == 0 && hi == edges - 1) {
          bad = foldsBack(x, y, hi, 1, 0); // the last edge ends where the first starts
        } else {
          bad = touch(x, y, ea, eb);
        }
        if (bad) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Whether edge (a → shared) and edge (shared → c) overlap beyond their shared position: c lies on
   * the line back towards a.
   */
  private static boolean foldsBack(double[] x, double[] y, int a, int c, int shared) {
    double sx = x[shared];
    double sy = y[shared];
    if (CGAlgorithmsDD.orientationIndex(x[a], y[a], sx, sy, x[c], y[c]) != 0) {
      return false;
    }
    return (x[a] - sx) * (x[c] - sx) + (y[a] - sy) * (y[c] - sy) > 0;
  }

  /** Whether the closed edges e → e+1 and f → f+1 have any point in common. */
  private static boolean touch(double[] x, double[] y, int e, int f) {
    double p1x = x[e];
    double p1y = y[e];
    double p2x = x[e + 1];
    double p2y = y[e + 1];
    double q1x = x[f];
    double q1y = y[f];
    double q2x = x[f + 1];
    double q2y = y[f + 1];
    int o1 = CGAlgorithmsDD.orientationIndex(p1x, p1y, p2x, p2y, q1x, q1y);
    int o2 = CGAlgorithmsDD.orientationIndex(p1x, p1y, p2x, p2y, q2x, q2y);
    int o3 = CGAlgorithmsDD.orientationIndex(q1x, q1y, q2x, q2y, p1x, p1y);
    int o4 = CGAlgorithmsDD.orientationIndex(q1x, q1y, q2x, q2y, p2x, p2y);
    if (o1 * o2 < 0 && o3 * o4 < 0) {
      return true;
    }
    return (o1 == 0 && within(p1x, p1y, p2x, p2y, q1x, q1y))
        || (o2 == 0 && within(p1x, p1y, p2x, p2y, q2x, q2y))
        || (o3 == 0 && within(q1x, q1y, q2x, q2y, p1x, p1y))
        || (o4 == 0 && within(q1x, q1y, q2x, q2y, p2x, p2y));
  }

  /** Whether a point collinear with a segment lies within the segment's bounding box. */
  private static boolean within(double ax, double ay, double bx, double by, double px, double py) {
    return px >= Math.min(ax, bx)
        && px <= Math.max(ax, bx)
        && py >= Math.min(ay, by)
        && py <= Math.max(ay, by);
  }

  /** Sorts edge indices by their smallest x (heap sort: no boxing, O(n log n)). */
  private static void sort(int[] order, double[] key) {
    int n = order.length;
    for (int i = n / 2 - 1; i >= 0; i--) {
      siftDown(order, key, i, n);
    }
    for (int end = n - 1; end > 0; end--) {
      int t = order[0];
      order[0] = order[end];
      order[end] = t;
      siftDown(order, key, 0, end);
    }
  }

  private static void siftDown(int[] order, double[] key, int i, int n) {
    while (true) {
      int child = 2 * i + 1;
      if (child >= n) {
        return;
      }
      if (child + 1 < n && key[order[child + 1]] > key[order[child]]) {
        child++;
      }
      if (key[order[child]] <= key[order[i]]) {
        return;
      }
      int t = order[i];
      order[i] = order[child];
      order[child] = t;
      i = child;
    }
  }
}
