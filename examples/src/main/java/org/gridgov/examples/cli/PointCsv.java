package org.gridgov.examples.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import org.gridgov.core.InvalidInputException;

/**
 * The points of an {@code id,lon,lat} CSV file (RFC 4180: the id may be quoted, with {@code ""} for
 * a quote), held in primitive arrays for batch lookup. Parsed by hand, one pass per line, without
 * regular expressions. Not thread-safe.
 */
final class PointCsv {
  /** The required header. */
  static final String HEADER = "id,lon,lat";

  String[] ids = new String[1024];
  double[] lons = new double[1024];
  double[] lats = new double[1024];
  int size;

  private PointCsv() {}

  /**
   * Reads every row; all-or-nothing.
   *
   * @param in the text, header first
   * @param source the name used in messages
   * @return the rows
   * @throws InvalidInputException naming the line of the first bad row
   * @throws IOException when reading fails
   */
  static PointCsv read(BufferedReader in, String source) throws IOException {
    PointCsv rows = new PointCsv();
    String header = in.readLine();
    if (header == null) {
      throw InvalidInputException.atLine(source, 1, "empty input; expected the header " + HEADER);
    }
    if (header.startsWith("\uFEFF")) {
      header = header.substring(1);
    }
    if (!header.replace(" ", "").equalsIgnoreCase(HEADER)) {
      throw InvalidInputException.atLine(
          source, 1, "expected the header " + HEADER + ", found \"" + header + "\"");
    }
    int lineNo = 1;
    String line;
    while ((line = in.readLine()) != null) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      rows.parse(line, source, lineNo);
    }
    return rows;
  }

  private void parse(String line, String source, int lineNo) {
    String id;
    int at;
    if (line.charAt(0) == '"') {
      StringBuilder sb = new StringBuilder();
      int i = 1;
      while (true) {
        if (i >= line.length()) {
          throw InvalidInputException.atLine(source, lineNo, "the quoted id is not closed");
        }
        char c = line.charAt(i);
        if (c == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            sb.append('"');
            i += 2;
            continue;
          }
          i++;
          break;
        }
        sb.append(c);
        i++;
      }
      if (i >= line.length() || line.charAt(i) != ',') {
        throw InvalidInputException.atLine(source, lineNo, "expected a comma after the quoted id");
      }
      id = sb.toString();
      at = i;
    } else {
      at = line.indexOf(',');
      if (at < 0) {
        throw InvalidInputException.atLine(source, lineNo, "expected 3 fields id,lon,lat, found 1");
      }
      id = line.substring(0, at).strip();
    }
    if (id.isEmpty()) {
      throw InvalidInputException.atLine(source, lineNo, "the id is empty");
    }
    int second = line.indexOf(',', at + 1);
    if (second < 0) {
      throw InvalidInputException.atLine(source, lineNo, "expected 3 fields id,lon,lat, found 2");
    }
    if (line.indexOf(',', second + 1) >= 0) {
      throw InvalidInputException.atLine(
          source, lineNo, "expected 3 fields id,lon,lat, found more");
    }
    double lon = number(line, at + 1, second, "lon", source, lineNo);
    double lat = number(line, second + 1, line.length(), "lat", source, lineNo);
    if (!(lon >= -180 && lon <= 180)) {
      throw InvalidInputException.atLine(
          source, lineNo, "lon " + lon + " is not within [-180, 180]");
    }
    if (!(lat >= -90 && lat <= 90)) {
      throw InvalidInputException.atLine(source, lineNo, "lat " + lat + " is not within [-90, 90]");
    }
    if (size == ids.length) {
      int n = size * 2;
      ids = Arrays.copyOf(ids, n);
      lons = Arrays.copyOf(lons, n);
      lats = Arrays.copyOf(lats, n);
    }
    ids[size] = id;
    lons[size] = lon;
    lats[size] = lat;
    size++;
  }

  private static double number(
      String line, int from, int to, String name, String source, int lineNo) {
    String text = line.substring(from, to).strip();
    boolean decimal = !text.isEmpty();
    for (int i = 0; i < text.length() && decimal; i++) {
      char c = text.charAt(i);
      decimal = (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
    }
    try {
      if (!decimal) {
        throw new NumberFormatException();
      }
      double v = Double.parseDouble(text);
      if (!Double.isFinite(v)) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw InvalidInputException.atLine(
          source, lineNo, name + " \"" + text + "\" is not a finite decimal number");
    }
  }

  /**
   * Writes a field, quoted when it holds a comma, a quote or a line break (RFC 4180).
   *
   * @param out the writer
   * @param field the field
   * @throws IOException when writing fails
   */
  static void writeField(Writer out, String field) throws IOException {
    boolean quote = false;
    for (int i = 0; i < field.length() && !quote; i++) {
      char c = field.charAt(i);
      quote = c == ',' || c == '"' || c == '\n' || c == '\r';
    }
    if (!quote) {
      out.write(field);
      return;
    }
    out.write('"');
    out.write(field.replace("\"", "\"\""));
    out.write('"');
  }
}
