package org.gridgov.rules.dispatch;

/**
 * How hard a case is, in the terms of Dongping's "simple first" tiers (docs/domain.md §4, 先易后难):
 * the dispatch table routes harder cases to higher tiers.
 */
public enum CaseSeverity {
  /** A simple matter (简单问题) the grid can digest itself. */
  SIMPLE,
  /** An ordinary matter (一般问题): the grid whistles and the town co-ordinates its stations. */
  ORDINARY,
  /** A hard matter (难点问题) the town cannot solve alone: departments are whistled in. */
  DIFFICULT,
  /** A major matter (重大问题) of great difficulty or danger: handled jointly. */
  MAJOR
}
