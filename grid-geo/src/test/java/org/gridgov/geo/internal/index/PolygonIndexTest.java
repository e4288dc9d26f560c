package org.gridgov.geo.internal.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Gens;
import org.gridgov.testkit.Property;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * The index against JTS {@code covers} on adversarial inputs: polygons on a coarse binary lattice
 * (so vertices and edges fall exactly on cell sides, cell corners and the rows' reference lines),
 * self-intersecting rings, overlapping stacks that need wide records, and forced cell grids.
 */
class PolygonIndexTest {
  private static final GeometryFactory FACTORY = new GeometryFactory();

  /** A set of polygons (each a list of rings as x/y arrays) and a forced grid (0: automatic). */
  record Scenario(List<double[][]> polygons, int cells, double origin) {
    @Override
    public String toString() {
      StringBuilder b = new StringBuilder("cells " + cells + ", origin " + origin + ":");
      for (double[][] p : polygons) {
        b.append(' ').append(java.util.Arrays.deepToString(p));
      }
      return b.toString();
    }
  }

  /** Closed rings with 3 to 7 vertices on a lattice of quarter units, in any order. */
  static Gen<double[]> lattiseRing() {
    return Gens.lists(Gens.integers(0, 32), 6, 14)
        .map(
            v -> {
              int n = v.size() / 2;
              double[] xy = new double[2 * n + 2];
              for (int i = 0; i < n; i++) {
                xy[2 * i] = v.get(2 * i) / 4.0;
                xy[2 * i + 1] = v.get(2 * i + 1) / 4.0;
              }
              xy[2 * n] = xy[0];
              xy[2 * n + 1] = xy[1];
              return xy;
            });
  }

  static Gen<double[]> rectangle() {
    return Gens.lists(Gens.integers(0, 32), 4, 4)
        .map(
            v -> {
              double x0 = Math.min(v.get(0), v.get(2)) / 4.0;
              double x1 = Math.max(v.get(0), v.get(2)) / 4.0 + 0.25;
              double y0 = Math.min(v.get(1), v.get(3)) / 4.0;
              double y1 = Math.max(v.get(1), v.get(3)) / 4.0 + 0.25;
              return new double[] {x0, y0, x1, y0, x1, y1, x0, y1, x0, y0};
            });
  }

  Gen<Scenario> scenarios() {
    Gen<double[][]> polygon =
        Gens.frequency(
            Gens.weighted(3, rectangle().map(r -> new double[][] {r})),
            Gens.weighted(3, lattiseRing().map(r -> new double[][] {r})),
            Gens.weighted(1, Gens.lists(lattiseRing(), 2, 3).map(l -> l.toArray(new double[0][]))));
    return Gens.combine(
        Gens.lists(polygon, 1, 8),
        Gens.elements(0, 1, 2, 3, 4, 8, 16, 32),
        Gens.elements(0.0, 113.5, -70.25),
        Scenario::new);
  }

  @Property(tries = 150)
  void firstAndAllAgreeWithJtsCoversOnLatticeInputs(@ForAll("scenarios") Scenario s) {
    check(s, 4, 300);
  }

  @Test
  void crowdedCellsNeedingWideRecordsAgreeWithJtsCovers() {
    // 90 overlapping rectangles through one cell: more candidates than one 64-bit word.
    Random rnd = new Random(1);
    List<double[][]> polys = new ArrayList<>();
    for (int i = 0; i < 90; i++) {
      double x0 = rnd.nextInt(16) / 4.0;
      double y0 = rnd.nextInt(16) / 4.0;
      double x1 = 4 + rnd.nextInt(16) / 4.0;
      double y1 = 4 + rnd.nextInt(16) / 4.0;
      polys.add(new double[][] {{x0, y0, x1, y0, x1, y1, x0, y1, x0, y0}});
    }
    for (int cells : new int[] {1, 2, 0}) {
      check(new Scenario(polys, cells, 0), 8, 2_000);
    }
  }

  @Test
  void arbitraryCoordinatesAgreeWithJtsCovers() {
    // Random star polygons with full-precision coordinates, some self-intersecting.
    Random rnd = new Random(2);
    for (int round = 0; round < 20; round++) {
      List<double[][]> polys = new ArrayList<>();
      for (int p = 0; p < 12; p++) {
        int n = 3 + rnd.nextInt(12);
        double cx = 113 + rnd.nextDouble();
        double cy = 34 + rnd.nextDouble();
        double[] xy = new double[2 * n + 2];
        for (int i = 0; i < n; i++) {
          double a = round % 2 == 0 ? 2 * Math.PI * i / n : rnd.nextDouble() * 2 * Math.PI;
          double r = 0.05 + rnd.nextDouble() * 0.4;
          xy[2 * i] = cx + r * Math.cos(a);
          xy[2 * i + 1] = cy + r * Math.sin(a);
        }
        xy[2 * n] = xy[0];
        xy[2 * n + 1] = xy[1];
        polys.add(new double[][] {xy});
      }
      check(new Scenario(polys, 0, 0), 0, 3_000);
    }
  }

  /**
   * Builds the index in both modes and compares it with JTS at lattice points ({@code 1/steps}
   * units, 0 to skip), at every vertex and edge midpoint, and at random points.
   */
  private static void check(Scenario s, int steps, int randomPoints) {
    int n = s.polygons().size();
    // Far-apart keys make compact records store full keys instead of 16-bit differences.
    int keyStep = s.origin() == 0 ? 1 : 40_000;
    double[][][] rings = new double[n][][];
    int[] keys = new int[n];
    PreparedGeometry[] oracle = new PreparedGeometry[n];
    IndexedPointInAreaLocator[] evenOdd = new IndexedPointInAreaLocator[n];
    double minX = Double.POSITIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    List<double[]> probes = new ArrayList<>();
    for (int p = 0; p < n; p++) {
      double[][] src = s.polygons().get(p);
      // (rings are copied, moved by the origin, and probed at vertices and edge midpoints)
      rings[p] = new double[src.length][];
      for (int r = 0; r < src.length; r++) {
        rings[p][r] = src[r].clone();
        for (int i = 0; i < rings[p][r].length; i += 2) {
          rings[p][r][i] += s.origin();
          minX = Math.min(minX, rings[p][r][i]);
          maxX = Math.max(maxX, rings[p][r][i]);
          minY = Math.min(minY, rings[p][r][i + 1]);
          maxY = Math.max(maxY, rings[p][r][i + 1]);
          probes.add(new double[] {rings[p][r][i], rings[p][r][i + 1]});
          if (i + 3 < rings[p][r].length) {
            probes.add(
                new double[] {
                  (rings[p][r][i] + rings[p][r][i + 2]) / 2,
                  (rings[p][r][i + 1] + rings[p][r][i + 3]) / 2
                });
          }
        }
      }
      keys[p] = p * keyStep;
      Polygon poly = polygon(rings[p]);
      oracle[p] = PreparedGeometryFactory.prepare(poly);
      evenOdd[p] = new IndexedPointInAreaLocator(poly);
    }
    if (steps > 0) {
      for (double x = Math.floor(minX) - 1; x <= maxX + 1; x += 1.0 / steps) {
        for (double y = Math.floor(minY) - 1; y <= maxY + 1; y += 1.0 / steps) {
          probes.add(new double[] {x, y});
        }
      }
    }
    Random rnd = new Random(n * 31L + s.cells());
    for (int i = 0; i < randomPoints; i++) {
      probes.add(
          new double[] {
            minX - 0.1 + rnd.nextDouble() * (maxX - minX + 0.2),
            minY - 0.1 + rnd.nextDouble() * (maxY - minY + 0.2)
          });
    }
    int cells = s.cells();
    PolygonIndex first =
        new PolygonIndexBuilder(rings, keys, PolygonIndex.Mode.FIRST, null, 0.9, cells, cells)
            .build();
    PolygonIndex all =
        new PolygonIndexBuilder(rings, keys, PolygonIndex.Mode.ALL, null, 0.9, cells, cells)
            .build();
    // The serial form gives back the same bytes and an index answering as the original.
    byte[] firstBytes = first.toBytes();
    PolygonIndex firstCopy = PolygonIndex.fromBytes(firstBytes);
    PolygonIndex allCopy = PolygonIndex.fromBytes(all.toBytes());
    assertThat(firstCopy.toBytes()).isEqualTo(firstBytes);
    assertThat(firstCopy.stats()).isEqualTo(first.stats());
    int[] out = new int[n + 1];
    int[] outCopy = new int[n + 1];
    double[] xs = new double[probes.size()];
    double[] ys = new double[probes.size()];
    for (int k = 0; k < probes.size(); k++) {
      double[] q = probes.get(k);
      xs[k] = q[0];
      ys[k] = q[1];
      Point pt = FACTORY.createPoint(new Coordinate(q[0], q[1]));
      List<Integer> covering = new ArrayList<>();
      for (int p = 0; p < n; p++) {
        // The even-odd rule over all rings, boundary included: what PreparedGeometry.covers answers
        // except for two shortcuts that only invalid polygons notice (docs/lookup.md): outside the
        // envelope of the outer rings it says "no" (a hole sticking out of its shell), and a
        // five-point axis-parallel ring counts as a rectangle (a ring of spikes).
        boolean covers = evenOdd[p].locate(pt.getCoordinate()) != Location.EXTERIOR;
        Polygon geometry = (Polygon) oracle[p].getGeometry();
        boolean fakeRectangle =
            geometry.isRectangle()
                && geometry.getArea() != geometry.getEnvelopeInternal().getArea();
        if (!fakeRectangle && geometry.getEnvelopeInternal().covers(q[0], q[1])) {
          assertThat(oracle[p].covers(pt)).as("JTS covers at %s %s", q[0], q[1]).isEqualTo(covers);
        }
        if (covers) {
          covering.add(p);
        }
      }
      int expectedFirst = covering.isEmpty() ? -1 : covering.get(0) * keyStep;
      assertThat(first.first(q[0], q[1]))
          .as("first at %s %s in %s", q[0], q[1], s)
          .isEqualTo(expectedFirst);
      int count = all.all(q[0], q[1], out);
      List<Integer> got = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        got.add(out[i] / keyStep);
      }
      assertThat(got).as("all at %s %s", q[0], q[1]).isEqualTo(covering);
      assertThat(firstCopy.first(q[0], q[1])).isEqualTo(expectedFirst);
      assertThat(allCopy.all(q[0], q[1], outCopy)).isEqualTo(count);
      assertThat(outCopy).isEqualTo(out);
    }
    int[] batch = new int[xs.length];
    first.firstAll(xs, ys, batch, 0, xs.length);
    for (int k = 0; k < xs.length; k++) {
      assertThat(batch[k]).isEqualTo(first.first(xs[k], ys[k]));
    }
  }

  @Test
  void bytesThatAreNotAnIndexAreRefusedSayingWhy() {
    double[][][] rings = {{{0, 0, 1, 0, 1, 1, 0, 1, 0, 0}}, {{1, 0, 2, 0, 2, 1, 1, 1, 1, 0}}};
    PolygonIndex index = PolygonIndex.build(rings, new int[] {0, 1}, PolygonIndex.Mode.FIRST, null);
    byte[] bytes = index.toBytes();
    PolygonIndex copy = PolygonIndex.fromBytes(bytes);
    assertThat(copy.first(0.5, 0.5)).isZero();
    assertThat(copy.first(1.5, 0.5)).isEqualTo(1);
    assertThat(copy.first(1, 0.5)).isZero(); // the shared edge: the first polygon
    assertThat(copy.keyCount()).isEqualTo(2);

    assertThatThrownBy(() -> PolygonIndex.fromBytes(java.util.Arrays.copyOf(bytes, 20)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least");
    assertThatThrownBy(
            () -> PolygonIndex.fromBytes(java.util.Arrays.copyOf(bytes, bytes.length - 4)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bytes, found");
    byte[] badMagic = bytes.clone();
    badMagic[0] ^= 1;
    assertThatThrownBy(() -> PolygonIndex.fromBytes(badMagic))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("layout version");
    byte[] badCells = bytes.clone();
    badCells[8] = 0; // nx = 0 (little-endian int at offset 8)
    badCells[9] = 0;
    badCells[10] = 0;
    badCells[11] = 0;
    assertThatThrownBy(() -> PolygonIndex.fromBytes(badCells))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cells");
  }

  private static Polygon polygon(double[][] rings) {
    // Several rings go in as one shell with holes: JTS's point locator counts crossings over all
    // rings, as the index does, whichever ring is the shell.
    org.locationtech.jts.geom.LinearRing[] lr =
        new org.locationtech.jts.geom.LinearRing[rings.length];
    for (int r = 0; r < rings.length; r++) {
      Coordinate[] cs = new Coordinate[rings[r].length / 2];
      for (int i = 0; i < cs.length; i++) {
        cs[i] = new Coordinate(rings[r][2 * i], rings[r][2 * i + 1]);
      }
      lr[r] = FACTORY.createLinearRing(cs);
    }
    return FACTORY.createPolygon(lr[0], java.util.Arrays.copyOfRange(lr, 1, lr.length));
  }

  @Test
  void nearestFindsTheClosestTargetBoundary() {
    double[][][] rings = {
      {{0, 0, 1, 0, 1, 1, 0, 1, 0, 0}},
      {{2, 0, 3, 0, 3, 1, 2, 1, 2, 0}},
      {{0, 0, 3, 0, 3, 3, 0, 3, 0, 0}},
    };
    double[][][] shifted = new double[3][1][];
    for (int p = 0; p < 3; p++) {
      shifted[p][0] = rings[p][0].clone();
      for (int i = 0; i < shifted[p][0].length; i += 2) {
        shifted[p][0][i] = 113 + shifted[p][0][i] * 0.001;
        shifted[p][0][i + 1] = 34 + shifted[p][0][i + 1] * 0.001;
      }
    }
    PolygonIndex index =
        PolygonIndex.build(
            shifted,
            new int[] {10, 11, 12},
            PolygonIndex.Mode.FIRST,
            new boolean[] {true, true, false});
    double kx = 111_320 * Math.cos(Math.toRadians(34.0005));
    PolygonIndex.Nearest near = index.nearest(113.0014, 34.0005, 1_000);
    assertThat(near.key()).isEqualTo(10);
    assertThat(near.metres()).isCloseTo(0.0004 * kx, org.assertj.core.data.Offset.offset(0.01));
    assertThat(index.nearest(113.0016, 34.0005, 1_000).key()).isEqualTo(11);
    // Equidistant: the polygon given first wins.
    assertThat(index.nearest(113.0015, 34.0005, 1_000).key()).isEqualTo(10);
    assertThat(index.nearest(113.0015, 34.0005, 10)).isNull();
    // Polygon 12 is not a target, however near its boundary is.
    assertThat(index.nearest(113.0015, 34.0029, 100)).isNull();
  }

  /**
   * An edge and a point in a cell's quantised frame: exact vertices near integers (so quantising
   * them moves each by up to half a quantum), the point anywhere in the cell, on the edge, or a
   * hair off it, and the reference point D anywhere on the cell's right side.
   */
  record Quantised(double ax, double ay, double bx, double by, double px, double py, double yd) {}

  Gen<Quantised> quantised() {
    Gen<Double> coordinate =
        Gens.frequency(
            Gens.weighted(3, Gens.doubles(-6000, 10000)),
            Gens.weighted(2, Gens.doubles(-2, 4098)),
            Gens.weighted(
                2,
                Gens.combine(Gens.integers(-8, 4104), Gens.doubles(-0.6, 0.6), (i, f) -> i + f)));
    Gen<double[]> edge =
        Gens.lists(coordinate, 4, 4)
            .map(l -> new double[] {l.get(0), l.get(1), l.get(2), l.get(3)});
    return Gens.combine(
        edge,
        Gens.doubles(0, 1),
        Gens.combine(
            Gens.frequency(
                Gens.weighted(2, Gens.elements(0.0, 1e-9, -1e-9, 0.3, -0.3, 4.0)),
                // a few quanta off the edge: where the quantisation error bound decides
                Gens.weighted(3, Gens.doubles(-3, 3))),
            Gens.frequency(
                Gens.weighted(2, Gens.doubles(0, 4096)),
                Gens.weighted(1, Gens.elements(0.0, 2048.0, 4096.0))),
            (off, yd) -> new double[] {off, yd}),
        (e, s, oy) -> {
          // The point: on the edge at s, moved by an offset (0: exactly on it, up to rounding).
          double px = e[0] + s * (e[2] - e[0]) + oy[0];
          double py = e[1] + s * (e[3] - e[1]) - oy[0];
          if (oy[0] == 4.0) { // anywhere in the cell instead
            px = s * 4096;
            py = oy[1];
          }
          return new Quantised(e[0], e[1], e[2], e[3], px, py, oy[1]);
        });
  }

  @Property(tries = 20_000)
  void quantisedEdgeTestIsExactWheneverItSaysItIsSure(@ForAll("quantised") Quantised q) {
    double xr = PolygonIndex.QUANTA;
    long e =
        PolygonIndex.edgeQ(
            q.px(),
            q.py(),
            xr,
            q.yd(),
            Math.rint(q.ax()),
            Math.rint(q.ay()),
            Math.rint(q.bx()),
            Math.rint(q.by()));
    if ((e & 2) == 0) {
      int exact = PolygonIndex.edge(q.px(), q.py(), xr, q.yd(), q.ax(), q.ay(), q.bx(), q.by());
      assertThat(exact).as("a sure answer is never given for a point on the edge").isLessThan(2);
      assertThat(e & 1).isEqualTo((long) exact);
    }
  }

  @Test
  void quantisedEdgeTestIsSureAwayFromTheEdge() {
    // An edge across the cell, the point well left of it: a crossing of the horizontal leg.
    assertThat(PolygonIndex.edgeQ(1000, 1000, 4096, 2048, 2000, 0, 2000, 4096)).isEqualTo(1);
    // The same point right of it: no crossing.
    assertThat(PolygonIndex.edgeQ(3000, 1000, 4096, 2048, 2000, 0, 2000, 4096)).isEqualTo(0);
    // A point on the edge: not sure.
    assertThat(PolygonIndex.edgeQ(2000, 1000, 4096, 2048, 2000, 0, 2000, 4096) & 2).isEqualTo(2);
    // An edge across the right side between p.y and D's y: a crossing of the vertical leg.
    assertThat(PolygonIndex.edgeQ(100, 1000, 4096, 2048, 3000, 1500, 5000, 1500)).isEqualTo(1);
  }

  @Test
  void segmentBoxTestIsExactAtCornersAndSides() {
    // Through the box without an end inside it.
    assertThat(PolygonIndexBuilder.touches(-1, 0.5, 2, 0.5, 0, 0, 1, 1)).isTrue();
    // Through a corner exactly, and just beside it (the bounding boxes overlap in both cases).
    assertThat(PolygonIndexBuilder.touches(0, 2, 2, 0, 0, 0, 1, 1)).isTrue();
    assertThat(PolygonIndexBuilder.touches(0.5, 1.5, 1.5, 0.5, 0, 0, 1, 1)).isTrue();
    assertThat(PolygonIndexBuilder.touches(0.5, 1.5 + 1e-15, 1.5 + 1e-15, 0.5, 0, 0, 1, 1))
        .isFalse();
    assertThat(PolygonIndexBuilder.touches(0, 2.001, 2.001, 0, 0, 0, 1, 1)).isFalse();
    // Wholly inside; on a side; a point (degenerate segment) outside.
    assertThat(PolygonIndexBuilder.touches(0.2, 0.2, 0.3, 0.4, 0, 0, 1, 1)).isTrue();
    assertThat(PolygonIndexBuilder.touches(1, -5, 1, 5, 0, 0, 1, 1)).isTrue();
    assertThat(PolygonIndexBuilder.touches(3, 3, 3, 3, 0, 0, 1, 1)).isFalse();
  }

  /**
   * C2 inlines a hot method only up to 325 bytes of bytecode (FreqInlineSize); as a real call per
   * edge the quantised test made lookups about 5 % slower. This keeps an edit from pushing it over.
   */
  @Test
  void theQuantisedEdgeTestStaysSmallEnoughForC2ToInline() throws Exception {
    java.util.spi.ToolProvider javap =
        java.util.spi.ToolProvider.findFirst("javap")
            .orElseThrow(() -> new AssertionError("the tests need a JDK (javap)"));
    java.nio.file.Path classes =
        java.nio.file.Path.of(
            PolygonIndex.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    java.io.StringWriter out = new java.io.StringWriter();
    int rc =
        javap.run(
            new java.io.PrintWriter(out),
            new java.io.PrintWriter(new java.io.StringWriter()),
            "-c",
            "-p",
            "-cp",
            classes.toString(),
            PolygonIndex.class.getName());
    assertThat(rc).isZero();
    String text = out.toString();
    int start = text.indexOf("static long edgeQ(");
    assertThat(start).isNotNegative();
    int end = text.indexOf("lreturn", start); // its only return, the last instruction
    String last = text.substring(text.lastIndexOf('\n', end) + 1, end).trim();
    int size = Integer.parseInt(last.substring(0, last.indexOf(':'))) + 1;
    assertThat(size).as("bytes of bytecode in PolygonIndex.edgeQ").isBetween(100, 325);
  }
}
