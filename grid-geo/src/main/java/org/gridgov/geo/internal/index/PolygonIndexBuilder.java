package org.gridgov.geo.internal.index;

import java.util.Arrays;
import org.gridgov.geo.internal.index.PolygonIndex.Mode;

/**
 * Builds a {@link PolygonIndex}. Every step iterates polygons, rings and cells in a fixed order and
 * no output depends on hash order, so the same input gives the same index. Not thread-safe; use
 * once.
 *
 * <p>Steps: (1) deduplicate vertices and edges with open-addressing tables keyed by the exact
 * coordinates; (2) label every unique edge with the sorted multiset of polygons using it; (3) cut
 * the edges into arcs of one label; (4) size the cell grid and list the arc segments touching each
 * cell; (5) sweep each row of cells along a horizontal reference line, keeping the even-odd status
 * of every polygon at each cell's reference point, and write each cell and which of its quarters
 * its edges touch; (6) {@link PolygonIndex#of} turns that into the half-cell table, answering the
 * untouched quarters, and copies each block's records together.
 */
final class PolygonIndexBuilder {
  /** Cells per unique edge: fewer cells mean less memory and more edges per border cell. */
  static final double CELLS_PER_EDGE = 2.0;

  /** Largest number of cells. */
  static final int MAX_CELLS = 1 << 25;

  /** Relative margin (of a cell side) by which cells are widened when collecting their edges. */
  private static final double MARGIN = 1e-6;

  private static final long EMPTY = 0x7FF8DEADBEEF0001L; // a NaN: never a finite coordinate

  /** Largest fill of the open-addressing tables (linear probing with a strong mix stays short). */
  private static final double LOAD = 0.7;

  final Mode mode;
  final int[] keys;
  private final double[][][] rings;
  private final boolean[] targets;
  private final int nPolys;

  // Unique vertices: open addressing with the coordinates in the table (one cache miss a probe).
  private long[] vertexTable; // per slot: x bits, y bits, id
  private int vertexCount;
  private double[] vx = new double[1 << 12];
  private double[] vy = new double[1 << 12];

  // Ring edges in ring order, and unique undirected edges.
  private IntList seqFrom;
  private IntList seqTo;
  private IntList seqEdge;
  private IntList seqPoly;
  private final IntList ringStarts = new IntList(1 << 10);
  private long[] edgeTable; // per slot: key (a << 32 | b), id
  private int edgeCount;
  private int[] edgeLabel;

  // Interned labels: the sorted multiset of polygons using an edge.
  private final IntList labelData = new IntList(1 << 16);
  private final IntList labelOffsets = new IntList(1 << 12);
  private int[] labelSlots = new int[1 << 12];
  private int[] labelStart;
  private int[] labelPolys;

  // Arcs: positions in the flattened vertex list; segment s runs from position s to s + 1.
  private int[] arcStart;
  private int[] posLabel;
  double[] xy;

  // Grid.
  double minX;
  double minY;
  double maxX;
  double maxY;
  double hx;
  double hy;
  int nx;
  int ny;
  int[] table;
  byte[] touched;
  double[] rowRefY;
  long[] data;
  int[] cdata;
  double sx;
  double sy;
  int[] rankOfKey;
  private int[] incStart;
  private int[] incSeg;

  private final double cellsPerEdge;
  private final int forcedNx;
  private final int forcedNy;

  PolygonIndexBuilder(double[][][] rings, int[] keys, Mode mode, boolean[] targets) {
    this(rings, keys, mode, targets, CELLS_PER_EDGE, 0, 0);
  }

  /** For tests and tuning: a given density, or (when forcedNx > 0) a given grid of cells. */
  PolygonIndexBuilder(
      double[][][] rings,
      int[] keys,
      Mode mode,
      boolean[] targets,
      double cellsPerEdge,
      int forcedNx,
      int forcedNy) {
    this.cellsPerEdge = cellsPerEdge;
    this.forcedNx = forcedNx;
    this.forcedNy = forcedNy;
    if (rings.length != keys.length) {
      throw new IllegalArgumentException(
          "rings for " + rings.length + " polygons but " + keys.length + " keys");
    }
    this.rings = rings;
    this.keys = keys.clone();
    this.mode = mode;
    this.nPolys = rings.length;
    this.targets = targets == null ? new boolean[nPolys] : targets.clone();
    Arrays.fill(labelSlots, -1);
    int maxKey = -1;
    for (int k : keys) {
      if (k < 0) {
        throw new IllegalArgumentException("negative key " + k);
      }
      maxKey = Math.max(maxKey, k);
    }
    rankOfKey = new int[maxKey + 1];
    Arrays.fill(rankOfKey, -1);
    for (int p = 0; p < nPolys; p++) {
      if (this.targets[p] && rankOfKey[keys[p]] < 0) {
        rankOfKey[keys[p]] = p;
      }
    }
  }

