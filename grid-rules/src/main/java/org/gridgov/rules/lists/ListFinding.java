package org.gridgov.rules.lists;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.Finding;
import org.gridgov.core.Severity;
import org.gridgov.core.SourceLocation;

/**
 * One inconsistency of the three lists, found by {@link ListConsistencyChecker}.
 *
 * @param kind what is wrong
 * @param itemCode the item involved, empty when the finding is about a department
 * @param pointer where: a JSON pointer into the lists document, such as {@code /access/3}, which is
 *     also the position in {@link GovernanceLists}
 * @param message one line for a person, naming the other entries involved
 */
public record ListFinding(Kind kind, Optional<String> itemCode, String pointer, String message)
    implements Finding {

  /** The kinds of inconsistency, each with its severity. */
  public enum Kind implements Finding.Code {
    /** Two items share a code. */
    DUPLICATE_ITEM_CODE(Severity.ERROR),
    /** Two departments share an id. */
    DUPLICATE_DEPARTMENT_ID(Severity.ERROR),
    /** An item is dispatched automatically but no authority entry says who is responsible. */
    AUTO_DISPATCH_WITHOUT_AUTHORITY(Severity.ERROR),
    /** An access entry that has not expired admits an item that a prohibited entry forbids. */
    ADMITTED_AND_PROHIBITED(Severity.ERROR),
    /** An item, entry or department names a level that is not on the hierarchy's ladder. */
    UNKNOWN_LEVEL(Severity.ERROR),
    /**
     * The item is still handled at a level only on the strength of an expired temporary admission:
     * a temporary access entry for the item at the item's own handling level has expired, and no
     * access entry for the item at that level is in force on the check date.
     */
    EXPIRED_TEMPORARY_IN_USE(Severity.ERROR),
    /** An authority or access entry names an item that is not on the item list. */
    UNKNOWN_ITEM(Severity.ERROR),
    /** An item or entry names a department that is not in the department list. */
    UNKNOWN_DEPARTMENT(Severity.ERROR),
    /** An access entry is effective by date but has not been announced, so it admits nothing. */
    NOT_ANNOUNCED(Severity.WARNING);

    private final Severity severity;

    Kind(Severity severity) {
      this.severity = severity;
    }

    /**
     * The severity of findings of this kind.
     *
     * @return the severity
     */
    public Severity severity() {
      return severity;
    }
  }

  /**
   * Validates the finding.
   *
   * @param kind the kind
   * @param itemCode the item, if any
   * @param pointer the pointer
   * @param message the message
   */
  public ListFinding {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(itemCode, "itemCode");
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public Severity severity() {
    return kind.severity();
  }

  @Override
  public String code() {
    return kind.name();
  }

  /**
   * The item involved, when there is one.
   *
   * @return the item code, or nothing for a department finding
   */
  @Override
  public List<String> subjects() {
    return itemCode.map(List::of).orElse(List.of());
  }

  /**
   * Where in the lists document: the {@link #pointer()} (the lists carry no file name).
   *
   * @return the location with the pointer
   */
  @Override
  public Optional<SourceLocation> location() {
    return Optional.of(SourceLocation.at("", pointer));
  }
}
