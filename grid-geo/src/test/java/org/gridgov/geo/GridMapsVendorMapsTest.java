package org.gridgov.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.geo.GeoJsonText.collection;
import static org.gridgov.geo.GeoJsonText.featureWith;
import static org.gridgov.geo.GeoJsonText.read;
import static org.gridgov.geo.GeoJsonText.rect;

import java.nio.file.Path;
import java.util.List;
import org.gridgov.core.GeoPoint;
import org.gridgov.core.GridId;
import org.gridgov.core.GridLevel;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.LevelLadder;
import org.gridgov.geo.GridMapOptions.ExternalParents;
import org.junit.jupiter.api.Test;

/**
 * Maps as vendors have them: a DataV.GeoAtlas-shaped district file (ids in {@code adcode}, parents
 * in {@code parent.adcode}, GCJ-02, no CRS declared), ladders declared by the caller or by a {@code
 * levels} member, levels as depths, Chinese level names.
 */
class GridMapsVendorMapsTest {
  /** A fictional city (adcode 990100) of four districts, in the exact shape of a DataV file. */
  static final Path DATAV = Path.of("src/test/resources/datav/990100_full.json");

  static final GridMapOptions DATAV_OPTIONS =
      GridMapOptions.defaults()
          .withIdProperty("adcode")
          .withParentProperty("parent.adcode")
          .withExternalParents(ExternalParents.IGNORE)
          .withLevels("district")
          .withCoordinateSystem(CoordinateSystem.GCJ02);

  /**
   * Positions in GCJ-02 just past a district border (east of the west/east border, south of the
   * south/north border) where the GCJ-02 offset (about +0.0061° lon, −0.0011° lat here) carries the
   * WGS-84 position into the neighbour; and one in the middle of each district.
   */
  static final double[][] GCJ_POINTS = {
    {113.708, 34.740, 990103}, // east of the jogged border at 113.705: 东湖区
    {113.703, 34.770, 990103}, // east of 113.70: 东湖区
    {113.650, 34.7795, 990102}, // just south of 34.78: 西园区
    {113.750, 34.7795, 990103}, // just south of 34.78: 东湖区
    {113.650, 34.740, 990102},
    {113.750, 34.740, 990103},
    {113.650, 34.820, 990104},
    {113.750, 34.820, 990105},
  };

  @Test
  void aDataVDistrictFileLoadsWithTheVendorOptions() {
    GridMap map = GridMaps.read(List.of(DATAV), DATAV_OPTIONS);

    assertThat(map.size()).isEqualTo(4);
    assertThat(map.coordinateSystem()).isEqualTo(CoordinateSystem.GCJ02);
    assertThat(map.coordinateSystemDeclared()).isTrue();
    assertThat(map.liesInChina()).isTrue();
    assertThat(map.findings()).isEmpty();
    // the parent 990100 is not in the file: every district is a root, as the caller said
    assertThat(map.hierarchy().roots())
        .extracting(GridId::value)
        .containsExactly("990102", "990103", "990104", "990105");
    var district = map.grid(GridId.of("990105")).orElseThrow();
    assertThat(district.name()).isEqualTo("金水湾区");
    assertThat(district.level()).isEqualTo(GridLevel.DISTRICT);
    assertThat(district.parent()).isEmpty();
    // DataV's other properties are ordinary attributes; adcode and parent were consumed
    assertThat(district.attributes())
        .containsEntry("center", "[113.75,34.82]")
        .containsEntry("childrenNum", "0")
        .containsEntry("acroutes", "[100000,990000,990100]")
        .containsEntry("subFeatureIndex", "3")
        .doesNotContainKeys("adcode", "parent");
  }

  @Test
  void wgs84PointsLandInTheRightDistrictOfTheGcj02Map() {
    GridLocator locator = GridMaps.read(List.of(DATAV), DATAV_OPTIONS).locator();
    for (double[] p : GCJ_POINTS) {
      GeoPoint wgs = CoordinateSystem.GCJ02.toWgs84(p[0], p[1]);
      assertThat(locator.locate(wgs.lon(), wgs.lat(), CoordinateSystem.WGS84))
          .as("%s, %s", p[0], p[1])
          .hasValueSatisfying(
              l -> assertThat(l.leaf().value()).isEqualTo(String.valueOf((long) p[2])));
    }
  }

