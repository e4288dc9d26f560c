package org.gridgov.core.risk;

/**
 * Risk colour of a governance element (红黄蓝三色, docs/domain.md §5): each colour gets its level of
 * control. Declared from the highest risk down, so {@code compareTo} orders by severity.
 */
public enum RiskColour {
  /** High risk (红): closest control. */
  RED,
  /** Medium risk (黄). */
  YELLOW,
  /** Low risk (蓝). */
  BLUE
}
