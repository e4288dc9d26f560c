package org.gridgov.rules.dispatch;

/** What the escalation ladder does with a case at one level. */
public enum EscalationAction {
  /** Nothing: the case stays where it is, on time and within the level's authority. */
  NONE,
  /** Inspection and urging (检查督促、督办): overdue, but not yet far enough to escalate. */
  URGE,
  /** Blow the whistle (吹哨): the next level up takes the case and its reporters must report. */
  WHISTLE
}
