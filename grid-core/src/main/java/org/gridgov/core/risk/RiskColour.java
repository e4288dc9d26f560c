package org.gridgov.core.risk;

/**
 * Risk colour of a governance element (红黄蓝三色, docs/domain.md §5): each colour gets its level of
 * control. Declared from the highest risk down, so {@code compareTo} orders by severity. Most
 * schemes use red, yellow and blue; four-colour schemes (work-safety risk grading, dispute warning)
 * add orange between red and yellow.
 */
public enum RiskColour {
  /** High risk (红): closest control. */
  RED,
  /** Large risk (橙), in four-colour schemes only: between red and yellow. */
  ORANGE,
  /** Medium risk (黄). */
  YELLOW,
  /** Low risk (蓝). */
  BLUE
}
