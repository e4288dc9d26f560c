package org.gridgov.core;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The ordered levels of a grid hierarchy, top first. A child grid's level must be strictly below
 * its parent's level; levels may be skipped (a district may hold exclusive grids directly).
 *
 * <p>Immutable and thread-safe.
 */
public final class LevelLadder {
  private static final LevelLadder DEFAULT =
      of(
          List.of(
              GridLevel.CITY,
              GridLevel.DISTRICT,
              GridLevel.STREET,
              GridLevel.COMMUNITY,
              GridLevel.COMPOUND,
              GridLevel.MICRO));

  private final ImmutableList<GridLevel> levels;
  private final ImmutableMap<GridLevel, Integer> ranks;

  private LevelLadder(ImmutableList<GridLevel> levels) {
    this.levels = levels;
    ImmutableMap.Builder<GridLevel, Integer> b = ImmutableMap.builder();
    for (int i = 0; i < levels.size(); i++) {
      b.put(levels.get(i), i);
    }
    this.ranks = b.buildOrThrow();
  }

  /**
   * The default ladder: city, district, street, community, compound, micro.
   *
   * @return the default ladder
   */
  public static LevelLadder defaults() {
    return DEFAULT;
  }

  /**
   * A ladder from levels listed top first.
   *
   * @param levels the levels, distinct, at least one
   * @return the ladder
   * @throws IllegalArgumentException when empty or a level repeats, also in another case ({@code
   *     city} and {@code City})
   */
  public static LevelLadder of(List<GridLevel> levels) {
    if (levels.isEmpty()) {
      throw new IllegalArgumentException("a level ladder needs at least one level");
    }
    if (levels.stream().distinct().count() != levels.size()) {
      throw new IllegalArgumentException("a level ladder lists a level twice: " + levels);
    }
    Map<String, GridLevel> folded = new HashMap<>();
    for (GridLevel level : levels) {
      GridLevel other = folded.putIfAbsent(level.name().toLowerCase(Locale.ROOT), level);
      if (other != null) {
        throw new IllegalArgumentException(
            "a level ladder lists '"
                + other
                + "' and '"
                + level
                + "', which differ only in case: "
                + levels);
      }
    }
    return new LevelLadder(ImmutableList.copyOf(levels));
  }

  /**
   * The levels, top first.
   *
   * @return the levels
   */
  public List<GridLevel> levels() {
    return levels;
  }

  /**
   * Whether the ladder has a level.
   *
   * @param level the level
   * @return true when it is on the ladder
   */
  public boolean contains(GridLevel level) {
    return ranks.containsKey(level);
  }

  /**
   * The position of a level, 0 for the top.
   *
   * @param level a level on the ladder
   * @return its rank
   * @throws IllegalArgumentException when the level is not on the ladder
   */
  public int rank(GridLevel level) {
    Integer r = ranks.get(level);
    if (r == null) {
      throw new IllegalArgumentException("level '" + level + "' is not on the ladder " + levels);
    }
    return r;
  }

  /**
   * The level directly above.
   *
   * @param level a level on the ladder
   * @return the level above, or empty at the top
   */
  public Optional<GridLevel> above(GridLevel level) {
    int r = rank(level);
    return r == 0 ? Optional.empty() : Optional.of(levels.get(r - 1));
  }

  /**
   * The level directly below.
   *
   * @param level a level on the ladder
   * @return the level below, or empty at the bottom
   */
  public Optional<GridLevel> below(GridLevel level) {
    int r = rank(level);
    return r == levels.size() - 1 ? Optional.empty() : Optional.of(levels.get(r + 1));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LevelLadder l && l.levels.equals(levels);
  }

  @Override
  public int hashCode() {
    return levels.hashCode();
  }

  @Override
  public String toString() {
    return levels.toString();
  }
}
