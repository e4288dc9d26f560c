package org.gridgov.geo.synthetic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The geometry engine of the synthetic city: a brick lattice of jittered cells inside a jagged
 * outline, partitioned level by level into nested regions, with each region's boundary traced as
 * rings of shared, jittered polylines.
 *
 * <p><b>Why a brick lattice.</b> Rows of rectangular cells offset by half a cell make every lattice
 * vertex meet exactly three cells. A union of cells then has a boundary made of disjoint simple
 * rings (no two boundary rings touch at a point), so every region is a valid polygon with holes.
 *
 * <p><b>Why it nests exactly.</b> Regions are unions of cells; a parent is the union of its
 * children's cells; every boundary is a chain of lattice edges, and the coordinates of a lattice
 * edge (its two jittered vertices and the jittered points between them) are a pure function of the
 * edge and the seed. Two neighbours, or a child and its parent, therefore share identical vertex
 * sequences along a common border: no gaps and no overlaps, to the last bit.
 *
 * <p>Partitions are multi-source breadth-first growths from seeds inside each parent (so every
 * region is connected), refined by two Lloyd steps (seeds moved to the region cell nearest the
 * region's centroid) for more even sizes. Deterministic for a seed. Not thread-safe; use once.
 */
final class CityLayout {
  /** Vertex jitter, as a fraction of the shorter lattice edge. */
  private static final double VERTEX_JITTER = 0.15;

  /** Perpendicular jitter of the points inside an edge, as a fraction of the shorter edge. */
  private static final double EDGE_JITTER = 0.1;

  private static final int LLOYD_STEPS = 2;

  private final long seed;
  private final int rows;
  private final int cols;
  private final double w; // cell width in metres
  private final double h; // row height in metres
  private final int subdivisions;
  private final double lon0;
  private final double lat0;
  private final double kx; // degrees of longitude per metre
  private final double ky; // degrees of latitude per metre
  private final double cx; // metres: the lattice point at lon0/lat0
  private final double cy;
  private final int vertexCols; // lattice vertices per line: 2 * cols + 2

  /** City cells, ascending cell id. */
  private final int[] cityCells;

  /** Per level, per cell: the region (-1 outside the city). */
  final List<int[]> labels = new ArrayList<>();

  /** Per level, per region: its parent region on the level above (-1 on the top level). */
  final List<int[]> parents = new ArrayList<>();

  /** Per level, the number of regions. */
  final List<Integer> counts = new ArrayList<>();

  CityLayout(
      long seed,
      double lon0,
      double lat0,
      double areaKm2,
      int[] levelCounts,
      int cellsPerLeaf,
      int subdivisions) {
    this.seed = seed;
    this.lon0 = lon0;
    this.lat0 = lat0;
    this.subdivisions = subdivisions;
    this.kx = 1.0 / (111_320.0 * Math.cos(Math.toRadians(lat0)));
    this.ky = 1.0 / 110_574.0;
    double area = areaKm2 * 1e6;
    int leaves = levelCounts[levelCounts.length - 1];
    double cellArea = area / ((double) leaves * cellsPerLeaf);
    this.w = Math.sqrt(2 * cellArea);
    this.h = w / 2;
    SplittableRandom rnd = new SplittableRandom(seed);
    // A star-shaped outline r(θ) = r0 (1 + Σ a_i sin(iθ + φ_i)), area ½∫r² = π r0² (1 + Σ a_i²/2).
    int harmonics = 5;
    double[] amp = new double[harmonics];
    double[] phase = new double[harmonics];
    double sumSq = 0;
    double sumAbs = 0;
    for (int i = 0; i < harmonics; i++) {
      amp[i] = rnd.nextDouble(0.02, 0.16) / (1 + 0.5 * i);
      phase[i] = rnd.nextDouble(0, 2 * Math.PI);
      sumSq += amp[i] * amp[i];
      sumAbs += amp[i];
    }
    double r0 = Math.sqrt(area / (Math.PI * (1 + sumSq / 2)));
    double rMax = r0 * (1 + sumAbs);
    this.cols = (int) Math.ceil(2 * rMax / w) + 4;
    this.rows = (int) Math.ceil(2 * rMax / h) + 4;
    this.vertexCols = 2 * cols + 2;
    this.cx = cols * w / 2;
    this.cy = rows * h / 2;
    boolean[] in = new boolean[rows * cols];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        double dx = centreX(r, c) - cx;
        double dy = centreY(r) - cy;
        double theta = Math.atan2(dy, dx);
        double rr = 1;
        for (int i = 0; i < harmonics; i++) {
          rr += amp[i] * Math.sin((i + 2) * theta + phase[i]);
        }
        in[r * cols + c] = Math.hypot(dx, dy) <= r0 * rr;
      }
    }
    in = largestComponentFilled(in);
    int n = 0;
    for (boolean b : in) {
      n += b ? 1 : 0;
    }
    cityCells = new int[n];
    n = 0;
    for (int i = 0; i < in.length; i++) {
      if (in[i]) {
        cityCells[n++] = i;
      }
    }
    if (cityCells.length < leaves) {
      throw new IllegalArgumentException(
          "the outline holds " + cityCells.length + " cells, fewer than " + leaves + " leaves");
    }
    partition(levelCounts, rnd);
  }

  // ---------------------------------------------------------------- lattice topology

  double centreX(int r, int c) {
    return (c + 0.5) * w + ((r & 1) != 0 ? w / 2 : 0);
  }

  double centreY(int r) {
    return (r + 0.5) * h;
  }

  /** The six neighbours of a cell, in the order of its edges e0..e5 (-1 outside the lattice). */
  private void neighbours(int cell, int[] out) {
    int r = cell / cols;
    int c = cell % cols;
    boolean odd = (r & 1) != 0;
    out[0] = at(r - 1, odd ? c : c - 1);
    out[1] = at(r - 1, odd ? c + 1 : c);
    out[2] = at(r, c + 1);
    out[3] = at(r + 1, odd ? c + 1 : c);
    out[4] = at(r + 1, odd ? c : c - 1);
    out[5] = at(r, c - 1);
  }

  private int at(int r, int c) {
    return r < 0 || r >= rows || c < 0 || c >= cols ? -1 : r * cols + c;
  }

  /**
   * The lattice vertex ids of a cell's corners in counter-clockwise order; edge i is v[i]→v[i+1].
   */
  private void corners(int cell, int[] v) {
    int r = cell / cols;
    int c = cell % cols;
    int a = 2 * c + (r & 1);
    v[0] = r * vertexCols + a;
    v[1] = r * vertexCols + a + 1;
    v[2] = r * vertexCols + a + 2;
    v[3] = (r + 1) * vertexCols + a + 2;
    v[4] = (r + 1) * vertexCols + a + 1;
    v[5] = (r + 1) * vertexCols + a;
    v[6] = v[0];
  }

  private boolean[] largestComponentFilled(boolean[] in) {
    int[] comp = new int[in.length];
    Arrays.fill(comp, -1);
    int[] queue = new int[in.length];
    int[] nb = new int[6];
    int best = -1;
    int bestSize = 0;
    int comps = 0;
    for (int s = 0; s < in.length; s++) {
      if (!in[s] || comp[s] >= 0) {
        continue;
      }
      int head = 0;
      int tail = 0;
      queue[tail++] = s;
      comp[s] = comps;
      while (head < tail) {
        int cell = queue[head++];
        neighbours(cell, nb);
        for (int x : nb) {
          if (x >= 0 && in[x] && comp[x] < 0) {
            comp[x] = comps;
            queue[tail++] = x;
          }
        }
      }
      if (tail > bestSize) {
        bestSize = tail;
        best = comps;
      }
      comps++;
    }
    // Outside = cells reachable from the lattice border without entering the component.
    boolean[] outside = new boolean[in.length];
    int head = 0;
    int tail = 0;
    for (int i = 0; i < in.length; i++) {
      int r = i / cols;
      int c = i % cols;
      boolean border = r == 0 || c == 0 || r == rows - 1 || c == cols - 1;
      if (border && comp[i] != best) {
        outside[i] = true;
        queue[tail++] = i;
      }
    }
    while (head < tail) {
      int cell = queue[head++];
      neighbours(cell, nb);
      for (int x : nb) {
        if (x >= 0 && !outside[x] && comp[x] != best) {
          outside[x] = true;
          queue[tail++] = x;
        }
      }
    }
    boolean[] result = new boolean[in.length];
    for (int i = 0; i < in.length; i++) {
      result[i] = !outside[i];
    }
    return result;
  }

  // ---------------------------------------------------------------- partition

  private void partition(int[] levelCounts, SplittableRandom rnd) {
    int cells = rows * cols;
    int[] top = new int[cells];
    Arrays.fill(top, -1);
    for (int c : cityCells) {
      top[c] = 0;
    }
    labels.add(top);
    parents.add(new int[] {-1});
    counts.add(1);
    int[] previous = top;
    int previousCount = 1;
    // A top level with several regions is the partition of one implicit root, then dropped.
    boolean implicitRoot = levelCounts[0] != 1;
    for (int li = implicitRoot ? 0 : 1; li < levelCounts.length; li++) {
      int[] childCounts = distribute(previous, previousCount, levelCounts[li]);
      int[] parentOf = new int[levelCounts[li]];
      int[] label = grow(previous, previousCount, childCounts, parentOf, rnd);
      labels.add(label);
      parents.add(parentOf);
      counts.add(levelCounts[li]);
      previous = label;
      previousCount = levelCounts[li];
    }
    if (implicitRoot) {
      labels.remove(0);
      parents.remove(0);
      counts.remove(0);
      Arrays.fill(parents.get(0), -1);
    }
  }

  /**
   * Children per parent, proportional to the parents' cell counts (largest remainder), each ≥ 1.
   */
  private int[] distribute(int[] label, int parentCount, int total) {
    long[] size = new long[parentCount];
    for (int c : cityCells) {
      size[label[c]]++;
    }
    if (total < parentCount) {
      throw new IllegalArgumentException(
          "level with " + total + " grids below a level with " + parentCount);
    }
    int[] out = new int[parentCount];
    double[] rem = new double[parentCount];
    int assigned = 0;
    long cellsTotal = cityCells.length;
    for (int p = 0; p < parentCount; p++) {
      double exact = 1 + (double) (total - parentCount) * size[p] / cellsTotal;
      out[p] = (int) Math.floor(exact);
      rem[p] = exact - out[p];
      assigned += out[p];
    }
    Integer[] order = new Integer[parentCount];
    for (int p = 0; p < parentCount; p++) {
      order[p] = p;
    }
    Arrays.sort(order, (a, b) -> rem[b] != rem[a] ? Double.compare(rem[b], rem[a]) : a - b);
    for (int i = 0; assigned < total; i = (i + 1) % parentCount) {
      out[order[i]]++;
      assigned++;
    }
    for (int p = 0; p < parentCount; p++) {
      if (out[p] > size[p]) {
        throw new IllegalArgumentException(
            "region " + p + " has " + size[p] + " cells for " + out[p] + " children");
      }
    }
    return out;
  }

  /**
   * Splits every parent into its number of children by multi-source breadth-first growth inside the
   * parent, from random seeds moved by Lloyd steps.
   */
  private int[] grow(
      int[] parentLabel, int parentCount, int[] childCounts, int[] parentOf, SplittableRandom rnd) {
    int cells = rows * cols;
    // Cells grouped by parent.
    int[] start = new int[parentCount + 1];
    for (int c : cityCells) {
      start[parentLabel[c] + 1]++;
    }
    for (int p = 0; p < parentCount; p++) {
      start[p + 1] += start[p];
    }
    int[] byParent = new int[cityCells.length];
    int[] fill = Arrays.copyOf(start, parentCount);
    for (int c : cityCells) {
      byParent[fill[parentLabel[c]]++] = c;
    }
    int total = Arrays.stream(childCounts).sum();
    int[] seeds = new int[total];
    int next = 0;
    for (int p = 0; p < parentCount; p++) {
      int n = start[p + 1] - start[p];
      int[] pool = Arrays.copyOfRange(byParent, start[p], start[p + 1]);
      for (int i = 0; i < childCounts[p]; i++) { // partial Fisher-Yates
        int j = i + rnd.nextInt(n - i);
        int t = pool[i];
        pool[i] = pool[j];
        pool[j] = t;
        seeds[next] = pool[i];
        parentOf[next] = p;
        next++;
      }
    }
    int[] label = new int[cells];
    for (int step = 0; ; step++) {
      bfs(parentLabel, seeds, label);
      if (step == LLOYD_STEPS) {
        return label;
      }
      double[] sx = new double[total];
      double[] sy = new double[total];
      int[] n = new int[total];
      for (int c : cityCells) {
        int g = label[c];
        sx[g] += centreX(c / cols, c % cols);
        sy[g] += centreY(c / cols);
        n[g]++;
      }
      double[] bestD = new double[total];
      Arrays.fill(bestD, Double.POSITIVE_INFINITY);
      for (int c : cityCells) {
        int g = label[c];
        double dx = centreX(c / cols, c % cols) - sx[g] / n[g];
        double dy = centreY(c / cols) - sy[g] / n[g];
        double d = dx * dx + dy * dy;
        if (d < bestD[g]) {
          bestD[g] = d;
          seeds[g] = c;
        }
      }
    }
  }

  private void bfs(int[] parentLabel, int[] seeds, int[] label) {
    Arrays.fill(label, -1);
    int[] queue = new int[cityCells.length];
    int tail = 0;
    for (int g = 0; g < seeds.length; g++) {
      label[seeds[g]] = g;
      queue[tail++] = seeds[g];
    }
    int[] nb = new int[6];
    int head = 0;
    while (head < tail) {
      int cell = queue[head++];
      neighbours(cell, nb);
      for (int x : nb) {
        if (x >= 0 && label[x] < 0 && parentLabel[x] >= 0 && parentLabel[x] == parentLabel[cell]) {
          label[x] = label[cell];
          queue[tail++] = x;
        }
      }
    }
  }

  // ---------------------------------------------------------------- rings

  /**
   * The rings of every region of a level as closed lon/lat coordinate arrays (x, y interleaved):
   * outer rings counter-clockwise, holes clockwise, each ring starting at its smallest lattice
   * vertex.
   *
   * @return per region, its rings
   */
  double[][][] rings(int level) {
    int[] label = labels.get(level);
    int count = counts.get(level);
    // Directed boundary edges (region, from, to), the region's interior on the left.
    int vBits = 64 - Long.numberOfLeadingZeros((long) (rows + 1) * vertexCols);
    int rBits = 64 - Long.numberOfLeadingZeros(count);
    if (rBits + 2 * vBits > 63) {
      throw new IllegalStateException("lattice too large to trace");
    }
    long[] edges = new long[cityCells.length * 6];
    int n = 0;
    int[] nb = new int[6];
    int[] v = new int[7];
    for (int c : cityCells) {
      neighbours(c, nb);
      corners(c, v);
      int g = label[c];
      for (int e = 0; e < 6; e++) {
        if (nb[e] < 0 || label[nb[e]] != g) {
          edges[n++] = ((long) g << (2 * vBits)) | ((long) v[e] << vBits) | v[e + 1];
        }
      }
    }
    long[] sorted = Arrays.copyOf(edges, n);
    Arrays.sort(sorted);
    long vMask = (1L << vBits) - 1;
    boolean[] used = new boolean[n];
    double[][][] out = new double[count][][];
    int i = 0;
    while (i < n) {
      int g = (int) (sorted[i] >>> (2 * vBits));
      int j = i;
      while (j < n && (int) (sorted[j] >>> (2 * vBits)) == g) {
        j++;
      }
      List<double[]> ringList = new ArrayList<>();
      for (int s = i; s < j; s++) {
        if (used[s]) {
          continue;
        }
        // Sorted by from-vertex within the region, and each vertex has one outgoing edge.
        DoubleBuf ring = new DoubleBuf();
        int e = s;
        do {
          used[e] = true;
          int from = (int) ((sorted[e] >>> vBits) & vMask);
          int to = (int) (sorted[e] & vMask);
          appendEdge(ring, from, to);
          e = find(sorted, i, j, ((long) g << (2 * vBits)) | ((long) to << vBits), vBits);
        } while (e != s);
        ring.close();
        ringList.add(ring.toArray());
      }
      out[g] = ringList.toArray(new double[0][]);
      i = j;
    }
    return out;
  }

  private static int find(long[] sorted, int from, int to, long prefix, int vBits) {
    long lo = prefix;
    int a = from;
    int b = to - 1;
    while (a <= b) {
      int mid = (a + b) >>> 1;
      long key = sorted[mid] >>> vBits << vBits;
      if (key < lo) {
        a = mid + 1;
      } else if (key > lo) {
        b = mid - 1;
      } else {
        return mid;
      }
    }
    throw new IllegalStateException("open boundary in the lattice");
  }

  /** Appends vertex {@code from} and the inner points of edge from→to (not {@code to}). */
  private void appendEdge(DoubleBuf ring, int from, int to) {
    double[] p = new double[2];
    vertexXy(from, p);
    ring.add(p[0], p[1]);
    int u = Math.min(from, to);
    int v = Math.max(from, to);
    double[] pu = new double[2];
    double[] pv = new double[2];
    vertexMetres(u, pu);
    vertexMetres(v, pv);
    double dx = pv[0] - pu[0];
    double dy = pv[1] - pu[1];
    double len = Math.hypot(dx, dy);
    double d = Math.min(w / 2, h);
    for (int k = 1; k <= subdivisions; k++) {
      int kk = from == u ? k : subdivisions + 1 - k;
      long hsh = mix(seed ^ mix(((long) u << 32 | v) * 31 + kk));
      double along = unit(hsh) - 0.5;
      double across = 2 * unit(mix(hsh)) - 1;
      double t = (kk + 0.4 * along) / (subdivisions + 1);
      double mx = pu[0] + t * dx - dy / len * EDGE_JITTER * d * across;
      double my = pu[1] + t * dy + dx / len * EDGE_JITTER * d * across;
      ring.add(lon(mx), lat(my));
    }
  }

  private void vertexMetres(int vid, double[] out) {
    int r = vid / vertexCols;
    int k = vid % vertexCols;
    long hsh = mix(seed * 0x9E3779B97F4A7C15L + vid);
    double d = Math.min(w / 2, h);
    out[0] = k * (w / 2) + (2 * unit(hsh) - 1) * VERTEX_JITTER * d;
    out[1] = r * h + (2 * unit(mix(hsh)) - 1) * VERTEX_JITTER * d;
  }

  private void vertexXy(int vid, double[] out) {
    vertexMetres(vid, out);
    out[0] = lon(out[0]);
    out[1] = lat(out[1]);
  }

  double lon(double xMetres) {
    return lon0 + (xMetres - cx) * kx;
  }

  double lat(double yMetres) {
    return lat0 + (yMetres - cy) * ky;
  }

  private static double unit(long h) {
    return (h >>> 11) * 0x1.0p-53;
  }

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  // ---------------------------------------------------------------- region facts

  /**
   * Per region of a level: centroid lon, centroid lat, and the region's area in m².
   *
   * @return three values per region
   */
  double[] centroids(int level) {
    int[] label = labels.get(level);
    int count = counts.get(level);
    double[] out = new double[3 * count];
    for (int c : cityCells) {
      int g = label[c];
      out[3 * g] += centreX(c / cols, c % cols);
      out[3 * g + 1] += centreY(c / cols);
      out[3 * g + 2] += 1;
    }
    for (int g = 0; g < count; g++) {
      double cells = out[3 * g + 2];
      out[3 * g] = lon(out[3 * g] / cells);
      out[3 * g + 1] = lat(out[3 * g + 1] / cells);
      out[3 * g + 2] = cells * w * h;
    }
    return out;
  }

  /**
   * The region of a level holding the cell nearest to a lon/lat, or -1 outside the city.
   *
   * @return the region
   */
  int regionAt(int level, double lon, double lat) {
    double x = (lon - lon0) / kx + cx;
    double y = (lat - lat0) / ky + cy;
    int r = (int) Math.floor(y / h);
    if (r < 0 || r >= rows) {
      return -1;
    }
    int c = (int) Math.floor((x - ((r & 1) != 0 ? w / 2 : 0)) / w);
    if (c < 0 || c >= cols) {
      return -1;
    }
    return labels.get(level)[r * cols + c];
  }

  /** Metres per cell side, for callers sizing things relative to the lattice. */
  double cellWidthMetres() {
    return w;
  }

  /** A growable coordinate buffer for one ring. */
  private static final class DoubleBuf {
    private double[] a = new double[64];
    private int n;

    void add(double x, double y) {
      if (n + 2 > a.length) {
        a = Arrays.copyOf(a, a.length * 2);
      }
      a[n++] = x;
      a[n++] = y;
    }

    void close() {
      add(a[0], a[1]);
    }

    double[] toArray() {
      return Arrays.copyOf(a, n);
    }
  }
}
