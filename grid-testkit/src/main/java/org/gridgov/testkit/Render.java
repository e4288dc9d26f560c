package org.gridgov.testkit;

import java.util.Arrays;

/** Renders counterexamples for failure messages. */
final class Render {
  private static final int MAX_LENGTH = 4000;

  private Render() {}

  static String value(Object value) {
    String text;
    if (value instanceof Object[] array) {
      text = Arrays.deepToString(array);
    } else if (value instanceof String s) {
      text = '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    } else if (value != null && value.getClass().isArray()) {
      text = Arrays.deepToString(new Object[] {value});
      text = text.substring(1, text.length() - 1);
    } else {
      text = String.valueOf(value);
    }
    if (text.length() > MAX_LENGTH) {
      text = text.substring(0, MAX_LENGTH) + "... (" + text.length() + " characters)";
    }
    return text;
  }
}
