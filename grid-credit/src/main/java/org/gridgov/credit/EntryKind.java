package org.gridgov.credit;

/**
 * What a ledger entry records. Nothing in the ledger is edited or deleted: every change of a
 * resident's points, including a correction, is an entry of one of these kinds.
 */
public enum EntryKind {
  /** Points awarded under a rule (认定加分): positive points. */
  RECOGNISE,
  /** Points deducted under a rule (认定扣分): negative points. */
  DEDUCT,
  /** Points spent on a service or an honour (兑换): negative points, no rule. */
  REDEEM,
  /** The resident appealed the entry {@code refersTo} (申诉): no points. */
  APPEAL_FILED,
  /** The appeal of entry {@code refersTo} was rejected, the entry stands: no points. */
  APPEAL_UPHELD,
  /** The appeal succeeded: entry {@code refersTo} counts zero from here on. */
  APPEAL_VOIDED,
  /**
   * Credit repair (信用修复) of the deduction {@code refersTo}: restores its points, or {@code points}.
   */
  REPAIR,
  /** Entry {@code refersTo} expired: it counts zero from here on. */
  EXPIRE,
  /** A correction of entry {@code refersTo}: a compensating entry with its own signed points. */
  CORRECT,
  /**
   * The appeal of entry {@code refersTo} was taken for review (受理): the reviewer ({@code by}) owns
   * it until it is decided or escalated; no points. Optional: an appeal may be decided straight
   * from filing.
   */
  APPEAL_REVIEW,
  /**
   * The appeal of entry {@code refersTo} was not decided by its review deadline and escalates to
   * the level named in {@code evidence} (a grid id); no points. Written by the ledger service
   * ({@code by} = {@code system}) or an escalating official.
   */
  APPEAL_ESCALATED;

  /**
   * Whether an entry of this kind must name the entry it concerns in {@code refersTo}.
   *
   * @return true for appeals, repairs, expiries and corrections
   */
  public boolean refersToAnEntry() {
    return switch (this) {
      case RECOGNISE, DEDUCT, REDEEM -> false;
      case APPEAL_FILED,
          APPEAL_UPHELD,
          APPEAL_VOIDED,
          REPAIR,
          EXPIRE,
          CORRECT,
          APPEAL_REVIEW,
          APPEAL_ESCALATED ->
          true;
    };
  }
}
