package org.gridgov.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gridgov.fixtures.SyntheticCity;
import org.gridgov.fixtures.SyntheticPoints;
import org.gridgov.geo.GridMap;
import org.gridgov.geo.GridMapOptions;
import org.gridgov.geo.GridMaps;

/**
 * Writes the input files of the end-to-end {@code gridgov locate} measurement: the Zhengzhou-sized
 * synthetic city as GeoJSON and uniformly random points over it as an {@code id,lon,lat} CSV.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.gridgov.benchmarks.SyntheticCityFiles DIR [POINTS [DECIMALS]]
 * </pre>
 *
 * <p>Writes {@code DIR/zhengzhou.geojson} (coordinates rounded to DECIMALS, default 7, about 1 cm;
 * -1 writes them exactly) and {@code DIR/points.csv} (POINTS rows, default 1,000,000). City seed 1,
 * points seed 7.
 */
public final class SyntheticCityFiles {
  private SyntheticCityFiles() {}

  /**
   * Writes the files.
   *
   * @param args the directory, then optionally the number of points and the decimals
   * @throws IOException when writing fails
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: SyntheticCityFiles DIR [POINTS [DECIMALS]]");
      System.exit(2);
    }
    Path dir = Files.createDirectories(Path.of(args[0]));
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    int decimals = args.length > 2 ? Integer.parseInt(args[2]) : 7;
    SyntheticCity city = SyntheticCity.zhengzhou(1);
    GridMap map =
        GridMaps.of(
            city.hierarchy(),
            city.polygons(),
            GridMapOptions.defaults().withMode(GridMapOptions.Mode.TRUSTED));
    Path geojson = dir.resolve("zhengzhou.geojson");
    GridMaps.writeGeoJson(map, geojson, decimals);
    SyntheticPoints points = SyntheticPoints.uniform(city.extent(), count, 7);
    Path csv = dir.resolve("points.csv");
    try (BufferedWriter w = Files.newBufferedWriter(csv)) {
      w.write("id,lon,lat\n");
      for (int i = 0; i < points.size(); i++) {
        w.write("p" + i + "," + points.lon(i) + "," + points.lat(i) + "\n");
      }
    }
    System.out.printf(
        "%s: %,d grids, %,d bytes%n%s: %,d points, %,d bytes%n",
        geojson, map.size(), Files.size(geojson), csv, count, Files.size(csv));
  }
}
