package org.gridgov.rules;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.Finding;
import org.gridgov.core.Severity;
import org.gridgov.core.SourceLocation;
import org.gridgov.core.io.Problems;

/**
 * A problem between the parts of a {@link PolicySet}, found by {@link PolicySet#check}: an item the
 * dispatch table cannot route because the table does not accept its category or handling level.
 *
 * @param itemCode the item
 * @param pointer where, as a JSON pointer into the lists document
 * @param message one line for a person
 */
public record PolicyFinding(String itemCode, String pointer, String message) implements Finding {
  /** The kinds of policy finding; a finding's {@link #code()} is the constant's name. */
  public enum Kind implements Finding.Code {
    /** The dispatch table does not accept an item's category or handling level (an error). */
    NOT_DISPATCHABLE
  }

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
            + ", which the dispatch table "
            + Problems.quote(table)
            + " does not accept");
  }

  @Override
  public Severity severity() {
    return Severity.ERROR;
  }

  /**
   * The kind of this finding.
   *
   * @return {@link Kind#NOT_DISPATCHABLE}
   */
  public Kind kind() {
    return Kind.NOT_DISPATCHABLE;
  }

  @Override
  public String code() {
    return kind().name();
  }

  /**
   * The item concerned.
   *
   * @return the item code
   */
  @Override
  public List<String> subjects() {
    return List.of(itemCode);
  }

  /**
   * Where in the lists document: the {@link #pointer()}.
   *
   * @return the location with the pointer
   */
  @Override
  public Optional<SourceLocation> location() {
    return Optional.of(SourceLocation.at("", pointer));
  }
}
