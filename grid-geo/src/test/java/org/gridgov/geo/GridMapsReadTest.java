package org.gridgov.geo;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.geo.GeoJsonText.box;
import static org.gridgov.geo.GeoJsonText.collection;
import static org.gridgov.geo.GeoJsonText.feature;
import static org.gridgov.geo.GeoJsonText.featureWith;
import static org.gridgov.geo.GeoJsonText.pos;
import static org.gridgov.geo.GeoJsonText.read;
import static org.gridgov.geo.GeoJsonText.rect;
import static org.gridgov.geo.GeoJsonText.ring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.gridgov.core.Grid;
import org.gridgov.core.GridId;
import org.gridgov.core.GridKind;
import org.gridgov.core.GridLevel;
import org.gridgov.core.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

class GridMapsReadTest {
  /** A street of 2×2 cells split into two communities, left and right. */
  static final String STREET = feature("S1", "street", null, rect(0, 0, 2, 2));

  static final String LEFT = feature("C1", "community", "S1", rect(0, 0, 1, 2));
  static final String RIGHT = feature("C2", "community", "S1", rect(1, 0, 2, 2));

  @TempDir Path dir;

  @Test
  void readsOneFileWithAllLevels() {
    GridMap map = read(collection(STREET, LEFT, RIGHT));

    assertThat(map.size()).isEqualTo(3);
    assertThat(map.hierarchy().roots()).containsExactly(GridId.of("S1"));
    assertThat(map.hierarchy().children(GridId.of("S1")))
        .containsExactly(GridId.of("C1"), GridId.of("C2"));
    assertThat(map.grid(GridId.of("C2")).orElseThrow().level()).isEqualTo(GridLevel.COMMUNITY);
    assertThat(map.geometry(GridId.of("C1")).orElseThrow().equalsTopo(box(0, 0, 1, 2))).isTrue();
    assertThat(map.coordinateSystem()).isEqualTo(CoordinateSystem.WGS84);
    assertThat(map.findings()).isEmpty();
    assertThat(map.grid(GridId.of("nope"))).isEmpty();
    assertThat(map.geometry(GridId.of("nope"))).isEmpty();
  }

  @Test
  void mergesOneFilePerLevelInAnyOrder() throws IOException {
    Path streets = write("streets.geojson", collection(STREET));
    Path communities = write("communities.geojson", collection(RIGHT, LEFT));

    GridMap a = GridMaps.readGeoJson(streets, communities);
    GridMap b = GridMaps.readGeoJson(List.of(communities, streets), GridMapOptions.defaults());

    assertThat(a.size()).isEqualTo(3);
    assertThat(a.hierarchy().grids()).isEqualTo(b.hierarchy().grids());
    assertThat(a.hierarchy().parent(GridId.of("C1"))).contains(GridId.of("S1"));
  }

  @Test
  void keepsHolesAndWindsRingsAsRfc7946() {
    // Shell written clockwise and hole counter-clockwise: the opposite of RFC 7946 §3.1.6.
    String donut =
        "{\"type\":\"Polygon\",\"coordinates\":["
            + ring(0, 0, 3, 3, true)
            + ","
            + ring(1, 1, 2, 2, false)
            + "]}";
    GridMap map = read(collection(feature("S1", "street", null, donut)));

    Polygon p = (Polygon) map.geometry(GridId.of("S1")).orElseThrow();
    assertThat(p.getNumInteriorRing()).isEqualTo(1);
    assertThat(Orientation.isCCW(p.getExteriorRing().getCoordinateSequence())).isTrue();
    assertThat(Orientation.isCCW(p.getInteriorRingN(0).getCoordinateSequence())).isFalse();
    assertThat(p.equalsTopo(box(0, 0, 3, 3).difference(box(1, 1, 2, 2)))).isTrue();
  }

  @Test
  void readsMultiPolygons() {
    String two =
        "{\"type\":\"MultiPolygon\",\"coordinates\":[["
            + ring(0, 0, 1, 1, false)
            + "],["
            + ring(2, 0, 3, 1, false)
            + "]]}";
    GridMap map = read(collection(feature("S1", "street", null, two)));

    Geometry g = map.geometry(GridId.of("S1")).orElseThrow();
    assertThat(g.getGeometryType()).isEqualTo(Geometry.TYPENAME_MULTIPOLYGON);
    assertThat(g.getNumGeometries()).isEqualTo(2);
    assertThat(g.equalsTopo(box(0, 0, 1, 1).union(box(2, 0, 3, 1)))).isTrue();
  }

  @Test
  void mapsKnownPropertiesToGridFieldsAndKeepsTheRestAsAttributes() {
    String props =
        "\"level\":\"community\",\"parent\":\"S1\",\"name\":\"金水社区\",\"households\":60,"
            + "\"population\":180,\"validFrom\":\"2024-01-01\",\"validTo\":\"2026-12-31\","
            + "\"leader\":\"张三\",\"area\":1.5,\"party\":true,\"tags\":[\"a\",\"b\"],\"gone\":null";
    GridMap map = read(collection(STREET, featureWith("C1", props, rect(0, 0, 2, 2))));

    Grid c = map.grid(GridId.of("C1")).orElseThrow();
    assertThat(c.name()).isEqualTo("金水社区");
    assertThat(c.kind()).isEqualTo(GridKind.TERRITORIAL);
    assertThat(c.households()).hasValue(60);
    assertThat(c.population()).hasValue(180);
    assertThat(c.validFrom()).contains(LocalDate.of(2024, 1, 1));
    assertThat(c.validTo()).contains(LocalDate.of(2026, 12, 31));
    assertThat(c.attributes())
        .isEqualTo(Map.of("leader", "张三", "area", "1.5", "party", "true", "tags", "[\"a\",\"b\"]"));
  }

