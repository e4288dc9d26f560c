package org.gridgov.credit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One entry of the append-only credit ledger: a recognition, deduction, redemption, appeal step,
 * repair, expiry or correction for one resident. Immutable. The ledger's sequence numbers start at
 * 1 and have no gaps; {@code at} never goes backwards along the sequence.
 *
 * <p>The JSON Lines form (docs/credit.md) has the members {@code seq, at, resident, kind, rule,
 * points, by, refersTo, evidence}.
 *
 * @param seq the sequence number in the ledger, from 1
 * @param at when the entry was made
 * @param resident the resident's id
 * @param kind what the entry records
 * @param rule the point rule's code, for recognitions and deductions (and optionally others)
 * @param points the signed change in points the entry makes (positive for a recognition, negative
 *     for a deduction or redemption, 0 for appeal steps; for a repair the points it restores, for a
 *     correction its own signed points)
 * @param by who made the entry (a person id, or {@code system} for expiries)
 * @param refersTo the {@code seq} of the entry an appeal step, repair, expiry or correction
 *     concerns
 * @param evidence a reference to the evidence (a document, a photo, a case id), when any
 */
public record Entry(
    long seq,
    Instant at,
    String resident,
    EntryKind kind,
    Optional<String> rule,
    long points,
    String by,
    OptionalLong refersTo,
    Optional<String> evidence) {

  /**
   * Checks the fields.
   *
   * @throws IllegalArgumentException when {@code seq} is below 1, the resident or {@code by} is
   *     blank, or {@code refersTo} is missing, not earlier than {@code seq}, or given for a kind
   *     that refers to no entry
   */
  public Entry {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(resident, "resident");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(refersTo, "refersTo");
    Objects.requireNonNull(evidence, "evidence");
    if (seq < 1) {
      throw new IllegalArgumentException("entry seq must be at least 1: " + seq);
    }
    if (resident.isBlank()) {
      throw new IllegalArgumentException("entry " + seq + ": resident is blank");
    }
    if (by.isBlank()) {
      throw new IllegalArgumentException("entry " + seq + ": 'by' is blank");
    }
    if (kind.refersToAnEntry() && refersTo.isEmpty()) {
      throw new IllegalArgumentException("entry " + seq + ": a " + kind + " entry needs refersTo");
    }
    if (!kind.refersToAnEntry() && refersTo.isPresent()) {
      throw new IllegalArgumentException(
          "entry " + seq + ": a " + kind + " entry refers to no entry");
    }
    if (refersTo.isPresent() && (refersTo.getAsLong() < 1 || refersTo.getAsLong() >= seq)) {
      throw new IllegalArgumentException(
          "entry " + seq + ": refersTo " + refersTo.getAsLong() + " is not an earlier entry");
    }
  }
}
