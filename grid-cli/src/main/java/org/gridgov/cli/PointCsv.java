package org.gridgov.cli;

import com.fasterxml.jackson.core.io.NumberInput;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.io.Csv;
import org.gridgov.core.io.CsvReader;
import org.gridgov.core.io.CsvRow;
import org.gridgov.core.io.Positions;
import org.gridgov.core.io.Problems;

/**
 * The points of an {@code id,lon,lat} CSV file, read with the I/O toolkit's {@link CsvReader}
 * (streamed, RFC 4180 quoting, strict UTF-8 with a hint for GBK files, LF, CRLF or CR line ends, a
 * byte order mark) into primitive arrays for batch lookup. The header is {@code id,lon,lat} in any
 * case, spaces allowed; blank lines are skipped; the id is trimmed and must not be empty; lon and
 * lat are finite decimal numbers (no hexadecimal, {@code NaN} or {@code Infinity}) within range.
 * The id goes back out as {@link #idField} (quoted by {@link Csv#quote} when it needs quotes). Not
 * thread-safe.
 */
final class PointCsv {
  /** The required header. */
  static final String HEADER = "id,lon,lat";

  private static final List<String> COLUMNS = List.of("id", "lon", "lat");

  private static final double[] POWERS = new double[23];

  static {
    POWERS[0] = 1;
    for (int i = 1; i < POWERS.length; i++) {
      POWERS[i] = POWERS[i - 1] * 10; // exact up to 10^22
    }
  }

  String[] ids = new String[1024];
  double[] lons = new double[1024];
  double[] lats = new double[1024];
  int size;

  private CsvRow current;

  private PointCsv() {}

  /**
   * Reads every row of a file; all-or-nothing.
   *
   * @param file the file
   * @return the rows
   * @throws InvalidInputException naming the line of the first bad row
   */
  static PointCsv read(Path file) {
    try (CsvReader r = CsvReader.open(CliFiles.input(file))) {
      return read(r);
    }
  }

  /**
   * Reads every row of a stream; all-or-nothing.
   *
   * @param in UTF-8 bytes, header first; not closed
   * @param source the name used in messages
   * @return the rows
   * @throws InvalidInputException naming the line of the first bad row
   */
  static PointCsv read(InputStream in, String source) {
    try (CsvReader r = CsvReader.of(in, source)) {
      return read(r);
    }
  }

  /**
   * Reads every row of bytes; all-or-nothing.
   *
   * @param data the whole input, UTF-8, header first
   * @param source the name used in messages
   * @return the rows
   */
  static PointCsv parse(byte[] data, String source) {
    return read(new ByteArrayInputStream(data), source);
  }

  private static PointCsv read(CsvReader r) {
    PointCsv rows = new PointCsv();
    Optional<CsvRow> first = r.next();
    if (first.isEmpty()) {
      throw InvalidInputException.atLine(
          r.source(), 1, "empty input; expected the header " + HEADER);
    }
    rows.header(first.get());
    for (Optional<CsvRow> row = r.next(); row.isPresent(); row = r.next()) {
      rows.row(row.get());
    }
    return rows;
  }

  /**
   * The id of a row as a CSV field.
   *
   * @param i the row
   * @return the field, quoted when needed
   */
  String idField(int i) {
    return Csv.quote(ids[i]);
  }

  private void header(CsvRow row) {
    current = row;
    List<String> names =
        row.fields().stream().map(f -> f.strip().toLowerCase(Locale.ROOT)).toList();
    if (!names.equals(COLUMNS)) {
      throw fail(
          "expected the header "
              + HEADER
              + ", found "
              + Problems.quote(Csv.formatRow(row.fields())));
    }
  }

  private void row(CsvRow row) {
    current = row;
    List<String> f = row.fields();
    if (f.size() == 1 && trim(f.get(0)).isEmpty()) {
      return; // a blank line
    }
    if (f.size() != 3) {
      throw fail("expected 3 fields id,lon,lat, found " + (f.size() < 3 ? f.size() : "more"));
    }
    String id = trim(f.get(0));
    if (id.isEmpty()) {
      throw fail("the id is empty");
    }
    double lon = number(f.get(1), "lon");
    double lat = number(f.get(2), "lat");
    if (!(lon >= -180 && lon <= 180)) {
      throw fail("lon " + lon + " is not within [-180, 180]");
    }
    if (!(lat >= -90 && lat <= 90)) {
      throw fail("lat " + lat + " is not within [-90, 90]" + Positions.swapHint(lon, lat));
    }
    if (size == lons.length) {
      int grown = size * 2;
      ids = Arrays.copyOf(ids, grown);
      lons = Arrays.copyOf(lons, grown);
      lats = Arrays.copyOf(lats, grown);
    }
    ids[size] = id;
    lons[size] = lon;
    lats[size] = lat;
    size++;
  }

  /**
   * Parses a decimal number: exactly when it has at most 19 significant digits and a small exponent
   * (Clinger's fast path: one correctly rounded operation on two exact doubles), with the JDK
   * otherwise.
   */
  private double number(String field, String name) {
    String text = trim(field);
    int to = text.length();
    int i = 0;
    boolean negative = false;
    if (i < to && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
      negative = text.charAt(i) == '-';
      i++;
    }
    long mantissa = 0;
    int digits = 0;
    int scale = 0;
    boolean point = false;
    boolean any = false;
    for (; i < to; i++) {
      char c = text.charAt(i);
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
    if (any && i < to && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
      i++;
      boolean negativeExponent = false;
      if (i < to && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
        negativeExponent = text.charAt(i) == '-';
        i++;
      }
      int start = i;
      for (; i < to && text.charAt(i) >= '0' && text.charAt(i) <= '9' && i - start < 6; i++) {
        exponent = exponent * 10 + (text.charAt(i) - '0');
      }
      if (i == start) {
        any = false;
      }
      exponent = negativeExponent ? -exponent : exponent;
    }
    if (!any || i != to) {
      throw fail(name + " " + Problems.quote(text) + " is not a finite decimal number");
    }
    int e = scale + exponent;
    if (digits < 19 && mantissa < (1L << 53) && e >= -22 && e <= 22) {
      double v = e < 0 ? mantissa / POWERS[-e] : mantissa * POWERS[e];
      return negative ? -v : v;
    }
    // More digits than the fast path takes: Jackson's FastDoubleParser, correctly rounded.
    double v = NumberInput.parseDouble(text, true);
    if (!Double.isFinite(v)) {
      throw fail(name + " " + Problems.quote(text) + " is not a finite decimal number");
    }
    return v;
  }

  private InvalidInputException fail(String reason) {
    return current.error(reason);
  }

  /** Without leading and trailing spaces and tabs (other white space is part of the field). */
  private static String trim(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && (s.charAt(from) == ' ' || s.charAt(from) == '\t')) {
      from++;
    }
    while (to > from && (s.charAt(to - 1) == ' ' || s.charAt(to - 1) == '\t')) {
      to--;
    }
    return from == 0 && to == s.length() ? s : s.substring(from, to);
  }
}
