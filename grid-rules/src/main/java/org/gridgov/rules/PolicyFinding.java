package org.gridgov.rules;

import java.util.Objects;
import org.gridgov.core.Finding;
import org.gridgov.core.Severity;

/**
 * A problem between the parts of a {@link PolicySet}, found by {@link PolicySet#check}: an item the
 * dispatch table cannot route because the table does not accept its category or handling level.
 *
 * @param itemCode the item
 * @param pointer where, as a JSON pointer into the lists document
 * @param message one line for a person
 */
public record PolicyFinding(String itemCode, String pointer, String message) implements Finding {
  /** The code of these findings. */
  public static final String NOT_DISPATCHABLE = "NOT_DISPATCHABLE";

  /**
   * Validates the finding.
   *
   * @param itemCode the item
   * @param pointer the pointer
   * @param message the message
   */
  public PolicyFinding {
    Objects.requireNonNull(itemCode, "itemCode");
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(message, "message");
  }

  static PolicyFinding notDispatchable(String item, String pointer, String what, String table) {
    return new PolicyFinding(
        item,
        pointer,
        pointer
            + ": item "
            + item
            + " has "
            + what
            + ", which the dispatch table '"
            + table
            + "' does not accept");
  }

  @Override
  public Severity severity() {
    return Severity.ERROR;
  }

  @Override
  public String code() {
    return NOT_DISPATCHABLE;
  }
}
