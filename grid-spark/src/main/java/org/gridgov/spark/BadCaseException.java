package org.gridgov.spark;

import java.io.Serial;
import java.util.Objects;
import org.gridgov.core.InvalidInputException;

/**
 * A bad case line that failed {@link GridGovSpark#score} or {@link GridGovSpark#countCases}: a
 * located {@link InvalidInputException} that also carries the {@link BadCase}, so that a caller
 * that knows more about the input (the line numbers of a text file's splits, say) can name the line
 * itself.
 */
public final class BadCaseException extends InvalidInputException {
  @Serial private static final long serialVersionUID = 1L;

  private final BadCase badCase;

  BadCaseException(BadCase badCase, String source, int line, int column, String reason) {
    super(source, line, column, badCase.pointer().orElse(""), reason, null);
    this.badCase = Objects.requireNonNull(badCase, "badCase");
  }

  /** The bad line. */
  public BadCase badCase() {
    return badCase;
  }
}