  @Test
  void readsExclusiveGridsWithOwnerAndCoverage() {
    String mall =
        featureWith(
            "E1",
            "\"level\":\"community\",\"kind\":\"exclusive\",\"owner\":\"S1\",\"coverage\":[\"C1\",\"C2\"]",
            rect(0.5, 0.5, 1.5, 1.5));
    GridMap map = read(collection(STREET, LEFT, RIGHT, mall));

    Grid e = map.grid(GridId.of("E1")).orElseThrow();
    assertThat(e.kind()).isEqualTo(GridKind.EXCLUSIVE);
    assertThat(e.owner()).contains(GridId.of("S1"));
    assertThat(e.coverage()).containsExactly(GridId.of("C1"), GridId.of("C2"));
    assertThat(map.hierarchy().coveredBy(GridId.of("C1"))).containsExactly(GridId.of("E1"));
  }

  @Test
  void takesTheIdFromPropertiesOrANumericFeatureId() {
    String byProperty =
        "{\"type\":\"Feature\",\"properties\":{\"id\":\"S1\",\"level\":\"street\"},\"geometry\":"
            + rect(0, 0, 1, 1)
            + "}";
    String numeric =
        "{\"type\":\"Feature\",\"id\":42,\"properties\":{\"id\":42,\"level\":\"street\"},\"geometry\":"
            + rect(1, 0, 2, 1)
            + "}";
    GridMap map = read(collection(byProperty, numeric));

    assertThat(map.hierarchy().roots()).containsExactly(GridId.of("42"), GridId.of("S1"));
  }

  @Test
  void acceptsMembersInAnyOrderAndIgnoresForeignMembersAndAltitude() {
    String f =
        "{\"geometry\":{\"coordinates\":[["
            + pos(0, 0).replace("]", ",12.5]")
            + ","
            + pos(1, 0)
            + ","
            + pos(1, 1)
            + ","
            + pos(0, 0).replace("]", ",12.5]")
            + "]],\"bbox\":[0,0,1,1],\"type\":\"Polygon\"},\"properties\":{\"level\":\"street\"},"
            + "\"extra\":{\"x\":[1,2]},\"id\":\"S1\",\"type\":\"Feature\"}";
    String json = "{\"features\":[" + f + "],\"name\":\"test\",\"type\":\"FeatureCollection\"}";

    GridMap map = read(json);

    assertThat(map.geometry(GridId.of("S1")).orElseThrow().getCoordinates()).hasSize(4);
  }

  @Test
  void takesTheCoordinateSystemFromTheDocumentOrTheOptions() {
    String gcj =
        "{\"type\":\"FeatureCollection\",\"coordinateSystem\":\"GCJ-02\",\"features\":["
            + STREET
            + "]}";

    assertThat(read(gcj).coordinateSystem()).isEqualTo(CoordinateSystem.GCJ02);
    assertThat(
            read(
                    collection(STREET),
                    GridMapOptions.defaults().withCoordinateSystem(CoordinateSystem.BD09))
                .coordinateSystem())
        .isEqualTo(CoordinateSystem.BD09);
    assertThatThrownBy(
            () -> read(gcj, GridMapOptions.defaults().withCoordinateSystem(CoordinateSystem.WGS84)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("test.geojson: /coordinateSystem: the document declares GCJ02");
  }

  @Test
  void readsFromAStreamWithoutClosingIt() {
    byte[] bytes = collection(STREET).getBytes(UTF_8);
    var in = new java.io.ByteArrayInputStream(bytes);

    GridMap map = GridMaps.readGeoJson(in, "street.geojson");

    assertThat(map.size()).isEqualTo(1);
    assertThat(in.available()).isZero();
  }

  @Test
  void theExampleInTheDocsLoadsStrictly() throws IOException {
    String doc = Files.readString(Path.of("../docs/geojson.md"));
    int start = doc.indexOf("```json\n") + "```json\n".length();
    String json = doc.substring(start, doc.indexOf("```", start));

    GridMap map = read(json);

    assertThat(map.size()).isEqualTo(4);
    assertThat(map.coordinateSystem()).isEqualTo(CoordinateSystem.GCJ02);
    assertThat(map.grid(GridId.of("E-MALL-7")).orElseThrow().kind()).isEqualTo(GridKind.EXCLUSIVE);
    assertThat(map.grid(GridId.of("410105001003")).orElseThrow().attributes())
        .containsEntry("leader", "张敏");
    assertThat(map.findings()).isEmpty();
  }

  private Path write(String name, String json) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, json);
    return p;
  }
}
