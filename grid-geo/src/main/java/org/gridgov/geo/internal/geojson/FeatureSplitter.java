package org.gridgov.geo.internal.geojson;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gridgov.core.io.Json;

/**
 * Finds, in one quick pass over the bytes of a GeoJSON document, where each top-level member and
 * each element of the {@code features} array starts and ends, so that the features can be parsed in
 * parallel. It only follows the structure (strings, brackets, commas); the values themselves are
 * parsed by Jackson afterwards. On anything it does not expect — malformed structure, a duplicate
 * or escaped top-level key, a BOM — it gives up and returns {@code null}, and the caller parses the
 * document sequentially, which reports the problem with its exact location. It also gives up on
 * what would break a {@link Json} limit the parallel parsers cannot see (they parse one feature at
 * a time): nesting deeper than {@link Json#MAX_NESTING_DEPTH} counted from the document's root, a
 * top-level name longer than {@link Json#MAX_NAME_CHARS}. The document size is checked before.
 *
 * <p>Stateless; each call scans one document.
 */
final class FeatureSplitter {
  /** A top-level member: its name and the byte range of its value. */
  record Member(String name, int start, int end) {}

  /**
   * Where things are.
   *
   * @param members the top-level members in document order
   * @param starts the first byte of each feature
   * @param ends one past the last byte of each feature
   * @param lines the 1-based line of each feature's first byte
   * @param columns the 1-based column (in bytes) of each feature's first byte
   * @param geometryStarts the first byte of each feature's {@code geometry} value, or -1 when the
   *     feature is not an object or has no (or more than one) geometry member
   * @param geometryEnds one past the last byte of each feature's geometry value
   */
  record Layout(
      List<Member> members,
      int[] starts,
      int[] ends,
      int[] lines,
      int[] columns,
      int[] geometryStarts,
      int[] geometryEnds) {}

  /** ASCII bytes that need no attention inside a nested value. */
  private static final boolean[] PLAIN = new boolean[128];

  static {
    Arrays.fill(PLAIN, true);
    for (char c : new char[] {'"', '{', '}', '[', ']', '\n'}) {
      PLAIN[c] = false;
    }
  }

  private static final byte[] GEOMETRY = "geometry".getBytes(StandardCharsets.US_ASCII);

  /**
   * The deepest nesting inside a value skipped here: values start at most 3 levels down (the
   * document, the features array, a feature), so deeper ones could break the document's limit.
   */
  private static final int MAX_NESTED_DEPTH = Json.MAX_NESTING_DEPTH - 3;

  private final byte[] b;
  private final int end;
  private int pos;
  private int line = 1;
  private int lineStart; // offset of the first byte of the current line

  private FeatureSplitter(byte[] bytes, int offset, int length) {
    this.b = bytes;
    this.pos = offset;
    this.end = offset + length;
    this.lineStart = offset;
  }

  /**
   * Splits a document.
   *
   * @param bytes the document, UTF-8
   * @param offset where it starts
   * @param length how long it is
   * @return the layout, or {@code null} when the caller should parse sequentially
   */
  static Layout split(byte[] bytes, int offset, int length) {
    try {
      return new FeatureSplitter(bytes, offset, length).document();
    } catch (GiveUp e) {
      return null;
    }
  }

  private Layout document() {
    skipWhitespace();
    expect('{');
    List<Member> members = new ArrayList<>();
    Set<String> names = new HashSet<>();
    int[][] features = null;
    skipWhitespace();
    if (peek() == '}') {
      pos++;
    } else {
      while (true) {
        skipWhitespace();
        String name = key();
        if (!names.add(name)) {
          throw GiveUp.INSTANCE;
        }
        skipWhitespace();
        expect(':');
        skipWhitespace();
        int start = pos;
        if (name.equals("features") && peek() == '[') {
          features = features();
        } else {
          value();
        }
        members.add(new Member(name, start, pos));
        skipWhitespace();
        int c = next();
        if (c == '}') {
          break;
        }
        if (c != ',') {
          throw GiveUp.INSTANCE;
        }
      }
    }
    skipWhitespace();
    if (pos != end || features == null) {
      throw GiveUp.INSTANCE;
    }
    return new Layout(
        members, features[0], features[1], features[2], features[3], features[4], features[5]);
  }

  /** Scans the features array, recording each element. */
  private int[][] features() {
    expect('[');
    int n = 0;
    int[] starts = new int[1024];
    int[] ends = new int[1024];
    int[] lines = new int[1024];
    int[] columns = new int[1024];
    int[] geometryStarts = new int[1024];
    int[] geometryEnds = new int[1024];
    skipWhitespace();
    if (peek() == ']') {
      pos++;
    } else {
      while (true) {
        skipWhitespace();
        if (n == starts.length) {
          starts = Arrays.copyOf(starts, 2 * n);
          ends = Arrays.copyOf(ends, 2 * n);
          lines = Arrays.copyOf(lines, 2 * n);
          columns = Arrays.copyOf(columns, 2 * n);
          geometryStarts = Arrays.copyOf(geometryStarts, 2 * n);
          geometryEnds = Arrays.copyOf(geometryEnds, 2 * n);
        }
        starts[n] = pos;
        lines[n] = line;
        columns[n] = pos - lineStart + 1;
        geometryStarts[n] = -1;
        if (peek() == '{') {
          long geometry = featureObject();
          if (geometry >= 0) {
            geometryStarts[n] = (int) (geometry >>> 32);
            geometryEnds[n] = (int) geometry;
          }
        } else {
          value();
        }
        ends[n] = pos;
        n++;
        skipWhitespace();
        int c = next();
        if (c == ']') {
          break;
        }
        if (c != ',') {
          throw GiveUp.INSTANCE;
        }
      }
    }
    return new int[][] {
      Arrays.copyOf(starts, n),
      Arrays.copyOf(ends, n),
      Arrays.copyOf(lines, n),
      Arrays.copyOf(columns, n),
      Arrays.copyOf(geometryStarts, n),
      Arrays.copyOf(geometryEnds, n)
    };
  }

