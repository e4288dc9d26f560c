package org.gridgov.geo.internal.coverage;

import java.util.Arrays;
import org.locationtech.jts.algorithm.CGAlgorithmsDD;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * A fast proof of validity for the commonest grid polygon: a single shell without holes. Such a
 * polygon is valid (OGC Simple Features, as JTS {@code IsValidOp} judges it) exactly when its ring
 * is simple: at least three distinct positions, no two non-adjacent edges touching, no two adjacent
 * edges folding back over each other.
 *
 * <p>Adjacent edges are checked in one pass. Non-adjacent edges are compared only when their
 * bounding boxes touch, found through an edge index: a static bounding-box tree built by splitting
 * the edges at the median of their centres along the wider side of each node (so a long thin strip,
 * a road or river corridor, is cut across its length rather than into slivers), down to leaves of
 * {@value #LEAF} edges. Each leaf is matched against the tree once. Building costs O(n log n); the
 * search costs O(n log n) plus the number of pairs of edges whose boxes touch, which for a ring
 * that is simple is small. The index only chooses which pairs to compare: boxes are compared with
 * exact floating-point comparisons (no arithmetic), so every pair whose closed boxes meet is
 * compared, and a pair is judged with JTS's robust orientation predicate ({@link
 * CGAlgorithmsDD#orientationIndex}), exactly as by the pairwise sweep it replaces (kept in the
 * tests as the reference): the answer is the same for every ring.
 *
 * <p>The test is one-sided: {@code true} proves validity; {@code false} means "invalid, or not a
 * single shell" and the caller asks {@code IsValidOp}, which also says what is wrong and where.
 * Stateless.
 */
final class SimpleShell {
  /** Edges per leaf of the index. */
  static final int LEAF = 8;

  private SimpleShell() {}

  /**
   * Whether a geometry is a single-shell polygon with a simple ring.
   *
   * @param g any geometry
   * @return true only when it is a valid polygon without holes
   */
  static boolean isValid(Geometry g) {
    double[][] xy = positions(g);
    if (xy.length == 0) {
      return false;
    }
    double[] x = xy[0];
    double[] y = xy[1];
    int edges = x.length - 1;
    for (int e = 0; e + 1 < edges; e++) {
      if (foldsBack(x, y, e, e + 2, e + 1)) { // e ends where e + 1 starts
        return false;
      }
    }
    if (foldsBack(x, y, edges - 1, 1, 0)) { // the last edge ends where the first starts
      return false;
    }
    return new EdgeIndex(x, y, edges).noNonAdjacentEdgesTouch();
  }

  /**
   * How many bounding boxes the search for touching edges compares (index nodes and edge pairs) on
   * a ring it proves simple: the measure of its cost, for tests.
   *
   * @param g a single-shell polygon
   * @return the number of box comparisons, or -1 when g is not a candidate or not simple
   */
  static long searchWork(Geometry g) {
    double[][] xy = positions(g);
    if (xy.length == 0) {
      return -1;
    }
    EdgeIndex index = new EdgeIndex(xy[0], xy[1], xy[0].length - 1);
    return index.noNonAdjacentEdgesTouch() ? index.work : -1;
  }

