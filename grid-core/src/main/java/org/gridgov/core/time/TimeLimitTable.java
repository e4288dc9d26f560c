package org.gridgov.core.time;

import com.google.common.collect.ImmutableSortedMap;
import java.util.Map;
import java.util.Optional;

/**
 * Time limits per item code, as data (时限表). Immutable and thread-safe.
 *
 * @param limits item code → limits, iterated in code order
 */
public record TimeLimitTable(Map<String, TimeLimits> limits) {
  /**
   * Copies the map.
   *
   * @param limits item code → limits
   */
  public TimeLimitTable {
    limits = ImmutableSortedMap.copyOf(limits);
  }

  /**
   * The limits of an item.
   *
   * @param itemCode the item code
   * @return its limits, or empty when the table has none
   */
  public Optional<TimeLimits> forItem(String itemCode) {
    return Optional.ofNullable(limits.get(itemCode));
  }

  /**
   * The limit that applies to an item.
   *
   * @param itemCode the item code
   * @param urgent whether the case is urgent
   * @return the limit, or empty when the table has none for the item
   */
  public Optional<TimeLimit> limit(String itemCode, boolean urgent) {
    return forItem(itemCode).map(l -> l.forUrgency(urgent));
  }
}
