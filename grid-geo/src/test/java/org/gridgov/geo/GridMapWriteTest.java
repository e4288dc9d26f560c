package org.gridgov.geo;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.geo.GeoJsonText.box;
import static org.gridgov.geo.GeoJsonText.collection;
import static org.gridgov.geo.GeoJsonText.feature;
import static org.gridgov.geo.GeoJsonText.featureWith;
import static org.gridgov.geo.GeoJsonText.rect;
import static org.gridgov.geo.GeoJsonText.ring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.gridgov.core.GeoPoint;
import org.gridgov.core.Grid;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.GridId;
import org.gridgov.core.GridLevel;
import org.gridgov.core.cases.Case;
import org.gridgov.core.cases.CaseAction;
import org.gridgov.core.cases.CaseId;
import org.gridgov.core.cases.SourceChannel;
import org.gridgov.core.risk.RiskColour;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Gens;
import org.gridgov.testkit.Property;
import org.gridgov.testkit.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

class GridMapWriteTest {
  private static final GridMapOptions TRUSTED =
      GridMapOptions.defaults().withMode(GridMapOptions.Mode.TRUSTED);

  @TempDir Path dir;

  @Test
  void readWriteReadGivesAnEqualMap() {
    String donut =
        "{\"type\":\"Polygon\",\"coordinates\":["
            + ring(0, 0, 2, 2, true)
            + ","
            + ring(0.5, 0.5, 1, 1, false)
            + "]}";
    String two =
        "{\"type\":\"MultiPolygon\",\"coordinates\":[["
            + ring(0.5, 0.5, 1, 1, false)
            + "],["
            + ring(3, 0, 4, 1, false)
            + "]]}";
    String json =
        "{\"type\":\"FeatureCollection\",\"coordinateSystem\":\"gcj02\",\"features\":["
            + String.join(
                ",",
                featureWith(
                    "S1",
                    "\"level\":\"street\",\"name\":\"花园路街道\",\"households\":12000,\"population\":36000,"
                        + "\"validFrom\":\"2024-01-01\",\"validTo\":\"2030-12-31\",\"code\":\"410105001\",\"ratio\":0.25",
                    donut),
                feature("C1", "community", "S1", two),
                featureWith(
                    "E1",
                    "\"level\":\"community\",\"kind\":\"exclusive\",\"owner\":\"S1\",\"coverage\":[\"C1\"],\"name\":\"二七商圈 \\\"Erqi\\\"\"",
                    rect(1.5, 1.5, 2.5, 2.5)))
            + "]}";
    GridMap first = GeoJsonText.read(json, TRUSTED);

    GridMap second = roundTrip(first);

    assertEqual(second, first);
    assertThat(second.coordinateSystem()).isEqualTo(CoordinateSystem.GCJ02);
    assertThat(second.grid(GridId.of("E1")).orElseThrow().name()).isEqualTo("二七商圈 \"Erqi\"");
    assertThat(second.grid(GridId.of("S1")).orElseThrow().attributes())
        .isEqualTo(Map.of("code", "410105001", "ratio", "0.25"));
  }

  @Test
  void writesRingsWoundAsRfc7946WhateverTheInputWinding() {
    Polygon clockwiseShell = box(0, 0, 1, 1).reverse();
    assertThat(Orientation.isCCW(clockwiseShell.getExteriorRing().getCoordinateSequence()))
        .isFalse();
    GridMap map = GridMaps.of(hierarchy("S1"), Map.of(GridId.of("S1"), clockwiseShell), TRUSTED);

    String json = write(map);

    // The first edge of a counter-clockwise square from its lower-left corner runs east.
    assertThat(json)
        .contains("[[[113.6,34.7],[113.61,34.7],[113.61,34.71],[113.6,34.71],[113.6,34.7]]]");
    assertThat(json).doesNotContain("coordinateSystem"); // WGS-84 is the RFC 7946 default
  }

