package org.gridgov.lab.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.IntPredicate;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * A square lattice of cells with jittered vertices, on which the lab draws its generated cities:
 * the city is a set of cells inside a jagged outline, every grid is a 4-connected set of cells, a
 * parent is exactly the union of its children's cells, and every polygon is traced from its cells
 * along lattice edges.
 *
 * <p><b>Why it nests exactly.</b> A vertex's coordinates are a pure function of its lattice
 * position and the seed ({@link Hash}), so two neighbours, or a child and its parent, share the
 * same vertex sequence along a common border, to the last bit: no gaps, no overlaps, whatever the
 * jitter. <b>Why the polygons are valid.</b> Each region is 4-connected. Where two cells of a
 * region meet only at a corner, a loop through the region encloses one of the two other cells at
 * that corner, so they belong to different parts of the complement (one outside, one a hole). The
 * tracer keeps the region on its left and there turns right, hugging the complement, so each ring
 * bounds one part of the complement and passes the corner once: the pinch becomes a hole touching
 * the shell at one point, which the OGC model allows, never a self-touching shell. (Turning left
 * would merge the shell and the hole into one self-touching ring.)
 *
 * <p>Immutable.
 */
public final class Lattice {
  /** Directions of lattice edges: east, north, west, south. */
  private static final int[] DX = {1, 0, -1, 0};

  private static final int[] DY = {0, 1, 0, -1};

  private final int width;
  private final int height;
  private final double lon0;
  private final double lat0;
  private final double dLon;
  private final double dLat;
  private final double jitter;
  private final long seed;