  PolygonIndex build() {
    readRings();
    labelEdges();
    buildArcs();
    sizeGrid();
    collectIncidences();
    sweepRows();
    return PolygonIndex.of(this);
  }

  // ---------------------------------------------------------------- vertices, edges and labels

  private void readRings() {
    long points = 0;
    for (double[][] poly : rings) {
      for (double[] ring : poly) {
        if (ring.length % 2 != 0) {
          throw new IllegalArgumentException("ring with an odd number of ordinates");
        }
        points += ring.length / 2;
      }
    }
    int capacity = (int) Math.min(Integer.MAX_VALUE - 16, points + 16);
    seqFrom = new IntList(capacity);
    seqTo = new IntList(capacity);
    seqEdge = new IntList(capacity);
    seqPoly = new IntList(capacity);
    // Shared borders make unique vertices far fewer than ring points; start at a third.
    vertexTable = emptyTable(tableSize(points / 3), 3);
    edgeTable = emptyTable(tableSize(points / 3), 2);
    for (int p = 0; p < nPolys; p++) {
      for (double[] ring : rings[p]) {
        int n = ring.length / 2;
        if (n == 0) {
          continue;
        }
        int ringStart = seqFrom.size();
        ringStarts.add(ringStart);
        int first = vertexId(ring[0], ring[1]);
        int prev = first;
        for (int i = 1; i < n; i++) {
          int v = vertexId(ring[2 * i], ring[2 * i + 1]);
          addRingEdge(p, prev, v);
          prev = v;
        }
        addRingEdge(p, prev, first); // nothing for a ring that repeats its first vertex
        if (seqFrom.size() == ringStart) {
          // A ring collapsed to one point still has that point as its boundary (as in JTS).
          seqFrom.add(first);
          seqTo.add(first);
          seqPoly.add(p);
          seqEdge.add(edgeId(first, first));
        }
      }
    }
    ringStarts.add(seqFrom.size());
    vertexTable = null;
    edgeTable = null;
  }

  /** A power of two holding {@code expected} entries under the load limit. */
  private static int tableSize(long expected) {
    long size = 1 << 10;
    while (size * LOAD < expected) {
      size <<= 1;
    }
    if (size > (1 << 28)) {
      throw new IllegalArgumentException("too many vertices to index: " + expected);
    }
    return (int) size;
  }

  private static long[] emptyTable(int slots, int stride) {
    long[] t = new long[slots * stride];
    for (int i = 0; i < t.length; i += stride) {
      t[i] = EMPTY;
    }
    return t;
  }

  private void addRingEdge(int poly, int a, int b) {
    if (a == b) {
      return; // a zero-length edge changes neither the crossing parity nor the boundary
    }
    seqFrom.add(a);
    seqTo.add(b);
    seqPoly.add(poly);
    seqEdge.add(edgeId(Math.min(a, b), Math.max(a, b)));
  }

  private int vertexId(double x, double y) {
    if (!(Double.isFinite(x) && Double.isFinite(y))) {
      throw new IllegalArgumentException("non-finite coordinate (" + x + ", " + y + ")");
    }
    long xb = Double.doubleToLongBits(x + 0.0); // -0.0 -> 0.0
    long yb = Double.doubleToLongBits(y + 0.0);
    int slots = vertexTable.length / 3;
    if (vertexCount >= slots * LOAD) {
      vertexTable = rehash(vertexTable, 3, slots * 2);
      slots *= 2;
    }
    int mask = slots - 1;
    int h = (int) mix(xb * 0x9E3779B97F4A7C15L ^ yb) & mask;
    while (true) {
      int i = 3 * h;
      long k = vertexTable[i];
      if (k == EMPTY) {
        vertexTable[i] = xb;
        vertexTable[i + 1] = yb;
        vertexTable[i + 2] = vertexCount;
        if (vertexCount == vx.length) {
          vx = Arrays.copyOf(vx, vx.length * 2);
          vy = Arrays.copyOf(vy, vy.length * 2);
        }
        vx[vertexCount] = x + 0.0;
        vy[vertexCount] = y + 0.0;
        return vertexCount++;
      }
      if (k == xb && vertexTable[i + 1] == yb) {
        return (int) vertexTable[i + 2];
      }
      h = (h + 1) & mask;
    }
  }

