package org.gridgov.spark;

import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.geo.CoordinateSystem;

/**
 * How {@link GridGovSpark#locate} reads positions and treats bad rows: the coordinate system of the
 * input (default WGS-84, as {@code gridgov locate --crs}), what happens to a row whose position is
 * not one (NaN, infinite, out of range, null), and which column names a row in error messages.
 *
 * <p>Immutable and serializable (it travels to the executors with the task).
 */
public final class LocateOptions implements Serializable {
  @Serial private static final long serialVersionUID = 1L;

  /** What happens to a row whose position is not one. */
  public enum BadRows {
    /**
     * The job fails on the first bad row, with an error naming the row (its label column when one
     * is set, else its partition and offset) and the problem, as {@code gridgov locate} does.
     */
    FAIL,
    /**
     * Bad rows are kept with {@code grid}, {@code path} and {@code exclusive} null and the reason
     * in an added {@code problem} column (null on good rows), so a caller counts them and writes
     * them aside ({@code --skip-bad}); never dropped silently.
     */
    MARK
  }

  private static final LocateOptions DEFAULTS =
      new LocateOptions(CoordinateSystem.WGS84, BadRows.FAIL, null);

  private final CoordinateSystem inputSystem;
  private final BadRows badRows;
  private final String rowLabel; // null: rows are named by partition and offset

  private LocateOptions(CoordinateSystem inputSystem, BadRows badRows, String rowLabel) {
    this.inputSystem = inputSystem;
    this.badRows = badRows;
    this.rowLabel = rowLabel;
  }

  /**
   * WGS-84 input, failing on the first bad row, rows named by partition and offset.
   *
   * @return the defaults
   */
  public static LocateOptions defaults() {
    return DEFAULTS;
  }

  /**
   * These options with another input coordinate system; positions are converted to the map's system
   * before lookup.
   *
   * @param system the system of the input positions
   * @return new options
   */
  public LocateOptions withInputSystem(CoordinateSystem system) {
    return new LocateOptions(Objects.requireNonNull(system, "system"), badRows, rowLabel);
  }

  /**
   * These options with another bad-row policy.
   *
   * @param policy what happens to a bad row
   * @return new options
   */
  public LocateOptions withBadRows(BadRows policy) {
    return new LocateOptions(inputSystem, Objects.requireNonNull(policy, "policy"), rowLabel);
  }

  /**
   * These options naming rows in errors by a column of the input (e.g. {@code "id"}).
   *
   * @param column the column
   * @return new options
   */
  public LocateOptions withRowLabel(String column) {
    return new LocateOptions(inputSystem, badRows, Objects.requireNonNull(column, "column"));
  }

  /** The coordinate system of the input positions. */
  public CoordinateSystem inputSystem() {
    return inputSystem;
  }

  /** What happens to a bad row. */
  public BadRows badRows() {
    return badRows;
  }

  /** The column naming rows in errors, if set. */
  public Optional<String> rowLabel() {
    return Optional.ofNullable(rowLabel);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LocateOptions other
        && inputSystem == other.inputSystem
        && badRows == other.badRows
        && Objects.equals(rowLabel, other.rowLabel);
  }

  @Override
  public int hashCode() {
    return Objects.hash(inputSystem, badRows, rowLabel);
  }

  @Override
  public String toString() {
    return "LocateOptions[" + inputSystem + ", " + badRows + ", rowLabel=" + rowLabel + "]";
  }
}