  @Test
  void undeclaredTheSameMapIsAssumedWgs84AndPutsBorderPointsInTheNeighbour() {
    GridMap assumed =
        GridMaps.read(
            List.of(DATAV),
            GridMapOptions.defaults()
                .withIdProperty("adcode")
                .withParentProperty("parent.adcode")
                .withExternalParents(ExternalParents.IGNORE)
                .withLevels("district"));

    assertThat(assumed.coordinateSystem()).isEqualTo(CoordinateSystem.WGS84);
    assertThat(assumed.coordinateSystemDeclared()).isFalse();
    assertThat(assumed.liesInChina()).isTrue();
    GridLocator locator = assumed.locator();
    int wrong = 0;
    for (double[] p : GCJ_POINTS) {
      GeoPoint wgs = CoordinateSystem.GCJ02.toWgs84(p[0], p[1]);
      String leaf = locator.locate(wgs.lon(), wgs.lat()).orElseThrow().leaf().value();
      wrong += leaf.equals(String.valueOf((long) p[2])) ? 0 : 1;
    }
    assertThat(wrong).isEqualTo(4); // the four border points: why the command line warns
  }

  @Test
  void aDataVFileWithoutTheVendorOptionsIsRefusedAsBefore() {
    assertThatThrownBy(() -> GridMaps.read(DATAV))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("/features/0: the feature has no id");
    GridMapOptions noExternal =
        DATAV_OPTIONS.withExternalParents(ExternalParents.ERROR); // the default
    assertThatThrownBy(() -> GridMaps.read(List.of(DATAV), noExternal))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("/features/0/properties/parent/adcode")
        .hasMessageContaining("unknown parent 990100")
        .hasMessageContaining("--external-parents ignore");
  }

  @Test
  void aWrittenDataVMapReadsBackWithTheDefaults() {
    GridMap map = GridMaps.read(List.of(DATAV), DATAV_OPTIONS);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    GridMaps.write(map, out);
    GridMap back =
        GridMaps.read(
            new java.io.ByteArrayInputStream(out.toByteArray()),
            "back.geojson",
            GridMapOptions.defaults().withLevels("district"));
    assertThat(back.hierarchy().grids()).isEqualTo(map.hierarchy().grids());
    assertThat(back.coordinateSystem()).isEqualTo(CoordinateSystem.GCJ02);
  }

