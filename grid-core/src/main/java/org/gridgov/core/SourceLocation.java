package org.gridgov.core;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where something was found in an input: the source (usually a file name), the 1-based line and
 * column when known, and a pointer inside the document (an RFC 6901 JSON pointer such as {@code
 * /grids/3/parent}, or a locator such as {@code column lon}). Immutable.
 *
 * @param source the file or stream name, or empty
 * @param line the 1-based line, 0 when unknown
 * @param column the 1-based column, 0 when unknown
 * @param pointer the pointer or locator, or empty
 */
public record SourceLocation(String source, int line, int column, String pointer) {
  /** Nowhere in particular: no source, line or pointer. */
  public static final SourceLocation UNKNOWN = new SourceLocation("", 0, 0, "");

  /**
   * Checks the fields.
   *
   * @param source the source
   * @param line the line
   * @param column the column
   * @param pointer the pointer
   */
  public SourceLocation {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(pointer, "pointer");
    checkArgument(line >= 0, "line must be 0 (unknown) or more, not %s", line);
    checkArgument(column >= 0, "column must be 0 (unknown) or more, not %s", column);
  }

  /**
   * A pointer in a named source.
   *
   * @param source the source
   * @param pointer the pointer
   * @return the location
   */
  public static SourceLocation at(String source, String pointer) {
    return new SourceLocation(source, 0, 0, pointer);
  }

  /**
   * A line of a named source.
   *
   * @param source the source
   * @param line the 1-based line
   * @return the location
   */
  public static SourceLocation atLine(String source, int line) {
    return new SourceLocation(source, line, 0, "");
  }

  /**
   * The line, when known.
   *
   * @return the line or empty
   */
  public OptionalInt lineNumber() {
    return line == 0 ? OptionalInt.empty() : OptionalInt.of(line);
  }

  /**
   * The pointer, when known.
   *
   * @return the pointer or empty
   */
  public Optional<String> pointerText() {
    return pointer.isEmpty() ? Optional.empty() : Optional.of(pointer);
  }

  /**
   * The location as it starts a message: {@code file:line:column: pointer}, leaving out what is
   * unknown ({@code line 3, column 4} when there is no source name).
   *
   * @return the text, empty for {@link #UNKNOWN}
   */
  public String render() {
    StringBuilder sb = new StringBuilder();
    if (!source.isEmpty()) {
      sb.append(source);
      if (line > 0) {
        sb.append(':').append(line);
        if (column > 0) {
          sb.append(':').append(column);
        }
      }
    } else if (line > 0) {
      sb.append("line ").append(line);
      if (column > 0) {
        sb.append(", column ").append(column);
      }
    }
    if (!pointer.isEmpty()) {
      if (sb.length() > 0) {
        sb.append(": ");
      }
      sb.append(pointer);
    }
    return sb.toString();
  }
}
