package org.gridgov.credit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One entry of a resident's explained statement: the entry, its rule (code, name, legal basis), who
 * made it, the evidence, what it counts now, the entries that concern it (appeal steps, repairs,
 * expiry, corrections) and notes in words. Immutable.
 *
 * @param seq the entry's seq
 * @param at when it was made
 * @param kind its kind
 * @param rule the rule's code, when it names one
 * @param ruleName the rule's name, when it names one
 * @param basis the rule's legal basis, when it names one
 * @param points the points the entry recorded (for a repair: the points it restores)
 * @param counts what the entry counts in the balance now (0 when voided, expired, or when the entry
 *     it concerns counts 0)
 * @param by who made it
 * @param evidence its evidence, when any
 * @param refersTo the entry it concerns, when any
 * @param appeal the state of the appeal of this entry
 * @param history the later entries that concern this one, in sequence
 * @param notes the explanation in words, one sentence each
 */
public record StatementLine(
    long seq,
    Instant at,
    EntryKind kind,
    Optional<String> rule,
    Optional<String> ruleName,
    Optional<String> basis,
    long points,
    long counts,
    String by,
    Optional<String> evidence,
    OptionalLong refersTo,
    AppealStatus appeal,
    List<Entry> history,
    List<String> notes) {

  /** Checks the fields. */
  public StatementLine {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(ruleName, "ruleName");
    Objects.requireNonNull(basis, "basis");
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(evidence, "evidence");
    Objects.requireNonNull(refersTo, "refersTo");
    Objects.requireNonNull(appeal, "appeal");
    history = List.copyOf(history);
    notes = List.copyOf(notes);
  }

  /** Where the appeal (申诉) of an entry stands. */
  public enum AppealStatus {
    /** Never appealed. */
    NONE,
    /** Filed, not yet taken for review, escalated or decided. */
    OPEN,
    /** Decided: the entry stands. */
    UPHELD,
    /** Decided: the entry is voided and counts zero. */
    VOIDED,
    /** Taken for review ({@link EntryKind#APPEAL_REVIEW}), not yet decided. */
    UNDER_REVIEW,
    /**
     * Not decided by its review deadline and escalated ({@link EntryKind#APPEAL_ESCALATED}), not
     * yet decided.
     */
    ESCALATED;

    /**
     * Whether an appeal in this state is still to be decided.
     *
     * @return true for {@link #OPEN}, {@link #UNDER_REVIEW} and {@link #ESCALATED}
     */
    public boolean undecided() {
      return this == OPEN || this == UNDER_REVIEW || this == ESCALATED;
    }
  }
}
