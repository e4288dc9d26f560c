package org.gridgov.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.gridgov.core.GridId;
import org.gridgov.fixtures.SyntheticCity;
import org.gridgov.fixtures.SyntheticPoints;
import org.gridgov.geo.GridLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Point → grid lookup at Zhengzhou's scale: the SDK's {@link GridLocator} against the idiomatic JTS
 * baseline, in the same run, on the same positions.
 *
 * <p>The city is {@link SyntheticCity#zhengzhou(long)} (216 / 3,480 / 17,086 / 54,161 grids nested
 * exactly, about 44 vertices per micro-grid, 7,500 km²). Positions ({@code points}) are 1,048,576
 * {@code uniform} positions over the city's bounding box (about three in four fall inside the
 * city), or {@code clustered} like real reports (Gaussian clusters around community centres). One
 * operation is one lookup; each invocation takes the next 1,024 positions of its thread.
 *
 * <ul>
 *   <li>{@code jts}: the baseline: an STRtree of the micro-grids' envelopes, and {@code
 *       PreparedGeometry.covers} on the candidates until one covers the point;
 *   <li>{@code sdkLeaf}: {@link GridLocator#locateLeaf}, one call per position (the allocation-free
 *       hot path: the leaf's ordinal);
 *   <li>{@code sdkBatch}: {@link GridLocator#locateAll} on the 1,024 positions (overlaps the cache
 *       misses of 32 positions at a time);
 *   <li>{@code sdkLocate}: {@link GridLocator#locate}, a full {@code Location} (leaf, path,
 *       exclusive grids) per position: the leaf's prebuilt answer when no exclusive grid covers the
 *       position, so nothing is allocated;
 *   <li>{@code ...2t}: the same on two threads sharing one index.
 * </ul>
 *
 * <p>The methods answer the same leaf for every position (checked in setup on 20,000 positions).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx5g", "-Xms5g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class LocateBenchmark {
  static final int BATCH = 1024;
  static final int POINTS = 1 << 20;

  @Param({"uniform", "clustered"})
  public String points;

  GridLocator locator;
  STRtree tree;
  GeometryFactory factory;
  double[] lons;
  double[] lats;
  double[][] lonBatches;
  double[][] latBatches;

  /** A thread's position in the point list and its output buffer. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;
    final int[] out = new int[BATCH];

    int take() {
      int from = next;
      next = (next + BATCH) & (POINTS - 1);
      return from;
    }
  }

  /** Generates the city and the positions, builds both indexes and checks they agree. */
  @Setup(Level.Trial)
  public void setUp() {
    SyntheticCity city = SyntheticCity.zhengzhou(1);
    locator = GridLocator.build(city.hierarchy(), city.polygons());
    factory = new GeometryFactory();
    tree = jtsBaseline(city);
    SyntheticPoints pts =
        points.equals("uniform")
            ? SyntheticPoints.uniform(city.extent(), POINTS, 2)
            : SyntheticPoints.clustered(city, POINTS, 2);
    lons = pts.lons();
    lats = pts.lats();
    lonBatches = new double[POINTS / BATCH][];
    latBatches = new double[POINTS / BATCH][];
    for (int b = 0; b < POINTS / BATCH; b++) {
      lonBatches[b] = java.util.Arrays.copyOfRange(lons, b * BATCH, (b + 1) * BATCH);
      latBatches[b] = java.util.Arrays.copyOfRange(lats, b * BATCH, (b + 1) * BATCH);
    }
    for (int i = 0; i < 20_000; i++) {
      GridId jts = jtsLocate(lons[i], lats[i]);
      int sdk = locator.locateLeaf(lons[i], lats[i]);
      GridId sdkId = sdk < 0 ? null : locator.hierarchy().idAt(sdk);
      // On a shared border JTS returns whichever candidate comes first; random positions never
      // land exactly on one, so the answers must be equal.
      if (jts == null ? sdkId != null : !jts.equals(sdkId)) {
        throw new IllegalStateException(
            "SDK and JTS disagree at " + lons[i] + ", " + lats[i] + ": " + sdkId + " vs " + jts);
      }
    }
  }

  /** The idiomatic JTS index: an STRtree of the leaves' envelopes holding prepared polygons. */
  static STRtree jtsBaseline(SyntheticCity city) {
    STRtree tree = new STRtree();
    Map<GridId, Polygon> polygons = city.polygons();
    for (GridId leaf : city.leaves()) {
      Polygon p = polygons.get(leaf);
      tree.insert(p.getEnvelopeInternal(), new Leaf(leaf, PreparedGeometryFactory.prepare(p)));
    }
    tree.build();
    return tree;
  }

  /** An STRtree entry. */
  record Leaf(GridId id, PreparedGeometry geometry) {}

  GridId jtsLocate(double lon, double lat) {
    Point p = factory.createPoint(new Coordinate(lon, lat));
    @SuppressWarnings("unchecked")
    List<Leaf> candidates = tree.query(new Envelope(lon, lon, lat, lat));
    for (Leaf leaf : candidates) {
      if (leaf.geometry().covers(p)) {
        return leaf.id();
      }
    }
    return null;
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void jts(Cursor c, Blackhole bh) {
    int from = c.take();
    for (int i = from; i < from + BATCH; i++) {
      bh.consume(jtsLocate(lons[i], lats[i]));
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void sdkLeaf(Cursor c, Blackhole bh) {
    int from = c.take();
    for (int i = from; i < from + BATCH; i++) {
      bh.consume(locator.locateLeaf(lons[i], lats[i]));
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void sdkBatch(Cursor c, Blackhole bh) {
    int batch = c.take() / BATCH;
    locator.locateAll(lonBatches[batch], latBatches[batch], c.out);
    bh.consume(c.out);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void sdkLocate(Cursor c, Blackhole bh) {
    int from = c.take();
    for (int i = from; i < from + BATCH; i++) {
      bh.consume(locator.locate(lons[i], lats[i]));
    }
  }

  @Benchmark
  @Threads(2)
  @OperationsPerInvocation(BATCH)
  public void jts2t(Cursor c, Blackhole bh) {
    jts(c, bh);
  }

  @Benchmark
  @Threads(2)
  @OperationsPerInvocation(BATCH)
  public void sdkLeaf2t(Cursor c, Blackhole bh) {
    sdkLeaf(c, bh);
  }

  @Benchmark
  @Threads(2)
  @OperationsPerInvocation(BATCH)
  public void sdkBatch2t(Cursor c, Blackhole bh) {
    sdkBatch(c, bh);
  }
}
