package org.gridgov.geo.internal.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
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

/**
 * {@link SimpleShell}'s edge index against the pairwise sweep it replaced ({@link PairwiseShell},
 * the reference) and JTS {@code IsValidOp}, on simple rings (star-shaped, zigzag strips) and on
 * rings that are not (random orders, strips pinched or crossed, lattice rings full of collinear and
 * touching edges).
 */
class SimpleShellIndexTest {
  private static final GeometryFactory F = new GeometryFactory();

  /**
   * A north–south corridor 1° long: its west side zigzags north, its east side zigzags back south.
   * Every edge's x range overlaps every other's on the same side, which made the pairwise sweep
   * quadratic.
   */
  static Polygon zigzagStrip(int vertices, double amplitude, double width) {
    int half = vertices / 2;
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

  @Test
  void provesALongZigzagStripValidWithoutComparingEveryPair() {
    // 200,000 vertices: the pairwise sweep compared 10^10 pairs of x ranges (minutes).
    Polygon strip = zigzagStrip(200_000, 0.0002, 0.0005);
    assertTimeoutPreemptively(
        Duration.ofSeconds(30), () -> assertThat(SimpleShell.isValid(strip)).isTrue());
    long work = SimpleShell.searchWork(strip);
    assertThat(work).isPositive().isLessThan(50L * 200_000);
    // linear in practice: ten times the vertices, about ten times the work
    assertThat(SimpleShell.searchWork(zigzagStrip(20_000, 0.0002, 0.0005)))
        .isGreaterThan(work / 20);
  }

  @Test
  void findsTheOneCrossingInALongStrip() {
    Polygon strip = zigzagStrip(200_000, 0.0002, 0.0005);
    Coordinate[] cs = strip.getExteriorRing().getCoordinates();
    cs[77_777] =
        new Coordinate(113.0009, cs[77_777].y); // a west vertex pulled across the east side
    Polygon crossed = F.createPolygon(cs);
    assertTimeoutPreemptively(
        Duration.ofSeconds(30), () -> assertThat(SimpleShell.isValid(crossed)).isFalse());
    Coordinate[] touching = strip.getExteriorRing().getCoordinates();
    // a west vertex moved onto an east vertex: the ring touches itself in one point
    touching[123_457] = touching[touching.length - 2 - 123_457].copy();
    assertThat(SimpleShell.isValid(F.createPolygon(touching))).isFalse();
    assertThat(new IsValidOp(F.createPolygon(touching)).isValid()).isFalse();
  }

  @Property(tries = 400)
  void agreesWithThePairwiseSweepAndWithJts(@ForAll("rings") Polygon p) {
    boolean indexed = SimpleShell.isValid(p);
    assertThat(indexed).as(p.toText()).isEqualTo(PairwiseShell.isValid(p));
    assertThat(indexed).as(p.toText()).isEqualTo(new IsValidOp(p).isValid());
  }

  @Property(tries = 100)
  void provesZigzagStripsValid(@ForAll("strips") Polygon p) {
    assertThat(new IsValidOp(p).isValid()).as(p.toText()).isTrue();
    assertThat(SimpleShell.isValid(p)).as(p.toText()).isTrue();
    assertThat(PairwiseShell.isValid(p)).isTrue();
  }

  Gen<Polygon> rings() {
    return Gens.oneOf(strips(), pinchedStrips(), starRings(), shuffledRings(), latticeRings());
  }

  Gen<Polygon> strips() {
    return src -> {
      int vertices = 2 * src.ints(2, 400);
      double amplitude = src.ints(0, 5) * 0.0001;
      return zigzagStrip(vertices, amplitude, amplitude + src.ints(1, 5) * 0.0001);
    };
  }

  /** Strips with one vertex moved onto, or across, another: pinched or crossed, rarely simple. */
  Gen<Polygon> pinchedStrips() {
    return src -> {
      Polygon strip = strips().generate(src);
      Coordinate[] cs = strip.getExteriorRing().getCoordinates();
      int n = cs.length - 1;
      int i = src.ints(1, n - 1);
      int j = src.ints(0, n - 1);
      cs[i] =
          src.booleans()
              ? cs[j].copy()
              : new Coordinate(
                  cs[j].x + (src.ints(-2, 2)) * 0.0001, cs[j].y + src.ints(-1, 1) * 1e-3);
      return F.createPolygon(cs);
    };
  }

  Gen<Polygon> starRings() {
    return src -> {
      int n = src.ints(3, 60);
      double[] radii = new double[n];
      for (int i = 0; i < n; i++) {
        radii[i] = 0.1 + src.ints(0, 1000) / 100.0;
      }
      Coordinate[] cs = new Coordinate[n + 1];
      for (int i = 0; i < n; i++) {
        double angle = 2 * Math.PI * i / n;
        cs[i] = new Coordinate(113 + radii[i] * Math.cos(angle), 34 + radii[i] * Math.sin(angle));
      }
      cs[n] = cs[0].copy();
      return F.createPolygon(cs);
    };
  }

  /** Random positions in random order: mostly self-intersecting. */
  Gen<Polygon> shuffledRings() {
    return src -> {
      int n = src.ints(3, 40);
      double[] xy = new double[2 * n];
      for (int i = 0; i < 2 * n; i++) {
        xy[i] = src.ints(0, 10_000) / 100.0;
      }
      return ring(xy);
    };
  }

  /** Random rings on a small lattice: many collinear, overlapping and touching edges. */
  Gen<Polygon> latticeRings() {
    return src -> {
      int n = src.ints(3, 12);
      double[] xy = new double[2 * n];
      for (int i = 0; i < 2 * n; i++) {
        xy[i] = src.ints(0, 4);
      }
      return ring(xy);
    };
  }

  private static Polygon ring(double... xy) {
    List<Coordinate> cs = new ArrayList<>();
    for (int i = 0; i < xy.length / 2; i++) {
      cs.add(new Coordinate(xy[2 * i], xy[2 * i + 1]));
    }
    cs.add(cs.get(0).copy());
    return F.createPolygon(cs.toArray(new Coordinate[0]));
  }
}