  private int edgeId(int a, int b) {
    long key = ((long) a << 32) | b;
    int slots = edgeTable.length / 2;
    if (edgeCount >= slots * LOAD) {
      edgeTable = rehash(edgeTable, 2, slots * 2);
      slots *= 2;
    }
    int mask = slots - 1;
    int h = (int) mix(key) & mask;
    while (true) {
      int i = 2 * h;
      long k = edgeTable[i];
      if (k == EMPTY) {
        edgeTable[i] = key;
        edgeTable[i + 1] = edgeCount;
        return edgeCount++;
      }
      if (k == key) {
        return (int) edgeTable[i + 1];
      }
      h = (h + 1) & mask;
    }
  }

  /** Re-inserts a table's entries (hashed on their first one or two words) into a larger one. */
  private static long[] rehash(long[] old, int stride, int slots) {
    long[] t = emptyTable(slots, stride);
    int mask = slots - 1;
    for (int i = 0; i < old.length; i += stride) {
      if (old[i] == EMPTY) {
        continue;
      }
      long hash = stride == 3 ? old[i] * 0x9E3779B97F4A7C15L ^ old[i + 1] : old[i];
      int h = (int) mix(hash) & mask;
      while (t[stride * h] != EMPTY) {
        h = (h + 1) & mask;
      }
      System.arraycopy(old, i, t, stride * h, stride);
    }
    return t;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Gives every unique edge the interned, sorted multiset of the polygons whose rings use it. */
  private void labelEdges() {
    int occurrences = seqEdge.size();
    int[] start = new int[edgeCount + 1];
    for (int o = 0; o < occurrences; o++) {
      start[seqEdge.get(o) + 1]++;
    }
    for (int e = 0; e < edgeCount; e++) {
      start[e + 1] += start[e];
    }
    int[] polys = new int[occurrences];
    int[] fill = Arrays.copyOf(start, edgeCount);
    for (int o = 0; o < occurrences; o++) { // polygons ascend with o, so lists come out sorted
      polys[fill[seqEdge.get(o)]++] = seqPoly.get(o);
    }
    fill = null;
    edgeLabel = new int[edgeCount];
    labelOffsets.add(0);
    for (int e = 0; e < edgeCount; e++) {
      edgeLabel[e] = internLabel(polys, start[e], start[e + 1]);
    }
    labelStart = labelOffsets.toArray();
    labelPolys = labelData.toArray();
    labelSlots = null;
  }

  private int internLabel(int[] polys, int from, int to) {
    int labels = labelOffsets.size() - 1;
    if (labels * 2 >= labelSlots.length) {
      int[] slots = new int[labelSlots.length * 2];
      Arrays.fill(slots, -1);
      for (int l = 0; l < labels; l++) {
        int h = hashLabel(l) & (slots.length - 1);
        while (slots[h] >= 0) {
          h = (h + 1) & (slots.length - 1);
        }
        slots[h] = l;
      }
      labelSlots = slots;
    }
    int mask = labelSlots.length - 1;
    long hh = 17;
    for (int i = from; i < to; i++) {
      hh = hh * 0x9E3779B97F4A7C15L + polys[i];
    }
    int h = (int) mix(hh) & mask;
    while (true) {
      int l = labelSlots[h];
      if (l < 0) {
        for (int i = from; i < to; i++) {
          labelData.add(polys[i]);
        }
        labelOffsets.add(labelData.size());
        labelSlots[h] = labels;
        return labels;
      }
      int s = labelOffsets.get(l);
      if (labelOffsets.get(l + 1) - s == to - from) {
        boolean same = true;
        for (int i = 0; i < to - from && same; i++) {
          same = labelData.get(s + i) == polys[from + i];
        }
        if (same) {
          return l;
        }
      }
      h = (h + 1) & mask;
    }
  }

  private int hashLabel(int l) {
    long h = 17;
    for (int i = labelOffsets.get(l); i < labelOffsets.get(l + 1); i++) {
      h = h * 0x9E3779B97F4A7C15L + labelData.get(i);
    }
    return (int) mix(h);
  }

  /**
   * Cuts the unique edges into arcs: walking the rings in polygon order, each edge not yet placed
   * extends the current arc when it has the same label and continues it, else starts a new one.
   * Each unique edge ends up in exactly one arc, once.
   */
  private void buildArcs() {
    boolean[] placed = new boolean[edgeCount];
    IntList verts = new IntList(edgeCount + edgeCount / 2);
    IntList starts = new IntList(edgeCount / 4 + 4);
    IntList labels = new IntList(edgeCount / 4 + 4);
    for (int r = 0; r + 1 < ringStarts.size(); r++) {
      boolean open = false;
      int openLabel = -1;
      int last = -1;
      for (int o = ringStarts.get(r); o < ringStarts.get(r + 1); o++) {
        int e = seqEdge.get(o);
        if (placed[e]) {
          open = false;
          continue;
        }
        placed[e] = true;
        int from = seqFrom.get(o);
        int to = seqTo.get(o);
        if (!open || edgeLabel[e] != openLabel || last != from) {
          starts.add(verts.size());
          labels.add(edgeLabel[e]);
          verts.add(from);
          open = true;
          openLabel = edgeLabel[e];
        }
        verts.add(to);
        last = to;
      }
    }
    starts.add(verts.size());
    arcStart = starts.toArray();
    int nv = verts.size();
    xy = new double[2 * nv];
    posLabel = new int[nv];
    for (int a = 0; a + 1 < arcStart.length; a++) {
      int label = labels.get(a);
      for (int i = arcStart[a]; i < arcStart[a + 1]; i++) {
        int v = verts.get(i);
        xy[2 * i] = vx[v];
        xy[2 * i + 1] = vy[v];
        posLabel[i] = label;
      }
    }
    vx = null;
    vy = null;
    edgeLabel = null;
  }

  // ---------------------------------------------------------------- grid

  private void sizeGrid() {
    int nv = xy.length / 2;
    if (nv == 0) {
      minX = minY = 0;
      maxX = maxY = -1; // an empty box: every query misses
      nx = ny = 1;
      hx = hy = 1;
      sx = sy = PolygonIndex.QUANTA;
      return;
    }
    minX = minY = Double.POSITIVE_INFINITY;
    maxX = maxY = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < nv; i++) {
      minX = Math.min(minX, xy[2 * i]);
      maxX = Math.max(maxX, xy[2 * i]);
      minY = Math.min(minY, xy[2 * i + 1]);
      maxY = Math.max(maxY, xy[2 * i + 1]);
    }
    double cos = Math.max(0.05, Math.cos(Math.toRadians((minY + maxY) / 2)));
    double w = Math.max((maxX - minX) * cos, 1e-12);
    double h = Math.max(maxY - minY, 1e-12);
    double target = Math.min(MAX_CELLS, Math.max(1.0, edgeCount * cellsPerEdge));
    double side = Math.sqrt(w * h / target);
    nx = (int) Math.max(1, Math.min(MAX_CELLS, Math.ceil(w / side)));
    ny = (int) Math.max(1, Math.min(MAX_CELLS / nx, Math.ceil(h / side)));
    if (forcedNx > 0) {
      nx = forcedNx;
      ny = forcedNy;
    }
    hx = maxX > minX ? (maxX - minX) / nx : 1.0;
    hy = maxY > minY ? (maxY - minY) / ny : 1.0;
    sx = PolygonIndex.QUANTA / hx;
    sy = PolygonIndex.QUANTA / hy;
  }

