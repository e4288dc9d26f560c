package org.gridgov.core.cases;

/**
 * The states of the case loop: reported → filed → dispatched → handling → feedback → verified →
 * closed → evaluated, plus the side states of the sources (CJJ/T 106, GB/T 30428.8 lineage;
 * docs/domain.md §3 and §7). {@link CaseAction} lists the steps and {@link Case#apply} enforces
 * which step may follow which state.
 */
public enum CaseState {
  /** Discovered or received, not yet filed (发现/信息收集). */
  REPORTED,
  /** Accepted as a case (立案). */
  FILED,
  /** Sent to a handler (派遣). */
  DISPATCHED,
  /** Being handled (处置). */
  HANDLING,
  /** The handler reported back (反馈). */
  FEEDBACK,
  /** A check confirmed the result (核查). */
  VERIFIED,
  /** Closed (结案). */
  CLOSED,
  /** Assessed, with the reporter's rating (考核/评价); terminal. */
  EVALUATED,
  /** Not accepted at filing; terminal. */
  REJECTED,
  /** The handler refused the dispatch (退回); awaits a new dispatch. */
  RETURNED,
  /** Verification failed; sent back for rework (返工). */
  REWORK,
  /** Suspended or deferred (挂账/缓办/延期). */
  SUSPENDED,
  /** Whistled up to a higher level (吹哨); awaits dispatch there. */
  ESCALATED;

  /**
   * Whether no further step is possible.
   *
   * @return true for {@link #EVALUATED} and {@link #REJECTED}
   */
  public boolean isTerminal() {
    return this == EVALUATED || this == REJECTED;
  }

  /**
   * Whether the case has been closed (closed or evaluated).
   *
   * @return true once closed
   */
  public boolean isClosed() {
    return this == CLOSED || this == EVALUATED;
  }
}
