package org.gridgov.credit;

import java.time.Instant;
import java.util.Objects;

/**
 * An appeal (申诉) filed and not decided by its review deadline: it escalates (reported by {@link
 * CreditLedger#overdueAppeals(Instant)}); it is not refused, and it may still be decided.
 * Immutable.
 *
 * @param resident the resident who appealed
 * @param entry the seq of the appealed entry
 * @param appeal the seq of the {@link EntryKind#APPEAL_FILED} entry
 * @param filedAt when the appeal was filed
 * @param decideBy the review deadline: {@code decideWithin} working days after filing
 */
public record OverdueAppeal(
    String resident, long entry, long appeal, Instant filedAt, Instant decideBy) {
  /** Checks the fields. */
  public OverdueAppeal {
    Objects.requireNonNull(resident, "resident");
    Objects.requireNonNull(filedAt, "filedAt");
    Objects.requireNonNull(decideBy, "decideBy");
  }
}
