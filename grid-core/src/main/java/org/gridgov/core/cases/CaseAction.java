package org.gridgov.core.cases;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * A step of the case loop, and the transition table saying from which states it may be taken and
 * which state it leads to. The table is the whole lifecycle: anything not in it is illegal.
 *
 * <pre>
 * REPORTED   --FILE--> FILED          REPORTED --REJECT--> REJECTED
 * FILED      --DISPATCH--> DISPATCHED FILED --ESCALATE--> ESCALATED
 * DISPATCHED --ACCEPT--> HANDLING     DISPATCHED --RETURN--> RETURNED   DISPATCHED --ESCALATE--> ESCALATED
 * RETURNED   --DISPATCH--> DISPATCHED RETURNED --ESCALATE--> ESCALATED
 * ESCALATED  --DISPATCH--> DISPATCHED
 * HANDLING   --FEED_BACK--> FEEDBACK  HANDLING --SUSPEND--> SUSPENDED  HANDLING --ESCALATE--> ESCALATED
 * SUSPENDED  --RESUME--> HANDLING
 * FEEDBACK   --VERIFY--> VERIFIED     FEEDBACK --SEND_BACK--> REWORK
 * REWORK     --ACCEPT--> HANDLING
 * VERIFIED   --CLOSE--> CLOSED
 * CLOSED     --EVALUATE--> EVALUATED
 * </pre>
 */
public enum CaseAction {
  /** Accept a report as a case (立案). */
  FILE,
  /** Refuse a report at filing (不予立案). */
  REJECT,
  /** Send to a handler (派遣); names the assignee. */
  DISPATCH,
  /** The handler refuses the dispatch (退回). */
  RETURN,
  /** The handler takes the case on (响应/签收), also after rework. */
  ACCEPT,
  /** The handler reports the result (反馈). */
  FEED_BACK,
  /** A check confirms the result (核查通过). */
  VERIFY,
  /** A check fails: back for rework (返工). */
  SEND_BACK,
  /** Close the case (结案). */
  CLOSE,
  /** Record the assessment and rating (评价). */
  EVALUATE,
  /** Suspend or defer (挂账/延期). */
  SUSPEND,
  /** Resume handling after a suspension. */
  RESUME,
  /** Blow the whistle to the next level (吹哨); names the new assignee. */
  ESCALATE;

  private static final Map<CaseState, Map<CaseAction, CaseState>> TABLE =
      new EnumMap<>(CaseState.class);

  static {
    for (CaseState s : CaseState.values()) {
      TABLE.put(s, new EnumMap<>(CaseAction.class));
    }
    allow(CaseState.REPORTED, FILE, CaseState.FILED);
    allow(CaseState.REPORTED, REJECT, CaseState.REJECTED);
    allow(CaseState.FILED, DISPATCH, CaseState.DISPATCHED);
    allow(CaseState.FILED, ESCALATE, CaseState.ESCALATED);
    allow(CaseState.DISPATCHED, ACCEPT, CaseState.HANDLING);
    allow(CaseState.DISPATCHED, RETURN, CaseState.RETURNED);
    allow(CaseState.DISPATCHED, ESCALATE, CaseState.ESCALATED);
    allow(CaseState.RETURNED, DISPATCH, CaseState.DISPATCHED);
    allow(CaseState.RETURNED, ESCALATE, CaseState.ESCALATED);
    allow(CaseState.ESCALATED, DISPATCH, CaseState.DISPATCHED);
    allow(CaseState.HANDLING, FEED_BACK, CaseState.FEEDBACK);
    allow(CaseState.HANDLING, SUSPEND, CaseState.SUSPENDED);
    allow(CaseState.HANDLING, ESCALATE, CaseState.ESCALATED);
    allow(CaseState.SUSPENDED, RESUME, CaseState.HANDLING);
    allow(CaseState.FEEDBACK, VERIFY, CaseState.VERIFIED);
    allow(CaseState.FEEDBACK, SEND_BACK, CaseState.REWORK);
    allow(CaseState.REWORK, ACCEPT, CaseState.HANDLING);
    allow(CaseState.VERIFIED, CLOSE, CaseState.CLOSED);
    allow(CaseState.CLOSED, EVALUATE, CaseState.EVALUATED);
  }

  private static void allow(CaseState from, CaseAction action, CaseState to) {
    TABLE.get(from).put(action, to);
  }

  /**
   * The state this step leads to from a state.
   *
   * @param from the current state
   * @return the next state, or empty when the step is illegal there
   */
  public Optional<CaseState> from(CaseState from) {
    return Optional.ofNullable(TABLE.get(from).get(this));
  }

  /**
   * Whether this step names an assignee (dispatch and escalation).
   *
   * @return true for {@link #DISPATCH} and {@link #ESCALATE}
   */
  public boolean assigns() {
    return this == DISPATCH || this == ESCALATE;
  }
}
