package org.gridgov.rules.table;

import org.gridgov.core.InvalidInputException;

/**
 * A FEEL text that cannot be parsed, with the 1-based character column of the problem. It is an
 * {@link InvalidInputException}, so a FEEL syntax error is always a located bad-data error even if
 * a reader did not catch it; readers do catch it and rethrow an {@link InvalidInputException}
 * naming the file, rule and column of the table.
 */
final class FeelSyntaxException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param column the 1-based character column inside the text
   * @param reason what is wrong
   */
  FeelSyntaxException(int column, String reason) {
    super("", 0, column, "", "at character " + column + ": " + reason, null);
  }

  /**
   * The 1-based character column of the problem inside the FEEL text.
   *
   * @return the column
   */
  int at() {
    return column().orElse(0);
  }
}
