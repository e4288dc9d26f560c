package org.gridgov.risk;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.gridgov.core.GeoPoint;

/**
 * An open walking tour over a handful of points (a worker's day, a grid's households): nearest
 * neighbour from the start (or from the best first stop when there is none) improved by 2-opt, in
 * metres on a local equirectangular projection. Package-private; docs/risk.md, "The worker's day",
 * documents the method and its error.
 *
 * <p>The points come in the caller's order, which breaks every tie (callers sort by element id), so
 * the route is deterministic. The tour is open: it ends at its last stop, there is no walk back.
 */
final class WalkRoute {
  /** Mean earth radius (IUGG), metres. */
  static final double EARTH_RADIUS_METRES = 6_371_008.8;

  /** Improvements smaller than this (metres) are not taken, so rounding never loops. */
  private static final double EPSILON = 1e-7;

  /** The visiting order (indexes into the points) and the legs in metres. */
  final int[] order;

  /** {@code legs[k]}: metres from the previous stop (or the start) to stop {@code k}. */
  final double[] legs;

  /** The nearest-neighbour tour's length before 2-opt, metres (for tests). */
  final double nearestNeighbourMetres;

  private WalkRoute(int[] order, double[] legs, double nearestNeighbourMetres) {
    this.order = order;
    this.legs = legs;
    this.nearestNeighbourMetres = nearestNeighbourMetres;
  }

  /** The route length: the sum of the legs, metres. */
  double metres() {
    double s = 0;
    for (double l : legs) {
      s += l;
    }
    return s;
  }

