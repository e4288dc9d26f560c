package org.gridgov.scoring;

import java.util.Locale;
import java.util.Optional;
import org.gridgov.scoring.internal.EnumKeys;

/**
 * What a scheme does with a unit when one of its components is not applicable (无数据, for example a
 * response rate with no case taken on). Missing data is never scored as zero.
 */
public enum NotApplicablePolicy {
  /** The unit gets no score and is left out of the ranking. */
  EXCLUDE,
  /** The unit gets no score and is ranked after every scored unit, all such units tied. */
  RANK_LAST,
  /**
   * The unit is scored on its applicable components, their weights scaled up so that they sum to
   * the scheme's total weight: score = Σ<sub>applicable</sub> points·w / Σ<sub>applicable</sub> w ·
   * Σ w. A unit with no applicable component is left out as with {@link #EXCLUDE}.
   */
  RENORMALISE;

  /** The key used in scheme JSON, e.g. {@code rank-last}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Parses a key.
   *
   * @param key the key
   * @return the policy, or empty
   */
  public static Optional<NotApplicablePolicy> byKey(String key) {
    return EnumKeys.find(values(), NotApplicablePolicy::key, key);
  }
}
