package org.gridgov.core;

/**
 * A level of the grid hierarchy, such as {@code street} or {@code micro}. Levels are names; their
 * order comes from a {@link LevelLadder}, so a city can configure its own ladder.
 *
 * <p>The constants are the default ladder, top to bottom (docs/domain.md §1): city (市) → district
 * (区县) → street/township (街道/乡镇, 一级网格) → community/village (社区/村, 二级网格) → compound (小区/楼院, 三级网格) →
 * micro-grid (微网格, 50–70 households).
 *
 * <p>A name is any text of 1 to {@value #MAX_LENGTH} characters (Unicode code points) that is not
 * blank, does not start or end with white space and has no control characters: {@code street},
 * {@code Street} (a different level), {@code 镇}, {@code 社区}, {@code admin-8}. Names are compared
 * exactly, so a ladder read from a file decides which spelling a map must use; readers suggest the
 * closest ladder name for one that is not on it.
 *
 * @param name the name, as above
 */
public record GridLevel(String name) {
  /** The longest name, in Unicode code points. */
  public static final int MAX_LENGTH = 64;

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
   * @throws IllegalArgumentException for a blank or too long name, white space at either end or a
   *     control character
   */
  public GridLevel {
    if (name == null) {
      throw new NullPointerException("grid level name is null");
    }
    if (name.isBlank()) {
      throw new IllegalArgumentException("grid level name is blank; a level needs a name");
    }
    for (int i = 0; i < name.length(); ) {
      int c = name.codePointAt(i);
      int type = Character.getType(c);
      if (type == Character.CONTROL
          || type == Character.LINE_SEPARATOR
          || type == Character.PARAGRAPH_SEPARATOR
          || type == Character.SURROGATE) {
        throw new IllegalArgumentException(
            "grid level name has a control character U+"
                + String.format("%04X", c)
                + " at position "
                + (name.codePointCount(0, i) + 1));
      }
      i += Character.charCount(c);
    }
    int length = name.codePointCount(0, name.length());
    if (length > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "grid level name has "
              + length
              + " characters; at most "
              + MAX_LENGTH
              + " are allowed: '"
              + name.substring(0, name.offsetByCodePoints(0, 20))
              + "…'");
    }
    if (Character.isWhitespace(name.codePointAt(0))
        || Character.isWhitespace(name.codePointBefore(name.length()))
        || Character.isSpaceChar(name.codePointAt(0))
        || Character.isSpaceChar(name.codePointBefore(name.length()))) {
      throw new IllegalArgumentException(
          "grid level '" + name + "' starts or ends with white space");
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
