package org.gridgov.examples;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.gridgov.core.GeoPoint;
import org.gridgov.core.GridId;
import org.gridgov.geo.CoordinateSystem;
import org.gridgov.geo.GridLocator;
import org.gridgov.geo.GridMap;
import org.gridgov.geo.GridMaps;
import org.gridgov.geo.Location;

/**
 * Example: load a city's grid map and locate points in it (点位落格).
 *
 * <p>Run it with a GeoJSON grid map of your own, or a town directory, or without arguments for the
 * repository's {@code sample-town/}:
 *
 * <pre>{@code
 * java -cp gridgov.jar org.gridgov.examples.LocateExample [grids.geojson | town-directory]
 * }</pre>
 */
public final class LocateExample {
  private LocateExample() {}

  /**
   * Runs the example.
   *
   * @param args optionally, a GeoJSON grid map or a town directory
   */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    Path arg = SampleTown.dir(args);
    GridMap map = GridMaps.read(Files.isDirectory(arg) ? arg.resolve("grids.geojson") : arg);
    run(map, out);
    out.flush();
  }

  /**
   * The example proper.
   *
   * @param map the grid map
   * @param out where to print
   */
  static void run(GridMap map, PrintWriter out) {
    // 1. The locator is built once per map and is thread-safe: share it between requests.
    GridLocator locator = map.locator();
    out.printf("%s: %d grids%n", map, map.size());

    // 2. A worker's GPS fix (WGS-84) at the gate of the sample town's school.
    GeoPoint gate = GeoPoint.of(116.9393261, 31.0548969);
    locator
        .locate(gate.lon(), gate.lat())
        .ifPresentOrElse(
            at -> describe(map, "gps fix", at, out), () -> out.println("gps fix: outside the map"));

    // 3. The same place photographed in a citizen app built on AMap reports GCJ-02 coordinates,
    //    some 500 m off: declare the system and the locator converts before looking up.
    GeoPoint fromApp = CoordinateSystem.GCJ02.fromWgs84(gate.lon(), gate.lat());
    out.printf("app photo at %.7f, %.7f (GCJ-02)%n", fromApp.lon(), fromApp.lat());
    locator
        .locate(fromApp.lon(), fromApp.lat(), CoordinateSystem.GCJ02)
        .ifPresent(at -> describe(map, "app photo, converted", at, out));
    locator
        .locate(fromApp.lon(), fromApp.lat())
        .ifPresentOrElse(
            at -> out.println("app photo taken as WGS-84 would land in " + name(map, at.leaf())),
            () -> out.println("app photo taken as WGS-84 would land outside the map"));

    // 4. Reports just outside the town's edge (GPS noise): snap one to the nearest grid when it
    //    lies within 100 m of it; refuse it when it is farther.
    for (GeoPoint p :
        new GeoPoint[] {
          GeoPoint.of(116.9193914, 31.0484446), GeoPoint.of(116.9156167, 31.0484446)
        }) {
      locator
          .locateOrNearest(p.lon(), p.lat(), 100)
          .ifPresentOrElse(
              at -> describe(map, "near the edge", at, out),
              () -> out.println("near the edge: more than 100 m outside, refused"));
    }
  }

  private static void describe(GridMap map, String what, Location at, PrintWriter out) {
    out.printf(
        "%s: grid %s (%s)%s%n  path: %s%n  exclusive grids: %s%n",
        what,
        at.leaf().value(),
        name(map, at.leaf()),
        at.snapped() ? String.format(" — snapped %.0f m", at.snapDistanceMetres()) : "",
        at.path().stream().map(id -> name(map, id)).collect(Collectors.joining(" › ")),
        at.exclusive().isEmpty()
            ? "none"
            : at.exclusive().stream().map(id -> name(map, id)).collect(Collectors.joining(", ")));
  }

  private static String name(GridMap map, GridId id) {
    return map.grid(id).map(g -> g.name().isEmpty() ? id.value() : g.name()).orElse(id.value());
  }
}
