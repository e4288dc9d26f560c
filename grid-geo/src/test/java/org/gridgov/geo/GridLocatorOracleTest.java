package org.gridgov.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.GridId;
import org.gridgov.core.GridKind;
import org.gridgov.fixtures.SyntheticCity;
import org.gridgov.fixtures.SyntheticPoints;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Gens;
import org.gridgov.testkit.Property;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Polygon;

/**
 * Exactness of {@link GridLocator} against the JTS oracle ({@code PreparedGeometry.covers} on the
 * original polygons, deepest grid then smallest id) on generated cities: random points, points on
 * vertices and edges, and points a hair away from them.
 */
class GridLocatorOracleTest {

  // ------------------------------------------------------------------ random points

  Gen<double[]> smallPoints() {
    return pointsIn(TestCities.small().extent());
  }

  Gen<double[]> midPoints() {
    return pointsIn(TestCities.mid().extent());
  }

  private static Gen<double[]> pointsIn(Envelope e) {
    double mx = e.getWidth() * 0.02;
    double my = e.getHeight() * 0.02;
    return Gens.combine(
        Gens.doubles(e.getMinX() - mx, e.getMaxX() + mx),
        Gens.doubles(e.getMinY() - my, e.getMaxY() + my),
        (x, y) -> new double[] {x, y});
  }

  @Property(tries = 300)
  void randomPointsInTheSmallCityAgreeWithTheOracle(@ForAll("smallPoints") double[] p) {
    assertAgrees(TestCities.smallLocator(), TestCities.smallOracle(), p[0], p[1]);
  }

  @Property(tries = 300)
  void randomPointsInTheMidSizeCityAgreeWithTheOracle(@ForAll("midPoints") double[] p) {
    assertAgrees(TestCities.midLocator(), TestCities.midOracle(), p[0], p[1]);
  }

  @Test
  void manyUniformAndClusteredPointsAgreeWithTheOracle() {
    SyntheticCity city = TestCities.mid();
    GridLocator locator = TestCities.midLocator();
    CoversOracle oracle = TestCities.midOracle();
    SyntheticPoints uniform = SyntheticPoints.uniform(city.extent(), 20_000, 1);
    SyntheticPoints clustered = SyntheticPoints.clustered(city, 20_000, 2);
    int inside = 0;
    for (SyntheticPoints pts : List.of(uniform, clustered)) {
      for (int i = 0; i < pts.size(); i++) {
        int expected = oracle.leaf(pts.lon(i), pts.lat(i));
        assertThat(locator.locateLeaf(pts.lon(i), pts.lat(i)))
            .as("point %s %s", pts.lon(i), pts.lat(i))
            .isEqualTo(expected);
        inside += expected >= 0 ? 1 : 0;
      }
    }
    assertThat(inside).as("most points land in the city").isGreaterThan(25_000);
  }

  // ------------------------------------------------------------------ vertices and edges

  @Test
  void verticesAndEdgeMidpointsAgreeWithTheOracleAndTiesGoToTheSmallestId() {
    int ties = 0;
    for (boolean mid : new boolean[] {false, true}) {
      SyntheticCity city = mid ? TestCities.mid() : TestCities.small();
      GridLocator locator = mid ? TestCities.midLocator() : TestCities.smallLocator();
      CoversOracle oracle = mid ? TestCities.midOracle() : TestCities.smallOracle();
      GridHierarchy h = city.hierarchy();
      int step = mid ? 4 : 1;
      for (int li = 0; li < city.leaves().size(); li += step) {
        Coordinate[] cs = city.polygons().get(city.leaves().get(li)).getCoordinates();
        for (int i = 0; i + 1 < cs.length; i++) {
          double mx = (cs[i].x + cs[i + 1].x) / 2;
          double my = (cs[i].y + cs[i + 1].y) / 2;
          for (double[] p : new double[][] {{cs[i].x, cs[i].y}, {mx, my}}) {
            int got = locator.locateLeaf(p[0], p[1]);
            assertThat(got).as("point %s %s", p[0], p[1]).isEqualTo(oracle.leaf(p[0], p[1]));
            // On a shared border several leaves cover the point; the smallest id wins.
            List<Integer> deepest = deepest(h, oracle.covering(p[0], p[1]));
            if (deepest.size() > 1) {
              ties++;
              assertThat(got).isEqualTo(Collections.min(deepest));
            }
          }
        }
      }
    }
    assertThat(ties).as("shared vertices and edges were tested").isGreaterThan(10_000);
  }

  private static List<Integer> deepest(GridHierarchy h, List<Integer> covering) {
    int max = covering.stream().mapToInt(h::depth).max().orElse(-1);
    List<Integer> out = new ArrayList<>();
    for (int o : covering) {
      if (h.depth(o) == max) {
        out.add(o);
      }
    }
    return out;
  }

