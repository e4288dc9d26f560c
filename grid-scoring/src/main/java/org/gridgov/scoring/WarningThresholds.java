package org.gridgov.scoring;

/**
 * When an open case gets a supervision warning (督办预警), by the share of its time limit used: working
 * time elapsed since dispatch (suspensions excluded) over the working time allowed. Tongcheng
 * raises a system warning when a case is not finished within its limit (DOMAIN.md §6); a yellow
 * warning before that lets the unit act in time.
 *
 * @param yellow share at or above which a case is yellow (临期), e.g. 0.8
 * @param red share at or above which a case is red (超期), e.g. 1.0; not below {@code yellow}
 */
public record WarningThresholds(double yellow, double red) {
  /** Yellow at 80 %, red at 100 % of the time limit. */
  public static final WarningThresholds DEFAULT = new WarningThresholds(0.8, 1.0);

  /** Checks {@code 0 < yellow <= red}. */
  public WarningThresholds {
    if (!(yellow > 0 && yellow <= red)) {
      throw new IllegalArgumentException(
          "warning thresholds need 0 < yellow <= red: yellow " + yellow + ", red " + red);
    }
  }
}
