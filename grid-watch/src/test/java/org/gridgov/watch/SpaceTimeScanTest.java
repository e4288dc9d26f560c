package org.gridgov.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.gridgov.core.GeoPoint;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Property;
import org.gridgov.testkit.PropertyCheck;
import org.junit.jupiter.api.Test;

class SpaceTimeScanTest {

  /** Four zones on a line, one degree apart: A, B, C, D; one neighbour each. */
  private static Neighbourhoods line() {
    Map<String, GeoPoint> c = new LinkedHashMap<>();
    c.put("A", GeoPoint.of(110, 30));
    c.put("B", GeoPoint.of(111, 30));
    c.put("C", GeoPoint.of(112, 30));
    c.put("D", GeoPoint.of(113, 30));
    return Neighbourhoods.byDistance(c, 1);
  }

  private static WatchConfig.Scan config(int days, int maxDays, int replicates, double alpha) {
    return new WatchConfig.Scan(true, days, maxDays, 0.5, replicates, alpha, 1L);
  }

  @Test
  void workedExampleByHand() {
    // zone × day (3 days, the last is index 2):
    //   A: 1 1 1  C(A) = 3
    //   B: 1 4 4  C(B) = 9
    //   C: 2 1 5  C(C) = 8
    //   D: 6 2 2  C(D) = 10
    // C = 30; day totals 10, 8, 12; window of 1 day: 12 cases, of 2 days: 20.
    // Neighbours (one each, ties by id): A→B, B→A, C→B, D→C. maxZoneShare 0.5 → at most 15 cases:
    // {A}, {A,B} (12), {B}, {B,A}, {C} ({C,B} = 17 is too big), {D} ({D,C} = 18 is too big).
    // μ = A·B/C and LLR = c·ln(c/μ) + (C−c)·ln((C−c)/(C−μ)) when c > μ:
    //   {A}   1 day μ=1.2 c=1 → 0;          2 days μ=2   c=2  → 0
    //   {A,B} 1 day μ=4.8 c=5 → 0.0049057;   2 days μ=8   c=10 → 0.3252319
    //   {B}   1 day μ=3.6 c=4 → 0.0244878;   2 days μ=6   c=8  → 0.3872063
    //   {C}   1 day μ=3.2 c=5 → 0.4932839;   2 days μ=5.3 c=6  → 0.0491228
    //   {D}   1 day μ=4   c=2 → 0;          2 days μ=6.7 c=4  → 0
    // Most likely: {C} over the last day; then {B} over 2 days ({A,B} overlaps {B}).
    int[][] counts = {{1, 1, 1}, {1, 4, 4}, {2, 1, 5}, {6, 2, 2}};
    SpaceTimeScan scan = new SpaceTimeScan(line(), config(3, 2, 99, 0.05));
    List<ScanCluster> all = scan.scanAll(counts, 7);
    assertThat(all).hasSize(2);
    ScanCluster first = all.get(0);
    assertThat(first.zones()).containsExactly(2);
    assertThat(first.days()).isEqualTo(1);
    assertThat(first.observed()).isEqualTo(5);
    assertThat(first.expected()).isCloseTo(3.2, within(1e-12));
    assertThat(first.llr()).isCloseTo(0.4932839, within(1e-6));
    ScanCluster second = all.get(1);
    assertThat(second.zones()).containsExactly(1);
    assertThat(second.days()).isEqualTo(2);
    assertThat(second.observed()).isEqualTo(8);
    assertThat(second.expected()).isCloseTo(6.0, within(1e-12));
    assertThat(second.llr()).isCloseTo(0.3872063, within(1e-6));
    // such small excesses are not significant
    assertThat(first.pValue()).isGreaterThan(0.05);
    assertThat(second.pValue()).isGreaterThanOrEqualTo(first.pValue());
    assertThat(scan.scan(counts, 7)).isEmpty();
  }

