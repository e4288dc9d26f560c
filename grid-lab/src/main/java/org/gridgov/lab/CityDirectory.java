package org.gridgov.lab;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.json.GridGovJson;
import org.gridgov.core.time.WorkCalendar;
import org.gridgov.geo.GridMap;
import org.gridgov.geo.GridMapOptions;
import org.gridgov.geo.GridMaps;
import org.gridgov.rules.PolicySets;
import org.gridgov.rules.lists.GovernanceLists;
import org.gridgov.rules.lists.ListsJson;

/**
 * Reads and writes a city directory, the input of {@code gridgov simulate --city DIR}:
 *
 * <ul>
 *   <li>the grids: every {@code *.geojson} file of the directory (one with all levels, or one per
 *       level; read leniently, so coverage findings are kept in {@link GridMap#findings()}), or,
 *       when there is none, {@value #HIERARCHY} (a {@code gridgov.hierarchy/1} document: the city
 *       then has no map and cases are placed in grids instead of located);
 *   <li>{@value #LISTS}, optional: the three lists ({@code gridgov-lists/1}); without it the
 *       shipped sample lists ({@link PolicySets#sampleLists()});
 *   <li>{@value #CALENDAR}, optional: the working calendar ({@code gridgov.calendar/1}); without it
 *       {@link WorkCalendar#standard()}.
 * </ul>
 *
 * <p>The city is named after the directory. Reading is all-or-nothing: a bad file is an {@link
 * InvalidInputException} naming it. Stateless and thread-safe.
 */
public final class CityDirectory {
  /** The grid map written by {@link #write}. */
  public static final String GRIDS = "grids.geojson";

  /** The hierarchy read when the directory has no GeoJSON. */
  public static final String HIERARCHY = "hierarchy.json";

  /** The lists. */
  public static final String LISTS = "lists.json";

  /** The calendar. */
  public static final String CALENDAR = "calendar.json";

  private CityDirectory() {}

  /**
   * Reads a city directory.
   *
   * @param dir the directory
   * @return the city
   * @throws InvalidInputException when the directory or a file in it is unusable
   */
  public static City read(Path dir) {
    return read(dir, GridMapOptions.defaults().lenient());
  }

  /**
   * Reads a city directory whose GeoJSON grids need read options: a vendor's ladder, id and parent
   * properties, external parents, coordinate system ({@link GridMapOptions}).
   *
   * @param dir the directory
   * @param gridOptions how to read the {@code *.geojson} files (the one-argument form uses {@code
   *     GridMapOptions.defaults().lenient()})
   * @return the city
   * @throws InvalidInputException when the directory or a file in it is unusable
   */
  public static City read(Path dir, GridMapOptions gridOptions) {
    Objects.requireNonNull(gridOptions, "gridOptions");
    if (!Files.isDirectory(dir)) {
      throw InvalidInputException.at(dir.toString(), "", "not a directory");
    }
    String name =
        dir.toAbsolutePath().normalize().getFileName() == null
            ? "city"
            : dir.toAbsolutePath().normalize().getFileName().toString();
    List<Path> geojson = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      files
          .filter(p -> p.getFileName().toString().endsWith(".geojson") && Files.isRegularFile(p))
          .sorted()
          .forEach(geojson::add);
    } catch (IOException e) {
      throw InvalidInputException.at(dir.toString(), "", "cannot list: " + e.getMessage());
    }
    Path listsFile = dir.resolve(LISTS);
    GovernanceLists lists =
        Files.isRegularFile(listsFile) ? ListsJson.read(listsFile) : PolicySets.sampleLists();
    Path calendarFile = dir.resolve(CALENDAR);
    WorkCalendar calendar =
        Files.isRegularFile(calendarFile)
            ? GridGovJson.readCalendar(calendarFile)
            : WorkCalendar.standard();
    if (!geojson.isEmpty()) {
      GridMap map = GridMaps.read(geojson, gridOptions);
      return City.of(name, map, lists, calendar);
    }
    Path hierarchyFile = dir.resolve(HIERARCHY);
    if (Files.isRegularFile(hierarchyFile)) {
      GridHierarchy h = GridGovJson.readHierarchy(hierarchyFile);
      return City.withoutMap(name, h, lists, calendar);
    }
    throw InvalidInputException.at(
        dir.toString(), "", "no grids: expected *.geojson files or " + HIERARCHY);
  }

  /**
   * Writes a city into a directory (created if needed): {@value #GRIDS} (or {@value #HIERARCHY} for
   * a city without a map), {@value #LISTS} and {@value #CALENDAR}.
   *
   * @param city the city
   * @param dir the directory
   * @throws UncheckedIOException when writing fails
   */
  public static void write(City city, Path dir) {
    try {
      Files.createDirectories(dir);
      if (city.map().isPresent()) {
        GridMaps.writeGeoJson(city.map().get(), dir.resolve(GRIDS));
      } else {
        try (OutputStream out = Files.newOutputStream(dir.resolve(HIERARCHY))) {
          GridGovJson.writeHierarchy(city.hierarchy(), out);
        }
      }
      try (OutputStream out = Files.newOutputStream(dir.resolve(LISTS))) {
        ListsJson.write(city.lists(), out);
      }
      Files.writeString(
          dir.resolve(CALENDAR), GridGovJson.toJson(city.calendar()), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
