package org.gridgov.lab.gen;

import java.util.List;
import java.util.Objects;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.GridId;
import org.gridgov.core.time.WorkCalendar;
import org.gridgov.geo.GridMap;
import org.gridgov.lab.City;
import org.gridgov.rules.lists.GovernanceLists;

/**
 * A generated city map: the plan and seed it came from, the grid map (hierarchy and one polygon per
 * grid), its leaf and exclusive grids, and the defects planted on request.
 *
 * <p>The map is built without validation ({@code TRUSTED} mode), so that tests decide when to pay
 * for it; without planted defects a {@code CoverageValidator} finds nothing. Immutable.
 *
 * @param plan the grids per community per street
 * @param seed the seed of the layout
 * @param map the grid map
 * @param leaves the leaf grids, in id order
 * @param exclusive the exclusive grids (专属网格), in id order
 * @param defects the planted defects (empty unless asked for)
 */
public record GeneratedCity(
    CityPlan plan,
    long seed,
    GridMap map,
    List<GridId> leaves,
    List<GridId> exclusive,
    List<CityDefect> defects) {

  /**
   * Validates and copies.
   *
   * @param plan the plan
   * @param seed the seed
   * @param map the map
   * @param leaves the leaves
   * @param exclusive the exclusive grids
   * @param defects the defects
   */
  public GeneratedCity {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(map, "map");
    leaves = List.copyOf(leaves);
    exclusive = List.copyOf(exclusive);
    defects = List.copyOf(defects);
  }

  /**
   * The hierarchy of the map.
   *
   * @return the hierarchy
   */
  public GridHierarchy hierarchy() {
    return map.hierarchy();
  }

  /**
   * This map as a city for simulation, with lists and a calendar.
   *
   * @param lists the three lists
   * @param calendar the working calendar
   * @return the city, named {@code generated-<seed>}
   */
  public City city(GovernanceLists lists, WorkCalendar calendar) {
    return City.of("generated-" + Long.toUnsignedString(seed, 36), map, lists, calendar);
  }

  @Override
  public String toString() {
    return "GeneratedCity[seed "
        + seed
        + ", "
        + plan.streets().size()
        + " streets, "
        + plan.communityCount()
        + " communities, "
        + leaves.size()
        + " grids, "
        + exclusive.size()
        + " exclusive"
        + (defects.isEmpty() ? "" : ", defects " + defects)
        + "]";
  }
}