  @Test
  void roundsCoordinatesToTheRequestedDecimalsKeepingSharedBordersShared() {
    // Two grids sharing a border whose vertices have 17 significant digits.
    double x = 113.61234567890123;
    String json =
        collection(
            featureWith(
                "S1",
                "\"level\":\"street\"",
                "{\"type\":\"Polygon\",\"coordinates\":[[[113.6,34.7],["
                    + x
                    + ",34.7],[113.62,34.7],[113.62,34.71],["
                    + x
                    + ",34.71],[113.6,34.71],[113.6,34.7]]]}"),
            featureWith(
                "C1",
                "\"level\":\"community\",\"parent\":\"S1\"",
                "{\"type\":\"Polygon\",\"coordinates\":[[[113.6,34.7],["
                    + x
                    + ",34.7],["
                    + x
                    + ",34.71],[113.6,34.71],[113.6,34.7]]]}"),
            featureWith(
                "C2",
                "\"level\":\"community\",\"parent\":\"S1\"",
                "{\"type\":\"Polygon\",\"coordinates\":[[["
                    + x
                    + ",34.7],[113.62,34.7],[113.62,34.71],["
                    + x
                    + ",34.71],["
                    + x
                    + ",34.7]]]}"));
    GridMap exact =
        GeoJsonText.read(
            json, GridMapOptions.defaults().withTolerances(CoverageTolerances.exact()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    GridMaps.writeGeoJson(exact, out, 4);

    String written = out.toString(UTF_8);
    assertThat(written).contains("113.6123,34.7").doesNotContain("113.61234");
    GridMap rounded = read(written);
    assertThat(CoverageValidator.of(CoverageTolerances.exact()).validate(rounded)).isEmpty();
    assertThatThrownBy(() -> GridMaps.writeGeoJson(exact, new ByteArrayOutputStream(), 16))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("decimals");
  }

  @Test
  void refusesAnAttributeThatWouldReadBackAsAField() {
    GridHierarchy h =
        GridHierarchy.builder()
            .add(Grid.territorial("S1", GridLevel.STREET).attributes(Map.of("parent", "x")).build())
            .build();
    GridMap map = GridMaps.of(h, Map.of(GridId.of("S1"), box(0, 0, 1, 1)), TRUSTED);

    assertThatThrownBy(() -> write(map))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("attribute named \"parent\"");
  }

  @Test
  void writesFilesAtomically() throws IOException {
    GridMap good = GeoJsonText.read(collection(feature("S1", "street", null, rect(0, 0, 1, 1))));
    Path target = dir.resolve("map.geojson");

    GridMaps.writeGeoJson(good, target);
    String written = Files.readString(target);
    GridHierarchy h =
        GridHierarchy.builder()
            .add(Grid.territorial("S1", GridLevel.STREET).attributes(Map.of("kind", "x")).build())
            .build();
    GridMap bad = GridMaps.of(h, Map.of(GridId.of("S1"), box(0, 0, 1, 1)), TRUSTED);

    assertThat(GridMaps.readGeoJson(target).hierarchy().grids())
        .isEqualTo(good.hierarchy().grids());
    assertThatThrownBy(() -> GridMaps.writeGeoJson(bad, target))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Files.readString(target)).isEqualTo(written);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(target);
    }
    assertThatThrownBy(() -> GridMaps.writeGeoJson(good, dir.resolve("no/such/dir/map.geojson")))
        .isInstanceOf(UncheckedIOException.class);
  }

