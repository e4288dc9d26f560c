package org.gridgov.scoring;

import java.util.Locale;
import java.util.Optional;
import org.gridgov.scoring.internal.EnumKeys;

/**
 * How cases that are suspended or deferred (缓办/挂账/延期) at the as-of instant enter the
 * due-for-closure count <i>D</i> (应结案数). Suspended time always pauses the clock of a case that
 * later resumes and closes; this rule only concerns cases still suspended when the log was taken.
 */
public enum CensoringRule {
  /**
   * Leave cases that are suspended at the as-of instant out of <i>D</i>, its numerators and the
   * overdue count, as Jinhua's on-time closing = on time / (due − suspended) does (DOMAIN.md §7).
   */
  EXCLUDE_SUSPENDED,
  /**
   * Count a suspended case as due (and overdue) once its original time limit, without the pause,
   * has passed, so that a suspension cannot hide a case for ever.
   */
  COUNT_SUSPENDED_WHEN_OVERDUE;

  /** The key used in scheme JSON, e.g. {@code exclude-suspended}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Parses a key.
   *
   * @param key the key
   * @return the rule, or empty
   */
  public static Optional<CensoringRule> byKey(String key) {
    return EnumKeys.find(values(), CensoringRule::key, key);
  }
}
