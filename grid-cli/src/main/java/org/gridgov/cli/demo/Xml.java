package org.gridgov.cli.demo;

import java.util.Locale;

/** Small helpers for writing XML, SVG and XHTML text by hand, deterministically. */
final class Xml {
  private Xml() {}

  /**
   * Escapes text for element content and attribute values.
   *
   * @param s the text
   * @return the escaped text
   */
  static String esc(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\t') {
            sb.append(' ');
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  /**
   * A number with one decimal, locale-independent, without a trailing {@code .0}.
   *
   * @param v the number
   * @return the text
   */
  static String n1(double v) {
    long tenths = Math.round(v * 10);
    if (tenths % 10 == 0) {
      return Long.toString(tenths / 10);
    }
    return String.format(Locale.ROOT, "%.1f", tenths / 10.0);
  }

  /**
   * A number with a fixed number of decimals, locale-independent.
   *
   * @param v the number
   * @param decimals the decimals
   * @return the text
   */
  static String fixed(double v, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  /**
   * A whole number with thousands separators, locale-independent.
   *
   * @param v the number
   * @return the text, such as {@code 17,400}
   */
  static String count(long v) {
    return String.format(Locale.ROOT, "%,d", v);
  }

  /**
   * A share as a percentage with one decimal.
   *
   * @param part the part
   * @param whole the whole
   * @return the text, such as {@code 14.9 %}, or {@code –} when the whole is 0
   */
  static String percent(long part, long whole) {
    return whole == 0 ? "–" : String.format(Locale.ROOT, "%.1f %%", 100.0 * part / whole);
  }
}