  @Test
  void writesLocatedCasesAsPointFeatures() throws IOException {
    GridMap map =
        GeoJsonText.read(
            collection(
                feature("S1", "street", null, rect(0, 0, 2, 2)),
                feature("C1", "community", "S1", rect(0, 0, 2, 2))));
    Instant t = Instant.parse("2026-03-01T08:30:00Z");
    Case located =
        Case.report(CaseId.of("K-1"), "01001", SourceChannel.HOTLINE_12345, t)
            .location(GeoPoint.of(113.605, 34.705))
            .grid(GridId.of("C1"))
            .urgent(true)
            .risk(RiskColour.RED)
            .attributes(Map.of("worker", "w7"))
            .build()
            .apply(CaseAction.FILE, "clerk", t.plusSeconds(60), "");
    Case nowhere = Case.report(CaseId.of("K-2"), "02003", SourceChannel.PATROL, t).build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    GridMaps.writeCasesGeoJson(List.of(located, nowhere), map.hierarchy(), out);

    JsonNode doc = new ObjectMapper().readTree(out.toByteArray());
    assertThat(doc.get("type").asText()).isEqualTo("FeatureCollection");
    JsonNode first = doc.get("features").get(0);
    assertThat(first.get("id").asText()).isEqualTo("K-1");
    assertThat(first.at("/geometry/type").asText()).isEqualTo("Point");
    assertThat(first.at("/geometry/coordinates/0").asDouble()).isEqualTo(113.605);
    assertThat(first.at("/geometry/coordinates/1").asDouble()).isEqualTo(34.705);
    JsonNode p = first.get("properties");
    assertThat(p.get("item").asText()).isEqualTo("01001");
    assertThat(p.get("grid").asText()).isEqualTo("C1");
    assertThat(p.get("path").asText()).isEqualTo("S1/C1");
    assertThat(p.get("state").asText()).isEqualTo("FILED");
    assertThat(p.get("channel").asText()).isEqualTo("HOTLINE_12345");
    assertThat(p.get("reportedAt").asText()).isEqualTo("2026-03-01T08:30:00Z");
    assertThat(p.get("urgent").asBoolean()).isTrue();
    assertThat(p.get("risk").asText()).isEqualTo("RED");
    assertThat(p.at("/attributes/worker").asText()).isEqualTo("w7");
    JsonNode second = doc.get("features").get(1);
    assertThat(second.get("geometry").isNull()).isTrue();
    assertThat(second.get("properties").has("grid")).isFalse();
    assertThat(second.at("/properties/state").asText()).isEqualTo("REPORTED");
  }

  /** Write → read gives the same grids and geometries; a second write gives the same bytes. */
  @Property(tries = 150)
  void writeThenReadIsTheIdentity(@ForAll("maps") GridMap map) {
    String once = write(map);
    GridMap back = read(once);

    assertEqual(back, map);
    assertThat(write(back)).isEqualTo(once);
  }

  Gen<GridMap> maps() {
    return src -> {
      GridHierarchy.Builder h = GridHierarchy.builder();
      Map<GridId, Geometry> polygons = new LinkedHashMap<>();
      int streets = src.ints(1, 3);
      for (int s = 0; s < streets; s++) {
        double x0 = src.draw(Gens.doubles(-179, 170));
        double y0 = src.draw(Gens.doubles(-80, 80));
        double w = src.draw(Gens.doubles(1e-6, 5));
        double hgt = src.draw(Gens.doubles(1e-6, 5));
        grow(src, h, polygons, "s" + s, null, 2, new double[] {x0, y0, x0 + w, y0 + hgt});
      }
      CoordinateSystem crs = src.draw(Gens.enums(CoordinateSystem.class));
      return GridMaps.of(h.build(), polygons, TRUSTED.withCoordinateSystem(crs));
    };
  }

  private static final List<GridLevel> LEVELS =
      List.of(GridLevel.STREET, GridLevel.COMMUNITY, GridLevel.COMPOUND, GridLevel.MICRO);

