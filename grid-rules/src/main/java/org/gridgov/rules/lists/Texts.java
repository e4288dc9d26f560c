package org.gridgov.rules.lists;

import java.util.List;
import java.util.Objects;
import org.gridgov.core.io.Problems;

/** Argument checks shared by the list records. */
final class Texts {
  private static final int MAX_CODE = 64;

  private Texts() {}

  /** A code or id: 1–64 characters, no white space. */
  static String requireCode(String code, String what) {
    Objects.requireNonNull(code, what);
    if (code.isEmpty() || code.length() > MAX_CODE) {
      throw new IllegalArgumentException(what + " must have 1 to " + MAX_CODE + " characters");
    }
    for (int i = 0; i < code.length(); i++) {
      if (Character.isWhitespace(code.charAt(i)) || Character.isISOControl(code.charAt(i))) {
        throw new IllegalArgumentException(
            what
                + " "
                + Problems.quote(code)
                + " must not contain white space or control characters");
      }
    }
    return code;
  }

  /** Text that must not be blank. */
  static String requireText(String text, String what) {
    Objects.requireNonNull(text, what);
    if (text.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
    return text;
  }

  /** A list of codes, copied. */
  static List<String> requireCodes(List<String> codes, String what) {
    List<String> copy = List.copyOf(codes);
    copy.forEach(c -> requireCode(c, what));
    return copy;
  }
}