  /**
   * Plans the open tour.
   *
   * @param points the stops, in tie-breaking order
   * @param start where the walk starts; empty to start at the best first stop (its leg is 0)
   * @return the route
   */
  static WalkRoute plan(List<GeoPoint> points, Optional<GeoPoint> start) {
    int n = points.size();
    Projection p = Projection.around(points, start);
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = p.x(points.get(i));
      y[i] = p.y(points.get(i));
    }
    double[] d = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double v = Math.hypot(x[i] - x[j], y[i] - y[j]);
        d[i * n + j] = v;
        d[j * n + i] = v;
      }
    }
    double[] ds = new double[n]; // from the start; all 0 without one
    if (start.isPresent()) {
      double sx = p.x(start.get());
      double sy = p.y(start.get());
      for (int i = 0; i < n; i++) {
        ds[i] = Math.hypot(x[i] - sx, y[i] - sy);
      }
    }
    int[] order = new int[n];
    if (n > 0) {
      if (start.isPresent()) {
        nearestNeighbour(d, n, ds, -1, order, Double.POSITIVE_INFINITY);
      } else {
        bestFirstStop(x, y, d, n, ds, order);
      }
    }
    double nn = length(order, d, n, ds);
    do {
      twoOpt(order, d, n, ds);
    } while (orOpt(order, d, n, ds));
    double[] legs = new double[n];
    for (int k = 0; k < n; k++) {
      legs[k] = k == 0 ? ds[order[0]] : d[order[k - 1] * n + order[k]];
    }
    return new WalkRoute(order, legs, nn);
  }

  /**
   * The nearest-neighbour tour from each candidate first stop, the shortest kept (ties: the lower
   * first stop). An open tour's best ends lie on the edge of the points, so the candidates are the
   * stops extreme in the eight compass directions (least and greatest x, y, x + y and x − y; ties:
   * the lower index) — at most eight tours instead of n, and 2-opt and Or-opt can still move the
   * ends. A tour is abandoned as soon as it is no shorter than the best so far.
   */
  private static void bestFirstStop(
      double[] x, double[] y, double[] d, int n, double[] ds, int[] order) {
    int[] work = new int[n];
    double best = Double.POSITIVE_INFINITY;
    for (int f : extremes(x, y, n)) {
      double len = nearestNeighbour(d, n, ds, f, work, best - EPSILON);
      if (len < best - EPSILON) {
        best = len;
        System.arraycopy(work, 0, order, 0, n);
      }
    }
  }

  /** The stops extreme in the eight compass directions, distinct, ascending. */
  static int[] extremes(double[] x, double[] y, int n) {
    int[] ext = new int[8];
    for (int i = 1; i < n; i++) {
      for (int k = 0; k < 8; k++) {
        if (direction(k, x[i], y[i]) < direction(k, x[ext[k]], y[ext[k]])) {
          ext[k] = i;
        }
      }
    }
    return Arrays.stream(ext).distinct().sorted().toArray();
  }

  /** The k-th of x, −x, y, −y, x + y, −x − y, x − y, y − x (smallest = most extreme). */
  private static double direction(int k, double x, double y) {
    return switch (k) {
      case 0 -> x;
      case 1 -> -x;
      case 2 -> y;
      case 3 -> -y;
      case 4 -> x + y;
      case 5 -> -x - y;
      case 6 -> x - y;
      default -> y - x;
    };
  }

  /**
   * Greedy nearest neighbour: from the start ({@code first < 0}) or from stop {@code first}, always
   * to the nearest unvisited stop (ties: the lower index). The unvisited stops are kept in a
   * compacted ascending array, so each step scans only what is left.
   *
   * @return the tour's length, or infinity when it reached {@code bound} before the end
   */
  private static double nearestNeighbour(
      double[] d, int n, double[] ds, int first, int[] out, double bound) {
    int[] left = new int[n];
    int m = 0;
    for (int j = 0; j < n; j++) {
      if (j != first) {
        left[m++] = j;
      }
    }
    double len = 0;
    int k = 0;
    int cur = first;
    if (first >= 0) {
      out[k++] = first;
      len = ds[first];
    }
    while (m > 0) {
      int bi = 0;
      double bd = Double.POSITIVE_INFINITY;
      if (cur < 0) {
        for (int i = 0; i < m; i++) {
          double v = ds[left[i]];
          if (v < bd) {
            bd = v;
            bi = i;
          }
        }
      } else {
        int row = cur * n;
        for (int i = 0; i < m; i++) {
          double v = d[row + left[i]];
          if (v < bd) {
            bd = v;
            bi = i;
          }
        }
      }
      len += bd;
      if (len >= bound) {
        return Double.POSITIVE_INFINITY;
      }
      cur = left[bi];
      out[k++] = cur;
      System.arraycopy(left, bi + 1, left, bi, m - bi - 1);
      m--;
    }
    return len;
  }

  /**
   * 2-opt on the open tour: reverse a stretch of stops whenever that shortens the walk, until no
   * reversal does. The first stop's incoming edge is the leg from the start ({@code ds}; 0 without
   * a start, so reversing a prefix can choose a better first stop) and the last stop has no
   * outgoing edge. Never lengthens the tour: only strict improvements are taken.
   */
  private static void twoOpt(int[] t, double[] d, int n, double[] ds) {
    boolean improved = true;
    while (improved) {
      improved = false;
      for (int i = 0; i < n - 1; i++) {
        for (int j = i + 1; j < n; j++) {
          double before =
              (i == 0 ? ds[t[0]] : d[t[i - 1] * n + t[i]])
                  + (j == n - 1 ? 0 : d[t[j] * n + t[j + 1]]);
          double after =
              (i == 0 ? ds[t[j]] : d[t[i - 1] * n + t[j]])
                  + (j == n - 1 ? 0 : d[t[i] * n + t[j + 1]]);
          if (after < before - EPSILON) {
            reverse(t, i, j);
            improved = true;
          }
        }
      }
    }
  }

  /**
   * Or-opt on the open tour: move a stretch of one to three consecutive stops, either way round, to
   * another place in the tour (or to either end) whenever that shortens the walk. Catches what
   * 2-opt alone leaves (a stop visited out of the way between two others). Strict improvements
   * only.
   *
   * @return whether any move was made
   */
  private static boolean orOpt(int[] t, double[] d, int n, double[] ds) {
    boolean any = false;
    int[] rest = new int[n + 2];
    for (int len = 1; len <= 3 && len < n; len++) {
      for (int i = 0; i + len <= n; i++) {
        int first = t[i];
        int last = t[i + len - 1];
        int prev = i == 0 ? START : t[i - 1];
        int next = i + len == n ? END : t[i + len];
        double gain = c(prev, first, d, n, ds) + c(last, next, d, n, ds) - c(prev, next, d, n, ds);
        if (gain <= EPSILON) {
          continue;
        }
        // the tour without the stretch, between its virtual ends
        int m = 0;
        rest[m++] = START;
        for (int k = 0; k < n; k++) {
          if (k < i || k >= i + len) {
            rest[m++] = t[k];
          }
        }
        rest[m++] = END;
        for (int e = 0; e + 1 < m; e++) {
          int u = rest[e];
          int v = rest[e + 1];
          if (u == prev && v == next) {
            continue;
          }
          double base = c(u, v, d, n, ds);
          double fwd = c(u, first, d, n, ds) + c(last, v, d, n, ds) - base;
          double bwd = c(u, last, d, n, ds) + c(first, v, d, n, ds) - base;
          boolean reversed = bwd < fwd;
          if (Math.min(fwd, bwd) < gain - EPSILON) {
            int[] seg = Arrays.copyOfRange(t, i, i + len);
            if (reversed) {
              reverse(seg, 0, len - 1);
            }
            int w = 0;
            for (int k = 1; k < m - 1; k++) {
              t[w++] = rest[k];
              if (k == e) {
                for (int x : seg) {
                  t[w++] = x;
                }
              }
            }
            if (e == 0) { // insert right after the start: shift in front
              System.arraycopy(t, 0, t, len, n - len);
              System.arraycopy(seg, 0, t, 0, len);
            }
            any = true;
            break;
          }
        }
      }
    }
    return any;
  }

  private static final int START = -1;
  private static final int END = -2;

  /**
   * The walking cost of an edge; into {@code END} costs nothing, out of {@code START} is {@code
   * ds}.
   */
  private static double c(int a, int b, double[] d, int n, double[] ds) {
    if (b == END) {
      return 0;
    }
    return a == START ? ds[b] : d[a * n + b];
  }

  private static void reverse(int[] t, int i, int j) {
    while (i < j) {
      int s = t[i];
      t[i++] = t[j];
      t[j--] = s;
    }
  }

  static double length(int[] t, double[] d, int n, double[] ds) {
    if (n == 0) {
      return 0;
    }
    double len = ds[t[0]];
    for (int k = 1; k < n; k++) {
      len += d[t[k - 1] * n + t[k]];
    }
    return len;
  }

  /**
   * A local equirectangular projection in metres: x = R·Δλ·cos φ₀, y = R·Δφ around the mean
   * latitude φ₀ of the points. Within a city (tens of kilometres) it differs from the great-circle
   * distance by well under 0.1 % (docs/risk.md; {@code WalkRouteTest} measures it).
   */
  record Projection(double lon0, double lat0, double kx, double ky) {
    static Projection around(List<GeoPoint> points, Optional<GeoPoint> start) {
      double lon = 0;
      double lat = 0;
      int c = 0;
      for (GeoPoint g : points) {
        lon += g.lon();
        lat += g.lat();
        c++;
      }
      if (start.isPresent()) {
        lon += start.get().lon();
        lat += start.get().lat();
        c++;
      }
      double lon0 = c == 0 ? 0 : lon / c;
      double lat0 = c == 0 ? 0 : lat / c;
      double ky = EARTH_RADIUS_METRES * Math.PI / 180;
      return new Projection(lon0, lat0, ky * Math.cos(Math.toRadians(lat0)), ky);
    }

    double x(GeoPoint g) {
      return (g.lon() - lon0) * kx;
    }

    double y(GeoPoint g) {
      return (g.lat() - lat0) * ky;
    }

    double metres(GeoPoint a, GeoPoint b) {
      return Math.hypot(x(a) - x(b), y(a) - y(b));
    }
  }

  /** The great-circle (haversine) distance in metres, the reference the projection is tested on. */
  static double haversineMetres(GeoPoint a, GeoPoint b) {
    double p1 = Math.toRadians(a.lat());
    double p2 = Math.toRadians(b.lat());
    double dp = p2 - p1;
    double dl = Math.toRadians(b.lon() - a.lon());
    double h =
        Math.sin(dp / 2) * Math.sin(dp / 2)
            + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
    return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
  }

  @Override
  public String toString() {
    return "WalkRoute" + Arrays.toString(order);
  }
}
