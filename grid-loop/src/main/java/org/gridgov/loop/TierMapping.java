package org.gridgov.loop;

import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.GridLevel;
import org.gridgov.core.cases.Holder;
import org.gridgov.rules.dispatch.HandlerTier;

/**
 * The one rule from a dispatch {@link HandlerTier} to the level that holds a case, and back from a
 * whistling level to a tier. The levels are data, so a ladder other than the default (a rural
 * township ladder such as 镇 / 社区 / 村 named {@code town / community / village}) maps its own levels:
 *
 * <table>
 *   <caption>Tier → level and holder</caption>
 *   <tr><th>tier</th><th>level</th><th>holder</th></tr>
 *   <tr><td>{@code GRID}</td><td>the leaf's own level</td>
 *       <td>{@link Holder#grid} of the leaf the case was located in</td></tr>
 *   <tr><td>{@code COMMUNITY}</td><td>{@link #community()}</td>
 *       <td>{@link Holder#office} of the leaf's ancestor at that level</td></tr>
 *   <tr><td>{@code STREET}</td><td>{@link #street()}</td>
 *       <td>{@link Holder#office} of the leaf's ancestor at that level</td></tr>
 *   <tr><td>{@code DISTRICT_DEPARTMENT}</td><td>{@link #district()}</td>
 *       <td>{@link Holder#department} of the responsible department</td></tr>
 *   <tr><td>{@code CITY_DEPARTMENT}</td><td>{@link #city()}</td>
 *       <td>{@link Holder#department} of the responsible department</td></tr>
 *   <tr><td>{@code JOINT}</td><td>{@link #city()}</td>
 *       <td>{@link Holder#joint} led by the responsible department</td></tr>
 * </table>
 *
 * <p>How {@link CaseService} applies it when a unit is missing (no ancestor at the level, a
 * department that does not sit at the district, a level that is not on the escalation ladder) is
 * documented there and in {@code docs/case-loop.md}.
 *
 * @param street the level of street and township offices (街道/乡镇)
 * @param community the level of community and village offices (社区/村)
 * @param district the level district departments sit at (区县)
 * @param city the level city departments and joint groups sit at (市)
 */
public record TierMapping(
    GridLevel street, GridLevel community, GridLevel district, GridLevel city) {
  private static final TierMapping DEFAULT =
      new TierMapping(GridLevel.STREET, GridLevel.COMMUNITY, GridLevel.DISTRICT, GridLevel.CITY);

  /**
   * Checks the levels.
   *
   * @param street the street level
   * @param community the community level
   * @param district the district level
   * @param city the city level
   * @throws IllegalArgumentException when two of the levels are the same
   */
  public TierMapping {
    Objects.requireNonNull(street, "street");
    Objects.requireNonNull(community, "community");
    Objects.requireNonNull(district, "district");
    Objects.requireNonNull(city, "city");
    GridLevel[] all = {street, community, district, city};
    for (int i = 0; i < all.length; i++) {
      for (int j = i + 1; j < all.length; j++) {
        if (all[i].equals(all[j])) {
          throw new IllegalArgumentException(
              "a tier mapping needs four different levels (street, community, district, city), got "
                  + all[i]
                  + " twice");
        }
      }
    }
  }

  /**
   * The default ladder's mapping: {@code street}, {@code community}, {@code district}, {@code
   * city}.
   *
   * @return the default mapping
   */
  public static TierMapping defaults() {
    return DEFAULT;
  }

  /**
   * The level a tier sits at.
   *
   * @param tier the tier
   * @return its level; empty for {@link HandlerTier#GRID}, which sits at the level of the leaf the
   *     case was located in
   */
  public Optional<GridLevel> level(HandlerTier tier) {
    Objects.requireNonNull(tier, "tier");
    return switch (tier) {
      case GRID -> Optional.empty();
      case COMMUNITY -> Optional.of(community);
      case STREET -> Optional.of(street);
      case DISTRICT_DEPARTMENT -> Optional.of(district);
      case CITY_DEPARTMENT, JOINT -> Optional.of(city);
    };
  }

  /**
   * The level a tier sits at for a case located in a leaf of a level.
   *
   * @param tier the tier
   * @param leafLevel the level of the leaf the case was located in
   * @return {@code leafLevel} for {@link HandlerTier#GRID}, else {@link #level(HandlerTier)}
   */
  public GridLevel level(HandlerTier tier, GridLevel leafLevel) {
    Objects.requireNonNull(leafLevel, "leafLevel");
    return level(tier).orElse(leafLevel);
  }

  /**
   * The tier of the unit that takes a case when a level blows the whistle: the city directs a joint
   * group, the district a district department, the street and community their offices, any other
   * level the grid workers of its grid.
   *
   * @param level the whistling level
   * @return the tier
   */
  public HandlerTier whistleTier(GridLevel level) {
    Objects.requireNonNull(level, "level");
    if (level.equals(city)) {
      return HandlerTier.JOINT;
    }
    if (level.equals(district)) {
      return HandlerTier.DISTRICT_DEPARTMENT;
    }
    if (level.equals(street)) {
      return HandlerTier.STREET;
    }
    if (level.equals(community)) {
      return HandlerTier.COMMUNITY;
    }
    return HandlerTier.GRID;
  }

  /**
   * Whether departments, not grids, hold cases at a level.
   *
   * @param level the level
   * @return true for {@link #district()} and {@link #city()}
   */
  public boolean departmentLevel(GridLevel level) {
    return level.equals(district) || level.equals(city);
  }

  /**
   * Whether a tier's holders are grid workers, whom the access list (准入清单) guards: the grid and
   * community tiers.
   *
   * @param tier the tier
   * @return true for {@link HandlerTier#GRID} and {@link HandlerTier#COMMUNITY}
   */
  public static boolean gridWorkers(HandlerTier tier) {
    return tier == HandlerTier.GRID || tier == HandlerTier.COMMUNITY;
  }
}