  /** Lists, for every cell, the arc segments touching it (widened by the margin), in order. */
  private void collectIncidences() {
    int cells = nx * ny;
    incStart = new int[cells + 1];
    rasterizeAll(null);
    for (int c = 0; c < cells; c++) {
      incStart[c + 1] += incStart[c];
    }
    incSeg = new int[incStart[cells]];
    rasterizeAll(Arrays.copyOf(incStart, cells));
  }

  /** Counts (cursor null) or fills the segments of every cell. */
  private void rasterizeAll(int[] cursor) {
    if (!(maxX >= minX)) {
      return;
    }
    double mx = hx * MARGIN;
    double my = hy * MARGIN;
    for (int a = 0; a + 1 < arcStart.length; a++) {
      for (int s = arcStart[a]; s < arcStart[a + 1] - 1; s++) {
        double x1 = xy[2 * s];
        double y1 = xy[2 * s + 1];
        double x2 = xy[2 * s + 2];
        double y2 = xy[2 * s + 3];
        int iy0 = clamp((int) Math.floor((Math.min(y1, y2) - my - minY) / hy), ny);
        int iy1 = clamp((int) Math.floor((Math.max(y1, y2) + my - minY) / hy), ny);
        for (int iy = iy0; iy <= iy1; iy++) {
          double lo;
          double hi;
          if (y1 == y2 || iy0 == iy1) {
            lo = Math.min(x1, x2);
            hi = Math.max(x1, x2);
          } else {
            double t0 = (minY + iy * hy - my - y1) / (y2 - y1);
            double t1 = (minY + (iy + 1) * hy + my - y1) / (y2 - y1);
            double ta = Math.max(0, Math.min(t0, t1));
            double tb = Math.min(1, Math.max(t0, t1));
            if (ta > tb) {
              continue;
            }
            double xa = x1 + (x2 - x1) * ta;
            double xb = x1 + (x2 - x1) * tb;
            lo = Math.max(Math.min(x1, x2), Math.min(xa, xb));
            hi = Math.min(Math.max(x1, x2), Math.max(xa, xb));
          }
          int ix0 = clamp((int) Math.floor((lo - mx - minX) / hx), nx);
          int ix1 = clamp((int) Math.floor((hi + mx - minX) / hx), nx);
          int row = iy * nx;
          for (int ix = ix0; ix <= ix1; ix++) {
            if (cursor == null) {
              incStart[row + ix + 1]++;
            } else {
              incSeg[cursor[row + ix]++] = s;
            }
          }
        }
      }
    }
  }