  @Test
  void aZoneAloneWhenPairsAreTooBig() {
    // A: 2 2 6 (10), B: 3 3 2 (8), C: 5 5 2 (12), D: 0 0 0; C = 30, the last day 10 cases.
    // Every pair holds more than 15 cases, so the cylinders are single zones × the last day:
    // {A} μ = 10·10/30 = 10/3, c = 6: LLR = 6·ln 1.8 + 24·ln 0.9 = 0.9980676.
    int[][] counts = {{2, 2, 6}, {3, 3, 2}, {5, 5, 2}, {0, 0, 0}};
    List<ScanCluster> all = new SpaceTimeScan(line(), config(3, 1, 99, 0.05)).scanAll(counts, 1);
    assertThat(all).isNotEmpty();
    assertThat(all.get(0).zones()).containsExactly(0);
    assertThat(all.get(0).expected()).isCloseTo(10.0 / 3, within(1e-12));
    assertThat(all.get(0).llr()).isCloseTo(0.9980676, within(1e-6));
    assertThat(all).allSatisfy(c -> assertThat(c.days()).isEqualTo(1));
  }

  @Test
  void findsAnInjectedClusterWithAllItsNumbers() {
    Neighbourhoods zones = randomPlane(60, 6, 3);
    int days = 14;
    int[][] counts = background(zones.size(), days, 4.0, new SplittableRandom(5));
    int centre = 17;
    int[] ns = zones.neighbours(centre);
    for (int d = days - 3; d < days; d++) {
      counts[centre][d] += 12;
      counts[ns[0]][d] += 12;
    }
    WatchConfig.Scan config = new WatchConfig.Scan(true, days, 7, 0.5, 999, 0.01, 3L);
    List<ScanCluster> found = new SpaceTimeScan(zones, config).scan(counts, 99);
    assertThat(found).isNotEmpty();
    ScanCluster top = found.get(0);
    assertThat(top.zones()).contains(centre, ns[0]);
    assertThat(top.days()).isBetween(2, 4);
    assertThat(top.pValue()).isEqualTo(0.001);
    assertThat(top.llr()).isGreaterThan(top.criticalValue());
    assertThat(top.observed()).isGreaterThan((long) top.expected());
    // secondary clusters share no zone with an earlier one
    for (int i = 0; i < found.size(); i++) {
      for (int j = 0; j < i; j++) {
        assertThat(found.get(i).zones()).doesNotContainAnyElementsOf(found.get(j).zones());
      }
      assertThat(found.get(i).pValue()).isLessThanOrEqualTo(0.01);
    }
  }

  @Property(tries = 30)
  void addingCasesToTheMostLikelyClusterNeverLowersTheMaximum(@ForAll long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Neighbourhoods zones = randomPlane(12 + rnd.nextInt(20), 1 + rnd.nextInt(5), rnd.nextLong());
    int days = 5 + rnd.nextInt(10);
    int[][] counts = background(zones.size(), days, 0.5 + rnd.nextDouble() * 5, rnd);
    WatchConfig.Scan config =
        new WatchConfig.Scan(true, days, 1 + rnd.nextInt(days), 0.5, 9, 0.5, 1);
    SpaceTimeScan scan = new SpaceTimeScan(zones, config);
    List<ScanCluster> before = scan.scanAll(counts, seed);
    PropertyCheck.assume(!before.isEmpty());
    ScanCluster top = before.get(0);
    int[][] more = copy(counts);
    int added = 1 + rnd.nextInt(20);
    long total = 0;
    long inZones = 0;
    for (int z = 0; z < more.length; z++) {
      for (int d = 0; d < days; d++) {
        total += more[z][d];
        if (top.zones().contains(z)) {
          inZones += more[z][d];
        }
      }
    }
    // only while the cylinder stays admissible (its zones within the share of the cases)
    PropertyCheck.assume(inZones + added <= 0.5 * (total + added));
    for (int i = 0; i < added; i++) {
      int z = top.zones().get(rnd.nextInt(top.zones().size()));
      more[z][days - 1 - rnd.nextInt(top.days())]++;
    }
    List<ScanCluster> after = scan.scanAll(more, seed);
    assertThat(after).isNotEmpty();
    assertThat(after.get(0).llr()).isGreaterThanOrEqualTo(top.llr() - 1e-9);
  }

