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
 * The element register of a {@code gridgov risk} subcommand ({@code --elements FILE [--grids
 * FILE...]}, a mixin) and the adapter that joins grid-risk to grid-geo: with {@code --grids} the
 * map's locator puts element lines that give only {@code lon}/{@code lat} into their grid ({@link
 * #locator(GridMap)}) and every grid id is checked against the map's hierarchy. grid-risk itself
 * does not depend on grid-geo. A subcommand that declares its own options calls {@link
 * #readElements(Path, List)}.
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
          "GeoJSON grid map(s): locates elements given only by lon/lat and checks grid ids.")
  List<Path> grids = new ArrayList<>();

  /**
   * Reads the register these options name.
   *
   * @return the register
   * @throws InvalidInputException for a missing file or bad data, located
   */
  ElementRegister register() {
    return read(elements, grids, options(GridMapOptions.defaults()));
  }

  /**
   * Reads an elements file, located through grid maps when any are given (read with default
   * options).
   *
   * @param elements the elements file
   * @param grids the grid maps, may be empty
   * @return the register
   * @throws InvalidInputException for a missing file or bad data, located
   */
  static ElementRegister readElements(Path elements, List<Path> grids) {
    return read(elements, grids, GridMapOptions.defaults());
  }

  private static ElementRegister read(Path elements, List<Path> grids, GridMapOptions options) {
    CliFiles.input(elements);
    grids.forEach(CliFiles::input);
    Optional<GridMap> map =
        grids.isEmpty()
            ? Optional.empty()
            : Optional.of(
                GridMaps.readGeoJson(grids, options.withMode(GridMapOptions.Mode.TRUSTED)));
    ElementReadOptions o = ElementReadOptions.defaults();
    if (map.isPresent()) {
      o = o.withLocator(locator(map.get())).withGrids(map.get().hierarchy());
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