  private static int clamp(int i, int n) {
    return i < 0 ? 0 : i >= n ? n - 1 : i;
  }

  // ---------------------------------------------------------------- row sweeps

  private byte[] inside;
  private int[] insidePos;
  private IntList insideList;
  private int[] polyMark;
  private int[] polyLocal;
  private LongList out;
  private IntList cellPolys;
  private IntList cand;
  private final IntList runStarts = new IntList(16);
  private final IntList runLens = new IntList(16);
  private IntList cout;
  private int currentCell;

  /**
   * Sweeps each row along the horizontal line through its reference points, keeping the even-odd
   * status of every polygon at the current reference point, and writes each cell.
   */
  private void sweepRows() {
    int cells = nx * ny;
    table = new int[cells];
    touched = new byte[cells];
    rowRefY = new double[ny];
    inside = new byte[nPolys];
    insidePos = new int[nPolys];
    Arrays.fill(insidePos, -1);
    insideList = new IntList(16);
    polyMark = new int[nPolys];
    Arrays.fill(polyMark, -1);
    polyLocal = new int[nPolys];
    Arrays.fill(polyLocal, -1);
    out = new LongList(1024);
    cout = new IntList(Math.max(16, incSeg.length * 2));
    cellPolys = new IntList(64);
    cand = new IntList(64);
    if (!(maxX >= minX)) {
      Arrays.fill(table, -1);
    } else {
      for (int iy = 0; iy < ny; iy++) {
        double yd = minY + (iy + 0.5) * hy;
        rowRefY[iy] = yd;
        for (int ix = 0; ix < nx; ix++) {
          int c = iy * nx + ix;
          crossings(c, ix, yd);
          table[c] = writeCell(c);
        }
        // Crossings right of the row's last reference point were not counted: start afresh.
        for (int i = insideList.size() - 1; i >= 0; i--) {
          int p = insideList.get(i);
          inside[p] = 0;
          insidePos[p] = -1;
        }
        insideList.clear();
      }
    }
    data = out.toArray();
    cdata = cout.toArray();
    out = null;
    cout = null;
    incStart = null;
    incSeg = null;
    posLabel = null;
  }

