package org.gridgov.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gridgov.fixtures.SyntheticCity;
import org.gridgov.geo.CoverageFinding;
import org.gridgov.geo.CoverageValidator;
import org.gridgov.geo.GridMap;
import org.gridgov.geo.GridMapOptions;
import org.gridgov.geo.GridMaps;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Coverage validation and GeoJSON reading of a grid map at Zhengzhou's scale: the synthetic city
 * ({@link SyntheticCity#zhengzhou(long)}: 1 city, 12 districts, 216 / 3,480 / 17,086 / 54,161
 * grids, 6.9 million vertices) checked by {@link CoverageValidator} and read back from GeoJSON.
 *
 * <ul>
 *   <li>{@code validate}: every coverage check (validity, overlap, gap, outside, exclusive) over
 *       the whole map; the city tiles exactly, so it must find nothing (checked in setup);
 *   <li>{@code readGeoJson}: parse the city's GeoJSON (written once in setup, coordinates rounded
 *       to 7 decimals, about 1 cm) from a file, parallel where the document is large, trusted (no
 *       validation): syntax, geometry shape and hierarchy;
 *   <li>{@code readGeoJsonStream}: the same document from an {@code InputStream}, which is parsed
 *       sequentially;
 *   <li>{@code writeGeoJson}: write the map exactly (17 significant digits).
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx4g", "-Xms4g"})
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class ValidateBenchmark {
  private static final GridMapOptions TRUSTED =
      GridMapOptions.defaults().withMode(GridMapOptions.Mode.TRUSTED);

  GridMap map;
  Path file;
  byte[] bytes;

  /** Generates the city, checks that it is clean and writes its GeoJSON. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    SyntheticCity city = SyntheticCity.zhengzhou(1);
    map = GridMaps.of(city.hierarchy(), city.polygons(), TRUSTED);
    List<CoverageFinding> findings = CoverageValidator.withDefaults().validate(map);
    if (!findings.isEmpty()) {
      throw new IllegalStateException("the synthetic city has findings: " + findings.get(0));
    }
    file = Files.createTempFile("zhengzhou-", ".geojson");
    GridMaps.writeGeoJson(map, file, 7);
    bytes = Files.readAllBytes(file);
  }

  /** Deletes the GeoJSON file. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    Files.deleteIfExists(file);
  }

  /**
   * Validates the whole map.
   *
   * @return the findings
   */
  @Benchmark
  public List<CoverageFinding> validate() {
    return CoverageValidator.withDefaults().validate(map);
  }

  /**
   * Reads the map from its file.
   *
   * @return the map
   */
  @Benchmark
  public GridMap readGeoJson() {
    return GridMaps.readGeoJson(List.of(file), TRUSTED);
  }

  /**
   * Reads the map from a stream.
   *
   * @return the map
   */
  @Benchmark
  public GridMap readGeoJsonStream() {
    return GridMaps.readGeoJson(new ByteArrayInputStream(bytes), "zhengzhou.geojson", TRUSTED);
  }

  /**
   * Writes the map exactly.
   *
   * @return the bytes written
   */
  @Benchmark
  public int writeGeoJson() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length * 2);
    GridMaps.writeGeoJson(map, out);
    return out.size();
  }
}
