package org.gridgov.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gridgov.core.InvalidInputException;
import org.gridgov.geo.CoordinateSystem;
import org.gridgov.geo.GridMap;
import org.gridgov.geo.GridMapOptions;
import org.gridgov.geo.GridMaps;
import org.gridgov.geo.Location;
import org.gridgov.risk.ElementFiles;
import org.gridgov.risk.ElementReadOptions;
import org.gridgov.risk.ElementRegister;
import org.gridgov.risk.PositionLocator;
import picocli.CommandLine.Option;

/**
 * The element register of every {@code gridgov risk} subcommand ({@code --elements FILE [--grids
 * FILE...]} and the map-reading options, a mixin) and the adapter that joins grid-risk to grid-geo:
 * with {@code --grids} the map's locator puts element lines that give only {@code lon}/{@code lat}
 * (WGS 84) into their grid ({@link #locator(GridMap)}) and every grid id is checked against the
 * map's hierarchy. grid-risk itself does not depend on grid-geo.
 */
final class RiskInputs extends GridReadOptions {
  @Option(
      names = "--elements",
      required = true,
      paramLabel = "FILE",
      description =
          "The element register: JSON Lines, or CSV when the name ends in .csv (docs/risk.md).")
  Path elements;

  @Option(
      names = "--grids",
      arity = "1..*",
      paramLabel = "FILE",
      description =
          "GeoJSON grid map(s): locates elements given only by lon/lat, checks grid ids and gives"
              + " the hierarchy (communities, streets).")
  List<Path> grids = new ArrayList<>();

  private Optional<GridMap> map;

  /** The files these options name, to check before anything is read or written. */
  List<Path> files() {
    List<Path> files = new ArrayList<>(List.of(elements));
    files.addAll(grids);
    return files;
  }

  /**
   * The grid map, read once, when {@code --grids} is given.
   *
   * @return the map, or empty
   * @throws InvalidInputException for a missing file or bad data, located
   */
  Optional<GridMap> map() {
    if (map == null) {
      grids.forEach(CliFiles::input);
      map =
          grids.isEmpty()
              ? Optional.empty()
              : Optional.of(
                  GridMaps.readGeoJson(
                      grids,
                      options(GridMapOptions.defaults()).withMode(GridMapOptions.Mode.TRUSTED)));
    }
    return map;
  }

  /**
   * Reads the register these options name.
   *
   * @return the register
   * @throws InvalidInputException for a missing file or bad data, located
   */
  ElementRegister register() {
    CliFiles.input(elements);
    ElementReadOptions o = ElementReadOptions.defaults();
    Optional<GridMap> m = map();
    if (m.isPresent()) {
      o = o.withLocator(locator(m.get())).withGrids(m.get().hierarchy());
    }
    return ElementFiles.read(elements, o);
  }

  /**
   * grid-geo's locator as grid-risk's: element positions are WGS 84, converted to the map's
   * coordinate system; the answer is the leaf grid.
   *
   * @param map the grid map
   * @return the locator
   */
  static PositionLocator locator(GridMap map) {
    return p -> map.locator().locate(p.lon(), p.lat(), CoordinateSystem.WGS84).map(Location::leaf);
  }
}