  @Test
  void homogeneousCountsAreRarelySignificant() {
    // counts drawn with rate p(z)·q(d): no space-time interaction; at alpha = 0.01 the scan may
    // call about 1 % of the periods significant (exactly at most 1 % in expectation)
    int trials = 300;
    int significant = 0;
    SplittableRandom rnd = new SplittableRandom(2026);
    Neighbourhoods zones = randomPlane(25, 4, 8);
    WatchConfig.Scan config = new WatchConfig.Scan(true, 10, 5, 0.5, 99, 0.01, 1);
    SpaceTimeScan scan = new SpaceTimeScan(zones, config);
    for (int t = 0; t < trials; t++) {
      int[][] counts = background(zones.size(), 10, 2.0, rnd);
      if (!scan.scan(counts, t).isEmpty()) {
        significant++;
      }
    }
    // Binomial(300, 0.01): mean 3, P(X ≥ 10) < 0.001
    assertThat(significant).isLessThan(10);
  }

  @Property(tries = 20)
  void deterministicForASeedWhateverTheThreads(@ForAll long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Neighbourhoods zones = randomPlane(40, 5, rnd.nextLong());
    int[][] counts = background(zones.size(), 12, 1 + rnd.nextDouble() * 6, rnd);
    counts[3][11] += 10;
    WatchConfig.Scan config = new WatchConfig.Scan(true, 12, 4, 0.5, 199, 0.2, 1);
    List<ScanCluster> one = new SpaceTimeScan(zones, config, 1).scanAll(counts, seed);
    assertThat(new SpaceTimeScan(zones, config, 1).scanAll(counts, seed)).isEqualTo(one);
    assertThat(new SpaceTimeScan(zones, config, 2).scanAll(counts, seed)).isEqualTo(one);
    assertThat(new SpaceTimeScan(zones, config, 3).scanAll(counts, seed)).isEqualTo(one);
    for (ScanCluster c : one) {
      assertThat(c.pValue()).isGreaterThan(0).isLessThanOrEqualTo(1);
      assertThat(c.llr()).isPositive();
      assertThat(c.criticalValue()).isGreaterThanOrEqualTo(0);
    }
  }

  @Property(tries = 30)
  void stoppingEarlyNeverChangesWhichClustersAreSignificant(@ForAll long seed) {
    // scan() stops the replicates once enough of them reach the observed maximum; its clusters
    // must be exactly scanAll()'s (which runs every replicate) with p-value at most alpha.
    SplittableRandom rnd = new SplittableRandom(seed);
    Neighbourhoods zones = randomPlane(30, 5, rnd.nextLong());
    int[][] counts = background(zones.size(), 10, 0.5 + rnd.nextDouble() * 4, rnd);
    if (rnd.nextBoolean()) {
      counts[rnd.nextInt(zones.size())][9] += 1 + rnd.nextInt(12);
    }
    WatchConfig.Scan config = new WatchConfig.Scan(true, 10, 3, 0.5, 99, 0.05, 1);
    for (int threads : new int[] {1, 2}) {
      SpaceTimeScan scan = new SpaceTimeScan(zones, config, threads);
      List<ScanCluster> significant =
          scan.scanAll(counts, seed).stream().filter(c -> c.pValue() <= 0.05).toList();
      assertThat(scan.scan(counts, seed)).isEqualTo(significant);
    }
  }