  /**
   * Skips a feature object, noting where its {@code geometry} value is.
   *
   * @return start and end of the geometry value packed as {@code start << 32 | end}, or -1
   */
  private long featureObject() {
    expect('{');
    long geometry = -1;
    boolean twice = false;
    skipWhitespace();
    if (peek() == '}') {
      pos++;
      return -1;
    }
    while (true) {
      skipWhitespace();
      boolean isGeometry = keyIs(GEOMETRY);
      skipWhitespace();
      expect(':');
      skipWhitespace();
      int start = pos;
      value();
      if (isGeometry) {
        twice = geometry >= 0;
        geometry = ((long) start << 32) | pos;
      }
      skipWhitespace();
      int c = next();
      if (c == '}') {
        return twice ? -1 : geometry;
      }
      if (c != ',') {
        throw GiveUp.INSTANCE;
      }
    }
  }

  /** Reads a member name and tells whether it is {@code word}; names with escapes are not. */
  private boolean keyIs(byte[] word) {
    expect('"');
    int start = pos;
    boolean escaped = false;
    while (pos < end && b[pos] != '"') {
      if (b[pos] == '\\') {
        escaped = true;
        pos++;
      } else if (b[pos] < 0x20 && b[pos] >= 0) {
        throw GiveUp.INSTANCE;
      }
      pos++;
    }
    if (pos >= end) {
      throw GiveUp.INSTANCE;
    }
    pos++;
    return !escaped && Arrays.equals(b, start, pos - 1, word, 0, word.length);
  }

  /** Skips one value of any kind. */
  private void value() {
    int c = peek();
    if (c == '"') {
      string();
    } else if (c == '{' || c == '[') {
      nested();
    } else {
      // A number, true, false or null: runs until a delimiter; Jackson checks the spelling.
      int start = pos;
      while (pos < end) {
        int d = b[pos];
        if (d == ',' || d == '}' || d == ']' || d == ' ' || d == '\n' || d == '\r' || d == '\t') {
          break;
        }
        pos++;
      }
      if (pos == start) {
        throw GiveUp.INSTANCE;
      }
    }
  }

  /** Skips an object or array, with everything in it. */
  private void nested() {
    int depth = 0;
    byte[] bytes = b;
    int p = pos;
    while (p < end) {
      int c = bytes[p];
      if (c < 0 || PLAIN[c]) { // the common case: digits, commas, letters…
        p++;
        continue;
      }
      if (c == '"') {
        pos = p;
        string();
        p = pos;
        continue;
      }
      p++;
      if (c == '{' || c == '[') {
        depth++;
        if (depth > MAX_NESTED_DEPTH) {
          throw GiveUp.INSTANCE; // the sequential parser reports the limit
        }
      } else if (c == '}' || c == ']') {
        depth--;
        if (depth == 0) {
          pos = p;
          return;
        }
      } else if (c == '\n') {
        line++;
        lineStart = p;
      }
    }
    throw GiveUp.INSTANCE;
  }

  /** Skips a string, escapes included. */
  private void string() {
    pos++; // opening quote
    while (pos < end) {
      int c = b[pos++];
      if (c == '"') {
        return;
      }
      if (c == '\\') {
        pos++;
      } else if (c == '\n') {
        throw GiveUp.INSTANCE; // not allowed in JSON strings; let Jackson say so
      }
    }
    throw GiveUp.INSTANCE;
  }

  /** Reads a member name without escapes. */
  private String key() {
    expect('"');
    int start = pos;
    while (pos < end && b[pos] != '"') {
      if (b[pos] == '\\' || b[pos] < 0x20) {
        throw GiveUp.INSTANCE;
      }
      pos++;
    }
    if (pos == end || pos - start > Json.MAX_NAME_CHARS) {
      throw GiveUp.INSTANCE;
    }
    String name = new String(b, start, pos - start, StandardCharsets.UTF_8);
    pos++;
    return name;
  }

  private void skipWhitespace() {
    while (pos < end) {
      int c = b[pos];
      if (c == '\n') {
        line++;
        lineStart = pos + 1;
      } else if (c != ' ' && c != '\t' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private int peek() {
    if (pos >= end) {
      throw GiveUp.INSTANCE;
    }
    return b[pos];
  }

  private int next() {
    int c = peek();
    pos++;
    return c;
  }

  private void expect(char c) {
    if (next() != c) {
      throw GiveUp.INSTANCE;
    }
  }

  /** Thrown to abandon the split; carries no stack trace. */
  private static final class GiveUp extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final GiveUp INSTANCE = new GiveUp();

    private GiveUp() {
      super(null, null, false, false);
    }
  }
}
