package org.gridgov.geo.internal.geojson;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds, in one quick pass over the bytes of a GeoJSON document, where each top-level member and
 * each element of the {@code features} array starts and ends, so that the features can be parsed in
 * parallel. It only follows the structure (strings, brackets, commas); the values themselves are
 * parsed by Jackson afterwards. On anything it does not expect — malformed structure, a duplicate
 * or escaped top-level key, a BOM — it gives up and returns {@code null}, and the caller parses the
 * document sequentially, which reports the problem with its exact location.
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
   */
  record Layout(List<Member> members, int[] starts, int[] ends, int[] lines, int[] columns) {}

  /** ASCII bytes that need no attention inside a nested value. */
  private static final boolean[] PLAIN = new boolean[128];

  static {
    Arrays.fill(PLAIN, true);
    for (char c : new char[] {'"', '{', '}', '[', ']', '\n'}) {
      PLAIN[c] = false;
    }
  }

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
    return new Layout(members, features[0], features[1], features[2], features[3]);
  }

  /** Scans the features array, recording each element. */
  private int[][] features() {
    expect('[');
    int n = 0;
    int[] starts = new int[1024];
    int[] ends = new int[1024];
    int[] lines = new int[1024];
    int[] columns = new int[1024];
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
        }
        starts[n] = pos;
        lines[n] = line;
        columns[n] = pos - lineStart + 1;
        value();
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
      Arrays.copyOf(columns, n)
    };
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
    if (pos == end) {
      throw GiveUp.INSTANCE;
    }
    String name = new String(b, start, pos - start, java.nio.charset.StandardCharsets.UTF_8);
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