  /** Adds a grid over a rectangle and, below it, children over strips of the rectangle. */
  private static void grow(
      Source src,
      GridHierarchy.Builder h,
      Map<GridId, Geometry> polygons,
      String id,
      String parent,
      int levelsLeft,
      double[] r) {
    Grid.Builder g = Grid.territorial(id, LEVELS.get(2 - levelsLeft));
    if (parent != null) {
      g.parent(parent);
    }
    g.name(src.draw(Gens.strings("ab 网格\"\\/\t\n", 0, 6)));
    src.draw(Gens.optionals(Gens.integers(0, 100_000))).ifPresent(g::households);
    src.draw(Gens.optionals(Gens.integers(0, 100_000))).ifPresent(g::population);
    if (src.booleans()) {
      g.validFrom(LocalDate.of(2020, 1, 1).plusDays(src.ints(0, 3000)));
    }
    Map<String, String> attributes = new TreeMap<>();
    for (int i = src.ints(0, 2); i > 0; i--) {
      attributes.put(
          "x" + src.draw(Gens.strings("ab/~", 0, 3)), src.draw(Gens.strings("1.é\"", 0, 4)));
    }
    g.attributes(attributes);
    h.add(g.build());
    polygons.put(GridId.of(id), shape(src, r));
    if (levelsLeft == 0) {
      return;
    }
    int kids = src.ints(0, 3);
    boolean vertical = src.booleans();
    double from = vertical ? r[0] : r[1];
    double to = vertical ? r[2] : r[3];
    for (int k = 0; k < kids; k++) {
      double a = from + (to - from) * k / kids;
      double b = k == kids - 1 ? to : from + (to - from) * (k + 1) / kids;
      double[] strip = vertical ? new double[] {a, r[1], b, r[3]} : new double[] {r[0], a, r[2], b};
      grow(src, h, polygons, id + "." + k, id, levelsLeft - 1, strip);
    }
  }

  /** A rectangle, a rectangle with a hole, or two rectangles, in either winding. */
  private static Geometry shape(Source src, double[] r) {
    Geometry rect = rectangle(r[0], r[1], r[2], r[3]);
    double mx = (r[0] + r[2]) / 2;
    double my = (r[1] + r[3]) / 2;
    Geometry g =
        switch (src.ints(0, 2)) {
          case 0 -> rect;
          case 1 ->
              GeoJsonText.FACTORY.createPolygon(
                  ((Polygon) rect).getExteriorRing(),
                  new org.locationtech.jts.geom.LinearRing[] {
                    ((Polygon) rectangle(r[0] + (mx - r[0]) / 2, r[1] + (my - r[1]) / 2, mx, my))
                        .getExteriorRing()
                  });
          default ->
              GeoJsonText.FACTORY.createMultiPolygon(
                  new Polygon[] {
                    (Polygon) rectangle(r[0], r[1], mx, my), (Polygon) rectangle(mx, my, r[2], r[3])
                  });
        };
    return src.booleans() ? g.reverse() : g;
  }

  private static Geometry rectangle(double x0, double y0, double x1, double y1) {
    return GeoJsonText.wkt(
        "POLYGON (("
            + String.join(
                ", ", x0 + " " + y0, x1 + " " + y0, x1 + " " + y1, x0 + " " + y1, x0 + " " + y0)
            + "))");
  }

  // ---- helpers -------------------------------------------------------------------------------

  private static GridHierarchy hierarchy(String... streets) {
    GridHierarchy.Builder b = GridHierarchy.builder();
    for (String s : streets) {
      b.add(Grid.territorial(s, GridLevel.STREET).build());
    }
    return b.build();
  }

  private static String write(GridMap map) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    GridMaps.writeGeoJson(map, out);
    return out.toString(UTF_8);
  }

  private static GridMap read(String json) {
    return GridMaps.readGeoJson(new ByteArrayInputStream(json.getBytes(UTF_8)), "written", TRUSTED);
  }

  private static GridMap roundTrip(GridMap map) {
    return read(write(map));
  }

  /** Same grids, same coordinate system, same polygons up to ring winding. */
  private static void assertEqual(GridMap actual, GridMap expected) {
    assertThat(actual.hierarchy().grids()).isEqualTo(expected.hierarchy().grids());
    assertThat(actual.coordinateSystem()).isEqualTo(expected.coordinateSystem());
    List<String> different = new ArrayList<>();
    for (Grid g : expected.hierarchy().grids()) {
      Geometry a = actual.geometry(g.id()).orElseThrow().norm();
      Geometry e = expected.geometry(g.id()).orElseThrow().norm();
      if (!a.equalsExact(e)) {
        different.add(g.id() + ": " + a + " != " + e);
      }
    }
    assertThat(different).isEmpty();
  }
}
