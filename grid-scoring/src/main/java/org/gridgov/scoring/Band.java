package org.gridgov.scoring;

import java.util.OptionalLong;

/**
 * One step of a count band table (分档): counts from {@code min} to {@code max} inclusive earn {@code
 * points}. The top band of a table has no maximum.
 *
 * @param min the smallest count in the band, at least 0
 * @param max the largest count in the band, or empty for an open-ended top band
 * @param points points earned, in [0, 100]
 */
public record Band(long min, OptionalLong max, double points) {

  /**
   * Whether a count falls into this band.
   *
   * @param count the count
   * @return true when {@code min <= count <= max}
   */
  public boolean contains(long count) {
    return count >= min && (max.isEmpty() || count <= max.getAsLong());
  }

  /** {@code 1201–2000 → 90} or {@code ≥ 2001 → 100}. */
  @Override
  public String toString() {
    return (max.isPresent() ? min + "–" + max.getAsLong() : "≥ " + min) + " → " + points;
  }
}
