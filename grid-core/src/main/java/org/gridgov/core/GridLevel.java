package org.gridgov.core;

/**
 * A level of the grid hierarchy, such as {@code street} or {@code micro}. Levels are names; their
 * order comes from a {@link LevelLadder}, so a city can configure its own ladder.
 *
 * <p>The constants are the default ladder, top to bottom (docs/domain.md §1): city (市) → district
 * (区县) → street/township (街道/乡镇, 一级网格) → community/village (社区/村, 二级网格) → compound (小区/楼院, 三级网格) →
 * micro-grid (微网格, 50–70 households).
 *
 * @param name lower-case name, {@code [a-z0-9_-]}, 1–32 characters
 */
public record GridLevel(String name) {
  /** The city (市): co-ordinates. */
  public static final GridLevel CITY = new GridLevel("city");

  /** The district or county (区县): leads. */
  public static final GridLevel DISTRICT = new GridLevel("district");

  /** The street or township (街道/乡镇), first-level grid: fights. */
  public static final GridLevel STREET = new GridLevel("street");

  /** The community or village (社区/村), second-level grid: implements. */
  public static final GridLevel COMMUNITY = new GridLevel("community");

  /** The residential compound or courtyard (小区/楼院), third-level grid. */
  public static final GridLevel COMPOUND = new GridLevel("compound");

  /** The micro-grid (微网格) of 50–70 households. */
  public static final GridLevel MICRO = new GridLevel("micro");

  /**
   * Validates a level name.
   *
   * @param name the name
   */
  public GridLevel {
    if (name == null || name.isEmpty() || name.length() > 32) {
      throw new IllegalArgumentException("grid level name must have 1 to 32 characters");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
        throw new IllegalArgumentException(
            "grid level '" + name + "' must be lower-case letters, digits, '_' or '-'");
      }
    }
  }

  /**
   * A level by name.
   *
   * @param name the name
   * @return the level
   */
  public static GridLevel of(String name) {
    return new GridLevel(name);
  }

  @Override
  public String toString() {
    return name;
  }
}
