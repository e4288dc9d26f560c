package org.gridgov.rules.table.internal;

/**
 * A FEEL text that cannot be parsed, with the 1-based character column of the problem. Readers
 * catch it and rethrow an {@link org.gridgov.core.InvalidInputException} naming the rule and column
 * of the table.
 */
public final class FeelSyntaxException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int column;
  private final String reason;

  /**
   * Creates the exception.
   *
   * @param column the 1-based character column inside the text
   * @param reason what is wrong
   */
  public FeelSyntaxException(int column, String reason) {
    super("character " + column + ": " + reason);
    this.column = column;
    this.reason = reason;
  }

  /**
   * The 1-based character column of the problem.
   *
   * @return the column
   */
  public int column() {
    return column;
  }

  /**
   * What is wrong, with the character position.
   *
   * @return the reason
   */
  public String reason() {
    return "at character " + column + ": " + reason;
  }
}
