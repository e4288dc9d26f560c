package org.gridgov.spark;

import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A case line that could not be scored: where it is and why. Located by its line when the input has
 * a line column ({@link ScoreOptions#withLines}), else by its partition and its 1-based row within
 * the partition. Line numbers are {@code long}: a national file can have more than 2<sup>31</sup>
 * lines.
 *
 * <p>Immutable and serializable. A plain class, not a record: bad lines travel in Spark's shuffle,
 * written with {@code spark.serializer}, and Kryo 4 (Spark 3.5) cannot set a record's final fields.
 */
public final class BadCase implements Serializable {
  @Serial private static final long serialVersionUID = 2L;

  private final String source;
  private final long line; // 0: unknown
  private final int partition;
  private final long row;
  private final int column; // 0: unknown
  private final String pointer; // "": none
  private final String reason;

  BadCase(
      String source,
      long line,
      int partition,
      long row,
      int column,
      String pointer,
      String reason) {
    this.source = Objects.requireNonNull(source, "source");
    this.line = Math.max(0, line);
    this.partition = partition;
    this.row = row;
    this.column = Math.max(0, column);
    this.pointer = Objects.requireNonNull(pointer, "pointer");
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** The input's name. */
  public String source() {
    return source;
  }

  /** The 1-based line, when the input said (a line column with a positive number). */
  public OptionalLong line() {
    return line > 0 ? OptionalLong.of(line) : OptionalLong.empty();
  }

  /** The partition the row was in. */
  public int partition() {
    return partition;
  }

  /** The 1-based row within its partition. */
  public long row() {
    return row;
  }

  /** The 1-based column of the problem in the line, when known. */
  public OptionalInt column() {
    return column > 0 ? OptionalInt.of(column) : OptionalInt.empty();
  }

  /** The JSON pointer of the bad value, when known. */
  public Optional<String> pointer() {
    return pointer.isEmpty() ? Optional.empty() : Optional.of(pointer);
  }

  /** What is wrong. */
  public String reason() {
    return reason;
  }

  /**
   * The located error {@code gridgov score} would report for this line: {@code source:line:column:
   * reason} when the line is known, else {@code source: partition P, row R: reason}.
   *
   * @return the exception
   */
  public BadCaseException toException() {
    if (line > 0 && line <= Integer.MAX_VALUE) {
      return new BadCaseException(this, source, (int) line, column, reason);
    }
    if (line > 0) { // beyond the int line of InvalidInputException: said in the reason
      return new BadCaseException(
          this,
          source,
          0,
          0,
          "line " + line + (column > 0 ? ", column " + column : "") + ": " + reason);
    }
    return new BadCaseException(
        this, source, 0, column, "partition " + partition + ", row " + row + ": " + reason);
  }

  /**
   * This bad line at a line number learnt later (e.g. from the sizes of a text file's splits).
   *
   * @param at the 1-based line
   * @return the bad line with its line
   */
  public BadCase atLine(long at) {
    return new BadCase(source, at, partition, row, column, pointer, reason);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BadCase b
        && line == b.line
        && partition == b.partition
        && row == b.row
        && column == b.column
        && source.equals(b.source)
        && pointer.equals(b.pointer)
        && reason.equals(b.reason);
  }

  @Override
  public int hashCode() {
    return Objects.hash(source, line, partition, row, column, pointer, reason);
  }

  @Override
  public String toString() {
    return toException().getMessage();
  }
}
