package org.gridgov.cli;

import com.fasterxml.jackson.core.io.NumberInput;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.gridgov.core.InvalidInputException;

/**
 * The points of an {@code id,lon,lat} CSV file, parsed straight from its bytes into primitive
 * arrays for batch lookup: a million rows without a String, a regular expression or a boxed number
 * per row. The id may be quoted as RFC 4180 allows ({@code ""} for a quote inside); it is kept as
 * the bytes of the field as written, which is also how it goes back out. Not thread-safe.
 */
final class PointCsv {
  /** The required header. */
  static final String HEADER = "id,lon,lat";

  private static final double[] POWERS = new double[23];

  static {
    POWERS[0] = 1;
    for (int i = 1; i < POWERS.length; i++) {
      POWERS[i] = POWERS[i - 1] * 10; // exact up to 10^22
    }
  }

  /** The whole input; ids are slices of it. */
  final byte[] data;

  int[] idFrom = new int[1024];
  int[] idTo = new int[1024];
  double[] lons = new double[1024];
  double[] lats = new double[1024];
  int size;

  private final String source;
  private int lineNo;
  private char[] chars = new char[32];

  private PointCsv(byte[] data, String source) {
    this.data = data;
    this.source = source;
  }

  /**
   * Parses every row; all-or-nothing.
   *
   * @param data the whole input, UTF-8, header first
   * @param source the name used in messages
   * @return the rows
   * @throws InvalidInputException naming the line of the first bad row
   */
  static PointCsv parse(byte[] data, String source) {
    PointCsv rows = new PointCsv(data, source);
    rows.parseAll();
    return rows;
  }

  private void parseAll() {
    int pos = 0;
    int n = data.length;
    if (n >= 3
        && (data[0] & 0xFF) == 0xEF
        && (data[1] & 0xFF) == 0xBB
        && (data[2] & 0xFF) == 0xBF) {
      pos = 3; // UTF-8 byte order mark
    }
    boolean header = true;
    while (pos < n) {
      lineNo++;
      int end = pos;
      while (end < n && data[end] != '\n') {
        end++;
      }
      int stop = end > pos && data[end - 1] == '\r' ? end - 1 : end;
      if (header) {
        header(pos, stop);
        header = false;
      } else if (!blank(pos, stop)) {
        row(pos, stop);
      }
      pos = end + 1;
    }
    if (header) {
      throw InvalidInputException.atLine(source, 1, "empty input; expected the header " + HEADER);
    }
  }

  private void header(int from, int to) {
    String text = new String(data, from, to - from, StandardCharsets.UTF_8);
    if (!text.replace(" ", "").equalsIgnoreCase(HEADER)) {
      throw fail("expected the header " + HEADER + ", found \"" + text + "\"");
    }
  }

  private void row(int from, int to) {
    int idStart = from;
    int idEnd;
    int at; // the comma after the id
    if (data[from] == '"') {
      int i = from + 1;
      while (true) {
        if (i >= to) {
          throw fail("the quoted id is not closed");
        }
        if (data[i] == '"') {
          if (i + 1 < to && data[i + 1] == '"') {
            i += 2;
            continue;
          }
          break;
        }
        i++;
      }
      idEnd = i + 1;
      if (idEnd - idStart == 2) {
        throw fail("the id is empty");
      }
      if (idEnd >= to || data[idEnd] != ',') {
        throw fail("expected a comma after the quoted id");
      }
      at = idEnd;
    } else {
      at = indexOf(',', from, to);
      if (at < 0) {
        throw fail("expected 3 fields id,lon,lat, found 1");
      }
      idStart = skipSpaces(from, at);
      idEnd = trimSpaces(idStart, at);
      if (idEnd == idStart) {
        throw fail("the id is empty");
      }
    }
    int second = indexOf(',', at + 1, to);
    if (second < 0) {
      throw fail("expected 3 fields id,lon,lat, found 2");
    }
    if (indexOf(',', second + 1, to) >= 0) {
      throw fail("expected 3 fields id,lon,lat, found more");
    }
    double lon = number(at + 1, second, "lon");
    double lat = number(second + 1, to, "lat");
    if (!(lon >= -180 && lon <= 180)) {
      throw fail("lon " + lon + " is not within [-180, 180]");
    }
    if (!(lat >= -90 && lat <= 90)) {
      throw fail("lat " + lat + " is not within [-90, 90]");
    }
    if (size == lons.length) {
      int grown = size * 2;
      idFrom = Arrays.copyOf(idFrom, grown);
      idTo = Arrays.copyOf(idTo, grown);
      lons = Arrays.copyOf(lons, grown);
      lats = Arrays.copyOf(lats, grown);
    }
    idFrom[size] = idStart;
    idTo[size] = idEnd;
    lons[size] = lon;
    lats[size] = lat;
    size++;
  }

