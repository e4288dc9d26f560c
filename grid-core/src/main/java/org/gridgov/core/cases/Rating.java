package org.gridgov.core.cases;

/**
 * The reporter's rating at the follow-up visit (回访). Weights are set by a scoring scheme; a common
 * rule counts "basically satisfied" at 0.9 (docs/domain.md §7, hotline three rates).
 */
public enum Rating {
  /** 满意. */
  SATISFIED,
  /** 基本满意. */
  BASICALLY_SATISFIED,
  /** 不满意. */
  DISSATISFIED
}
