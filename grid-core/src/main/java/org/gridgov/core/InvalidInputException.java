package org.gridgov.core;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Input that cannot be used, with the place it was found: the source (usually a file name), the
 * line and column when known, and a pointer inside the document (a JSON pointer such as {@code
 * /grids/3/parent}, or a locator such as {@code rule 4, column 2}).
 *
 * <p>{@link #getMessage()} renders all of it on one line, {@code file:line:column: pointer:
 * reason}, so that a command line can print it as is. Loaders that throw this exception have loaded
 * nothing.
 */
public class InvalidInputException extends GridGovException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final int line;
  private final int column;
  private final String pointer;
  private final String reason;

  /**
   * Creates an exception.
   *
   * @param source the file or stream name, or empty
   * @param line 1-based line, or 0 when unknown
   * @param column 1-based column, or 0 when unknown
   * @param pointer the JSON pointer or locator inside the document, or empty
   * @param reason what is wrong, in one sentence
   * @param cause the underlying failure, may be {@code null}
   */
  public InvalidInputException(
      String source, int line, int column, String pointer, String reason, Throwable cause) {
    super(render(source, line, column, pointer, reason), cause);
    this.source = Objects.requireNonNull(source, "source");
    this.line = Math.max(0, line);
    this.column = Math.max(0, column);
    this.pointer = Objects.requireNonNull(pointer, "pointer");
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /**
   * Input rejected at a pointer inside a named source.
   *
   * @param source the file or stream name, or empty
   * @param pointer the JSON pointer or locator, or empty
   * @param reason what is wrong
   * @return the exception
   */
  public static InvalidInputException at(String source, String pointer, String reason) {
    return new InvalidInputException(source, 0, 0, pointer, reason, null);
  }

  /**
   * Input rejected at a line of a named source.
   *
   * @param source the file or stream name
   * @param line the 1-based line number
   * @param reason what is wrong
   * @return the exception
   */
  public static InvalidInputException atLine(String source, int line, String reason) {
    return new InvalidInputException(source, line, 0, "", reason, null);
  }

  /**
   * The same problem, now attributed to a named source (used when a reader that saw only a stream
   * learns the file name).
   *
   * @param newSource the file name
   * @return a copy naming {@code newSource}
   */
  public InvalidInputException withSource(String newSource) {
    return new InvalidInputException(newSource, line, column, pointer, reason, getCause());
  }

  /**
   * The source, usually a file name.
   *
   * @return the source, or empty when the input had no name
   */
  public Optional<String> source() {
    return source.isEmpty() ? Optional.empty() : Optional.of(source);
  }

  /**
   * The 1-based line of the problem.
   *
   * @return the line, or empty when unknown
   */
  public OptionalInt line() {
    return line == 0 ? OptionalInt.empty() : OptionalInt.of(line);
  }

  /**
   * The 1-based column of the problem.
   *
   * @return the column, or empty when unknown
   */
  public OptionalInt column() {
    return column == 0 ? OptionalInt.empty() : OptionalInt.of(column);
  }

  /**
   * The JSON pointer or locator inside the document.
   *
   * @return the pointer, or empty when the problem is with the document as a whole
   */
  public Optional<String> pointer() {
    return pointer.isEmpty() ? Optional.empty() : Optional.of(pointer);
  }

  /**
   * What is wrong, without the location.
   *
   * @return the reason
   */
  public String reason() {
    return reason;
  }

  private static String render(String source, int line, int column, String pointer, String reason) {
    StringBuilder sb = new StringBuilder();
    if (!source.isEmpty()) {
      sb.append(source);
      if (line > 0) {
        sb.append(':').append(line);
        if (column > 0) {
          sb.append(':').append(column);
        }
      }
      sb.append(": ");
    } else if (line > 0) {
      sb.append("line ").append(line);
      if (column > 0) {
        sb.append(", column ").append(column);
      }
      sb.append(": ");
    }
    if (!pointer.isEmpty()) {
      sb.append(pointer).append(": ");
    }
    return sb.append(reason).toString();
  }
}