  @Test
  void idAndParentPropertiesTakeNumbersAsTheirDigitsAndCheckTheirShape() {
    String city =
        featureWithout(
            "\"level\":\"city\",\"code\":{\"value\":4101}", GeoJsonText.rect(0, 0, 2, 2));
    String district =
        featureWithout(
            "\"level\":\"district\",\"code\":{\"value\":\"410102\"},\"up\":4101",
            GeoJsonText.rect(0, 0, 2, 2));
    GridMap map =
        read(
            collection(city, district),
            GridMapOptions.defaults().withIdProperty("code.value").withParentProperty("up"));
    assertThat(map.hierarchy().parent(GridId.of("410102"))).contains(GridId.of("4101"));

    String badParent =
        featureWithout(
            "\"level\":\"district\",\"code\":{\"value\":5},\"up\":{\"adcode\":4101}",
            GeoJsonText.rect(0, 0, 2, 2));
    assertThatThrownBy(
            () ->
                read(
                    collection(city, badParent),
                    GridMapOptions.defaults()
                        .withIdProperty("code.value")
                        .withParentProperty("up.adcode.x")))
        .hasMessageContaining("/features/1/properties/up/adcode")
        .hasMessageContaining("expected an object holding \"x\"");
    assertThatThrownBy(
            () ->
                read(
                    collection(city, featureWithout("\"level\":\"city\"", rect(0, 0, 1, 1))),
                    GridMapOptions.defaults().withIdProperty("code.value")))
        .hasMessageContaining("/features/1: the feature has no id: no \"properties.code.value\"");
    String floatId =
        featureWithout("\"level\":\"city\",\"code\":{\"value\":4101.5}", rect(0, 0, 1, 1));
    assertThatThrownBy(
            () -> read(collection(floatId), GridMapOptions.defaults().withIdProperty("code.value")))
        .hasMessageContaining("/features/0/properties/code/value")
        .hasMessageContaining("an id must be a string or an integer");
    // a feature id that disagrees with the id property is an error, not a silent choice
    String both = featureWith("X1", "\"level\":\"city\",\"adcode\":4101", rect(0, 0, 1, 1));
    assertThatThrownBy(
            () -> read(collection(both), GridMapOptions.defaults().withIdProperty("adcode")))
        .hasMessageContaining("/features/0/properties/adcode")
        .hasMessageContaining("differs from the feature's id 'X1'");
    // a plain parent next to another parent property would be ambiguous
    String twoParents =
        featureWithout(
            "\"level\":\"district\",\"adcode\":7,\"up\":4101,\"parent\":\"9\"", rect(0, 0, 1, 1));
    assertThatThrownBy(
            () ->
                read(
                    collection(twoParents),
                    GridMapOptions.defaults().withIdProperty("adcode").withParentProperty("up")))
        .hasMessageContaining("/features/0/properties/parent")
        .hasMessageContaining("remove one of them");
    assertThatThrownBy(() -> GridMapOptions.defaults().withParentProperty("parent..adcode"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty segment");
  }

  @Test
  void externalParentsAreAnErrorUnlessTheCallerIgnoresThem() {
    String orphan =
        featureWith("C9", "\"level\":\"community\",\"parent\":\"S404\"", rect(0, 0, 1, 1));
    assertThatThrownBy(() -> read(collection(orphan), GridMapOptions.defaults()))
        .hasMessageContaining("/features/0/properties/parent")
        .hasMessageContaining("S404");
    GridMap map =
        read(
            collection(orphan),
            GridMapOptions.defaults().withExternalParents(ExternalParents.IGNORE));
    assertThat(map.hierarchy().roots()).containsExactly(GridId.of("C9"));
  }

  @Test
  void aLevelsMemberDeclaresTheLadder() {
    String json =
        "{\"type\":\"FeatureCollection\",\"features\":[\n"
            + featureWith("S1", "\"level\":\"street\"", rect(0, 0, 2, 2))
            + ",\n"
            + featureWith("G1", "\"level\":\"micro\",\"parent\":\"S1\"", rect(0, 0, 2, 2))
            + "\n],\"levels\":[\"street\",\"micro\"]}";
    GridMap map = read(json, GridMapOptions.defaults());
    assertThat(map.hierarchy().ladder().levels())
        .containsExactly(GridLevel.STREET, GridLevel.MICRO);

    // the caller's ladder and the document's must agree
    assertThatThrownBy(() -> read(json, GridMapOptions.defaults().withLevels("street", "grid")))
        .hasMessageContaining("/levels: the document declares the levels [street, micro]")
        .hasMessageContaining("the options say [street, grid]");
    assertThat(read(json, GridMapOptions.defaults().withLevels("street", "micro")).size())
        .isEqualTo(2);
  }

  @Test
  void aBadLevelsMemberIsLocated() {
    String grid = featureWith("S1", "\"level\":\"street\"", rect(0, 0, 1, 1));
    assertThatThrownBy(
            () -> read(withTop("\"levels\":\"street\"", grid), GridMapOptions.defaults()))
        .hasMessageContaining("/levels: \"levels\" must be an array of level names");
    assertThatThrownBy(
            () ->
                read(
                    withTop("\"levels\":[\"street\",\"street\"]", grid), GridMapOptions.defaults()))
        .hasMessageContaining("/levels/1: level 'street' is listed twice");
    assertThatThrownBy(() -> read(withTop("\"levels\":[]", grid), GridMapOptions.defaults()))
        .hasMessageContaining("/levels: \"levels\" lists no level");
    assertThatThrownBy(() -> read(withTop("\"levels\":[\" \"]", grid), GridMapOptions.defaults()))
        .hasMessageContaining("/levels/0: grid level name is blank");
  }

  @Test
  void anUnknownGridGovMemberIsAnErrorNotIgnored() {
    String grid = featureWith("S1", "\"level\":\"street\"", rect(0, 0, 1, 1));
    // "ladder" was silently ignored before: the map was read on the default ladder
    assertThatThrownBy(
            () -> read(withTop("\"ladder\":[\"street\"]", grid), GridMapOptions.defaults()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("/ladder: unknown GridGov member 'ladder' (did you mean 'levels'?)")
        .hasMessageContaining("\"levels\": [\"street\"");
    assertThatThrownBy(
            () -> read(withTop("\"levle\":[\"street\"]", grid), GridMapOptions.defaults()))
        .hasMessageContaining("/levle: unknown GridGov member 'levle' (did you mean 'levels'?)");
    assertThatThrownBy(
            () -> read(withTop("\"coordinateSytem\":\"GCJ02\"", grid), GridMapOptions.defaults()))
        .hasMessageContaining("(did you mean 'coordinateSystem'?)");
    // foreign members of other tools are still ignored (RFC 7946 §6.1)
    GridMap map =
        read(
            withTop("\"name\":\"layer\",\"crs\":{\"type\":\"name\"},\"title\":\"t\"", grid),
            GridMapOptions.defaults());
    assertThat(map.size()).isEqualTo(1);
  }

  @Test
  void levelsMayBeDepthsOnTheLadder() {
    String json =
        collection(
            featureWith("S1", "\"level\":1", rect(0, 0, 2, 2)),
            featureWith("C1", "\"level\":2,\"parent\":\"S1\"", rect(0, 0, 2, 2)),
            featureWith("G1", "\"level\":\"micro\",\"parent\":\"C1\"", rect(0, 0, 2, 2)));
    GridMap map = read(json, GridMapOptions.defaults().withLevels("street", "community", "micro"));
    assertThat(map.grid(GridId.of("S1")).orElseThrow().level()).isEqualTo(GridLevel.STREET);
    assertThat(map.grid(GridId.of("C1")).orElseThrow().level()).isEqualTo(GridLevel.COMMUNITY);

    // without a declared ladder, depth 1 is the default ladder's top (city)
    GridMap byDefault =
        read(
            collection(featureWith("X", "\"level\":1", rect(0, 0, 1, 1))),
            GridMapOptions.defaults());
    assertThat(byDefault.grid(GridId.of("X")).orElseThrow().level()).isEqualTo(GridLevel.CITY);

    assertThatThrownBy(
            () ->
                read(
                    collection(featureWith("X", "\"level\":4", rect(0, 0, 1, 1))),
                    GridMapOptions.defaults().withLevels("street", "community", "micro")))
        .hasMessageContaining("/features/0/properties/level")
        .hasMessageContaining(
            "has level 4, a depth, but the ladder [street, community, micro] has 3");
    assertThatThrownBy(
            () ->
                read(
                    collection(featureWith("X", "\"level\":0", rect(0, 0, 1, 1))),
                    GridMapOptions.defaults()))
        .hasMessageContaining("a whole number from 1 (the top), found 0");
    assertThatThrownBy(
            () ->
                read(
                    collection(featureWith("X", "\"level\":1.0", rect(0, 0, 1, 1))),
                    GridMapOptions.defaults()))
        .hasMessageContaining("found 1.0");
  }

  @Test
  void aRuralMapSitsOnAChineseLadder() {
    String json =
        withTop(
            "\"levels\":[\"镇\",\"社区\",\"村\"]",
            featureWith("T1", "\"level\":\"镇\",\"name\":\"柳林镇\"", rect(0, 0, 2, 2)),
            featureWith("C1", "\"level\":\"社区\",\"parent\":\"T1\"", rect(0, 0, 2, 2)),
            featureWith("V1", "\"level\":\"村\",\"parent\":\"C1\"", rect(0, 0, 1, 2)),
            featureWith("V2", "\"level\":3,\"parent\":\"C1\"", rect(1, 0, 2, 2)));
    GridMap map = read(json, GridMapOptions.defaults());
    assertThat(map.hierarchy().ladder())
        .isEqualTo(
            LevelLadder.of(List.of(GridLevel.of("镇"), GridLevel.of("社区"), GridLevel.of("村"))));
    assertThat(map.grid(GridId.of("V2")).orElseThrow().level()).isEqualTo(GridLevel.of("村"));
    assertThat(map.findings()).isEmpty();

    // the same map without its ladder: the level is named, the closest one suggested, the way out
    // given
    String undeclared = collection(featureWith("T1", "\"level\":\"镇\"", rect(0, 0, 2, 2)));
    assertThatThrownBy(() -> read(undeclared, GridMapOptions.defaults()))
        .hasMessageContaining("/features/0/properties/level")
        .hasMessageContaining("level '镇', not on the ladder")
        .hasMessageContaining("\"levels\"");
    // a mistyped Chinese level is suggested from the declared ladder
    assertThatThrownBy(
            () ->
                read(
                    collection(featureWith("T1", "\"level\":\"社去\"", rect(0, 0, 2, 2))),
                    GridMapOptions.defaults().withLevels("镇", "社区", "村")))
        .hasMessageContaining("did you mean '社区'?");
  }

  @Test
  void theParallelReaderAgreesOnVendorMaps() throws Exception {
    // the same documents through the split, parallel path: the same map or the same error
    org.gridgov.geo.internal.geojson.GeoJsonGridReader parallel =
        new org.gridgov.geo.internal.geojson.GeoJsonGridReader(GeoJsonText.FACTORY, 0);
    byte[] bytes = java.nio.file.Files.readAllBytes(DATAV);
    var rules =
        new org.gridgov.geo.internal.geojson.FeatureRules(
            List.of("adcode"), List.of("parent", "adcode"));
    var doc = parallel.read(bytes, "datav.json", rules);
    assertThat(doc.features()).hasSize(4);
    assertThat(doc.features().get(0).grid().id().value()).isEqualTo("990102");
    assertThat(doc.features().get(0).parentPointer())
        .isEqualTo("/features/0/properties/parent/adcode");

    String grid = featureWith("S1", "\"level\":\"street\"", rect(0, 0, 1, 1));
    byte[] ladder =
        withTop("\"ladder\":[\"street\"]", grid).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThatThrownBy(
            () ->
                parallel.read(
                    ladder, "x.json", org.gridgov.geo.internal.geojson.FeatureRules.DEFAULT))
        .hasMessageContaining("unknown GridGov member 'ladder'");
    byte[] levels =
        withTop("\"levels\":[\"street\"]", grid).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(parallel.read(levels, "x.json").levels()).contains(List.of(GridLevel.STREET));
  }

  @Test
  void swappedLongitudeAndLatitudeAreHinted() {
    String swapped =
        collection(
            featureWith(
                "S1",
                "\"level\":\"street\"",
                "{\"type\":\"Polygon\",\"coordinates\":[[[34.70,113.60],[34.70,113.62],"
                    + "[34.72,113.62],[34.70,113.60]]]}"));
    assertThatThrownBy(() -> read(swapped, GridMapOptions.defaults()))
        .hasMessageContaining("/features/0/geometry/coordinates/0/0")
        .hasMessageContaining(
            "latitude 113.6 is not within [-90, 90]; swapped longitude and latitude?");
    GridLocator locator =
        read(
                collection(featureWith("S1", "\"level\":\"street\"", rect(0, 0, 1, 1))),
                GridMapOptions.defaults())
            .locator();
    assertThatThrownBy(() -> locator.locate(34.705, 113.605))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("swapped longitude and latitude?");
    assertThatThrownBy(() -> locator.locate(34.705, 113.605, CoordinateSystem.GCJ02))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("swapped longitude and latitude?");
  }

  /** A feature without an id, with raw properties. */
  private static String featureWithout(String properties, String geometry) {
    return "{\"type\":\"Feature\",\"properties\":{"
        + properties
        + "},\"geometry\":"
        + geometry
        + "}";
  }

  /** A FeatureCollection with extra top-level members before its features. */
  private static String withTop(String members, String... features) {
    return "{\"type\":\"FeatureCollection\","
        + members
        + ",\"features\":[\n"
        + String.join(",\n", features)
        + "\n]}";
  }
}