  /**
   * Moves the status from the previous cell's reference point D(ix - 1) to D(ix) = (X, yd), X the
   * cell's right side: toggles the polygons of every edge of the cell crossing the reference line
   * at an x0 with {@code X(ix - 1) < x0 <= X(ix)}. An edge crosses the line when exactly one end
   * lies above it (the half-open rule of JTS's RayCrossingCounter); such an edge's crossing lies in
   * this cell, so it is in the cell's list. Both rules are the query's shift (δx, δy) applied to D.
   */
  private void crossings(int c, int ix, double yd) {
    double xr = minX + (ix + 1) * hx;
    double xl = minX + ix * hx;
    for (int i = incStart[c]; i < incStart[c + 1]; i++) {
      int s = incSeg[i];
      double ay = xy[2 * s + 1];
      double by = xy[2 * s + 3];
      if ((ay > yd) == (by > yd)) {
        continue;
      }
      double ax = xy[2 * s];
      double bx = xy[2 * s + 2];
      boolean up = ay < by;
      double lx = up ? ax : bx;
      double ly = up ? ay : by;
      double ux = up ? bx : ax;
      double uy = up ? by : ay;
      // x0 <= X(ix): D(ix) is right of or on the upward edge.
      if (Predicates.orient(lx, ly, ux, uy, xr, yd) > 0) {
        continue;
      }
      if (ix > 0 && Predicates.orient(lx, ly, ux, uy, xl, yd) <= 0) {
        continue; // x0 <= X(ix - 1): counted in the cell before
      }
      int label = posLabel[s];
      for (int j = labelStart[label]; j < labelStart[label + 1]; j++) {
        toggle(labelPolys[j]);
      }
    }
  }

  private void toggle(int p) {
    inside[p] ^= 1;
    if (inside[p] != 0) {
      insidePos[p] = insideList.size();
      insideList.add(p);
    } else {
      int pos = insidePos[p];
      int lastPoly = insideList.get(insideList.size() - 1);
      insideList.set(pos, lastPoly);
      insidePos[lastPoly] = pos;
      insideList.removeLast();
      insidePos[p] = -1;
    }
  }

  /** Writes cell {@code c}: a constant key, -1, or a record; returns the table value. */
  private int writeCell(int c) {
    currentCell = c;
    int from = incStart[c];
    int to = incStart[c + 1];
    cellPolys.clear();
    for (int i = from; i < to; i++) {
      int label = posLabel[incSeg[i]];
      for (int j = labelStart[label]; j < labelStart[label + 1]; j++) {
        int p = labelPolys[j];
        if (polyMark[p] != c) {
          polyMark[p] = c;
          cellPolys.add(p);
        }
      }
    }
    cand.clear();
    if (mode == Mode.FIRST) {
      // The best polygon covering the whole cell (inside, no edge here); polygons after it can
      // never win here and are dropped, except nearest-search targets, kept for their edges.
      int fallback = Integer.MAX_VALUE;
      for (int i = 0; i < insideList.size(); i++) {
        int p = insideList.get(i);
        if (polyMark[p] != c && p < fallback) {
          fallback = p;
        }
      }
      for (int i = 0; i < cellPolys.size(); i++) {
        int p = cellPolys.get(i);
        if (p < fallback || targets[p]) {
          cand.add(p);
        }
      }
      if (fallback != Integer.MAX_VALUE) {
        cand.add(fallback);
      }
    } else {
      for (int i = 0; i < cellPolys.size(); i++) {
        cand.add(cellPolys.get(i));
      }
      for (int i = 0; i < insideList.size(); i++) {
        int p = insideList.get(i);
        if (polyMark[p] != c) {
          cand.add(p);
        }
      }
    }
    int m = cand.size();
    if (m == 0) {
      return -1;
    }
    cand.sort();
    if (from == to) {
      // No edge touches the cell: the answer is the same everywhere in it.
      int firstInside = cand.get(0); // every candidate is inside here
      if (mode == Mode.FIRST || m == 1) {
        return keys[firstInside];
      }
    }
    if (m > 0xFFFF) {
      throw new IllegalStateException("cell " + c + " is too crowded to index");
    }
    for (int i = 0; i < m; i++) {
      polyLocal[cand.get(i)] = i;
    }
    // Runs of consecutive segments (consecutive positions lie in one arc, with one label), minus
    // those no candidate uses.
    runStarts.clear();
    runLens.clear();
    int i = from;
    while (i < to) {
      int j = i + 1;
      while (j < to && incSeg[j] == incSeg[j - 1] + 1 && j - i < 0xFFFF) {
        j++;
      }
      int label = posLabel[incSeg[i]];
      boolean used = false;
      for (int t = labelStart[label]; t < labelStart[label + 1] && !used; t++) {
        used = polyLocal[labelPolys[t]] >= 0;
      }
      if (used) {
        runStarts.add(incSeg[i]);
        runLens.add(j - i);
      }
      i = j;
    }
    int result;
    if (runStarts.size() == 0 && mode == Mode.FIRST) {
      // Only dropped polygons had edges here: constant after all.
      result = -1;
      for (int t = 0; t < m && result == -1; t++) {
        if (inside[cand.get(t)] != 0) {
          result = keys[cand.get(t)];
        }
      }
    } else if (fitsCompact(c, m)) {
      result = -(writeCompact(m) << 1) - 2;
      touched[c] = touchedQuarters(c);
    } else {
      result = -((out.size() << 1) | 1) - 2;
      writeExact(m);
      touched[c] = touchedQuarters(c);
    }
    for (int t = 0; t < m; t++) {
      polyLocal[cand.get(t)] = -1;
    }
    return result;
  }

