package org.gridgov.geo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.gridgov.core.GeoPoint;
import org.gridgov.core.Grid;
import org.gridgov.core.GridKind;
import org.gridgov.core.GridLevel;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Which territorial grids of one level of a {@link GridMap} share a border, and where each grid's
 * centroid is: what a space-time scan needs to join neighbouring grids into clusters (grid-watch's
 * {@code Neighbourhoods} takes these maps as plain ids, so that grid-watch does not depend on
 * grid-geo).
 *
 * <p>Two grids share a border when their polygons have a common boundary segment: the same two
 * vertices, in either direction, in a ring of each. Grids that only touch at a corner do not. Maps
 * whose neighbours are drawn from shared edges (topologically built maps, the generated cities)
 * have exactly this; a map where two neighbours draw their common border with different vertices
 * (one has a vertex the other lacks along the whole border) is not seen as adjacent there — use
 * centroid distance instead for such maps. Found in time linear in the number of segments (one hash
 * table of the segments, no comparison of polygon pairs).
 *
 * <p>Exclusive grids are left out (they overlap the territorial tiling). Immutable and thread-safe.
 */
public final class GridAdjacency {

  private final GridLevel level;
  private final SortedMap<String, SortedSet<String>> borders;
  private final SortedMap<String, GeoPoint> centroids;

  private GridAdjacency(
      GridLevel level,
      SortedMap<String, SortedSet<String>> borders,
      SortedMap<String, GeoPoint> centroids) {
    this.level = level;
    this.borders = Collections.unmodifiableSortedMap(borders);
    this.centroids = Collections.unmodifiableSortedMap(centroids);
  }