  @Test
  void parallelReplicatesEqualSerialOnALargeScan() {
    // large enough that the replicates really run on the pool
    Neighbourhoods zones = randomPlane(400, 10, 4);
    int[][] counts = background(zones.size(), 20, 3, new SplittableRandom(4));
    WatchConfig.Scan config = new WatchConfig.Scan(true, 20, 7, 0.5, 99, 0.5, 1);
    assertThat(new SpaceTimeScan(zones, config, 2).scanAll(counts, 11))
        .isEqualTo(new SpaceTimeScan(zones, config, 1).scanAll(counts, 11))
        .isNotEqualTo(new SpaceTimeScan(zones, config, 1).scanAll(counts, 12));
  }

  @Test
  void tooFewReplicatesForTheLevelHaveNoCriticalValue() {
    int[][] counts = {{1, 1, 1}, {1, 4, 4}, {2, 1, 5}, {6, 2, 2}};
    List<ScanCluster> all = new SpaceTimeScan(line(), config(3, 2, 9, 0.05)).scanAll(counts, 7);
    assertThat(all.get(0).criticalValue()).isNaN();
    assertThat(all.get(0).pValue()).isGreaterThanOrEqualTo(0.1);
  }

  @Test
  void noCasesNoClusters() {
    assertThat(new SpaceTimeScan(line(), config(3, 2, 9, 0.5)).scanAll(new int[4][3], 1)).isEmpty();
  }

  @Test
  void badInputSaysWhatIsWrong() {
    SpaceTimeScan scan = new SpaceTimeScan(line(), config(3, 2, 9, 0.05));
    assertThatThrownBy(() -> scan.scan(new int[][] {{1, 1, 1}, {1, 1}, {1, 1, 1}, {1, 1, 1}}, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("row 1 (zone B) has 2 days, the study period 3");
    assertThatThrownBy(() -> scan.scan(new int[][] {{1, 1, 1}, {1, 1, 1}, {1, 1, 1}}, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3 rows, the neighbourhoods 4 zones");
    assertThatThrownBy(
            () -> scan.scan(new int[][] {{1, 1, 1}, {1, 1, 1}, {1, -2, 1}, {1, 1, 1}}, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("counts[2][1] (zone C) is negative: -2");
    assertThatThrownBy(() -> scan.scan(new int[][] {{1, 1, 1}, null, {1, 1, 1}, {1, 1, 1}}, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("row 1 (zone B) is null");
    assertThatThrownBy(() -> scan.scan(null, 1)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new SpaceTimeScan(line(), config(3, 2, 9, 0.05), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("threads");
  }

  static Neighbourhoods randomPlane(int n, int k, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Map<String, GeoPoint> c = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      c.put(String.format("z%04d", i), GeoPoint.of(113 + rnd.nextDouble(), 34 + rnd.nextDouble()));
    }
    return Neighbourhoods.byDistance(c, k);
  }

  /** Counts with rate {@code mean · p(z) · q(d)} (no interaction), Poisson by inversion. */
  static int[][] background(int zones, int days, double mean, SplittableRandom rnd) {
    double[] p = new double[zones];
    double[] q = new double[days];
    for (int z = 0; z < zones; z++) {
      p[z] = 0.3 + rnd.nextDouble() * 1.4;
    }
    for (int d = 0; d < days; d++) {
      q[d] = 0.5 + rnd.nextDouble();
    }
    int[][] out = new int[zones][days];
    for (int z = 0; z < zones; z++) {
      for (int d = 0; d < days; d++) {
        out[z][d] = poisson(mean * p[z] * q[d], rnd);
      }
    }
    return out;
  }

  static int poisson(double lambda, SplittableRandom rnd) {
    double l = Math.exp(-lambda);
    int k = 0;
    double prod = rnd.nextDouble();
    while (prod > l) {
      k++;
      prod *= rnd.nextDouble();
    }
    return k;
  }

  static int[][] copy(int[][] a) {
    int[][] out = new int[a.length][];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i].clone();
    }
    return out;
  }
}