  @Test
  void pointsAHairAwayFromVerticesAndEdgesAgreeWithTheOracle() {
    SyntheticCity city = TestCities.small();
    GridLocator locator = TestCities.smallLocator();
    CoversOracle oracle = TestCities.smallOracle();
    double[] offsets = {1e-13, 1e-12, 1e-10, 1e-8, 1e-7, 3e-7};
    Random rnd = new Random(5);
    for (GridId leaf : city.leaves()) {
      Coordinate[] cs = city.polygons().get(leaf).getCoordinates();
      for (int i = 0; i + 1 < cs.length; i++) {
        double x = cs[i].x;
        double y = cs[i].y;
        List<double[]> probes = new ArrayList<>();
        probes.add(new double[] {Math.nextUp(x), y});
        probes.add(new double[] {Math.nextDown(x), y});
        probes.add(new double[] {x, Math.nextUp(y)});
        probes.add(new double[] {x, Math.nextDown(y)});
        double d = offsets[rnd.nextInt(offsets.length)];
        // Off the edge along its normal, both sides, at a random place along it.
        double t = rnd.nextDouble();
        double ex = cs[i + 1].x - x;
        double ey = cs[i + 1].y - y;
        double len = Math.hypot(ex, ey);
        double px = x + t * ex;
        double py = y + t * ey;
        probes.add(new double[] {px - ey / len * d, py + ex / len * d});
        probes.add(new double[] {px + ey / len * d, py - ex / len * d});
        probes.add(new double[] {px, py});
        probes.add(new double[] {x + d, y - d});
        for (double[] p : probes) {
          assertAgrees(locator, oracle, p[0], p[1]);
        }
      }
    }
  }

  // ------------------------------------------------------------------ results

  @Test
  void exclusiveGridsAndPathsAgreeWithTheOracleAndTheHierarchy() {
    SyntheticCity city = TestCities.mid();
    GridLocator locator = TestCities.midLocator();
    CoversOracle oracle = TestCities.midOracle();
    assertThat(city.exclusiveGrids()).hasSize(6);
    Random rnd = new Random(9);
    int withExclusive = 0;
    for (GridId ex : city.exclusiveGrids()) {
      Polygon poly = city.polygons().get(ex);
      Envelope e = poly.getEnvelopeInternal();
      List<double[]> probes = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        probes.add(
            new double[] {
              e.getMinX() + rnd.nextDouble() * e.getWidth(),
              e.getMinY() + rnd.nextDouble() * e.getHeight()
            });
      }
      for (Coordinate c : poly.getCoordinates()) {
        probes.add(new double[] {c.x, c.y});
      }
      for (double[] p : probes) {
        List<GridId> expected = oracle.exclusive(p[0], p[1]);
        assertThat(locator.exclusiveAt(p[0], p[1])).isEqualTo(expected);
        locator
            .locate(p[0], p[1])
            .ifPresent(
                loc -> {
                  assertThat(loc.exclusive()).isEqualTo(expected);
                  assertThat(loc.path()).isEqualTo(city.hierarchy().path(loc.leaf()));
                  assertThat(loc.snapped()).isFalse();
                });
        withExclusive += expected.isEmpty() ? 0 : 1;
      }
    }
    assertThat(withExclusive).isGreaterThan(1000);
  }

  @Test
  void theBatchAnswersAsSingleLookupsDo() {
    SyntheticCity city = TestCities.mid();
    GridLocator locator = TestCities.midLocator();
    SyntheticPoints pts = SyntheticPoints.uniform(city.extent(), 10_007, 3);
    double[] lons = pts.lons();
    double[] lats = pts.lats();
    int[] out = new int[lons.length];
    locator.locateAll(lons, lats, out);
    for (int i = 0; i < lons.length; i++) {
      assertThat(out[i]).isEqualTo(locator.locateLeaf(lons[i], lats[i]));
    }
  }

  // ------------------------------------------------------------------ determinism

  @Test
  void theOrderGridsAreGivenInChangesNothing() {
    SyntheticCity city = TestCities.small();
    GridLocator reference = TestCities.smallLocator();
    List<Map.Entry<GridId, Polygon>> entries = new ArrayList<>(city.polygons().entrySet());
    for (int round = 0; round < 3; round++) {
      Collections.shuffle(entries, new Random(round));
      Map<GridId, Polygon> shuffled = new LinkedHashMap<>();
      entries.forEach(e -> shuffled.put(e.getKey(), e.getValue()));
      GridLocator other = GridLocator.build(city.hierarchy(), shuffled);
      assertThat(other.toString()).isEqualTo(reference.toString());
      assertThat(other.indexSizeInBytes()).isEqualTo(reference.indexSizeInBytes());
      SyntheticPoints pts = SyntheticPoints.uniform(city.extent(), 5_000, round);
      for (int i = 0; i < pts.size(); i++) {
        assertThat(other.locateLeaf(pts.lon(i), pts.lat(i)))
            .isEqualTo(reference.locateLeaf(pts.lon(i), pts.lat(i)));
      }
      for (GridId leaf : city.leaves()) {
        for (Coordinate c : city.polygons().get(leaf).getCoordinates()) {
          assertThat(other.locateLeaf(c.x, c.y)).isEqualTo(reference.locateLeaf(c.x, c.y));
        }
      }
    }
  }

  @Test
  void everyTerritorialGridOfTheSmallCityIsFoundAtAnInteriorPoint() {
    SyntheticCity city = TestCities.small();
    GridLocator locator = TestCities.smallLocator();
    for (GridId leaf : city.leaves()) {
      Coordinate c = city.polygons().get(leaf).getInteriorPoint().getCoordinate();
      Location loc = locator.locate(c.x, c.y).orElseThrow();
      assertThat(loc.leaf()).isEqualTo(leaf);
      assertThat(city.hierarchy().grid(leaf).orElseThrow().kind()).isEqualTo(GridKind.TERRITORIAL);
    }
  }

  private static void assertAgrees(GridLocator locator, CoversOracle oracle, double x, double y) {
    assertThat(locator.locateLeaf(x, y)).as("point %s %s", x, y).isEqualTo(oracle.leaf(x, y));
  }
}