  /**
   * The shared borders and centroids of the territorial grids of a level.
   *
   * @param map the map
   * @param level the level, such as {@link GridLevel#COMMUNITY}
   * @return the adjacency; empty maps when the level has no grid on this map
   */
  public static GridAdjacency of(GridMap map, GridLevel level) {
    Objects.requireNonNull(map, "map");
    Objects.requireNonNull(level, "level");
    List<Grid> grids = new ArrayList<>();
    for (Grid g : map.hierarchy().gridsAt(level)) {
      if (g.kind() == GridKind.TERRITORIAL) {
        grids.add(g);
      }
    }
    Geometry[] byOrdinal = map.geometriesByOrdinal();
    Geometry[] geometries = new Geometry[grids.size()];
    SortedMap<String, GeoPoint> centroids = new TreeMap<>();
    SortedMap<String, SortedSet<String>> borders = new TreeMap<>();
    for (int i = 0; i < geometries.length; i++) {
      Grid g = grids.get(i);
      geometries[i] = byOrdinal[map.hierarchy().ordinalOf(g.id()).getAsInt()];
      Point c = geometries[i].getCentroid();
      centroids.put(g.id().value(), GeoPoint.of(c.getX(), c.getY()));
      borders.put(g.id().value(), new TreeSet<>());
    }
    Segments s = new Segments();
    for (int i = 0; i < geometries.length; i++) {
      Geometry geometry = geometries[i];
      for (int p = 0; p < geometry.getNumGeometries(); p++) {
        Polygon polygon = (Polygon) geometry.getGeometryN(p);
        s.addRing(polygon.getExteriorRing(), i);
        for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
          s.addRing(polygon.getInteriorRingN(h), i);
        }
      }
    }
    for (long pair : s.pairs()) {
      String a = grids.get((int) (pair >>> 32)).id().value();
      String b = grids.get((int) pair).id().value();
      borders.get(a).add(b);
      borders.get(b).add(a);
    }
    SortedMap<String, SortedSet<String>> frozen = new TreeMap<>();
    borders.forEach((k, v) -> frozen.put(k, Collections.unmodifiableSortedSet(v)));
    return new GridAdjacency(level, frozen, centroids);
  }

  /**
   * The level.
   *
   * @return the level the grids are on
   */
  public GridLevel level() {
    return level;
  }

  /**
   * For each territorial grid of the level (by id, every one of them, in id order), the grids it
   * shares a border with (in id order; empty for an island). Symmetric.
   *
   * @return the borders, unmodifiable
   */
  public Map<String, Set<String>> borders() {
    return Collections.unmodifiableMap(borders);
  }

  /**
   * The centroid of each territorial grid of the level, in the map's coordinate system.
   *
   * @return the centroids by grid id, unmodifiable
   */
  public Map<String, GeoPoint> centroids() {
    return centroids;
  }

  /**
   * The grids sharing a border with one grid.
   *
   * @param id a grid id of the level
   * @return its neighbours across a border, in id order; empty for an island or an unknown id
   */
  public Set<String> neighbours(String id) {
    SortedSet<String> s = borders.get(Objects.requireNonNull(id, "id"));
    return s == null ? Set.of() : s;
  }

  @Override
  public String toString() {
    long pairs = 0;
    for (SortedSet<String> s : borders.values()) {
      pairs += s.size();
    }
    return "GridAdjacency[" + level + ", " + borders.size() + " grids, " + pairs / 2 + " borders]";
  }

  /** An open-addressing hash table of boundary segments, each chained to its equal ones. */
  private static final class Segments {
    private double[] ends = new double[4 * 1024]; // x0, y0, x1, y1 with (x0, y0) < (x1, y1)
    private int[] owner = new int[1024];
    private int[] same = new int[1024]; // the previous segment with the same ends, or -1
    private int[] table = newTable(2048); // segment index + 1, 0 = empty
    private int size;
    private long[] pairs = new long[64];
    private int pairCount;

    private static int[] newTable(int n) {
      return new int[n];
    }

    void addRing(LineString ring, int grid) {
      CoordinateSequence cs = ring.getCoordinateSequence();
      int n = cs.size();
      for (int i = 0; i + 1 < n; i++) {
        double ax = cs.getX(i) + 0.0; // + 0.0 makes −0.0 equal 0.0
        double ay = cs.getY(i) + 0.0;
        double bx = cs.getX(i + 1) + 0.0;
        double by = cs.getY(i + 1) + 0.0;
        if (ax == bx && ay == by) {
          continue;
        }
        if (ax > bx || (ax == bx && ay > by)) {
          add(bx, by, ax, ay, grid);
        } else {
          add(ax, ay, bx, by, grid);
        }
      }
    }

    private void add(double x0, double y0, double x1, double y1, int grid) {
      if (2 * (size + 1) > table.length) {
        grow();
      }
      int mask = table.length - 1;
      int slot = (int) hash(x0, y0, x1, y1) & mask;
      int found = -1;
      while (table[slot] != 0) {
        int other = table[slot] - 1;
        if (ends[4 * other] == x0
            && ends[4 * other + 1] == y0
            && ends[4 * other + 2] == x1
            && ends[4 * other + 3] == y1) {
          found = other;
          break;
        }
        slot = (slot + 1) & mask;
      }
      int me = size++;
      if (me == owner.length) {
        owner = Arrays.copyOf(owner, me * 2);
        same = Arrays.copyOf(same, me * 2);
        ends = Arrays.copyOf(ends, me * 8);
      }
      ends[4 * me] = x0;
      ends[4 * me + 1] = y0;
      ends[4 * me + 2] = x1;
      ends[4 * me + 3] = y1;
      owner[me] = grid;
      same[me] = found;
      table[slot] = me + 1; // the newest of equal segments heads the chain
      for (int o = found; o >= 0; o = same[o]) {
        if (owner[o] != grid) {
          int a = Math.min(owner[o], grid);
          int b = Math.max(owner[o], grid);
          if (pairCount == pairs.length) {
            pairs = Arrays.copyOf(pairs, pairCount * 2);
          }
          pairs[pairCount++] = ((long) a << 32) | b;
        }
      }
    }

    private void grow() {
      int[] bigger = newTable(table.length * 2);
      int mask = bigger.length - 1;
      for (int t : table) {
        if (t != 0) {
          int i = t - 1;
          int slot =
              (int) hash(ends[4 * i], ends[4 * i + 1], ends[4 * i + 2], ends[4 * i + 3]) & mask;
          while (bigger[slot] != 0) {
            slot = (slot + 1) & mask;
          }
          bigger[slot] = t;
        }
      }
      table = bigger;
    }

    private static long hash(double x0, double y0, double x1, double y1) {
      long h = Double.doubleToLongBits(x0);
      h = mix(h * 31 + Double.doubleToLongBits(y0));
      h = mix(h * 31 + Double.doubleToLongBits(x1));
      h = mix(h * 31 + Double.doubleToLongBits(y1));
      return h ^ (h >>> 32);
    }

    private static long mix(long z) {
      z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      return z ^ (z >>> 31);
    }

    /** The distinct pairs (lower index in the high half), ascending. */
    long[] pairs() {
      long[] p = Arrays.copyOf(pairs, pairCount);
      Arrays.sort(p);
      int n = 0;
      for (int i = 0; i < p.length; i++) {
        if (i == 0 || p[i] != p[i - 1]) {
          p[n++] = p[i];
        }
      }
      return Arrays.copyOf(p, n);
    }
  }
}
