package org.gridgov.credit;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the ledger service's read audit: who read (or tried to read) which credit file or
 * which community's aggregates, when, and whether it was allowed. Immutable.
 *
 * @param at when the read happened (the service's clock)
 * @param principal the reader's principal id
 * @param role the reader's role name
 * @param what a personal statement or aggregates
 * @param subject the resident's id, or the community's grid id
 * @param asOf the instant the statement or aggregates were asked as of
 * @param allowed whether the read was allowed
 * @param reason why it was refused, or {@code ""} when allowed
 */
public record ReadRecord(
    Instant at,
    String principal,
    String role,
    Subject what,
    String subject,
    Instant asOf,
    boolean allowed,
    String reason) {
  /** Checks the fields. */
  public ReadRecord {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(what, "what");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(reason, "reason");
  }

  /** What was read. */
  public enum Subject {
    /** A resident's personal statement (their credit file). */
    STATEMENT,
    /** Aggregates over a community (how many residents have each level). */
    AGGREGATES
  }

  /**
   * Receives every read as it happens, e.g. to store the audit durably. Called on the reading
   * thread after the read was decided and before its answer is returned; implementations must be
   * thread-safe and should be quick. An exception from a listener fails the read.
   */
  @FunctionalInterface
  public interface Listener {
    /**
     * A read happened.
     *
     * @param read the audit record
     */
    void onRead(ReadRecord read);
  }
}