  /**
   * Which quarters of cell {@code c} (widened by the margin) the edges of its runs touch: bit
   * {@code 2 * qy + qx} for the quarter in column qx and row qy. A quarter no edge touches has one
   * answer everywhere (no candidate's boundary passes through it), so the index can answer it
   * without the record. The test is exact: bounding boxes, then the orientation of the quarter's
   * corners.
   */
  private byte touchedQuarters(int c) {
    int ix = c % nx;
    int iy = c / nx;
    double mx = hx * MARGIN;
    double my = hy * MARGIN;
    double half = 0.5;
    int mask = 0;
    for (int q = 0; q < 4; q++) {
      int qx = q & 1;
      int qy = q >> 1;
      double x0 = minX + (ix + qx * half) * hx - mx;
      double x1 = minX + (ix + (qx + 1) * half) * hx + mx;
      double y0 = minY + (iy + qy * half) * hy - my;
      double y1 = minY + (iy + (qy + 1) * half) * hy + my;
      search:
      for (int r = 0; r < runStarts.size(); r++) {
        int s = runStarts.get(r);
        for (int v = s; v < s + runLens.get(r); v++) {
          if (touches(xy[2 * v], xy[2 * v + 1], xy[2 * v + 2], xy[2 * v + 3], x0, y0, x1, y1)) {
            mask |= 1 << q;
            break search;
          }
        }
      }
    }
    return (byte) mask;
  }

  /** Whether segment ab meets the closed box [x0, x1] × [y0, y1]. Exact. */
  static boolean touches(
      double ax, double ay, double bx, double by, double x0, double y0, double x1, double y1) {
    if (Math.max(ax, bx) < x0
        || Math.min(ax, bx) > x1
        || Math.max(ay, by) < y0
        || Math.min(ay, by) > y1) {
      return false;
    }
    // The boxes overlap: the segment misses the box only when its line leaves every corner
    // strictly on one side.
    int o1 = Predicates.orient(ax, ay, bx, by, x0, y0);
    int o2 = Predicates.orient(ax, ay, bx, by, x1, y0);
    int o3 = Predicates.orient(ax, ay, bx, by, x1, y1);
    int o4 = Predicates.orient(ax, ay, bx, by, x0, y1);
    return !((o1 > 0 && o2 > 0 && o3 > 0 && o4 > 0) || (o1 < 0 && o2 < 0 && o3 < 0 && o4 < 0));
  }

  /** Whether a cell's record fits the compact layout (see {@link PolygonIndex}). */
  private boolean fitsCompact(int c, int m) {
    if (m > PolygonIndex.COMPACT_CANDIDATES || runStarts.size() > PolygonIndex.COMPACT_RUNS) {
      return false;
    }
    double ox = minX + (c % nx) * hx;
    double oy = minY + (c / nx) * hy;
    for (int r = 0; r < runStarts.size(); r++) {
      if (runLens.get(r) > PolygonIndex.COMPACT_RUN_LENGTH) {
        return false;
      }
      for (int v = runStarts.get(r); v <= runStarts.get(r) + runLens.get(r); v++) {
        double qx = Math.rint((xy[2 * v] - ox) * sx);
        double qy = Math.rint((xy[2 * v + 1] - oy) * sy);
        if (!(Math.abs(qx) <= Short.MAX_VALUE && Math.abs(qy) <= Short.MAX_VALUE)) {
          return false;
        }
      }
    }
    return true;
  }

