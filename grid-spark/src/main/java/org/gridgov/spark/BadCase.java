package org.gridgov.spark;

import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A case line that could not be scored: where it is and why. Located by its line when the input has
 * a line column ({@link ScoreOptions#withLines}), else by its partition and its 1-based row within
 * the partition.
 *
 * @param source the input's name
 * @param line the 1-based line, 0 when unknown
 * @param partition the partition the row was in
 * @param row the 1-based row within the partition
 * @param column the 1-based column of the problem in the line, 0 when unknown
 * @param pointer the JSON pointer of the bad value, or empty
 * @param reason what is wrong
 */
public record BadCase(
    String source, long line, int partition, long row, int column, String pointer, String reason)
    implements Serializable {
  @Serial private static final long serialVersionUID = 1L;

  /** Checks for nulls. */
  public BadCase {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(reason, "reason");
  }

  /** The line, when the input said. */
  public OptionalLong knownLine() {
    return line > 0 ? OptionalLong.of(line) : OptionalLong.empty();
  }

  /**
   * The located error {@code gridgov score} would report for this line.
   *
   * @return the exception
   */
  public BadCaseException toException() {
    if (line > 0) {
      return new BadCaseException(this, source, (int) Math.min(Integer.MAX_VALUE, line), reason);
    }
    return new BadCaseException(
        this, source, 0, "partition " + partition + " row " + row + ": " + reason);
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
  public String toString() {
    return toException().getMessage();
  }
}
