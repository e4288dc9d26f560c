package org.gridgov.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.gridgov.core.GeoPoint;
import org.gridgov.core.Grid;
import org.gridgov.core.GridLevel;
import org.gridgov.fixtures.SyntheticCity;
import org.gridgov.watch.Neighbourhoods;
import org.gridgov.watch.ScanAccess;
import org.gridgov.watch.WatchConfig;
import org.locationtech.jts.geom.Point;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The prospective space-time permutation scan at Zhengzhou's scale (issue 15: 3,480 communities ×
 * the last 30 days with 999 replicates in under 60 s on the 2 cores of the machine).
 *
 * <p>The zones are the communities of the synthetic Zhengzhou ({@link SyntheticCity#zhengzhou}),
 * each with its {@link #NEIGHBOURS} nearest communities by centroid ({@link
 * Neighbourhoods#byDistance}). The counts are Poisson with a per-community weight (log-normal) and
 * a weekly pattern, {@code casesPerDay} a day on average, plus an injected cluster: a community and
 * its four nearest neighbours with {@code 3 ×} their usual cases on each of the last 3 days.
 * Windows of 1 to 7 days, {@code maxZoneShare} 0.5, level 0.01.
 *
 * <p>{@code scan}: grid-watch's scan, 999 replicates on all processors; {@code scanOneThread}: the
 * same on one thread; {@code naive}: the baseline {@link NaiveSpaceTimeScan} with {@value
 * #NAIVE_REPLICATES} replicates only (multiply its time by 1000 / ({@value #NAIVE_REPLICATES} + 1)
 * for 999).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class SpaceTimeScanBenchmark {

  /** Neighbours per community: a cluster holds up to 21 communities. */
  static final int NEIGHBOURS = 20;

  static final int DAYS = 30;

  static final int NAIVE_REPLICATES = 19;

  @Param({"7000", "700"})
  public int casesPerDay;

  Neighbourhoods zones;
  int[][] counts;
  WatchConfig.Scan config;
  WatchConfig.Scan naiveConfig;

  @Setup
  public void setUp() {
    zones = communities(SyntheticCity.zhengzhou(1), NEIGHBOURS);
    counts = counts(zones, DAYS, casesPerDay, 42);
    config = new WatchConfig.Scan(true, DAYS, 7, 0.5, 999, 0.01, 1);
    naiveConfig = new WatchConfig.Scan(true, DAYS, 7, 0.5, NAIVE_REPLICATES, 0.01, 1);
    long total = 0;
    for (int[] row : counts) {
      for (int c : row) {
        total += c;
      }
    }
    List<ScanAccess.Cluster> found = ScanAccess.scanAll(zones, config, 2, counts, 7);
    System.out.printf(
        "%n%d zones, %d cases in %d days; most likely cluster: %s%n",
        zones.size(), total, DAYS, found.isEmpty() ? "none" : found.get(0));
  }

  /**
   * The communities of a city with their nearest neighbours.
   *
   * @param city the city
   * @param neighbours neighbours per community
   * @return the neighbourhoods
   */
  static Neighbourhoods communities(SyntheticCity city, int neighbours) {
    Map<String, GeoPoint> centroids = new TreeMap<>();
    for (Grid g : city.hierarchy().gridsAt(GridLevel.COMMUNITY)) {
      Point p = city.polygons().get(g.id()).getCentroid();
      centroids.put(g.id().value(), GeoPoint.of(p.getX(), p.getY()));
    }
    return Neighbourhoods.byDistance(centroids, neighbours);
  }

  /**
   * Poisson counts with a community weight and a weekly pattern, and the injected cluster: the
   * community at index {@code zones.size() / 2} and its four nearest with three times their usual
   * cases on each of the last 3 days.
   *
   * @param zones the zones
   * @param days the days
   * @param perDay the mean cases a day
   * @param seed the seed
   * @return zone × day counts
   */
  static int[][] counts(Neighbourhoods zones, int days, int perDay, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int n = zones.size();
    double[] weight = new double[n];
    double sum = 0;
    for (int z = 0; z < n; z++) {
      weight[z] = Math.exp(0.8 * gaussian(rnd));
      sum += weight[z];
    }
    double[] week = {1.1, 1.05, 1.0, 1.0, 1.05, 0.9, 0.9};
    int[][] out = new int[n][days];
    for (int z = 0; z < n; z++) {
      for (int d = 0; d < days; d++) {
        out[z][d] = poisson(perDay * weight[z] / sum * week[d % 7], rnd);
      }
    }
    int centre = n / 2;
    int[] ns = zones.neighbours(centre);
    for (int d = days - 3; d < days; d++) {
      for (int j = -1; j < Math.min(4, ns.length); j++) {
        int z = j < 0 ? centre : ns[j];
        out[z][d] += Math.max(2, (int) Math.round(2 * perDay * weight[z] / sum));
      }
    }
    return out;
  }

  private static double gaussian(SplittableRandom rnd) {
    double u = 1 - rnd.nextDouble();
    double v = rnd.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  private static int poisson(double lambda, SplittableRandom rnd) {
    if (lambda > 30) {
      return Math.max(0, (int) Math.round(lambda + Math.sqrt(lambda) * gaussian(rnd)));
    }
    double l = Math.exp(-lambda);
    int k = 0;
    double p = rnd.nextDouble();
    while (p > l) {
      k++;
      p *= rnd.nextDouble();
    }
    return k;
  }

  @Benchmark
  public List<ScanAccess.Cluster> scan() {
    return ScanAccess.scanAll(zones, config, Runtime.getRuntime().availableProcessors(), counts, 7);
  }

  @Benchmark
  public List<ScanAccess.Cluster> scanOneThread() {
    return ScanAccess.scanAll(zones, config, 1, counts, 7);
  }

  @Benchmark
  public NaiveSpaceTimeScan.Result naive() {
    return NaiveSpaceTimeScan.scan(zones, naiveConfig, counts, 7);
  }
}
