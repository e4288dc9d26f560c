package org.gridgov.risk;

/**
 * How the sizing check (网格划分标准: a micro-grid's households can be swept in about two hours) walks a
 * grid: the walking speed, the minutes spent at each household and the limit.
 *
 * @param metresPerMinute walking speed (default 75, i.e. 4.5 km/h, as {@link PatrolOptions})
 * @param minutesPerHousehold minutes at each household: a knock, a word, a look (default 1.5; 60
 *     households then take 90 minutes, leaving half an hour to walk — illustrative, the standard
 *     gives no number)
 * @param limitMinutes the limit a grid's sweep must stay within (default 120)
 */
public record SizingOptions(
    double metresPerMinute, double minutesPerHousehold, double limitMinutes) {
  /**
   * Checks the fields.
   *
   * @param metresPerMinute the speed
   * @param minutesPerHousehold minutes a household
   * @param limitMinutes the limit
   */
  public SizingOptions {
    if (!(metresPerMinute > 0) || Double.isInfinite(metresPerMinute)) {
      throw new IllegalArgumentException("walking speed " + metresPerMinute + " m/min");
    }
    if (!(minutesPerHousehold >= 0) || Double.isInfinite(minutesPerHousehold)) {
      throw new IllegalArgumentException("minutes per household " + minutesPerHousehold);
    }
    if (!(limitMinutes > 0) || Double.isInfinite(limitMinutes)) {
      throw new IllegalArgumentException("limit " + limitMinutes + " minutes");
    }
  }

  /** The defaults: 75 m/min, 1.5 minutes a household, 120 minutes. */
  public static SizingOptions defaults() {
    return new SizingOptions(75, 1.5, 120);
  }

  /**
   * These options with another limit.
   *
   * @param minutes the limit
   * @return the options
   */
  public SizingOptions withLimit(double minutes) {
    return new SizingOptions(metresPerMinute, minutesPerHousehold, minutes);
  }
}
