package org.gridgov.core.io;

import java.util.List;
import java.util.Objects;
import org.gridgov.core.InvalidInputException;

/**
 * One CSV record as read by {@link CsvReader}: its fields, unquoted, and where it was. Immutable.
 *
 * @param source the file or stream name
 * @param line the 1-based line the record starts on
 * @param fields the fields, at least one
 */
public record CsvRow(String source, int line, List<String> fields) {
  /**
   * Copies the fields.
   *
   * @param source the source
   * @param line the line
   * @param fields the fields
   */
  public CsvRow {
    Objects.requireNonNull(source, "source");
    fields = List.copyOf(fields);
  }

  /**
   * How many fields the record has.
   *
   * @return the count
   */
  public int size() {
    return fields.size();
  }

  /**
   * A field by position.
   *
   * @param index the 0-based column
   * @return the field, {@code ""} when the record is shorter
   */
  public String get(int index) {
    return index < fields.size() ? fields.get(index) : "";
  }

  /**
   * A located exception for this record, to throw.
   *
   * @param reason what is wrong
   * @return the exception naming the source and line
   */
  public InvalidInputException error(String reason) {
    return InvalidInputException.atLine(source, line, reason);
  }

  /**
   * A located exception for one column of this record, to throw.
   *
   * @param column the column name
   * @param reason what is wrong
   * @return the exception naming the source, line and column
   */
  public InvalidInputException error(String column, String reason) {
    return new InvalidInputException(source, line, 0, "column " + column, reason, null);
  }
}
