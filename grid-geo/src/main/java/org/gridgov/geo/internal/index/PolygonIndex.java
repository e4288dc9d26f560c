package org.gridgov.geo.internal.index;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * An exact point-in-polygons index over a uniform grid of cells, for many polygons that share
 * borders (a planar subdivision, or anything messier).
 *
 * <p><b>Layout.</b> The bounding box of all vertices is cut into {@code nx × ny} cells. A cell that
 * no polygon edge touches has the same answer at every point; it is stored directly in {@link
 * #table}. Every other cell has a record: the status of each candidate polygon at the cell's
 * reference point D (a bit mask), the candidates' keys, and runs of the edges touching the cell.
 * Edges are deduplicated first, however many polygons share them: borders are cut into arcs
 * (maximal chains of edges used by the same polygons) stored once in {@link #xy}, and a run is a
 * range of consecutive edges of one arc, with bit masks of the candidates it flips and bounds. Most
 * records are compact ({@link #cdata}: vertices quantised to 16 bits in the cell's frame, about 56
 * bytes, read right after the table entry); crowded cells get exact records ({@link #data}).
 *
 * <p><b>Query.</b> The status of a point p for a candidate is its status at D flipped by the number
 * of its edges crossing the path p → (X, p.y) → D, X the cell's right side (a crossing-number
 * argument confined to the cell), and p lies on a candidate's boundary when it lies on one of its
 * edges. Every decision is an exact comparison or orientation predicate ({@link Predicates}), so
 * there is no epsilon anywhere: the answer equals the even-odd rule with closed boundaries, i.e.
 * JTS {@code covers}, for every point. The proof is in {@code docs/lookup.md}.
 *
 * <p><b>Modes.</b> In {@link Mode#FIRST} the polygons are given in precedence order and a query
 * returns the first polygon covering the point; in {@link Mode#ALL} it returns every covering
 * polygon.
 *
 * <p>Immutable and thread-safe; {@link #first}, {@link #firstAll} and {@link #all} do not allocate.
 */
public final class PolygonIndex {
  /** What a query answers. */
  public enum Mode {
    /** The first covering polygon in the given order. */
    FIRST,
    /** Every covering polygon. */
    ALL
  }

  /** Candidates a narrow record can hold: masks of this many bits fit in a run header. */
  static final int NARROW = 24;

  static final long NARROW_MASK = (1L << NARROW) - 1;

  /** Quantisation steps per cell side in compact records. */
  static final double QUANTA = 4096;

  /** Most candidates of a compact record (its masks have this many bits). */
  static final int COMPACT_CANDIDATES = 12;

  /** Most runs of a compact record. */
  static final int COMPACT_RUNS = 15;

  /** Most edges of a run in a compact record. */
  static final int COMPACT_RUN_LENGTH = 255;

  /**
   * How far a quantised coordinate may lie from the exact one, in quanta: half a quantum for the
   * rounding, plus far more than the rounding of the frame transform (about 1e-11 at 32768).
   */
  static final double TOLERANCE = 0.5 + 1e-6;

  final Mode mode;
  final double minX;
  final double minY;
  final double maxX;
  final double maxY;
  final double hx;
  final double hy;
  final double invHx;
  final double invHy;
  final int nx;
  final int ny;

  /** Columns and rows of half-cells (the table's resolution): twice nx and ny. */
  final int fnx;

  final int fny;

  /** Log2 of a block's width and height in half-cells (at most 4: at most 256 half-cells). */
  final int bwBits;

  final int bhBits;

  /** Blocks a row. */
  final int nbx;

  /**
   * Per half-cell, blocks in row-major order and half-cells row-major within a block: a byte u.
   * When u is below the block's palette size, the half-cell's code is the palette's entry u;
   * otherwise the half-cell's cell has a compact record whose header is {@code UNIT * (u - size)}
   * ints after the block's record base.
   */
  final byte[] table;

  /** Log2 of the ints between the places a record header may start at in a block's records. */
  static final int UNIT_SHIFT = 1;

  static final int UNIT = 1 << UNIT_SHIFT;

  /** Per block, three ints: where its palette starts, the palette's size, its record base. */
  final int[] blocks;

  /**
   * Each block's palette: a key (the same answer everywhere in the half-cell), -1 (nothing), or a
   * record code -offset - 2 (the records that could not be given a byte of their own).
   */
  final int[] palette;

  /** Per row: the y of the reference points of the row's cells. */
  final double[] rowRefY;

  /** Exact cell records (crowded cells). */
  final long[] data;

  /** Compact cell records. */
  final int[] cdata;

  /** Exact arc vertices, x and y interleaved (compact records refer to them). */
  final double[] xy;

  /** Quanta per unit of x and of y. */
  final double sx;

  final double sy;

  /** Per key: its position in the precedence order (for nearest-search ties), -1 if unused. */
  final int[] rankOfKey;

  /** An index on the builder's arrays and the given half-cell table (empty while staging). */
  private PolygonIndex(
      PolygonIndexBuilder b, int[] cdata, byte[] table, int[] blocks, int[] palette) {
    this(
        b.mode,
        new double[] {b.minX, b.minY, b.maxX, b.maxY, b.hx, b.hy, b.sx, b.sy},
        b.nx,
        b.ny,
        table,
        blocks,
        palette,
        b.rowRefY,
        b.data,
        cdata,
        b.xy,
        b.rankOfKey);
  }

  /**
   * An index on given arrays; {@code box} holds minX, minY, maxX, maxY, hx, hy, sx, sy. Everything
   * else is derived, so the builder and the serial form give the same index.
   */
  private PolygonIndex(
      Mode mode,
      double[] box,
      int nx,
      int ny,
      byte[] table,
      int[] blocks,
      int[] palette,
      double[] rowRefY,
      long[] data,
      int[] cdata,
      double[] xy,
      int[] rankOfKey) {
    this.mode = mode;
    minX = box[0];
    minY = box[1];
    maxX = box[2];
    maxY = box[3];
    hx = box[4];
    hy = box[5];
    invHx = 1.0 / hx;
    invHy = 1.0 / hy;
    this.nx = nx;
    this.ny = ny;
    this.rowRefY = rowRefY;
    this.data = data;
    this.xy = xy;
    sx = box[6];
    sy = box[7];
    this.rankOfKey = rankOfKey;
    fnx = 2 * nx;
    fny = 2 * ny;
    bwBits = Math.min(4, 32 - Integer.numberOfLeadingZeros(fnx - 1));
    bhBits = Math.min(4, 32 - Integer.numberOfLeadingZeros(fny - 1));
    nbx = (fnx + (1 << bwBits) - 1) >>> bwBits;
    this.cdata = cdata;
    this.table = table;
    this.blocks = blocks;
    this.palette = palette;
  }

  /** The first int of {@link #toBytes()}: "GGI" and the layout's version. */
  private static final int MAGIC = 0x47474901;

  /** Header of {@link #toBytes()}: magic, mode, nx, ny, 8 doubles, 8 array lengths. */
  private static final int HEADER_BYTES = 4 * 4 + 8 * 8 + 8 * 4;

  /** Bytes per element of the 8 arrays, in the order {@link #toBytes()} writes them. */
  private static final int[] WIDTHS = {1, 4, 4, 8, 8, 4, 8, 4};

  /**
   * One more than the largest key the index was built with.
   *
   * @return the number of keys
   */
  public int keyCount() {
    return rankOfKey.length;
  }

  /**
   * This index as bytes, for a serial form: a header (a magic number with the layout's version, the
   * mode, the columns and rows of cells, the box, cell size and quanta per unit as 8 doubles, and
   * the lengths of the 8 arrays), then the arrays' elements, all little-endian. Every other field
   * is derived from these. The arrays go through {@link ByteBuffer} bulk copies, which are memory
   * copies on little-endian machines: reading back 70 MB takes tens of milliseconds, even cold.
   *
   * @return the bytes
   * @throws IllegalStateException when the index needs more than 2 GB
   */
  public byte[] toBytes() {
    int[] lengths = {
      table.length,
      blocks.length,
      palette.length,
      rowRefY.length,
      data.length,
      cdata.length,
      xy.length,
      rankOfKey.length
    };
    long size = HEADER_BYTES;
    for (int i = 0; i < 8; i++) {
      size += (long) WIDTHS[i] * lengths[i];
    }
    if (size > Integer.MAX_VALUE - 16) {
      throw new IllegalStateException("an index of " + size + " bytes has no serial form");
    }
    ByteBuffer b = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(MAGIC).putInt(mode.ordinal()).putInt(nx).putInt(ny);
    for (double v : new double[] {minX, minY, maxX, maxY, hx, hy, sx, sy}) {
      b.putDouble(v);
    }
    for (int len : lengths) {
      b.putInt(len);
    }
    b.put(table);
    putInts(b, blocks);
    putInts(b, palette);
    putDoubles(b, rowRefY);
    b.asLongBuffer().put(data);
    b.position(b.position() + 8 * data.length);
    putInts(b, cdata);
    putDoubles(b, xy);
    putInts(b, rankOfKey);
    return b.array();
  }

  private static void putInts(ByteBuffer b, int[] a) {
    b.asIntBuffer().put(a);
    b.position(b.position() + 4 * a.length);
  }

  private static void putDoubles(ByteBuffer b, double[] a) {
    b.asDoubleBuffer().put(a);
    b.position(b.position() + 8 * a.length);
  }

  /**
   * The index {@link #toBytes()} wrote. The structure is checked (the header, array lengths that
   * the cell grid implies, a finite box, palette entries and block offsets in range); the records'
   * contents are trusted, as they come from {@link #toBytes()}.
   *
   * @param bytes the bytes
   * @return the index, answering exactly as the one the bytes were taken from
   * @throws IllegalArgumentException when the bytes are not an index's
   */
  public static PolygonIndex fromBytes(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length < HEADER_BYTES) {
      throw new IllegalArgumentException(
          "an index needs at least " + HEADER_BYTES + " bytes, found " + bytes.length);
    }
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int magic = b.getInt();
    if (magic != MAGIC) {
      throw new IllegalArgumentException(
          "not an index of this layout version: starts with " + Integer.toHexString(magic));
    }
    int mode = b.getInt();
    int nx = b.getInt();
    int ny = b.getInt();
    if (mode < 0 || mode >= Mode.values().length) {
      throw new IllegalArgumentException("an index has mode " + mode);
    }
    // The builder's bound (a strip may be one cell wide and a million high), not a square's.
    if (nx < 1 || ny < 1 || (long) nx * ny > PolygonIndexBuilder.MAX_CELLS) {
      throw new IllegalArgumentException("an index has " + nx + " x " + ny + " cells");
    }
    double[] box = new double[8];
    for (int i = 0; i < 8; i++) {
      box[i] = b.getDouble();
    }
    for (double v : box) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("an index's box is not finite: " + Arrays.toString(box));
      }
    }
    int[] len = new int[8];
    long total = HEADER_BYTES;
    for (int i = 0; i < 8; i++) {
      len[i] = b.getInt();
      if (len[i] < 0) {
        throw new IllegalArgumentException("an index's array has length " + len[i]);
      }
      total += (long) WIDTHS[i] * len[i];
    }
    if (total != bytes.length) {
      throw new IllegalArgumentException(
          "an index's arrays need " + total + " bytes, found " + bytes.length);
    }
    byte[] table = new byte[len[0]];
    b.get(table);
    int[] blocks = getInts(b, len[1]);
    int[] palette = getInts(b, len[2]);
    double[] rowRefY = getDoubles(b, len[3]);
    long[] data = new long[len[4]];
    b.asLongBuffer().get(data);
    b.position(b.position() + 8 * len[4]);
    int[] cdata = getInts(b, len[5]);
    double[] xy = getDoubles(b, len[6]);
    int[] rankOfKey = getInts(b, len[7]);
    PolygonIndex index =
        new PolygonIndex(
            Mode.values()[mode],
            box,
            nx,
            ny,
            table,
            blocks,
            palette,
            rowRefY,
            data,
            cdata,
            xy,
            rankOfKey);
    index.checkStructure();
    return index;
  }

  private static int[] getInts(ByteBuffer b, int n) {
    int[] out = new int[n];
    b.asIntBuffer().get(out);
    b.position(b.position() + 4 * n);
    return out;
  }

  private static double[] getDoubles(ByteBuffer b, int n) {
    double[] out = new double[n];
    b.asDoubleBuffer().get(out);
    b.position(b.position() + 8 * n);
    return out;
  }

  /** The checks of {@link #fromBytes}: the array lengths and offsets queries rely on. */
  private void checkStructure() {
    long blockCount = (long) nbx * ((fny + (1 << bhBits) - 1) >>> bhBits);
    if (table.length != blockCount << (bwBits + bhBits)
        || blocks.length != 3 * blockCount
        || rowRefY.length != ny
        || xy.length % 2 != 0) {
      throw new IllegalArgumentException(
          "an index's arrays do not fit its " + nx + " x " + ny + " cells");
    }
    for (int block = 0; block < blockCount; block++) {
      int start = blocks[3 * block];
      int size = blocks[3 * block + 1];
      int base = blocks[3 * block + 2];
      if (start < 0 || size < 0 || start + (long) size > palette.length || base < 0) {
        throw new IllegalArgumentException("an index's block " + block + " points out of range");
      }
    }
    for (int v : palette) {
      int rec = (-v - 2) >>> 1;
      boolean ok =
          v >= 0
              ? v < rankOfKey.length
              : v == -1 || (((-v - 2) & 1) == 0 ? rec < cdata.length : rec < data.length);
      if (!ok) {
        throw new IllegalArgumentException("an index's palette holds an unknown code " + v);
      }
    }
  }

  /**
   * The index for a builder that has written its cells: per cell a code ({@code b.table}) and the
   * quarters its record's edges touch ({@code b.touched}).
   */
  static PolygonIndex of(PolygonIndexBuilder b) {
    PolygonIndex staging = new PolygonIndex(b, b.cdata, new byte[0], new int[0], new int[0]);
    return staging.halfCells(b);
  }

  /**
   * Builds the half-cell table from per-cell codes, with this (staging) index evaluating records. A
   * half-cell of a cell with a record that no edge touches gets the record's (constant) answer
   * there, when that is one key or nothing; the others keep the record. Each block's compact
   * records are then copied next to each other, headers on 8-byte boundaries, so that a half-cell's
   * byte can give its record's offset: one memory access fewer than through the palette.
   */
  private PolygonIndex halfCells(PolygonIndexBuilder b) {
    int[] cellCodes = b.table;
    byte[] touched = b.touched;
    int nby = (fny + (1 << bhBits) - 1) >>> bhBits;
    int bw = 1 << bwBits;
    int bh = 1 << bhBits;
    byte[] out = new byte[Math.multiplyExact(nbx * nby, 1 << (bwBits + bhBits))];
    int[] outBlocks = new int[3 * nbx * nby];
    IntList pal = new IntList(1 << 16);
    IntList recs = new IntList(Math.max(16, cdata.length + cdata.length / 4));
    int[] distinctOf = new int[bw * bh]; // per half-cell of the block: its code's index in distinct
    IntList distinct = new IntList(256);
    int[] slotCode = new int[1024];
    int[] slotIndex = new int[1024];
    int[] slotStamp = new int[1024];
    int[] one = new int[1];
    for (int by = 0; by < nby; by++) {
      for (int bx = 0; bx < nbx; bx++) {
        int block = by * nbx + bx;
        int stamp = block + 1;
        distinct.clear();
        // 1. Each half-cell's code; the block's distinct codes in order of first use.
        for (int i = 0; i < bw * bh; i++) {
          int fx = bx * bw + (i & (bw - 1));
          int fy = by * bh + (i >>> bwBits);
          int v = -1;
          if (fx < fnx && fy < fny) {
            int ix = fx >> 1;
            int iy = fy >> 1;
            v = cellCodes[iy * nx + ix];
            int quarter = ((fy & 1) << 1) | (fx & 1);
            if (v < -1 && (touched[iy * nx + ix] & (1 << quarter)) == 0) {
              double cx = minX + (fx + 0.5) * 0.5 * hx;
              double cy = minY + (fy + 0.5) * 0.5 * hy;
              if (mode == Mode.FIRST) {
                v = evaluate(-v - 2, cx, cy, ix, iy);
              } else {
                int n = allInRecord(-v - 2, cx, cy, ix, iy, one);
                v = n == 0 ? -1 : n == 1 ? one[0] : v;
              }
            }
          }
          int slot = (v * 0x9E3779B9) >>> 22;
          while (slotStamp[slot] == stamp && slotCode[slot] != v) {
            slot = (slot + 1) & 1023;
          }
          if (slotStamp[slot] != stamp) {
            slotStamp[slot] = stamp;
            slotCode[slot] = v;
            slotIndex[slot] = distinct.size();
            distinct.add(v);
          }
          distinctOf[i] = slotIndex[slot];
        }
        // 2. Copy the compact records; the first f get bytes of their own, the rest (and keys,
        // nothing, exact records) go in the palette. f is the most that fit in a byte.
        while ((recs.size() & (UNIT - 1)) != 0) {
          recs.add(0);
        }
        int recordBase = recs.size();
        int nonCompact = 0;
        IntList moved = new IntList(distinct.size()); // per distinct code: new code
        IntList units = new IntList(distinct.size()); // per compact code: its header's unit
        for (int d = 0; d < distinct.size(); d++) {
          int v = distinct.get(d);
          if (v < -1 && ((-v - 2) & 1) == 0) {
            int header = copyCompact((-v - 2) >>> 1, recs);
            moved.add(-(header << 1) - 2);
            units.add((header - recordBase) >>> UNIT_SHIFT);
          } else {
            moved.add(v);
            units.add(-1);
            nonCompact++;
          }
        }
        IntList compactUnits = new IntList(distinct.size());
        for (int d = 0; d < distinct.size(); d++) {
          if (units.get(d) >= 0) {
            compactUnits.add(units.get(d));
          }
        }
        int compact = compactUnits.size();
        int own = compact;
        while (own > 0 && nonCompact + (compact - own) + compactUnits.get(own - 1) > 255) {
          own--;
        }
        int paletteStart = pal.size();
        int[] byteOf = new int[distinct.size()];
        int ownSeen = 0;
        for (int d = 0; d < distinct.size(); d++) {
          boolean hasOwn = units.get(d) >= 0 && ownSeen++ < own;
          if (!hasOwn) {
            byteOf[d] = pal.size() - paletteStart;
            pal.add(moved.get(d));
          }
        }
        int size = pal.size() - paletteStart;
        ownSeen = 0;
        for (int d = 0; d < distinct.size(); d++) {
          if (units.get(d) >= 0 && ownSeen++ < own) {
            byteOf[d] = size + units.get(d);
          }
        }
        for (int i = 0; i < bw * bh; i++) {
          out[(block << (bwBits + bhBits)) | i] = (byte) byteOf[distinctOf[i]];
        }
        outBlocks[3 * block] = paletteStart;
        outBlocks[3 * block + 1] = size;
        outBlocks[3 * block + 2] = recordBase;
      }
    }
    for (int i = 0; i < 16; i++) {
      recs.add(0); // queries read a little past a record's last run
    }
    return new PolygonIndex(b, recs.toArray(), out, outBlocks, pal.toArray());
  }

  /**
   * Copies the compact record with header {@code rec} to the end of {@code to}, its header on a
   * multiple of {@link #UNIT} ints; returns the header's new offset.
   */
  private int copyCompact(int rec, IntList to) {
    int h = cdata[rec];
    int m = (h >>> 4) & 0xF;
    int keys = (h & FULL_KEYS) != 0 ? m : 1 + (m >>> 1);
    int end = rec + 1;
    for (int r = 0; r < (h & 0xF); r++) {
      end += 3 + (cdata[end] & 0xFF);
    }
    while (((to.size() + keys) & (UNIT - 1)) != 0) {
      to.add(0);
    }
    int header = to.size() + keys;
    for (int i = rec - keys; i < end; i++) {
      to.add(cdata[i]);
    }
    return header;
  }

  /** The position of half-cell (fx, fy) in {@link #table}. */
  private int slotOf(int fx, int fy) {
    int block = (fy >>> bhBits) * nbx + (fx >>> bwBits);
    return (block << (bwBits + bhBits))
        | ((fy & ((1 << bhBits) - 1)) << bwBits)
        | (fx & ((1 << bwBits) - 1));
  }

  /** The code of half-cell (fx, fy). */
  private int code(int fx, int fy) {
    int block = 3 * ((fy >>> bhBits) * nbx + (fx >>> bwBits));
    int u = table[slotOf(fx, fy)] & 0xFF;
    int size = blocks[block + 1];
    return u < size
        ? palette[blocks[block] + u]
        : -((blocks[block + 2] + ((u - size) << UNIT_SHIFT)) << 1) - 2;
  }

  /** The code of cell (ix, iy): its record if it has one, else its key or -1. */
  int cellCode(int ix, int iy) {
    int v = -1;
    for (int q = 0; q < 4; q++) {
      v = code(2 * ix + (q & 1), 2 * iy + (q >> 1));
      if (v < -1) {
        return v;
      }
    }
    return v;
  }

  /**
   * Builds an index.
   *
   * @param rings per polygon, its rings (outer and inner, of every part) as interleaved x/y
   *     coordinates; a ring may or may not repeat its first vertex at the end
   * @param keys per polygon, the key (at least 0) a query returns for it; for {@link Mode#FIRST}
   *     the polygons are in precedence order: the earlier polygon wins
   * @param mode what queries answer
   * @param nearestTargets per polygon, whether {@link #nearest} may return it (null: none)
   * @return the index
   */
  public static PolygonIndex build(
      double[][][] rings, int[] keys, Mode mode, boolean[] nearestTargets) {
    return new PolygonIndexBuilder(rings, keys, mode, nearestTargets).build();
  }

  /**
   * The first polygon (in precedence order) whose closure covers a point. Does not allocate.
   *
   * @param x the x (longitude)
   * @param y the y (latitude)
   * @return its key, or -1 when no polygon covers the point (also for NaN)
   */
  public int first(double x, double y) {
    if (!inBox(x, y)) {
      return -1;
    }
    // 2t is exact, so fx >> 1 is the cell's column (int) t, clamped as in column(x).
    int fx = Math.min(fnx - 1, (int) ((x - minX) * invHx * 2));
    int fy = Math.min(fny - 1, (int) ((y - minY) * invHy * 2));
    int v = code(fx, fy);
    if (v >= -1) {
      return v;
    }
    return evaluate(-v - 2, x, y, fx >> 1, fy >> 1);
  }

  /** The code of the half-cell holding a point of the box. */
  private int codeAt(double x, double y) {
    return code(
        Math.min(fnx - 1, (int) ((x - minX) * invHx * 2)),
        Math.min(fny - 1, (int) ((y - minY) * invHy * 2)));
  }

  private boolean inBox(double x, double y) {
    return x >= minX && x <= maxX && y >= minY && y <= maxY;
  }

  /** The column of an x in the box (the last column holds the right edge). */
  private int column(double x) {
    return Math.min(nx - 1, (int) ((x - minX) * invHx));
  }

  private int row(double y) {
    return Math.min(ny - 1, (int) ((y - minY) * invHy));
  }

  /** The first covering key for a point in cell (ix, iy), whose record code is given. */
  private int evaluate(int code, double x, double y, int ix, int iy) {
    int rec = code >>> 1;
    if ((code & 1) == 0) {
      int bits = compactMask(rec, x, y, ix, iy);
      return bits == 0 ? -1 : compactKey(rec, Integer.numberOfTrailingZeros(bits));
    }
    long h = data[rec];
    int words = Math.max(1, words(h));
    for (int w = 0; w < words; w++) {
      long bits = exactMask(rec, h, w, x, y, ix, iy);
      if (bits != 0) {
        return candidate(candidateBase(rec, h), (w << 6) + Long.numberOfTrailingZeros(bits));
      }
    }
    return -1;
  }

  /** Where the candidates of an exact record start. */
  private static int candidateBase(int rec, long h) {
    return words(h) == 0 ? rec + 2 : rec + 1 + words(h);
  }

  /** Points looked ahead in {@link #firstAll}: their cells' records are loaded before use. */
  private static final int LOOKAHEAD = 32;

  /**
   * {@link #first} for many points. The table entries and record headers of a block of points are
   * loaded before any of them is evaluated, so their cache misses overlap instead of queueing one
   * after another. Does not allocate.
   *
   * @param xs x of each point
   * @param ys y of each point
   * @param out receives each point's key or -1
   * @param from the first point
   * @param to one past the last point
   */
  public void firstAll(double[] xs, double[] ys, int[] out, int from, int to) {
    long sink = 0;
    for (int base = from; base < to; base += LOOKAHEAD) {
      int end = Math.min(to, base + LOOKAHEAD);
      // Pass 1: the table entries (independent loads).
      for (int i = base; i < end; i++) {
        double x = xs[i];
        double y = ys[i];
        out[i] = inBox(x, y) ? codeAt(x, y) : -1;
      }
      // Pass 2: the records' cache lines (candidates before the header, runs after it).
      for (int i = base; i < end; i++) {
        int v = out[i];
        if (v < -1) {
          int code = -v - 2;
          int rec = code >>> 1;
          if ((code & 1) == 0) {
            sink += cdata[Math.max(0, rec - 3)] + cdata[Math.min(rec + 8, cdata.length - 1)];
          } else {
            sink += data[rec];
          }
        }
      }
      // Pass 3: evaluate, mostly from cache.
      for (int i = base; i < end; i++) {
        int v = out[i];
        if (v < -1) {
          out[i] = evaluate(-v - 2, xs[i], ys[i], column(xs[i]), row(ys[i]));
        }
      }
    }
    if (sink == 0x5EED_5EED_5EED_5EEDL) {
      throw new AssertionError(); // never; keeps the loads above from being optimised away
    }
  }

  /**
   * Every polygon whose closure covers a point, in the order they were given. Does not allocate.
   *
   * @param x the x (longitude)
   * @param y the y (latitude)
   * @param out receives the keys; when it is too small only the first keys are written
   * @return the number of covering polygons (may exceed {@code out.length})
   */
  public int all(double x, double y, int[] out) {
    if (!inBox(x, y)) {
      return 0;
    }
    int v = codeAt(x, y);
    if (v == -1) {
      return 0;
    }
    if (v >= 0) {
      if (out.length > 0) {
        out[0] = v;
      }
      return 1;
    }
    return allInRecord(-v - 2, x, y, column(x), row(y), out);
  }

  /** {@link #all} for a point of cell (ix, iy), whose record code is given. */
  private int allInRecord(int code, double x, double y, int ix, int iy, int[] out) {
    int rec = code >>> 1;
    boolean compact = (code & 1) == 0;
    long h = compact ? 0 : data[rec];
    int words = compact ? 1 : Math.max(1, words(h));
    int count = 0;
    for (int w = 0; w < words; w++) {
      long bits = compact ? compactMask(rec, x, y, ix, iy) : exactMask(rec, h, w, x, y, ix, iy);
      while (bits != 0) {
        int local = (w << 6) + Long.numberOfTrailingZeros(bits);
        if (count < out.length) {
          out[count] = compact ? compactKey(rec, local) : candidate(candidateBase(rec, h), local);
        }
        count++;
        bits &= bits - 1;
      }
    }
    return count;
  }

  static int runs(long header) {
    return (int) (header & 0xFFFFF);
  }

  static int words(long header) {
    return (int) ((header >>> 36) & 0xFFF);
  }

  static int candidates(long header) {
    return (int) (header >>> 48);
  }

  private int candidate(int base, int i) {
    return (int) (data[base + (i >>> 1)] >>> ((i & 1) << 5));
  }

  /** Header bit of a compact record whose candidates are full keys rather than deltas. */
  static final int FULL_KEYS = 1 << 20;

  /**
   * Candidate {@code i} of a compact record. Candidates are stored just before the header, as the
   * first key and 16-bit differences from it (neighbouring grids and their ancestors have close
   * ordinals), or, when a difference does not fit, as full keys.
   */
  private int compactKey(int rec, int i) {
    final int[] d = cdata;
    int h = d[rec];
    int m = (h >>> 4) & 0xF;
    if ((h & FULL_KEYS) != 0) {
      return d[rec - m + i];
    }
    int keys = rec - 1 - (m >>> 1);
    int j = Math.max(0, i - 1);
    int delta = (short) (d[keys + 1 + (j >>> 1)] >>> ((j & 1) << 4));
    return d[keys] + (i == 0 ? 0 : delta);
  }

  /**
   * Where the runs of a compact record start: right after its header, so that their loads need not
   * wait for the header.
   */
  static int compactRuns(int rec) {
    return rec + 1;
  }

  /**
   * The covered-candidates mask of a compact record: the hot path. Vertices are quantised to 1/4096
   * of a cell side in the cell's own frame (x and y scaled separately, which keeps every
   * orientation sign). Each edge is classified on them by {@link #edgeQ}, which also says whether
   * the quantisation error could change its answer; if it could for any edge, the record is
   * evaluated again on the exact coordinates ({@link #compactMaskExact}).
   *
   * <p>The loop has no branch that depends on the coordinates: such a branch is decided only when
   * the record has arrived from memory, and when it is mispredicted the processor discards the work
   * of the next lookups it had already started, so the lookups' cache misses queue one after
   * another instead of overlapping.
   */
  private int compactMask(int rec, double px, double py, int ix, int iy) {
    final int[] d = cdata;
    int h = d[rec];
    int nRuns = h & 0xF;
    double ox = minX + ix * hx;
    double oy = minY + iy * hy;
    double xr = minX + (ix + 1) * hx;
    double yd = rowRefY[iy];
    double qpx = (px - ox) * sx;
    double qpy = (py - oy) * sy;
    double qxr = (xr - ox) * sx;
    double qyd = (yd - oy) * sy;
    int parity = 0;
    long unsure = 0;
    int p = compactRuns(rec);
    for (int r = 0; r < nRuns; r++) {
      int rh = d[p];
      int len = rh & 0xFF;
      int va = d[p + 2];
      double ax = (short) va;
      double ay = va >> 16;
      long hit = 0;
      for (int i = 1; i <= len; i++) {
        int vb = d[p + 2 + i];
        double bx = (short) vb;
        double by = vb >> 16;
        long e = edgeQ(qpx, qpy, qxr, qyd, ax, ay, bx, by);
        hit ^= e;
        unsure |= e;
        ax = bx;
        ay = by;
      }
      parity ^= (rh >>> 8) & 0xFFF & -(int) (hit & 1);
      p += len + 3;
    }
    if ((unsure & 2) != 0) {
      return compactMaskExact(rec, px, py, ix, iy);
    }
    return ((h >>> 8) & 0xFFF) ^ parity;
  }

  /** {@link #compactMask} on the exact coordinates of the record's runs. */
  private int compactMaskExact(int rec, double px, double py, int ix, int iy) {
    final int[] d = cdata;
    int h = d[rec];
    double xr = minX + (ix + 1) * hx;
    double yd = rowRefY[iy];
    int parity = 0;
    int covered = 0;
    int p = compactRuns(rec);
    for (int r = 0; r < (h & 0xF); r++) {
      int rh = d[p];
      int len = rh & 0xFF;
      int exact = d[p + 1];
      int hit = 0;
      for (int i = 0; i < len; i++) {
        int a = 2 * (exact + i);
        int e = edge(px, py, xr, yd, xy[a], xy[a + 1], xy[a + 2], xy[a + 3]);
        hit = (hit ^ (e & 1)) | (e & 2);
      }
      if ((hit & 1) != 0) {
        parity ^= (rh >>> 8) & 0xFFF;
      }
      if ((hit & 2) != 0) {
        covered |= rh >>> 20;
      }
      p += len + 3;
    }
    return (((h >>> 8) & 0xFFF) ^ parity) | covered;
  }

  /** Largest |x| + |y| of p, C or D in a cell's quantised frame (a cell side is 4096 quanta). */
  private static final double FRAME_L1 = 2 * QUANTA + 8;

  /**
   * {@link #edge} on quantised coordinates, without branches: bit 0 is the parity of ab's crossings
   * with the path p → C = (xr, py) → D = (xr, yd); bit 1 is set when that answer might differ for
   * the exact vertices, each of which lies within {@link #TOLERANCE} of its quantised position
   * (then bit 0 means nothing).
   *
   * <p>An edge crosses the horizontal leg when its ends lie on different sides of y = py and its
   * crossing x0 lies right of p but not right of C; x0 > q.x exactly when the orientation of q
   * relative to a→b has the sign of b.y − a.y. It crosses the vertical leg when its ends lie on
   * different sides of x = xr and C and D lie on different sides of its line. The answer is sure
   * when every end lies at least the tolerance t from those lines and each orientation used is at
   * least the most that moving a and b by t can change it: t·(|ux| + |uy|) + 2t·|q − a|₁ + 4t²
   * (plus a margin for rounding), with |q − a|₁ bounded by |a|₁ plus {@link #FRAME_L1}. (t exceeds
   * the true quantisation error, so reaching it exactly is still sure.)
   *
   * <p>Comparisons are taken from the sign bits of differences (x − y is +0.0 when x equals y), so
   * the compiled code has no conditional jumps.
   */
  static long edgeQ(
      double px, double py, double xr, double yd, double ax, double ay, double bx, double by) {
    // Kept under C2's inlining limit for hot methods (325 bytes of bytecode): a call per edge
    // would cost more than the test.
    double ya = py - ay;
    double yb = py - by;
    double xa = xr - ax;
    double xb = xr - bx;
    double ux = bx - ax;
    double uy = by - ay;
    double uxYa = ux * ya;
    double uyXa = uy * xa;
    // Orientations of P = (px, py), C = (xr, py) and D = (xr, yd) relative to a→b.
    double detP = uxYa - uy * (px - ax);
    double detC = uxYa - uyXa;
    double detD = ux * (yd - ay) - uyXa;
    double bound =
        SLACK_U * (Math.abs(ux) + Math.abs(uy)) + SLACK_A * (Math.abs(ax) + Math.abs(ay));
    bound += SLACK;
    // Sign bits: set when the ends lie on different sides of y = py (of x = xr).
    long straddlesY = bits(ya) ^ bits(yb);
    long straddlesX = bits(xa) ^ bits(xb);
    long unsureC = bits(Math.abs(detC) - bound);
    long unsure =
        bits(Math.abs(ya) - TOLERANCE)
            | bits(Math.abs(yb) - TOLERANCE)
            | bits(Math.abs(xa) - TOLERANCE)
            | bits(Math.abs(xb) - TOLERANCE)
            | (straddlesY & (bits(Math.abs(detP) - bound) | unsureC))
            | (straddlesX & (unsureC | bits(Math.abs(detD) - bound)));
    // x0 > p.x and x0 > C.x have the signs of detP·uy and detC·uy: the horizontal leg is crossed
    // when detP and detC differ in sign; the vertical one when detC and detD do.
    long cross =
        (straddlesY & (bits(detP) ^ bits(detC))) ^ (straddlesX & (bits(detC) ^ bits(detD)));
    return (cross >>> 63) | ((unsure >>> 63) << 1);
  }

  /**
   * {@link #edgeQ}'s bound: t + 0.01 per unit of |ux| + |uy| (moving a and b by t, and rounding).
   */
  private static final double SLACK_U = TOLERANCE + 0.01;

  /** 2t + 0.01 per unit of |q − a|₁, which is at most |a|₁ + {@link #FRAME_L1}. */
  private static final double SLACK_A = 2 * TOLERANCE + 0.01;

  private static final double SLACK = SLACK_A * FRAME_L1 + 4 * TOLERANCE * TOLERANCE + 1e-3;

  private static long bits(double v) {
    return Double.doubleToRawLongBits(v);
  }

  /**
   * Word {@code w} of the covered-candidates mask of an exact record (a crowded cell).
   *
   * <p>The status of p is the status at the cell's reference point D = (X, yD) on the cell's right
   * side, flipped by every edge crossing the path p → C = (X, p.y) → D, and every candidate with an
   * edge through p covers it. The path and every point on it are shifted by an infinitesimal (δx,
   * δy), δx ≫ δy > 0, which decides all ties consistently (see docs/lookup.md): an edge crosses the
   * horizontal leg when exactly one end lies above p.y (as in JTS's RayCrossingCounter) and its
   * crossing x0 lies in (p.x, X] (or (X, p.x]); it crosses the vertical leg when exactly one end
   * lies right of X and its crossing lies between C and D, an edge through C or D counting as below
   * the shifted point when it rises to the right.
   */
  private long exactMask(int rec, long h, int w, double px, double py, int ix, int iy) {
    final long[] d = data;
    int words = words(h);
    double xr = minX + (ix + 1) * hx;
    double yd = rowRefY[iy];
    long parity = 0;
    long covered = 0;
    int p = candidateBase(rec, h) + ((candidates(h) + 1) >>> 1);
    for (int r = 0; r < runs(h); r++) {
      long rh = d[p];
      int len = (int) (rh & 0xFFFF);
      long cross;
      long bound;
      if (words == 0) {
        cross = (rh >>> 16) & NARROW_MASK;
        bound = rh >>> 40;
        p++;
      } else {
        cross = d[p + 1 + w];
        bound = d[p + 1 + words + w];
        p += 1 + 2 * words;
      }
      if ((cross | bound) != 0) {
        int e = inlineRun(p, len, px, py, xr, yd);
        parity ^= (e & 1) != 0 ? cross : 0;
        covered |= e > 1 ? bound : 0;
      }
      p += 2 * (len + 1);
    }
    return (d[rec + 1 + w] ^ parity) | covered;
  }

  /**
   * The edges of a run stored inline (exact coordinates from {@code p}): bit 0 is the parity of
   * their crossings with the path, bit 1 whether p lies on one of them.
   */
  private int inlineRun(int p, int len, double px, double py, double xr, double yd) {
    final long[] d = data;
    double ax = Double.longBitsToDouble(d[p]);
    double ay = Double.longBitsToDouble(d[p + 1]);
    int hit = 0;
    for (int i = 1; i <= len; i++) {
      double bx = Double.longBitsToDouble(d[p + 2 * i]);
      double by = Double.longBitsToDouble(d[p + 2 * i + 1]);
      int e = edge(px, py, xr, yd, ax, ay, bx, by);
      hit = (hit ^ (e & 1)) | (e & 2);
      ax = bx;
      ay = by;
    }
    return hit;
  }

  /**
   * Classifies edge ab against the path p → C = (xr, py) → D = (xr, yd).
   *
   * @return 2 when p lies on ab; otherwise 1 when ab crosses the path an odd number of times (once
   *     or on both legs counts as the parity), else 0
   */
  static int edge(
      double px, double py, double xr, double yd, double ax, double ay, double bx, double by) {
    int crossings = 0;
    boolean aUp = ay > py;
    if (aUp != (by > py)) {
      // Horizontal leg: crosses when p and C lie on different sides of the crossing x0.
      double xmin = Math.min(ax, bx);
      double xmax = Math.max(ax, bx);
      if (xmin > px || xmax < px) {
        // p is not on ab, and x0 > p.x exactly when ab lies right of p.
        boolean rightOfP = xmin > px;
        boolean rightOfC;
        if (xmin > xr) {
          rightOfC = true;
        } else if (xmax <= xr) {
          rightOfC = false;
        } else {
          rightOfC = upward(ax, ay, bx, by, aUp, xr, py) > 0;
        }
        crossings = rightOfP != rightOfC ? 1 : 0;
      } else {
        int op = upward(ax, ay, bx, by, aUp, px, py);
        if (op == 0) {
          return 2;
        }
        boolean rightOfC = upward(ax, ay, bx, by, aUp, xr, py) > 0;
        crossings = (op > 0) != rightOfC ? 1 : 0;
      }
    } else if (!aUp && (ay == py || by == py)) {
      // Both ends at or below p.y, one at p.y: p may lie on ab (a horizontal edge or an end).
      if ((ax <= bx ? px >= ax && px <= bx : px >= bx && px <= ax)
          && Predicates.orient(ax, ay, bx, by, px, py) == 0) {
        return 2;
      }
    }
    if ((ax > xr) != (bx > xr)) {
      // Vertical leg: crosses when C and D lie on different sides of the crossing y0.
      double lo = Math.min(py, yd);
      double hi = Math.max(py, yd);
      double ymin = Math.min(ay, by);
      double ymax = Math.max(ay, by);
      if (ymin > lo && ymax < hi) {
        crossings ^= 1;
      } else if (!(ymax < lo || ymin > hi)) {
        if (belowShifted(ax, ay, bx, by, xr, py) != belowShifted(ax, ay, bx, by, xr, yd)) {
          crossings ^= 1;
        }
      }
    }
    return crossings;
  }

  /**
   * The orientation of q relative to ab directed upwards (from its lower to its upper end): above 0
   * when q lies left of it, i.e. when the crossing x0 at q's height lies right of q.
   */
  private static int upward(
      double ax, double ay, double bx, double by, boolean aUp, double qx, double qy) {
    return aUp
        ? Predicates.orient(bx, by, ax, ay, qx, qy)
        : Predicates.orient(ax, ay, bx, by, qx, qy);
  }

  /**
   * Whether the point (xr + δx, qy + δy) lies below edge ab, which straddles x = xr: q below the
   * crossing y0, or q at y0 and the edge rising to the right (then δx·slope outgrows δy).
   */
  private static boolean belowShifted(
      double ax, double ay, double bx, double by, double xr, double qy) {
    boolean aLeft = ax <= xr;
    double lx = aLeft ? ax : bx;
    double ly = aLeft ? ay : by;
    double rx = aLeft ? bx : ax;
    double ry = aLeft ? by : ay;
    int o = Predicates.orient(lx, ly, rx, ry, xr, qy);
    return o < 0 || (o == 0 && ry > ly);
  }

  /** The result of a nearest-boundary search: a key and a distance in metres. */
  public record Nearest(int key, double metres) {}

  /** The best candidate so far of one nearest search. */
  private static final class Best {
    double metres;
    int key = -1;
    int rank = Integer.MAX_VALUE;
  }

  /**
   * The target polygon whose boundary is nearest to a point, within a distance. Distances are in
   * metres on a local equirectangular projection centred on the point (111,320 m per degree of
   * longitude at the equator times cos(latitude); 110,574 m per degree of latitude). Ties go to the
   * polygon given first. Cells are searched in rings of growing distance around the point.
   *
   * @param x the x (longitude)
   * @param y the y (latitude)
   * @param maxMetres the largest distance accepted
   * @return the nearest target polygon, or null when none is within {@code maxMetres}
   */
  public Nearest nearest(double x, double y, double maxMetres) {
    double kx = Math.max(1e-6, 111_320.0 * Math.cos(Math.toRadians(y)));
    double ky = 110_574.0;
    double rdx = maxMetres / kx;
    double rdy = maxMetres / ky;
    if (!(maxX >= minX) || x + rdx < minX || x - rdx > maxX || y + rdy < minY || y - rdy > maxY) {
      return null;
    }
    double side = Math.min(hx * kx, hy * ky);
    int cx = (int) Math.max(-1, Math.min(nx, Math.floor((x - minX) * invHx)));
    int cy = (int) Math.max(-1, Math.min(ny, Math.floor((y - minY) * invHy)));
    long ringsMax = Math.min((long) Math.ceil(maxMetres / side) + 2, (long) nx + ny + 2);
    Best best = new Best();
    best.metres = maxMetres;
    for (int k = 0; k <= ringsMax; k++) {
      if (k >= 2 && (k - 1) * side > best.metres) {
        break;
      }
      int x0 = cx - k;
      int x1 = cx + k;
      for (int iy = Math.max(0, cy - k); iy <= Math.min(ny - 1, cy + k); iy++) {
        boolean fullRow = iy == cy - k || iy == cy + k;
        for (int ix = Math.max(0, x0); ix <= Math.min(nx - 1, x1); ix++) {
          if (!fullRow && ix != x0 && ix != x1) {
            ix = x1 - 1; // only the ring's left and right cells on this row
            continue;
          }
          int v = cellCode(ix, iy);
          if (v < -1) {
            nearestInRecord(-v - 2, x, y, kx, ky, best);
          }
        }
      }
    }
    return best.key < 0 ? null : new Nearest(best.key, best.metres);
  }

  private void nearestInRecord(int code, double px, double py, double kx, double ky, Best best) {
    int rec = code >>> 1;
    if ((code & 1) == 0) {
      final int[] d = cdata;
      int h = d[rec];
      int p = compactRuns(rec);
      for (int r = 0; r < (h & 0xF); r++) {
        int len = d[p] & 0xFF;
        long bound = d[p] >>> 20;
        int exact = d[p + 1];
        while (bound != 0) {
          int key = compactKey(rec, Long.numberOfTrailingZeros(bound));
          bound &= bound - 1;
          offer(best, key, () -> runDistance(exact, len, px, py, kx, ky));
        }
        p += 3 + len;
      }
      return;
    }
    final long[] d = data;
    long h = d[rec];
    int words = words(h);
    int base = words == 0 ? rec + 2 : rec + 1 + words;
    int p = base + ((candidates(h) + 1) >>> 1);
    for (int r = 0; r < runs(h); r++) {
      long rh = d[p];
      int len = (int) (rh & 0xFFFF);
      int verts = words == 0 ? p + 1 : p + 1 + 2 * words;
      for (int w = 0; w < Math.max(words, 1); w++) {
        long bound = words == 0 ? rh >>> 40 : d[p + 1 + words + w];
        while (bound != 0) {
          int key = candidate(base, (w << 6) + Long.numberOfTrailingZeros(bound));
          bound &= bound - 1;
          offer(best, key, () -> inlineRunDistance(verts, len, px, py, kx, ky));
        }
      }
      p = verts + 2 * (len + 1);
    }
  }

  private void offer(Best best, int key, java.util.function.DoubleSupplier distance) {
    int rank = rankOfKey[key];
    if (rank < 0) {
      return;
    }
    double dist = distance.getAsDouble();
    if (dist < best.metres || (dist == best.metres && rank < best.rank)) {
      best.metres = dist;
      best.key = key;
      best.rank = rank;
    }
  }

  /** Distance in metres from p to a run of the shared vertex array. */
  private double runDistance(int start, int len, double px, double py, double kx, double ky) {
    double best = Double.POSITIVE_INFINITY;
    for (int i = 0; i < len; i++) {
      int a = 2 * (start + i);
      best =
          Math.min(best, segmentDistance(xy[a], xy[a + 1], xy[a + 2], xy[a + 3], px, py, kx, ky));
    }
    return best;
  }

  /** Distance in metres from p to a run stored inline in an exact record. */
  private double inlineRunDistance(int verts, int len, double px, double py, double kx, double ky) {
    final long[] d = data;
    double best = Double.POSITIVE_INFINITY;
    for (int i = 0; i < len; i++) {
      int a = verts + 2 * i;
      best =
          Math.min(
              best,
              segmentDistance(
                  Double.longBitsToDouble(d[a]),
                  Double.longBitsToDouble(d[a + 1]),
                  Double.longBitsToDouble(d[a + 2]),
                  Double.longBitsToDouble(d[a + 3]),
                  px,
                  py,
                  kx,
                  ky));
    }
    return best;
  }

  private static double segmentDistance(
      double x1, double y1, double x2, double y2, double px, double py, double kx, double ky) {
    double ax = (x1 - px) * kx;
    double ay = (y1 - py) * ky;
    double dx = (x2 - px) * kx - ax;
    double dy = (y2 - py) * ky - ay;
    double len2 = dx * dx + dy * dy;
    double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
    double qx = ax + t * dx;
    double qy = ay + t * dy;
    return Math.sqrt(qx * qx + qy * qy);
  }

  /**
   * The bytes held by this index's arrays (object headers included), for memory reports.
   *
   * @return an estimate of the retained size
   */
  public long sizeInBytes() {
    return 160
        + 16
        + table.length
        + 16
        + 4L * blocks.length
        + 16
        + 4L * palette.length
        + 16
        + 8L * rowRefY.length
        + 16
        + 8L * data.length
        + 16
        + 4L * cdata.length
        + 16
        + 8L * xy.length
        + 16
        + 4L * rankOfKey.length;
  }

  /**
   * Counts for reports and tests.
   *
   * @return cells, border cells, record words and size
   */
  public String stats() {
    int compact = 0;
    int exact = 0;
    int empty = 0;
    int direct = 0;
    for (int fy = 0; fy < fny; fy++) {
      for (int fx = 0; fx < fnx; fx++) {
        direct += code(fx, fy) >= -1 ? 1 : 0;
      }
    }
    for (int c = 0; c < nx * ny; c++) {
      int v = cellCode(c % nx, c / nx);
      if (v < -1) {
        if (((-v - 2) & 1) == 0) {
          compact++;
        } else {
          exact++;
        }
      } else if (v == -1) {
        empty++;
      }
    }
    return String.format(
        "cells %d x %d = %d (compact %d, exact %d, empty %d), half-cells answered without a record"
            + " %d of %d, palette %d, record ints %d, record longs %d, vertices %d, %.1f MB",
        nx,
        ny,
        nx * ny,
        compact,
        exact,
        empty,
        direct,
        fnx * fny,
        palette.length,
        cdata.length,
        data.length,
        xy.length / 2,
        sizeInBytes() / 1e6);
  }
}