  /** Writes a compact record (candidates, header, runs); returns the header's offset. */
  private int writeCompact(int m) {
    int c = currentCell;
    double ox = minX + (c % nx) * hx;
    double oy = minY + (c / nx) * hy;
    int ref = 0;
    for (int i = 0; i < m; i++) {
      if (inside[cand.get(i)] != 0) {
        ref |= 1 << i;
      }
    }
    int base = keys[cand.get(0)];
    boolean deltas = true;
    for (int i = 1; i < m; i++) {
      int delta = keys[cand.get(i)] - base;
      deltas &= delta >= Short.MIN_VALUE && delta <= Short.MAX_VALUE;
    }
    if (deltas) {
      cout.add(base);
      for (int i = 1; i < m; i += 2) {
        int lo = (keys[cand.get(i)] - base) & 0xFFFF;
        int hi = i + 1 < m ? (keys[cand.get(i + 1)] - base) << 16 : 0;
        cout.add(lo | hi);
      }
    } else {
      for (int i = 0; i < m; i++) {
        cout.add(keys[cand.get(i)]);
      }
    }
    int header = cout.size();
    cout.add(runStarts.size() | (m << 4) | (ref << 8) | (deltas ? 0 : PolygonIndex.FULL_KEYS));
    for (int r = 0; r < runStarts.size(); r++) {
      int s = runStarts.get(r);
      int len = runLens.get(r);
      long[] masks = masks(posLabel[s], 1);
      cout.add(len | ((int) masks[0] << 8) | ((int) masks[1] << 20));
      cout.add(s);
      for (int v = s; v <= s + len; v++) {
        int qx = (int) Math.rint((xy[2 * v] - ox) * sx);
        int qy = (int) Math.rint((xy[2 * v + 1] - oy) * sy);
        cout.add((qx & 0xFFFF) | (qy << 16));
      }
    }
    return header;
  }

  private void writeExact(int m) {
    int words = m <= PolygonIndex.NARROW ? 0 : (m + 63) >>> 6;
    int nRuns = runStarts.size();
    if (nRuns > 0xFFFFF) {
      throw new IllegalStateException("cell " + currentCell + " is too crowded to index");
    }
    out.add(nRuns | ((long) words << 36) | ((long) m << 48));
    for (int w = 0; w < Math.max(words, 1); w++) {
      long ref = 0;
      for (int i = w << 6; i < Math.min(m, (w + 1) << 6); i++) {
        if (inside[cand.get(i)] != 0) {
          ref |= 1L << (i & 63);
        }
      }
      out.add(ref);
    }
    for (int i = 0; i < m; i += 2) {
      long lo = keys[cand.get(i)] & 0xFFFFFFFFL;
      long hi = i + 1 < m ? (long) keys[cand.get(i + 1)] << 32 : 0;
      out.add(lo | hi);
    }
    for (int r = 0; r < nRuns; r++) {
      int s = runStarts.get(r);
      int len = runLens.get(r);
      long[] masks = masks(posLabel[s], Math.max(words, 1));
      if (words == 0) {
        out.add(len | (masks[0] << 16) | (masks[1] << 40));
      } else {
        out.add(len);
        for (long w : masks) {
          out.add(w);
        }
      }
      for (int v = s; v <= s + len; v++) {
        out.addDouble(xy[2 * v]);
        out.addDouble(xy[2 * v + 1]);
      }
    }
  }

  /**
   * The crossing masks (parity of uses: an edge used twice by one polygon does not flip it) then
   * the boundary masks (any use) of a label over the cell's candidates, {@code words} of each.
   */
  private long[] masks(int label, int words) {
    long[] m = new long[2 * words];
    for (int t = labelStart[label]; t < labelStart[label + 1]; t++) {
      int local = polyLocal[labelPolys[t]];
      if (local >= 0) {
        m[local >>> 6] ^= 1L << (local & 63);
        m[words + (local >>> 6)] |= 1L << (local & 63);
      }
    }
    return m;
  }
}
