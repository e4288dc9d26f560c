package org.gridgov.geo.internal.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Gens;
import org.gridgov.testkit.Property;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;

/** {@link SimpleShell} against the oracle, JTS {@code IsValidOp}. */
class SimpleShellTest {
  private static final GeometryFactory F = new GeometryFactory();

  @Test
  void provesSimpleRingsValid() {
    assertThat(SimpleShell.isValid(ring(0, 0, 4, 0, 4, 4, 0, 4))).isTrue();
    assertThat(SimpleShell.isValid(ring(0, 0, 0, 4, 4, 4, 4, 0))).isTrue(); // clockwise
    assertThat(SimpleShell.isValid(ring(0, 0, 2, 0, 2, 0, 4, 0, 4, 4, 0, 4))).isTrue(); // repeat
    assertThat(SimpleShell.isValid(ring(0, 0, 2, 0, 4, 0, 4, 4, 0, 4))).isTrue(); // straight
  }

  @Test
  void refusesWhatIsNotProvablyASimpleShell() {
    assertThat(SimpleShell.isValid(ring(0, 0, 4, 4, 4, 0, 0, 4))).isFalse(); // bow tie
    assertThat(SimpleShell.isValid(ring(0, 0, 4, 0, 2, 0, 2, 4))).isFalse(); // folds back
    assertThat(SimpleShell.isValid(ring(0, 0, 2, 0, 4, 0))).isFalse(); // flat
    assertThat(SimpleShell.isValid(ring(0, 0, 4, 0, 4, 4, 2, 0, 0, 4))).isFalse(); // touches
    Polygon donut =
        F.createPolygon(
            ring(0, 0, 4, 0, 4, 4, 0, 4).getExteriorRing(),
            new org.locationtech.jts.geom.LinearRing[] {ring(1, 1, 2, 1, 2, 2).getExteriorRing()});
    assertThat(SimpleShell.isValid(donut)).isFalse(); // holes go to IsValidOp
    assertThat(SimpleShell.isValid(F.createMultiPolygon(new Polygon[] {ring(0, 0, 1, 0, 1, 1)})))
        .isFalse();
  }

  /** Random rings on a small lattice (many collinear and touching cases): never valid wrongly. */
  @Property(tries = 500)
  void neverCallsAnInvalidRingValid(@ForAll("latticeRings") Polygon p) {
    if (SimpleShell.isValid(p)) {
      assertThat(new IsValidOp(p).getValidationError()).as(p.toText()).isNull();
    }
  }

  /** Star-shaped rings (vertices sorted by angle) are simple, and proved so. */
  @Property(tries = 300)
  void provesStarShapedRingsValid(@ForAll("starRings") Polygon p) {
    assertThat(new IsValidOp(p).isValid()).as(p.toText()).isTrue();
    assertThat(SimpleShell.isValid(p)).as(p.toText()).isTrue();
  }

  Gen<Polygon> latticeRings() {
    return src -> {
      int n = src.ints(3, 9);
      double[] xy = new double[2 * n];
      for (int i = 0; i < 2 * n; i++) {
        xy[i] = src.ints(0, 4);
      }
      return ring(xy);
    };
  }

  Gen<Polygon> starRings() {
    return Gens.lists(Gens.doubles(0.1, 10), 3, 40)
        .map(
            radii -> {
              List<Coordinate> cs = new ArrayList<>();
              for (int i = 0; i < radii.size(); i++) {
                double angle = 2 * Math.PI * i / radii.size();
                cs.add(
                    new Coordinate(
                        113 + radii.get(i) * Math.cos(angle), 34 + radii.get(i) * Math.sin(angle)));
              }
              cs.sort(Comparator.comparingDouble(c -> Math.atan2(c.y - 34, c.x - 113)));
              cs.add(cs.get(0).copy());
              return F.createPolygon(cs.toArray(new Coordinate[0]));
            });
  }

  private static Polygon ring(double... xy) {
    Coordinate[] cs = new Coordinate[xy.length / 2 + 1];
    for (int i = 0; i < xy.length / 2; i++) {
      cs[i] = new Coordinate(xy[2 * i], xy[2 * i + 1]);
    }
    cs[cs.length - 1] = cs[0].copy();
    return F.createPolygon(cs);
  }
}
