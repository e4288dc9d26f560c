package org.gridgov.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.gridgov.core.Grid;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.GridId;
import org.gridgov.core.GridLevel;
import org.gridgov.geo.CoverageFinding;
import org.gridgov.geo.CoverageValidator;
import org.gridgov.geo.GridMap;
import org.gridgov.geo.GridMapOptions;
import org.gridgov.geo.GridMaps;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Validation of one long, narrow polygon: a north–south corridor (a road or a river) 1° long and
 * 50–70 m wide whose both sides zigzag, so that the x ranges of all edges on a side overlap. The
 * map holds this one grid.
 *
 * <ul>
 *   <li>{@code pairwise200k}: the baseline, the pairwise sweep validation used before (edges sorted
 *       by smallest x, every pair with overlapping x ranges compared; {@link
 *       PairwiseShellBaseline}), on 200,000 vertices;
 *   <li>{@code validate200k}: {@link CoverageValidator#validate} of the one-grid map (the edge
 *       index, plus every other coverage check), on the same polygon;
 *   <li>{@code validate2m}: the same on 2,000,000 vertices (the target: under 10 s).
 * </ul>
 *
 * <p>The baseline is single-shot without warm-up: one run takes about a minute.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx3g"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class PolygonValidateBenchmark {
  private static final GeometryFactory F = new GeometryFactory();

  /** A one-grid map holding a zigzag strip of {@link #vertices} vertices. */
  @State(Scope.Benchmark)
  public static class Strip {
    /** Vertices of the strip. */
    int vertices;

    Polygon polygon;
    GridMap map;

    /** A strip of 200,000 vertices. */
    public Strip() {
      this(200_000);
    }

    Strip(int vertices) {
      this.vertices = vertices;
    }

    /** Builds the polygon and its map. */
    @Setup(Level.Trial)
    public void setUp() {
      polygon = zigzagStrip(vertices);
      GridHierarchy h =
          GridHierarchy.builder().add(Grid.territorial("R1", GridLevel.STREET).build()).build();
      map =
          GridMaps.of(
              h,
              Map.of(GridId.of("R1"), polygon),
              GridMapOptions.defaults().withMode(GridMapOptions.Mode.TRUSTED));
    }
  }

  /** The same strip with 2,000,000 vertices. */
  @State(Scope.Benchmark)
  public static class BigStrip extends Strip {
    /** A strip of 2,000,000 vertices. */
    public BigStrip() {
      super(2_000_000);
    }
  }

  /**
   * A north–south corridor 1° long: its west side zigzags north (amplitude 0.0002°), its east side
   * 0.0005° further east zigzags back south.
   *
   * @param vertices the number of vertices (rounded down to even)
   * @return the polygon
   */
  static Polygon zigzagStrip(int vertices) {
    int half = vertices / 2;
    double amplitude = 0.0002;
    double width = 0.0005;
    Coordinate[] cs = new Coordinate[2 * half + 1];
    double step = 1.0 / half;
    for (int i = 0; i < half; i++) {
      cs[i] = new Coordinate(113 + (i % 2 == 1 ? amplitude : 0), 34 + i * step);
    }
    for (int i = half - 1; i >= 0; i--) {
      cs[2 * half - 1 - i] =
          new Coordinate(113 + width + (i % 2 == 1 ? amplitude : 0), 34 + i * step);
    }
    cs[2 * half] = cs[0].copy();
    return F.createPolygon(cs);
  }

  /**
   * The baseline on 200,000 vertices.
   *
   * @param strip the strip
   * @return whether it is proved valid
   */
  @Benchmark
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  public boolean pairwise200k(Strip strip) {
    return PairwiseShellBaseline.isValid(strip.polygon);
  }

  /**
   * The validator on 200,000 vertices.
   *
   * @param strip the strip
   * @return the findings
   */
  @Benchmark
  public List<CoverageFinding> validate200k(Strip strip) {
    return CoverageValidator.withDefaults().validate(strip.map);
  }

  /**
   * The validator on 2,000,000 vertices.
   *
   * @param strip the strip
   * @return the findings
   */
  @Benchmark
  public List<CoverageFinding> validate2m(BigStrip strip) {
    return CoverageValidator.withDefaults().validate(strip.map);
  }
}
