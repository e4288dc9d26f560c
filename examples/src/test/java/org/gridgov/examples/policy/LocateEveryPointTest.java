package org.gridgov.examples.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.gridgov.core.GridId;
import org.gridgov.fixtures.GeneratedCity;
import org.gridgov.geo.GridLocator;
import org.gridgov.geo.GridMap;
import org.gridgov.geo.Location;
import org.gridgov.lab.testkit.CityGens;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Gens;
import org.gridgov.testkit.Property;
import org.junit.jupiter.api.DisplayName;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * Every point inside the city resolves to exactly one leaf grid (一张网、一套格, docs/domain.md §1).
 *
 * <p>Checked at random points of the city, and at the corners of the grids, where two or more grids
 * share a border and the locator's boundary rule must pick one: the answer is a leaf, its polygon
 * covers the point, and no other leaf has the point inside it.
 */
class LocateEveryPointTest {
  private static final GeometryFactory F = new GeometryFactory();

  Gen<GeneratedCity> cities() {
    return CityGens.builder()
        .streets(1, 3)
        .communitiesPerStreet(1, 3)
        .gridsPerCommunity(1, 5)
        .maps();
  }

  Gen<List<double[]>> spots() {
    return Gens.lists(
        Gens.combine(Gens.doubles(0, 1), Gens.doubles(0, 1), (u, v) -> new double[] {u, v}), 1, 40);
  }

  @Property(tries = 30)
  @DisplayName("every point inside the city resolves to exactly one leaf grid")
  void everyPointInsideTheCityResolvesToExactlyOneLeafGrid(
      @ForAll("cities") GeneratedCity city, @ForAll("spots") List<double[]> spots) {
    GridMap map = CityGens.map(city);
    GridLocator locator = map.locator();
    Geometry root = map.geometry(city.hierarchy().roots().get(0)).orElseThrow();
    Envelope box = root.getEnvelopeInternal();
    List<Coordinate> points = new ArrayList<>();
    for (double[] s : spots) {
      points.add(
          new Coordinate(
              box.getMinX() + s[0] * box.getWidth(), box.getMinY() + s[1] * box.getHeight()));
    }
    // corners shared by neighbouring grids
    Geometry first = map.geometry(city.leaves().get(0)).orElseThrow();
    for (Coordinate c : first.getCoordinates()) {
      points.add(c);
    }
    List<Geometry> leaves = new ArrayList<>();
    for (GridId leaf : city.leaves()) {
      leaves.add(map.geometry(leaf).orElseThrow());
    }
    for (Coordinate c : points) {
      Point p = F.createPoint(c);
      if (!root.covers(p)) {
        continue;
      }
      Location at =
          locator.locate(c.x, c.y).orElseThrow(() -> new AssertionError("nothing at " + c));
      int index = city.leaves().indexOf(at.leaf());
      assertThat(index).as("%s is a leaf", at.leaf()).isNotNegative();
      assertThat(leaves.get(index).covers(p)).as("%s covers %s", at.leaf(), c).isTrue();
      for (int i = 0; i < leaves.size(); i++) {
        if (i != index) {
          assertThat(leaves.get(i).contains(p))
              .as("%s also has %s inside it", city.leaves().get(i), c)
              .isFalse();
        }
      }
    }
  }
}
