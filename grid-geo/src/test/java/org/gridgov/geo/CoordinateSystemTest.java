package org.gridgov.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.gridgov.core.GeoPoint;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Gens;
import org.gridgov.testkit.Property;
import org.junit.jupiter.api.Test;

/** Conversions between WGS-84, GCJ-02 and BD-09. */
class CoordinateSystemTest {
  /** 1e-7 degrees: about 1 cm. */
  private static final double CM = 1e-7;

  @Test
  void forwardConversionsMatchPublishedReferenceValues() {
    // Published outputs of the public formulas (wandergis/coordtransform and
    // googollee/eviltransform test suites).
    GeoPoint gcj = CoordinateSystem.WGS84.convert(116.404, 39.915, CoordinateSystem.GCJ02);
    assertThat(gcj.lon()).isCloseTo(116.41024449916938, offset(1e-9));
    assertThat(gcj.lat()).isCloseTo(39.91640428150164, offset(1e-9));
    GeoPoint bd = CoordinateSystem.GCJ02.convert(116.404, 39.915, CoordinateSystem.BD09);
    assertThat(bd.lon()).isCloseTo(116.41036949371029, offset(1e-9));
    assertThat(bd.lat()).isCloseTo(39.92133699351021, offset(1e-9));
    double[][] wgsToGcj = {
      {121.5272106, 31.1774276, 121.531541859215, 31.17530398364597}, // Shanghai
      {113.912316, 22.543847, 113.9171764808363, 22.540796131694766}, // Shenzhen
      {116.377817, 39.911954, 116.38404722455657, 39.91334545536069}, // Beijing
    };
    for (double[] r : wgsToGcj) {
      GeoPoint g = CoordinateSystem.GCJ02.fromWgs84(r[0], r[1]);
      assertThat(g.lon()).isCloseTo(r[2], offset(1e-9));
      assertThat(g.lat()).isCloseTo(r[3], offset(1e-9));
      // The inverse recovers the WGS-84 input to far better than a centimetre.
      GeoPoint w = CoordinateSystem.GCJ02.toWgs84(r[2], r[3]);
      assertThat(w.lon()).isCloseTo(r[0], offset(CM / 10));
      assertThat(w.lat()).isCloseTo(r[1], offset(CM / 10));
    }
  }

  @Test
  void theInverseOfBd09IsTheFixedPointOfTheForwardFormula() {
    // The public closed-form inverse is approximate; ours round-trips within 1e-9 degrees.
    GeoPoint gcj = CoordinateSystem.BD09.convert(116.404, 39.915, CoordinateSystem.GCJ02);
    assertThat(gcj.lon()).isCloseTo(116.39762729119315, offset(2e-6));
    assertThat(gcj.lat()).isCloseTo(39.90865673957631, offset(2e-6));
    GeoPoint back = CoordinateSystem.GCJ02.convert(gcj.lon(), gcj.lat(), CoordinateSystem.BD09);
    assertThat(back.lon()).isCloseTo(116.404, offset(1e-9));
    assertThat(back.lat()).isCloseTo(39.915, offset(1e-9));
  }

  Gen<double[]> chinaPoints() {
    return Gens.combine(
        Gens.doubles(73.0, 135.0), Gens.doubles(18.0, 53.5), (lon, lat) -> new double[] {lon, lat});
  }

  @Property(tries = 500)
  void roundTripsThroughEverySystemStayWithinACentimetre(@ForAll("chinaPoints") double[] p) {
    for (CoordinateSystem a : CoordinateSystem.values()) {
      for (CoordinateSystem b : CoordinateSystem.values()) {
        GeoPoint there = a.convert(p[0], p[1], b);
        GeoPoint back = b.convert(there.lon(), there.lat(), a);
        assertThat(back.lon()).as("%s -> %s -> %s", a, b, a).isCloseTo(p[0], offset(CM));
        assertThat(back.lat()).as("%s -> %s -> %s", a, b, a).isCloseTo(p[1], offset(CM));
      }
    }
    // The offsets are real: hundreds of metres, not zero.
    GeoPoint g = CoordinateSystem.WGS84.convert(p[0], p[1], CoordinateSystem.GCJ02);
    assertThat(Math.abs(g.lon() - p[0]) + Math.abs(g.lat() - p[1])).isGreaterThan(1e-4);
  }

  Gen<double[]> pointsOutsideChina() {
    return Gens.oneOf(
        Gens.combine(Gens.doubles(-180, 70), Gens.doubles(-90, 90), (a, b) -> new double[] {a, b}),
        Gens.combine(Gens.doubles(140, 180), Gens.doubles(-90, 90), (a, b) -> new double[] {a, b}),
        Gens.combine(
            Gens.doubles(-180, 180), Gens.doubles(56.5, 90), (a, b) -> new double[] {a, b}));
  }

  @Property(tries = 300)
  void outsideChinaNothingMoves(@ForAll("pointsOutsideChina") double[] p) {
    for (CoordinateSystem a : CoordinateSystem.values()) {
      for (CoordinateSystem b : CoordinateSystem.values()) {
        assertThat(a.convert(p[0], p[1], b)).isEqualTo(GeoPoint.of(p[0], p[1]));
      }
    }
    assertThat(CoordinateSystem.isInChina(p[0], p[1])).isFalse();
  }

  @Test
  void namesParseAndBadInputIsRejected() {
    assertThat(CoordinateSystem.parse("wgs84")).isEqualTo(CoordinateSystem.WGS84);
    assertThat(CoordinateSystem.parse("GCJ-02")).isEqualTo(CoordinateSystem.GCJ02);
    assertThat(CoordinateSystem.parse(" bd09 ")).isEqualTo(CoordinateSystem.BD09);
    assertThatThrownBy(() -> CoordinateSystem.parse("utm"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("utm");
    assertThatThrownBy(() -> CoordinateSystem.WGS84.convert(Double.NaN, 30, CoordinateSystem.GCJ02))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CoordinateSystem.GCJ02.toWgs84(120, 91))
        .isInstanceOf(IllegalArgumentException.class);
    double[] out = new double[2];
    CoordinateSystem.WGS84.convert(113.65, 34.75, CoordinateSystem.WGS84, out);
    assertThat(out).containsExactly(113.65, 34.75);
  }
}
