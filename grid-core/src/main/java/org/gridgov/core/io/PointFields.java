package org.gridgov.core.io;

import com.fasterxml.jackson.core.io.NumberInput;
import java.util.List;
import java.util.Locale;

/**
 * The checks of one {@code id,lon,lat} point row, shared by every reader of point files ({@code
 * gridgov locate}'s CSV reader, the Spark job's rows) so they accept and reject the same rows with
 * the same words: the id is trimmed of spaces and tabs and must not be empty; lon and lat are
 * finite decimal numbers (no hexadecimal, {@code NaN} or {@code Infinity}) within range. The checks
 * return the problem as text (or {@code null}) instead of throwing, so a caller decides whether a
 * bad row fails its read or is set aside, and the good path allocates nothing. Stateless.
 */
public final class PointFields {
  /** The required header of a point file. */
  public static final String HEADER = "id,lon,lat";

  private static final List<String> COLUMNS = List.of("id", "lon", "lat");

  private static final double[] POWERS = new double[23];

  static {
    POWERS[0] = 1;
    for (int i = 1; i < POWERS.length; i++) {
      POWERS[i] = POWERS[i - 1] * 10; // exact up to 10^22
    }
  }

  private PointFields() {}

  /**
   * Checks a point file's header: {@code id,lon,lat} in any case, spaces allowed around names.
   *
   * @param fields the header's fields
   * @return the problem, or {@code null} for the right header
   */
  public static String headerProblem(List<String> fields) {
    List<String> names = fields.stream().map(f -> f.strip().toLowerCase(Locale.ROOT)).toList();
    return names.equals(COLUMNS)
        ? null
        : "expected the header " + HEADER + ", found " + Problems.quote(Csv.formatRow(fields));
  }

  /**
   * Whether a row is a blank line (one field of spaces and tabs), which point readers skip.
   *
   * @param fields the row's fields
   * @return true for a blank line
   */
  public static boolean isBlank(List<String> fields) {
    return fields.size() == 1 && trim(fields.get(0)).isEmpty();
  }

  /**
   * Checks a row's field count.
   *
   * @param count how many fields the row has
   * @return {@code expected 3 fields id,lon,lat, found N} (or {@code more}), or {@code null}
   */
  public static String countProblem(int count) {
    return count == 3
        ? null
        : "expected 3 fields id,lon,lat, found " + (count < 3 ? count : "more");
  }

  /**
   * Checks one row's three fields as read (untrimmed).
   *
   * @param id the id field
   * @param lon the longitude field
   * @param lat the latitude field
   * @param lonLat receives the longitude and latitude when the row is good (two elements)
   * @return the problem ({@code the id is empty}, {@code lon 'x' is not a finite decimal number},
   *     {@code lat 95.0 is not within [-90, 90]} …), or {@code null} for a good row
   */
  public static String check(String id, String lon, String lat, double[] lonLat) {
    if (trim(id).isEmpty()) {
      return "the id is empty";
    }
    double x = decimal(lon);
    if (Double.isNaN(x)) {
      return "lon " + Problems.quote(trim(lon)) + " is not a finite decimal number";
    }
    double y = decimal(lat);
    if (Double.isNaN(y)) {
      return "lat " + Problems.quote(trim(lat)) + " is not a finite decimal number";
    }
    String range = rangeProblem(x, y);
    if (range == null) {
      lonLat[0] = x;
      lonLat[1] = y;
    }
    return range;
  }

  /**
   * What is wrong with a position given as numbers, checked longitude first: not finite, or out of
   * −180..180 / −90..90 (with {@link Positions#swapHint} when the two look swapped).
   *
   * @param lon the longitude
   * @param lat the latitude
   * @return the problem, or {@code null} when the position is one
   */
  public static String rangeProblem(double lon, double lat) {
    if (!Double.isFinite(lon)) {
      return "lon " + lon + " is not a finite number";
    }
    if (!Double.isFinite(lat)) {
      return "lat " + lat + " is not a finite number";
    }
    if (!(lon >= -180 && lon <= 180)) {
      return "lon " + lon + " is not within [-180, 180]";
    }
    if (!(lat >= -90 && lat <= 90)) {
      return "lat " + lat + " is not within [-90, 90]" + Positions.swapHint(lon, lat);
    }
    return null;
  }

  /**
   * Parses a decimal number written in a text field, after trimming spaces and tabs: exactly when
   * it has at most 19 significant digits and a small exponent (Clinger's fast path: one correctly
   * rounded operation on two exact doubles), with Jackson's correctly rounded parser otherwise.
   *
   * @param field the field, may be {@code null}
   * @return the number, or {@code NaN} when the field is null or not a finite decimal number
   */
  public static double decimal(String field) {
    if (field == null) {
      return Double.NaN;
    }
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
      return Double.NaN;
    }
    int e = scale + exponent;
    if (digits < 19 && mantissa < (1L << 53) && e >= -22 && e <= 22) {
      double v = e < 0 ? mantissa / POWERS[-e] : mantissa * POWERS[e];
      return negative ? -v : v;
    }
    // More digits than the fast path takes: Jackson's FastDoubleParser, correctly rounded.
    double v = NumberInput.parseDouble(text, true);
    return Double.isFinite(v) ? v : Double.NaN;
  }

  /**
   * A field without leading and trailing spaces and tabs (other white space is part of the field).
   *
   * @param s the field
   * @return the trimmed field (the same instance when there is nothing to trim)
   */
  public static String trim(String s) {
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
