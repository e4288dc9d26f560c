package org.gridgov.cli.demo;

import java.util.Objects;
import org.gridgov.core.GeoPoint;
import org.gridgov.core.GridId;

/**
 * A patrol point (网格巡查点): a place a grid worker visits on every patrol. Tongcheng set up 539 of
 * them on main and minor roads, in shopping areas and markets, and in residential compounds
 * (docs/domain.md §1). Patrol reports of the sample year are made near them.
 *
 * @param id a stable id, {@code <grid id>-P<n>}
 * @param name a display name
 * @param kind what kind of place it is
 * @param grid the leaf grid it belongs to
 * @param position where it is (WGS-84)
 */
public record PatrolPoint(String id, String name, Kind kind, GridId grid, GeoPoint position) {

  /** The kinds of patrol point the Tongcheng article names, plus school surroundings. */
  public enum Kind {
    /** A residential compound (居民小区). */
    RESIDENTIAL("居民小区"),
    /** A main or minor road (城市主次道路). */
    ROAD("主次道路"),
    /** A shopping area or market (商圈集贸市场). */
    MARKET("商圈集贸市场"),
    /** The surroundings of a school (校园周边). */
    SCHOOL("校园周边");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    /**
     * The Chinese label.
     *
     * @return the label
     */
    public String label() {
      return label;
    }

    /**
     * The key used in files: the lower-case constant name.
     *
     * @return the key
     */
    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * Checks for nulls.
   *
   * @param id the id
   * @param name the name
   * @param kind the kind
   * @param grid the grid
   * @param position the position
   */
  public PatrolPoint {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(grid, "grid");
    Objects.requireNonNull(position, "position");
  }
}
