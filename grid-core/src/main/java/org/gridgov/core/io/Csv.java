package org.gridgov.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes CSV the way {@link CsvReader} reads it (RFC 4180): a field is quoted when it holds a
 * comma, a quote, a line break or leading or trailing spaces; quotes are doubled; records end with
 * LF. Stateless.
 */
public final class Csv {
  private Csv() {}

  /**
   * One field, quoted when needed.
   *
   * @param field the text
   * @return the field as written
   */
  public static String quote(String field) {
    boolean needs =
        field.indexOf(',') >= 0
            || field.indexOf('"') >= 0
            || field.indexOf('\n') >= 0
            || field.indexOf('\r') >= 0
            || (!field.isEmpty()
                && (field.charAt(0) == ' ' || field.charAt(field.length() - 1) == ' '));
    return needs ? '"' + field.replace("\"", "\"\"") + '"' : field;
  }

  /**
   * One record without its line break.
   *
   * @param fields the fields, at least one
   * @return the record
   */
  public static String formatRow(List<String> fields) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(quote(fields.get(i)));
    }
    return sb.toString();
  }

  /**
   * Writes one record and its LF.
   *
   * @param out where to write
   * @param fields the fields
   * @throws UncheckedIOException when writing fails
   */
  public static void writeRow(Appendable out, List<String> fields) {
    try {
      out.append(formatRow(fields)).append('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
