package org.gridgov.geo.internal.geojson;

import com.fasterxml.jackson.core.io.NumberInput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gridgov.core.io.Json;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Parses a well-formed Polygon or MultiPolygon geometry object straight from bytes, for the
 * parallel reader: positions are most of a grid map, and a scanner made for them reads them several
 * times faster than a general JSON tokenizer.
 *
 * <p>It accepts only the plain case — the members {@code type} and {@code coordinates} and nothing
 * else, keys and type without escapes, strict JSON numbers, every position in range, every ring
 * closed with at least 4 positions — and returns {@code null} for anything else, so that the caller
 * parses the geometry with Jackson, which reports any problem with its exact location. The geometry
 * it returns is the one the Jackson path builds: both round every number correctly, and rings are
 * oriented by the same code ({@link GeoJsonGridReader#orientedRing}). A number longer than {@link
 * Json#MAX_NUMBER_CHARS} is left to Jackson too, which refuses it as every GridGov reader does.
 *
 * <p>Not thread-safe; use one per thread.
 */
final class GeometryScanner {
  private static final byte[] TYPE = {'t', 'y', 'p', 'e'};
  private static final byte[] COORDINATES = {'c', 'o', 'o', 'r', 'd', 'i', 'n', 'a', 't', 'e', 's'};
  private static final byte[] POLYGON = {'P', 'o', 'l', 'y', 'g', 'o', 'n'};
  private static final byte[] MULTI_POLYGON = {
    'M', 'u', 'l', 't', 'i', 'P', 'o', 'l', 'y', 'g', 'o', 'n'
  };
  private static final double[] POWERS = new double[23];

  static {
    POWERS[0] = 1;
    for (int i = 1; i < POWERS.length; i++) {
      POWERS[i] = POWERS[i - 1] * 10; // exact up to 10^22
    }
  }

  private final GeometryFactory factory;
  private byte[] b;
  private int pos;
  private int end;
  private double[] xy = new double[256];
  private char[] chars = new char[32];

  GeometryScanner(GeometryFactory factory) {
    this.factory = factory;
  }

  /**
   * Parses the geometry object in {@code bytes[from, to)}.
   *
   * @param bytes the document
   * @param from the first byte of the object
   * @param to one past its last byte
   * @return the geometry, or {@code null} when the caller should parse it with Jackson
   */
  Geometry parse(byte[] bytes, int from, int to) {
    this.b = bytes;
    this.pos = from;
    this.end = to;
    try {
      return object();
    } catch (Fallback e) {
      return null;
    }
  }

  private Geometry object() {
    expect('{');
    boolean multi = false;
    boolean typed = false;
    List<List<double[]>> polygons = null;
    int depth = 0;
    do {
      ws();
      byte[] key = key();
      ws();
      expect(':');
      ws();
      if (key == TYPE && !typed) {
        typed = true;
        multi = typeName();
      } else if (key == COORDINATES && polygons == null) {
        depth = depth();
        polygons = new ArrayList<>(1);
        if (depth == 3) {
          polygons.add(polygon());
        } else if (depth == 4) {
          expect('[');
          do {
            ws();
            polygons.add(polygon());
            ws();
          } while (comma());
          expect(']');
        } else {
          throw Fallback.INSTANCE;
        }
      } else {
        throw Fallback.INSTANCE;
      }
      ws();
    } while (comma());
    expect('}');
    if (pos != end || !typed || polygons == null || depth != (multi ? 4 : 3)) {
      throw Fallback.INSTANCE;
    }
    Polygon[] built = new Polygon[polygons.size()];
    for (int i = 0; i < built.length; i++) {
      List<double[]> rings = polygons.get(i);
      LinearRing[] holes = new LinearRing[rings.size() - 1];
      for (int h = 1; h < rings.size(); h++) {
        double[] ring = rings.get(h);
        holes[h - 1] = GeoJsonGridReader.orientedRing(factory, ring, ring.length / 2, false);
      }
      double[] shell = rings.get(0);
      built[i] =
          factory.createPolygon(
              GeoJsonGridReader.orientedRing(factory, shell, shell.length / 2, true), holes);
    }
    return multi ? factory.createMultiPolygon(built) : built[0];
  }

  /** How many brackets open before the first number: 3 for a Polygon, 4 for a MultiPolygon. */
  private int depth() {
    int save = pos;
    int depth = 0;
    while (true) {
      ws();
      if (pos < end && b[pos] == '[') {
        depth++;
        pos++;
      } else {
        break;
      }
    }
    pos = save;
    return depth;
  }

  private List<double[]> polygon() {
    expect('[');
    List<double[]> rings = new ArrayList<>(1);
    do {
      ws();
      rings.add(ring());
      ws();
    } while (comma());
    expect(']');
    return rings;
  }

  /** A closed ring of at least 4 positions, packed x0, y0, x1, y1, … */
  private double[] ring() {
    expect('[');
    int n = 0;
    do {
      ws();
      if (2 * n + 2 > xy.length) {
        xy = Arrays.copyOf(xy, 2 * xy.length);
      }
      position(2 * n);
      n++;
      ws();
    } while (comma());
    expect(']');
    int last = 2 * (n - 1);
    if (n < 4 || xy[0] != xy[last] || xy[1] != xy[last + 1]) {
      throw Fallback.INSTANCE;
    }
    return Arrays.copyOf(xy, 2 * n);
  }

  private void position(int at) {
    expect('[');
    ws();
    double x = number();
    ws();
    expect(',');
    ws();
    double y = number();
    ws();
    while (comma()) { // an altitude and more are ignored, as RFC 7946 §3.1.1 allows
      ws();
      number();
      ws();
    }
    expect(']');
    if (!(x >= -180 && x <= 180 && y >= -90 && y <= 90)) {
      throw Fallback.INSTANCE;
    }
    xy[at] = x;
    xy[at + 1] = y;
  }

  /**
   * A JSON number: {@code -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?}. Up to 15 significant
   * digits with a small exponent it is one correctly rounded operation on two exact doubles
   * (Clinger's fast path); otherwise Jackson's FastDoubleParser, also correctly rounded.
   */
  private double number() {
    int start = pos;
    boolean negative = false;
    if (pos < end && b[pos] == '-') {
      negative = true;
      pos++;
    }
    long mantissa = 0;
    int significant = 0;
    int scale = 0;
    int digits = 0;
    if (pos < end && b[pos] == '0') {
      pos++;
      digits++;
    } else {
      while (pos < end && b[pos] >= '0' && b[pos] <= '9') {
        mantissa = accumulate(mantissa, b[pos]);
        if (mantissa != 0) {
          significant++;
        }
        pos++;
        digits++;
      }
    }
    if (digits == 0) {
      throw Fallback.INSTANCE;
    }
    if (pos < end && b[pos] == '.') {
      pos++;
      int fraction = 0;
      while (pos < end && b[pos] >= '0' && b[pos] <= '9') {
        mantissa = accumulate(mantissa, b[pos]);
        if (mantissa != 0) {
          significant++;
        }
        scale--;
        pos++;
        fraction++;
      }
      if (fraction == 0) {
        throw Fallback.INSTANCE;
      }
    }
    int exponent = 0;
    if (pos < end && (b[pos] == 'e' || b[pos] == 'E')) {
      pos++;
      boolean negativeExponent = false;
      if (pos < end && (b[pos] == '+' || b[pos] == '-')) {
        negativeExponent = b[pos] == '-';
        pos++;
      }
      int expDigits = 0;
      while (pos < end && b[pos] >= '0' && b[pos] <= '9') {
        if (expDigits < 6) {
          exponent = exponent * 10 + (b[pos] - '0');
        }
        pos++;
        expDigits++;
      }
      if (expDigits == 0) {
        throw Fallback.INSTANCE;
      }
      exponent = negativeExponent ? -exponent : exponent;
    }
    if (pos - start > Json.MAX_NUMBER_CHARS) {
      throw Fallback.INSTANCE;
    }
    int e = scale + exponent;
    if (mantissa == 0 && scale == 0 && exponent == 0) {
      return 0.0; // "-0" is an integer zero, as Jackson reads it
    }
    if (significant <= 15 && e >= -22 && e <= 22) {
      double v = e < 0 ? mantissa / POWERS[-e] : mantissa * POWERS[e];
      return negative ? -v : v;
    }
    int length = pos - start;
    if (chars.length < length) {
      chars = new char[length];
    }
    for (int i = 0; i < length; i++) {
      chars[i] = (char) b[start + i];
    }
    double v = NumberInput.parseDouble(chars, 0, length, true);
    if (!Double.isFinite(v)) {
      throw Fallback.INSTANCE;
    }
    return v;
  }

  /** Appends a digit while the mantissa has room; beyond that the slow path takes over. */
  private static long accumulate(long mantissa, byte digit) {
    return mantissa < 100_000_000_000_000_000L ? mantissa * 10 + (digit - '0') : mantissa;
  }

  /** Reads a member name: {@link #TYPE}, {@link #COORDINATES}, or gives up. */
  private byte[] key() {
    expect('"');
    int start = pos;
    while (pos < end && b[pos] != '"') {
      if (b[pos] == '\\') {
        throw Fallback.INSTANCE;
      }
      pos++;
    }
    expect('"');
    if (is(start, pos - 1, TYPE)) {
      return TYPE;
    }
    if (is(start, pos - 1, COORDINATES)) {
      return COORDINATES;
    }
    throw Fallback.INSTANCE;
  }

  /** Reads the type: true for MultiPolygon, false for Polygon; gives up on anything else. */
  private boolean typeName() {
    expect('"');
    int start = pos;
    while (pos < end && b[pos] != '"') {
      pos++;
    }
    expect('"');
    if (is(start, pos - 1, POLYGON)) {
      return false;
    }
    if (is(start, pos - 1, MULTI_POLYGON)) {
      return true;
    }
    throw Fallback.INSTANCE;
  }

  private boolean is(int from, int to, byte[] word) {
    return to - from == word.length && Arrays.equals(b, from, to, word, 0, word.length);
  }

  private boolean comma() {
    if (pos < end && b[pos] == ',') {
      pos++;
      return true;
    }
    return false;
  }

  private void ws() {
    while (pos < end) {
      byte c = b[pos];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        return;
      }
      pos++;
    }
  }

  private void expect(char c) {
    if (pos >= end || b[pos] != c) {
      throw Fallback.INSTANCE;
    }
    pos++;
  }

  /** Thrown to hand the geometry to Jackson; carries no stack trace. */
  private static final class Fallback extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final Fallback INSTANCE = new Fallback();

    private Fallback() {
      super(null, null, false, false);
    }
  }
}