  /**
   * A lattice centred on a position.
   *
   * @param width cells across
   * @param height cells down
   * @param centreLon longitude of the centre
   * @param centreLat latitude of the centre
   * @param cellMetres the side of a cell on the ground
   * @param jitter how far a vertex may move, as a share of a cell side, below 0.25
   * @param seed the seed of the jitter and of the partitions
   */
  public Lattice(
      int width,
      int height,
      double centreLon,
      double centreLat,
      double cellMetres,
      double jitter,
      long seed) {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException(
          "lattice needs at least one cell: " + width + "x" + height);
    }
    if (!(jitter >= 0 && jitter < 0.25)) {
      throw new IllegalArgumentException("jitter must be in [0, 0.25): " + jitter);
    }
    this.width = width;
    this.height = height;
    this.dLat = cellMetres / 110_574.0;
    this.dLon = cellMetres / (111_320.0 * Math.cos(Math.toRadians(centreLat)));
    this.lon0 = centreLon - width * dLon / 2;
    this.lat0 = centreLat - height * dLat / 2;
    this.jitter = jitter;
    this.seed = seed;
  }

  /** Cells across. */
  public int width() {
    return width;
  }

  /** Cells down. */
  public int height() {
    return height;
  }

  /** Number of cells. */
  public int cells() {
    return width * height;
  }

  /** Column of a cell. */
  public int cx(int cell) {
    return cell % width;
  }

  /** Row of a cell (0 is the southern row). */
  public int cy(int cell) {
    return cell / width;
  }

  /** The cell at a column and row, or -1 outside the lattice. */
  public int cellAt(int cx, int cy) {
    return cx < 0 || cy < 0 || cx >= width || cy >= height ? -1 : cy * width + cx;
  }

  /** The neighbour of a cell in a direction 0..3 (east, north, west, south), or -1. */
  public int neighbour(int cell, int dir) {
    return cellAt(cx(cell) + DX[dir], cy(cell) + DY[dir]);
  }

  /** Longitude of lattice vertex (i, j), jittered. */
  public double vertexLon(int i, int j) {
    return lon0 + (i + jitter * (2 * Hash.unit(seed, i, j, 1) - 1)) * dLon;
  }

  /** Latitude of lattice vertex (i, j), jittered. */
  public double vertexLat(int i, int j) {
    return lat0 + (j + jitter * (2 * Hash.unit(seed, i, j, 2) - 1)) * dLat;
  }

  /**
   * The city outline: in every column a run of cells around the middle row, its ends wandering and
   * tapering towards the sides, so the outline is jagged, connected and has no holes.
   *
   * @return one flag per cell: inside the city
   */
  public boolean[] outline() {
    boolean[] in = new boolean[cells()];
    int mid = height / 2;
    for (int c = 0; c < width; c++) {
      double side = Math.abs((c + 0.5) / width - 0.5) * 2; // 0 in the middle, 1 at the sides
      double taper = Math.pow(side, 3) * 0.35 * height;
      int lo = (int) Math.floor(height * 0.12 * Hash.unit(seed, c, 0, 3) + taper);
      int hi = height - (int) Math.floor(height * 0.12 * Hash.unit(seed, c, 0, 4) + taper);
      lo = Math.min(lo, mid);
      hi = Math.max(hi, mid + 1);
      for (int r = lo; r < hi; r++) {
        in[cellAt(c, r)] = true;
      }
    }
    return in;
  }

  /**
   * The result of splitting every region of a level into children.
   *
   * @param labels per cell, the child region (-1 outside)
   * @param parentOf per child region, its parent region
   * @param cellsOf per child region, its cells in ascending order
   */
  public record Partition(int[] labels, int[] parentOf, List<int[]> cellsOf) {}

  /**
   * Splits each region of a level into children grown from spread-out seeds (multi-source growth
   * with random step costs, so every child is 4-connected and has a ragged shape). Children of one
   * parent are numbered in north → south bands, west → east.
   *
   * @param parentCells per parent region, its cells
   * @param wanted per parent region, how many children it should have (at most its cell count are
   *     made, at least one)
   * @param tag distinguishes the random streams of different levels
   * @return the children
   */
  public Partition split(List<int[]> parentCells, int[] wanted, long tag) {
    int[] labels = new int[cells()];
    Arrays.fill(labels, -1);
    List<Integer> parentOf = new ArrayList<>();
    List<int[]> cellsOf = new ArrayList<>();
    int[] local = new int[cells()];
    Arrays.fill(local, -1);
    boolean[] member = new boolean[cells()];
    for (int p = 0; p < parentCells.size(); p++) {
      int[] cs = parentCells.get(p);
      int k = Math.max(1, Math.min(wanted[p], cs.length));
      for (int c : cs) {
        member[c] = true;
      }
      int[] seeds = spreadSeeds(cs, k, tag * 1_000_003L + p);
      grow(cs, seeds, member, local, tag * 1_000_003L + p);
      List<List<Integer>> groups = new ArrayList<>();
      for (int i = 0; i < k; i++) {
        groups.add(new ArrayList<>());
      }
      for (int c : cs) {
        groups.get(local[c]).add(c);
      }
      Integer[] order = new Integer[k];
      double[] key = new double[k];
      double[] x = new double[k];
      double band = Math.max(1, Math.sqrt((double) cs.length / k));
      for (int i = 0; i < k; i++) {
        order[i] = i;
        double sy = 0;
        double sx = 0;
        for (int c : groups.get(i)) {
          sy += cy(c);
          sx += cx(c);
        }
        key[i] = -Math.floor(sy / groups.get(i).size() / band);
        x[i] = sx / groups.get(i).size();
      }
      Arrays.sort(
          order,
          (a, b) -> key[a] != key[b] ? Double.compare(key[a], key[b]) : Double.compare(x[a], x[b]));
      for (int i : order) {
        int id = cellsOf.size();
        int[] g = groups.get(i).stream().mapToInt(Integer::intValue).toArray();
        for (int c : g) {
          labels[c] = id;
        }
        cellsOf.add(g);
        parentOf.add(p);
      }
      for (int c : cs) {
        member[c] = false;
        local[c] = -1;
      }
    }
    return new Partition(
        labels, parentOf.stream().mapToInt(Integer::intValue).toArray(), List.copyOf(cellsOf));
  }

  /** Farthest-point seeds: the first by hash, then each the cell farthest from those chosen. */
  private int[] spreadSeeds(int[] cs, int k, long tag) {
    int[] seeds = new int[k];
    seeds[0] = cs[(int) (Hash.unit(seed, tag, 0, 5) * cs.length)];
    long[] best = new long[cs.length];
    Arrays.fill(best, Long.MAX_VALUE);
    for (int s = 1; s < k; s++) {
      int prev = seeds[s - 1];
      long far = -1;
      int pick = -1;
      for (int i = 0; i < cs.length; i++) {
        long ddx = cx(cs[i]) - cx(prev);
        long ddy = cy(cs[i]) - cy(prev);
        best[i] = Math.min(best[i], ddx * ddx + ddy * ddy);
        // break ties (and soften regularity) with a small hashed bonus
        long score = best[i] * 16 + (long) (Hash.unit(seed, tag, cs[i], 6) * 16);
        if (score > far) {
          far = score;
          pick = cs[i];
        }
      }
      seeds[s] = pick;
    }
    return seeds;
  }

  private record Step(double cost, int cell, int label) {}

  /** Multi-source growth: each cell joins the region that reaches it at the least random cost. */
  private void grow(int[] cs, int[] seeds, boolean[] member, int[] local, long tag) {
    PriorityQueue<Step> queue =
        new PriorityQueue<>(
            (a, b) ->
                a.cost != b.cost
                    ? Double.compare(a.cost, b.cost)
                    : Integer.compare(a.cell, b.cell));
    for (int i = 0; i < seeds.length; i++) {
      queue.add(new Step(0, seeds[i], i));
    }
    while (!queue.isEmpty()) {
      Step s = queue.poll();
      if (local[s.cell] >= 0) {
        continue;
      }
      local[s.cell] = s.label;
      for (int d = 0; d < 4; d++) {
        int n = neighbour(s.cell, d);
        if (n >= 0 && member[n] && local[n] < 0) {
          queue.add(new Step(s.cost + 1 + 2.5 * Hash.unit(seed, tag, n, 7), n, s.label));
        }
      }
    }
  }

  /**
   * Traces the polygon of a 4-connected set of cells.
   *
   * @param cells the cells
   * @param member whether a cell belongs to the set
   * @param factory the geometry factory
   * @return the polygon, one shell and any holes
   * @throws IllegalStateException when the cells are not 4-connected (more than one shell)
   */
  public Polygon polygon(int[] cells, IntPredicate member, GeometryFactory factory) {
    int n = 0;
    int[] from = new int[4 * cells.length];
    int[] to = new int[from.length];
    int[] dir = new int[from.length];
    int vw = width + 1;
    for (int c : cells) {
      int i = cx(c);
      int j = cy(c);
      // counter-clockwise sides: south edge runs east, east edge north, north edge west, west edge
      // south; a side is on the boundary when the cell across it is not in the set
      int[][] sides = {
        {3, i, j, i + 1, j, 0}, {0, i + 1, j, i + 1, j + 1, 1},
        {1, i + 1, j + 1, i, j + 1, 2}, {2, i, j + 1, i, j, 3}
      };
      for (int[] s : sides) {
        int across = neighbour(c, s[0]);
        if (across < 0 || !member.test(across)) {
          from[n] = s[2] * vw + s[1];
          to[n] = s[4] * vw + s[3];
          dir[n] = s[5];
          n++;
        }
      }
    }
    long[] byFrom = new long[n];
    for (int e = 0; e < n; e++) {
      byFrom[e] = ((long) from[e] << 32) | e;
    }
    Arrays.sort(byFrom);
    boolean[] used = new boolean[n];
    LinearRing shell = null;
    List<LinearRing> holes = new ArrayList<>();
    for (int e0 = 0; e0 < n; e0++) {
      if (used[e0]) {
        continue;
      }
      List<Coordinate> ring = new ArrayList<>();
      long twiceArea = 0;
      int cur = e0;
      while (true) {
        used[cur] = true;
        int a = from[cur];
        int b = to[cur];
        ring.add(new Coordinate(vertexLon(a % vw, a / vw), vertexLat(a % vw, a / vw)));
        twiceArea += (long) (a % vw) * (b / vw) - (long) (b % vw) * (a / vw);
        if (b == from[e0]) {
          break;
        }
        cur = next(byFrom, b, dir[cur], dir, used);
      }
      ring.add(new Coordinate(ring.get(0)));
      LinearRing lr = factory.createLinearRing(ring.toArray(new Coordinate[0]));
      if (twiceArea > 0) {
        if (shell != null) {
          throw new IllegalStateException("cells are not 4-connected: more than one outer ring");
        }
        shell = lr;
      } else {
        holes.add(lr);
      }
    }
    if (shell == null) {
      throw new IllegalStateException("no outer ring: empty set of cells");
    }
    return factory.createPolygon(shell, holes.toArray(new LinearRing[0]));
  }

  /**
   * The unused edge leaving vertex {@code v}: turning right if possible, else straight, else left.
   */
  private static int next(long[] byFrom, int v, int inDir, int[] dir, boolean[] used) {
    int lo = lowerBound(byFrom, (long) v << 32);
    int[] prefs = {(inDir + 3) & 3, inDir, (inDir + 1) & 3};
    for (int want : prefs) {
      for (int k = lo; k < byFrom.length && (int) (byFrom[k] >>> 32) == v; k++) {
        int e = (int) byFrom[k];
        if (!used[e] && dir[e] == want) {
          return e;
        }
      }
    }
    throw new IllegalStateException("boundary does not close at lattice vertex " + v);
  }

  private static int lowerBound(long[] a, long key) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] < key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