  /**
   * Parses a decimal number: exactly when it has at most 19 significant digits and a small exponent
   * (Clinger's fast path: one correctly rounded operation on two exact doubles), with the JDK
   * otherwise.
   */
  private double number(int from, int to, String name) {
    from = skipSpaces(from, to);
    to = trimSpaces(from, to);
    int i = from;
    boolean negative = false;
    if (i < to && (data[i] == '-' || data[i] == '+')) {
      negative = data[i] == '-';
      i++;
    }
    long mantissa = 0;
    int digits = 0;
    int scale = 0;
    boolean point = false;
    boolean any = false;
    for (; i < to; i++) {
      byte c = data[i];
      if (c >= '0' && c <= '9') {
        any = true;
        if (digits < 19) {
          mantissa = mantissa * 10 + (c - '0');
          if (mantissa != 0) {
            digits++;
          }
          if (point) {
            scale--;
          }
        } else if (!point) {
          scale++; // a digit beyond what a long holds: only its magnitude counts here
        }
      } else if (c == '.' && !point) {
        point = true;
      } else {
        break;
      }
    }
    int exponent = 0;
    if (any && i < to && (data[i] == 'e' || data[i] == 'E')) {
      i++;
      boolean negativeExponent = false;
      if (i < to && (data[i] == '-' || data[i] == '+')) {
        negativeExponent = data[i] == '-';
        i++;
      }
      int start = i;
      for (; i < to && data[i] >= '0' && data[i] <= '9' && i - start < 6; i++) {
        exponent = exponent * 10 + (data[i] - '0');
      }
      if (i == start) {
        any = false;
      }
      exponent = negativeExponent ? -exponent : exponent;
    }
    if (!any || i != to) {
      String text = new String(data, from, to - from, StandardCharsets.UTF_8);
      throw fail(name + " \"" + text + "\" is not a finite decimal number");
    }
    int e = scale + exponent;
    double v;
    if (digits < 19 && mantissa < (1L << 53) && e >= -22 && e <= 22) {
      v = e < 0 ? mantissa / POWERS[-e] : mantissa * POWERS[e];
    } else {
      // More digits than the fast path takes: Jackson's FastDoubleParser, correctly rounded.
      int length = to - from;
      if (chars.length < length) {
        chars = new char[length];
      }
      for (int k = 0; k < length; k++) {
        chars[k] = (char) data[from + k];
      }
      v = NumberInput.parseDouble(chars, 0, length, true);
      if (!Double.isFinite(v)) {
        throw fail(
            name
                + " \""
                + new String(data, from, to - from, StandardCharsets.UTF_8)
                + "\" is not a finite decimal number");
      }
      return v;
    }
    return negative ? -v : v;
  }

  private InvalidInputException fail(String reason) {
    return InvalidInputException.atLine(source, lineNo, reason);
  }

  private int indexOf(char c, int from, int to) {
    for (int i = from; i < to; i++) {
      if (data[i] == c) {
        return i;
      }
    }
    return -1;
  }

  private boolean blank(int from, int to) {
    return skipSpaces(from, to) == to;
  }

  private int skipSpaces(int from, int to) {
    while (from < to && (data[from] == ' ' || data[from] == '\t')) {
      from++;
    }
    return from;
  }

  private int trimSpaces(int from, int to) {
    while (to > from && (data[to - 1] == ' ' || data[to - 1] == '\t')) {
      to--;
    }
    return to;
  }
}