  /**
   * The positions of the ring of a single-shell polygon without repeated positions, closed, with at
   * least three edges: {x, y}; empty when g is anything else.
   */
  private static double[][] positions(Geometry g) {
    if (!(g instanceof Polygon p) || p.getNumInteriorRing() != 0 || p.isEmpty()) {
      return new double[0][];
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
        return new double[0][];
      }
      if (m == 0 || xi != x[m - 1] || yi != y[m - 1]) { // repeated positions are not edges
        x[m] = xi;
        y[m] = yi;
        m++;
      }
    }
    if (m - 1 < 3 || x[0] != x[m - 1] || y[0] != y[m - 1]) {
      return new double[0][];
    }
    return new double[][] {Arrays.copyOf(x, m), Arrays.copyOf(y, m)};
  }

  /**
   * The edges of one ring in a static bounding-box tree, and the search for touching non-adjacent
   * edges. Nodes are numbered in preorder, so the subtree of node {@code k} is {@code k ..
   * last[k]}.
   */
  private static final class EdgeIndex {
    private final double[] x;
    private final double[] y;
    private final int edges;
    // Per edge: its bounding box, and twice its centre (the sort key when splitting).
    private final double[] minX;
    private final double[] maxX;
    private final double[] minY;
    private final double[] maxY;
    private final double[] key;
    // The edges, reordered so that every node owns a contiguous range of them.
    private final int[] order;
    // Per node: its bounding box, its range in order (leaves), its children and last descendant.
    private final double[] nMinX;
    private final double[] nMaxX;
    private final double[] nMinY;
    private final double[] nMaxY;
    private final int[] from;
    private final int[] to;
    private final int[] left;
    private final int[] right;
    private final int[] last;
    private int nodes;
    // Box comparisons made by the search (see searchWork).
    long work;

    EdgeIndex(double[] x, double[] y, int edges) {
      this.x = x;
      this.y = y;
      this.edges = edges;
      minX = new double[edges];
      maxX = new double[edges];
      minY = new double[edges];
      maxY = new double[edges];
      key = new double[edges];
      order = new int[edges];
      for (int e = 0; e < edges; e++) {
        minX[e] = Math.min(x[e], x[e + 1]);
        maxX[e] = Math.max(x[e], x[e + 1]);
        minY[e] = Math.min(y[e], y[e + 1]);
        maxY[e] = Math.max(y[e], y[e + 1]);
        order[e] = e;
      }
      // Leaves hold more than LEAF / 2 edges, so there are fewer than 2 * edges / LEAF * 2 nodes.
      int capacity = 4 * (edges / LEAF) + 4;
      nMinX = new double[capacity];
      nMaxX = new double[capacity];
      nMinY = new double[capacity];
      nMaxY = new double[capacity];
      from = new int[capacity];
      to = new int[capacity];
      left = new int[capacity];
      right = new int[capacity];
      last = new int[capacity];
      build(0, edges);
    }

    /** Builds the subtree over {@code order[lo, hi)} and returns its node number. */
    private int build(int lo, int hi) {
      int k = nodes++;
      double x0 = Double.POSITIVE_INFINITY;
      double x1 = Double.NEGATIVE_INFINITY;
      double y0 = Double.POSITIVE_INFINITY;
      double y1 = Double.NEGATIVE_INFINITY;
      for (int i = lo; i < hi; i++) {
        int e = order[i];
        x0 = Math.min(x0, minX[e]);
        x1 = Math.max(x1, maxX[e]);
        y0 = Math.min(y0, minY[e]);
        y1 = Math.max(y1, maxY[e]);
      }
      nMinX[k] = x0;
      nMaxX[k] = x1;
      nMinY[k] = y0;
      nMaxY[k] = y1;
      from[k] = lo;
      to[k] = hi;
      if (hi - lo <= LEAF) {
        left[k] = -1;
        right[k] = -1;
        last[k] = k;
        return k;
      }
      boolean alongX = x1 - x0 >= y1 - y0;
      for (int i = lo; i < hi; i++) {
        int e = order[i];
        key[e] = alongX ? minX[e] + maxX[e] : minY[e] + maxY[e];
      }
      int mid = (lo + hi) >>> 1;
      select(lo, hi - 1, mid);
      left[k] = build(lo, mid);
      right[k] = build(mid, hi);
      last[k] = last[right[k]];
      return k;
    }

    /**
     * Moves the edge of rank {@code k} in {@code order[lo..hi]} by key to position k, smaller keys
     * before it and larger after (Hoare's selection with a median-of-three pivot; equal keys stop
     * both scans, so runs of equal keys split evenly). Only the balance of the tree depends on it.
     */
    private void select(int lo, int hi, int k) {
      while (hi > lo) {
        int mid = (lo + hi) >>> 1;
        double a = key[order[lo]];
        double b = key[order[mid]];
        double c = key[order[hi]];
        double pivot = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
        int i = lo;
        int j = hi;
        while (i <= j) {
          while (key[order[i]] < pivot) {
            i++;
          }
          while (pivot < key[order[j]]) {
            j--;
          }
          if (i <= j) {
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
            i++;
            j--;
          }
        }
        if (j < k) {
          lo = i;
        }
        if (k < i) {
          hi = j;
        }
      }
    }

    /** Whether no two non-adjacent edges have a point in common. */
    boolean noNonAdjacentEdgesTouch() {
      int[] stack = new int[128];
      for (int leaf = 0; leaf < nodes; leaf++) {
        if (left[leaf] >= 0) {
          continue;
        }
        // Every pair of leaves once: this leaf against itself and against the leaves after it.
        int top = 0;
        stack[top++] = 0;
        while (top > 0) {
          int k = stack[--top];
          work++;
          if (last[k] < leaf
              || nMinX[k] > nMaxX[leaf]
              || nMaxX[k] < nMinX[leaf]
              || nMinY[k] > nMaxY[leaf]
              || nMaxY[k] < nMinY[leaf]) {
            continue;
          }
          if (left[k] >= 0) {
            if (top + 2 > stack.length) {
              stack = Arrays.copyOf(stack, 2 * stack.length);
            }
            stack[top++] = right[k];
            stack[top++] = left[k];
          } else if (k >= leaf && touching(leaf, k)) {
            return false;
          }
        }
      }
      return true;
    }

    /** Whether a non-adjacent edge of leaf {@code a} touches one of leaf {@code b} (b ≥ a). */
    private boolean touching(int a, int b) {
      for (int i = from[a]; i < to[a]; i++) {
        int e = order[i];
        for (int j = a == b ? i + 1 : from[b]; j < to[b]; j++) {
          int f = order[j];
          work++;
          if (minX[f] > maxX[e] || maxX[f] < minX[e] || minY[f] > maxY[e] || maxY[f] < minY[e]) {
            continue;
          }
          int lo = Math.min(e, f);
          int hi = Math.max(e, f);
          if (hi == lo + 1 || (lo == 0 && hi == edges - 1)) {
            continue; // adjacent: checked for folding back
          }
          if (touch(x, y, e, f)) {
            return true;
          }
        }
      }
      return false;
    }
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
}
