package org.gridgov.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.Grid;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.GridId;
import org.gridgov.core.GridKind;
import org.gridgov.core.GridLevel;
import org.gridgov.core.time.WorkCalendar;
import org.gridgov.fixtures.CityMaker;
import org.gridgov.fixtures.GeneratedCity;
import org.gridgov.geo.GridMap;
import org.gridgov.geo.GridMapOptions;
import org.gridgov.geo.GridMaps;
import org.gridgov.rules.lists.GovernanceLists;

/**
 * A city as the simulator sees it: its grids (with polygons when known), its three lists (三张清单) and
 * its working calendar. Policy variants are run against a city; what a variant may change (lists,
 * tables, time limits, schemes) is in the {@link PolicyVariant}, what it may not (the territory,
 * the calendar) is here.
 *
 * <p>Without a map, cases carry their grid instead of a position and are not located. Read a city
 * from a directory with {@link CityDirectory}, or generate one with {@link #of(GeneratedCity,
 * GovernanceLists, WorkCalendar)}. Immutable.
 *
 * @param name a display name
 * @param hierarchy the grids
 * @param map the polygons of the grids, when known (its hierarchy is {@code hierarchy})
 * @param lists the item, authority, access and prohibited lists
 * @param calendar the working calendar
 */
public record City(
    String name,
    GridHierarchy hierarchy,
    Optional<GridMap> map,
    GovernanceLists lists,
    WorkCalendar calendar) {

  /**
   * Validates the city.
   *
   * @param name the name
   * @param hierarchy the grids
   * @param map the map, if any
   * @param lists the lists
   * @param calendar the calendar
   */
  public City {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(hierarchy, "hierarchy");
    Objects.requireNonNull(map, "map");
    Objects.requireNonNull(lists, "lists");
    Objects.requireNonNull(calendar, "calendar");
    if (map.isPresent() && map.get().hierarchy() != hierarchy) {
      throw new IllegalArgumentException("the map's hierarchy must be the city's hierarchy");
    }
    if (hierarchy.size() == 0) {
      throw new IllegalArgumentException("a city needs at least one grid");
    }
  }

  /**
   * A city with a map.
   *
   * @param name the name
   * @param map the grid map
   * @param lists the lists
   * @param calendar the calendar
   * @return the city
   */
  public static City of(String name, GridMap map, GovernanceLists lists, WorkCalendar calendar) {
    return new City(name, map.hierarchy(), Optional.of(map), lists, calendar);
  }

  /**
   * A generated city ({@link CityMaker}) as a city for simulation, named {@link
   * GeneratedCity#name()}. Its map is built without validation ({@code TRUSTED} mode).
   *
   * @param generated the generated city
   * @param lists the lists
   * @param calendar the calendar
   * @return the city
   */
  public static City of(GeneratedCity generated, GovernanceLists lists, WorkCalendar calendar) {
    GridMap map =
        GridMaps.of(
            generated.hierarchy(),
            generated.polygons(),
            GridMapOptions.defaults().withMode(GridMapOptions.Mode.TRUSTED));
    return of(generated.name(), map, lists, calendar);
  }

  /**
   * A city without polygons: cases are placed in grids, not located.
   *
   * @param name the name
   * @param hierarchy the grids
   * @param lists the lists
   * @param calendar the calendar
   * @return the city
   */
  public static City withoutMap(
      String name, GridHierarchy hierarchy, GovernanceLists lists, WorkCalendar calendar) {
    return new City(name, hierarchy, Optional.empty(), lists, calendar);
  }

  /**
   * A copy with other lists.
   *
   * @param other the lists
   * @return the copy
   */
  public City withLists(GovernanceLists other) {
    return new City(name, hierarchy, map, other, calendar);
  }

  /**
   * The territorial grids without territorial children, where cases are reported, in id order.
   *
   * @return the leaves
   */
  public List<GridId> leaves() {
    List<GridId> out = new ArrayList<>();
    for (Grid g : hierarchy.grids()) {
      if (g.kind() == GridKind.TERRITORIAL && isLeaf(g.id())) {
        out.add(g.id());
      }
    }
    out.sort(null);
    return List.copyOf(out);
  }

  private boolean isLeaf(GridId id) {
    for (GridId child : hierarchy.children(id)) {
      if (hierarchy.grid(child).map(g -> g.kind() == GridKind.TERRITORIAL).orElse(false)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The grid at a level on the path of a grid: itself or an ancestor.
   *
   * @param grid the grid
   * @param level the level
   * @return the grid at that level, or empty when the path has none
   */
  public Optional<GridId> ancestorAt(GridId grid, GridLevel level) {
    for (GridId id : hierarchy.path(grid)) {
      if (hierarchy.grid(id).map(g -> g.level().equals(level)).orElse(false)) {
        return Optional.of(id);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return "City[" + name + ", " + hierarchy.size() + " grids, " + lists + "]";
  }
}
