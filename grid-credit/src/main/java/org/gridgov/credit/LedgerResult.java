package org.gridgov.credit;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a write to the ledger service ({@link CreditLedger}): either the committed entry,
 * or the typed refusal saying why nothing was written. A refusal is an answer, not an error: the
 * service throws only for caller mistakes and storage failures. Immutable.
 *
 * @param entry the committed entry, when the write was accepted
 * @param refusal why the write was refused, when it was
 */
public record LedgerResult(Optional<Entry> entry, Optional<EntryRefusal> refusal) {
  /**
   * Checks that exactly one of the two is present.
   *
   * @throws IllegalArgumentException when both or neither are present
   */
  public LedgerResult {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(refusal, "refusal");
    CreditArgs.checkArgument(
        entry.isPresent() != refusal.isPresent(),
        "a ledger result is either an entry or a refusal, not %s",
        entry.isPresent() ? "both" : "neither");
  }

  /**
   * A committed entry.
   *
   * @param entry the entry
   * @return the result
   */
  public static LedgerResult committed(Entry entry) {
    return new LedgerResult(Optional.of(entry), Optional.empty());
  }

  /**
   * A refusal.
   *
   * @param refusal why
   * @return the result
   */
  public static LedgerResult refused(EntryRefusal refusal) {
    return new LedgerResult(Optional.empty(), Optional.of(refusal));
  }

  /**
   * Whether the entry was committed.
   *
   * @return true when {@link #entry()} is present
   */
  public boolean isCommitted() {
    return entry.isPresent();
  }

  /**
   * The committed entry, for callers that expect the write to be accepted.
   *
   * @return the entry
   * @throws IllegalStateException with the refusal's reason when the write was refused
   */
  public Entry orElseThrow() {
    if (refusal.isPresent()) {
      EntryRefusal r = refusal.get();
      throw new IllegalStateException(r.kind() + " refused (" + r.code() + "): " + r.reason());
    }
    return entry.orElseThrow();
  }
}
