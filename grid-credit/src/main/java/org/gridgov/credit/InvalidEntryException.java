package org.gridgov.credit;

import java.util.Objects;
import org.gridgov.core.InvalidInputException;

/**
 * A ledger entry breaks a rule of the scheme: located at the entry's line when it was read from a
 * file ({@code entries.jsonl:7: entry 7 (DEDUCT): …}), with the typed {@link EntryRefusal}. A
 * replay that throws it has produced nothing.
 */
public final class InvalidEntryException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  @SuppressWarnings("serial") // a record of strings and enums
  private final EntryRefusal refusal;

  /**
   * An exception.
   *
   * @param source the file the entry was read from, or empty
   * @param line the entry's 1-based line, or 0 when unknown
   * @param refusal why the entry breaks a rule
   */
  public InvalidEntryException(String source, int line, EntryRefusal refusal) {
    super(
        source,
        line,
        0,
        "",
        "entry " + refusal.seq() + " (" + refusal.kind() + "): " + refusal.reason(),
        null);
    this.refusal = Objects.requireNonNull(refusal, "refusal");
  }

  /**
   * Why the entry breaks a rule.
   *
   * @return the refusal
   */
  public EntryRefusal refusal() {
    return refusal;
  }
}
