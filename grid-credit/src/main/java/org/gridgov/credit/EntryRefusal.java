package org.gridgov.credit;

import java.util.Objects;

/**
 * Why an entry cannot be added to a ledger: the entry's seq, a typed code and a reason in one
 * sentence. Returned by {@link CreditReplay#check(Entry)}, carried by {@link
 * InvalidEntryException}. Immutable.
 *
 * @param seq the refused entry's seq
 * @param kind the refused entry's kind
 * @param code what rule it breaks
 * @param reason the reason, naming the values involved
 */
public record EntryRefusal(long seq, EntryKind kind, Code code, String reason) {
  /** Checks the fields. */
  public EntryRefusal {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(reason, "reason");
  }

  /** The rules an entry can break (docs/credit.md, "Effective rules"). */
  public enum Code {
    /** The entry's seq is not the next one: the sequence must start at 1 and have no gaps. */
    SEQ_GAP,
    /** The entry is earlier than the one before it. */
    TIME_BACKWARDS,
    /** A recognition or deduction names no rule, or a redemption names one. */
    RULE_MISSING,
    /** The rule's code is not in the scheme. */
    UNKNOWN_RULE,
    /** The entry is made on a day the scheme is not in force. */
    NOT_IN_FORCE,
    /** The rule deducts but the entry recognises, or the other way round. */
    WRONG_KIND,
    /** The points are outside the rule's fixed points or range, or have the wrong sign. */
    POINTS_OUT_OF_RANGE,
    /** The person who made the entry holds none of the posts the rule names. */
    NO_POST,
    /** The recognition would take the rule's points this month over its cap. */
    OVER_CAP,
    /** The entry would take the resident's balance below the scheme's floor. */
    BELOW_FLOOR,
    /** The entry refers to no earlier entry. */
    UNKNOWN_ENTRY,
    /** The entry refers to another resident's entry. */
    OTHER_RESIDENT,
    /** The entry it refers to cannot be appealed, repaired, expired or corrected. */
    NOT_APPLICABLE,
    /** The entry it refers to already counts zero (voided or expired). */
    ALREADY_VOID,
    /** The appeal comes after its filing window. */
    APPEAL_WINDOW_CLOSED,
    /** An appeal of the entry is already open. */
    APPEAL_OPEN,
    /** An appeal of the entry was already decided. */
    APPEAL_DECIDED,
    /** A decision, review or escalation of an appeal that was not filed or is decided. */
    NO_OPEN_APPEAL,
    /** A review of an appeal that is already under review. */
    APPEAL_UNDER_REVIEW,
    /**
     * A review or a second escalation of an appeal that was escalated; or, in the ledger service, a
     * decision of an escalated appeal by someone who does not act over the level it escalated to.
     */
    APPEAL_ESCALATED,
    /** An escalation before the appeal's review deadline ({@code decideWithin}) has passed. */
    ESCALATION_TOO_EARLY,
    /**
     * The ledger service: a decision of an appeal under review by someone else than its reviewer.
     */
    NOT_THE_REVIEWER,
    /** A repair of a deduction under a rule that is not repairable. */
    NOT_REPAIRABLE,
    /** A repair before the rule's waiting period is over. */
    REPAIR_TOO_EARLY,
    /**
     * A repair before the rule's other repair conditions are met ({@code repairNeeds}: e.g. not
     * enough volunteering points recognised since the deduction).
     */
    REPAIR_NEEDS_NOT_MET,
    /** A repair of more points than remain to be restored. */
    REPAIR_TOO_MUCH,
    /** An expiry before the rule's validity is over. */
    EXPIRY_TOO_EARLY,
    /**
     * The ledger service ({@link CreditLedger}) knows no grid for the resident, so it cannot check
     * who may act on their file.
     */
    UNKNOWN_RESIDENT,
    /**
     * The person acting has no access over the resident's grid (their role does not grant acting,
     * or the grid lies outside their bound grids), or is not the resident themselves.
     */
    NO_ACCESS,
    /** The rule requires evidence and the entry carries none. */
    EVIDENCE_MISSING,
    /** The person deciding an appeal made the entry appealed: a review needs another person. */
    REVIEWER_IS_RECOGNISER
  }
}
