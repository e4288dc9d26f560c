package org.gridgov.geo.internal.coverage;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * A signed sum of polygon boundaries, as a multiset of directed edges: the exact test that a set of
 * polygons tiles a parent.
 *
 * <p>Orient every ring so that its interior is on the left (shells counter-clockwise, holes
 * clockwise). For a valid polygon the winding number of this boundary is 1 inside and 0 outside;
 * winding numbers add up, so if the children's boundaries minus the parent's boundary cancel edge
 * for edge, the children's winding numbers sum to the parent's everywhere: each point of the parent
 * lies in exactly one child and no point outside it lies in any. There is then no overlap, no gap
 * and nothing outside, without any overlay. The converse needs the shared borders to have the same
 * vertices on both sides; when they do not (one side has an extra vertex on a straight edge, or the
 * borders simply do not match) the sum does not cancel and the caller falls back to overlay.
 * Coordinates are compared exactly.
 *
 * <p>Edges are kept in an open-addressing hash table keyed by the bits of the endpoint coordinates,
 * with the count of each undirected edge signed by its direction. Not thread-safe; reuse one per
 * thread with {@link #clear()}.
 */
final class EdgeChain {
  private long[] keys = new long[4 * 1024]; // x1, y1, x2, y2 bits per slot
  private int[] counts = new int[1024];
  private boolean[] used = new boolean[1024];
  private int[] filled = new int[512]; // the used slots, so that clearing costs what was added
  private int size;
  private int nonZero;

  /** Empties the chain, in time proportional to what was added. */
  void clear() {
    for (int i = 0; i < size; i++) {
      used[filled[i]] = false;
      counts[filled[i]] = 0;
    }
    size = 0;
    nonZero = 0;
  }

  /**
   * Whether every edge added so far has cancelled.
   *
   * @return true when the signed sum is zero
   */
  boolean isZero() {
    return nonZero == 0;
  }

  /**
   * Adds the boundary of a Polygon or MultiPolygon, each ring oriented with the interior on its
   * left, with a sign.
   *
   * @param polygonal a valid Polygon or MultiPolygon
   * @param sign +1 or -1
   */
  void add(Geometry polygonal, int sign) {
    for (int i = 0; i < polygonal.getNumGeometries(); i++) {
      Polygon p = (Polygon) polygonal.getGeometryN(i);
      ring(p.getExteriorRing(), true, sign);
      for (int h = 0; h < p.getNumInteriorRing(); h++) {
        ring(p.getInteriorRingN(h), false, sign);
      }
    }
  }

  private void ring(LineString ring, boolean shell, int sign) {
    CoordinateSequence s = ring.getCoordinateSequence();
    int n = s.size();
    if (n < 4) {
      return;
    }
    boolean forward = !Rings.needsReversal(s, shell);
    ensureRoom(n);
    for (int i = 0; i < n - 1; i++) {
      int a = forward ? i : n - 1 - i;
      int b = forward ? i + 1 : n - 2 - i;
      edge(s.getX(a), s.getY(a), s.getX(b), s.getY(b), sign);
    }
  }

  private void edge(double x1, double y1, double x2, double y2, int sign) {
    long ax = bits(x1);
    long ay = bits(y1);
    long bx = bits(x2);
    long by = bits(y2);
    if (ax == bx && ay == by) {
      return; // a repeated position is not an edge
    }
    if (ax > bx || (ax == bx && ay > by)) {
      long t = ax;
      ax = bx;
      bx = t;
      t = ay;
      ay = by;
      by = t;
      sign = -sign;
    }
    int mask = counts.length - 1;
    int slot = hash(ax, ay, bx, by) & mask;
    while (used[slot]) {
      int k = 4 * slot;
      if (keys[k] == ax && keys[k + 1] == ay && keys[k + 2] == bx && keys[k + 3] == by) {
        int before = counts[slot];
        int after = before + sign;
        counts[slot] = after;
        if (before == 0) {
          nonZero++;
        } else if (after == 0) {
          nonZero--;
        }
        return;
      }
      slot = (slot + 1) & mask;
    }
    used[slot] = true;
    int k = 4 * slot;
    keys[k] = ax;
    keys[k + 1] = ay;
    keys[k + 2] = bx;
    keys[k + 3] = by;
    counts[slot] = sign;
    filled[size++] = slot;
    nonZero++;
  }

  /** Keeps the table at most half full for {@code more} new edges. */
  private void ensureRoom(int more) {
    int needed = size + more;
    if (2 * needed <= counts.length) {
      return;
    }
    int capacity = counts.length;
    while (2 * needed > capacity) {
      capacity *= 2;
    }
    long[] oldKeys = keys;
    int[] oldCounts = counts;
    int[] oldFilled = filled;
    keys = new long[4 * capacity];
    counts = new int[capacity];
    used = new boolean[capacity];
    filled = new int[capacity / 2];
    int mask = capacity - 1;
    for (int i = 0; i < size; i++) {
      int s = oldFilled[i];
      int k = 4 * s;
      int slot = hash(oldKeys[k], oldKeys[k + 1], oldKeys[k + 2], oldKeys[k + 3]) & mask;
      while (used[slot]) {
        slot = (slot + 1) & mask;
      }
      used[slot] = true;
      System.arraycopy(oldKeys, k, keys, 4 * slot, 4);
      counts[slot] = oldCounts[s];
      filled[i] = slot;
    }
  }

  private static long bits(double v) {
    return Double.doubleToLongBits(v + 0.0); // -0.0 and 0.0 are the same position
  }

  private static int hash(long a, long b, long c, long d) {
    long h = a * 0x9E3779B97F4A7C15L;
    h = (h ^ b) * 0xC2B2AE3D27D4EB4FL;
    h = (h ^ c) * 0x165667B19E3779F9L;
    h = (h ^ d) * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
