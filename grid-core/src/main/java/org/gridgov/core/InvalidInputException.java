package org.gridgov.core;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;
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
 *
 * <p>This is the one exception type for bad data: readers that collect every problem ({@code
 * org.gridgov.core.io.Problems} in all-errors mode) throw one {@code InvalidInputException} made
 * with {@link #of(Findings)} whose {@link #problems()} lists them all; {@link #withLine(int)} and
 * {@link #withSource(String)} add the place a reader learns later.
 */
public class InvalidInputException extends GridGovException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final int line;
  private final int column;
  private final String pointer;
  private final String reason;

  @SuppressWarnings("serial") // immutable; rebuilt from the fields when absent
  private final transient Findings problems;

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
    this.problems = null;
  }

  private InvalidInputException(
      SourceLocation where, String reason, Findings problems, Throwable cause) {
    super(render(where.source(), where.line(), where.column(), where.pointer(), reason), cause);
    this.source = where.source();
    this.line = where.line();
    this.column = where.column();
    this.pointer = where.pointer();
    this.reason = reason;
    this.problems = problems;
  }

  /**
   * One exception for every error of a read: located like its only error when there is one, else
   * named after the common source with a reason listing each error ({@code 3 problems: line 2: /a:
   * …; line 5: /b: …}, the first 20).
   *
   * @param findings the findings, at least one of them an error
   * @return the exception; its {@link #problems()} are the given findings
   * @throws IllegalArgumentException when there is no error among the findings
   */
  public static InvalidInputException of(Findings findings) {
    return of(findings, null);
  }

  /**
   * Like {@link #of(Findings)}, with the underlying failure.
   *
   * @param findings the findings, at least one of them an error
   * @param cause the underlying failure (a parser's exception), may be {@code null}
   * @return the exception
   */
  public static InvalidInputException of(Findings findings, Throwable cause) {
    List<Finding> errors = findings.errors();
    checkArgument(!errors.isEmpty(), "no error among the findings %s", findings);
    if (errors.size() == 1) {
      Finding f = errors.get(0);
      return new InvalidInputException(
          f.location().orElse(SourceLocation.UNKNOWN), f.message(), findings, cause);
    }
    String source = errors.get(0).location().map(SourceLocation::source).orElse("");
    StringBuilder sb = new StringBuilder().append(errors.size()).append(" problems: ");
    for (int i = 0; i < errors.size() && i < 20; i++) {
      Finding f = errors.get(i);
      if (i > 0) {
        sb.append("; ");
      }
      SourceLocation l = f.location().orElse(SourceLocation.UNKNOWN);
      String where =
          (l.source().equals(source)
                  ? new SourceLocation("", l.line(), l.column(), l.pointer())
                  : l)
              .render();
      sb.append(where.isEmpty() ? "" : where + ": ").append(f.message());
    }
    if (errors.size() > 20) {
      sb.append("; …");
    }
    return new InvalidInputException(
        new SourceLocation(source, 0, 0, ""), sb.toString(), findings, cause);
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
   * The same problem, now attributed to a line (used when a reader that saw only one record of a
   * JSON Lines or CSV file learns which line it was).
   *
   * @param newLine the 1-based line number
   * @return a copy naming {@code newLine}
   */
  public InvalidInputException withLine(int newLine) {
    checkArgument(newLine > 0, "a line number is 1 or more, not %s", newLine);
    return new InvalidInputException(source, newLine, column, pointer, reason, getCause());
  }

  /**
   * Where the problem is.
   *
   * @return the location
   */
  public SourceLocation location() {
    return new SourceLocation(source, line, column, pointer);
  }

  /**
   * Every problem behind this exception: those collected by an all-errors read, or this one problem
   * as a {@link InputCode#BAD_VALUE} error.
   *
   * @return the findings, at least one error
   */
  public Findings problems() {
    if (problems != null) {
      return problems;
    }
    return Findings.of(
        new BasicFinding(
            Severity.ERROR, InputCode.BAD_VALUE, List.of(), Optional.of(location()), reason));
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
