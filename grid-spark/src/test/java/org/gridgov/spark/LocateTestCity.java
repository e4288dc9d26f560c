package org.gridgov.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import org.gridgov.core.GridId;
import org.gridgov.fixtures.CitySpec;
import org.gridgov.fixtures.SyntheticCity;
import org.gridgov.geo.GridLocator;
import org.gridgov.geo.GridMap;
import org.gridgov.geo.GridMapOptions;
import org.gridgov.geo.GridMaps;
import org.gridgov.geo.Location;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Polygon;

/**
 * The generated city of the locate tests (Tongcheng's scale, about 130 grids, with exclusive
 * grids), its map and locator, and test points: random ones over and around the city, every polygon
 * vertex (shared vertices and edges of neighbouring grids) and edge midpoints.
 */
final class LocateTestCity {
  static final SyntheticCity CITY =
      SyntheticCity.generate(CitySpec.tongcheng().withExclusiveGrids(6), 7);
  static final GridMap MAP =
      GridMaps.of(
          CITY.hierarchy(),
          CITY.polygons(),
          GridMapOptions.defaults().withMode(GridMapOptions.Mode.TRUSTED));
  static final GridLocator LOCATOR = MAP.locator();

  private LocateTestCity() {}

  /**
   * Points: {@code random} uniform over the city's extent grown by a tenth on every side (so some
   * are outside), then every vertex and every edge midpoint of every polygon.
   */
  static double[][] points(int random, long seed) {
    Envelope e = CITY.extent();
    double dx = e.getWidth() / 10;
    double dy = e.getHeight() / 10;
    Random r = new Random(seed);
    List<double[]> out = new ArrayList<>();
    for (int i = 0; i < random; i++) {
      out.add(
          new double[] {
            e.getMinX() - dx + r.nextDouble() * (e.getWidth() + 2 * dx),
            e.getMinY() - dy + r.nextDouble() * (e.getHeight() + 2 * dy)
          });
    }
    for (Polygon p : CITY.polygons().values()) {
      Coordinate[] cs = p.getExteriorRing().getCoordinates();
      for (int i = 0; i + 1 < cs.length; i++) {
        out.add(new double[] {cs[i].x, cs[i].y});
        out.add(new double[] {(cs[i].x + cs[i + 1].x) / 2, (cs[i].y + cs[i + 1].y) / 2});
      }
    }
    return out.toArray(double[][]::new);
  }

  /**
   * What {@code gridgov locate} answers for a position in the map's system: grid, path, exclusive.
   */
  static List<String> expected(double lon, double lat) {
    Optional<Location> at = LOCATOR.locate(lon, lat);
    String exclusive =
        LOCATOR.exclusiveAt(lon, lat).stream().map(GridId::value).collect(Collectors.joining(";"));
    if (at.isEmpty()) {
      return java.util.Arrays.asList(null, null, exclusive);
    }
    return List.of(
        at.get().leaf().value(),
        at.get().path().stream().map(GridId::value).collect(Collectors.joining("/")),
        exclusive);
  }
}
