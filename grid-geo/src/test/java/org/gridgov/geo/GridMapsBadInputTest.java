package org.gridgov.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.gridgov.geo.GeoJsonText.collection;
import static org.gridgov.geo.GeoJsonText.feature;
import static org.gridgov.geo.GeoJsonText.featureWith;
import static org.gridgov.geo.GeoJsonText.pos;
import static org.gridgov.geo.GeoJsonText.read;
import static org.gridgov.geo.GeoJsonText.rect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gridgov.core.HierarchyException;
import org.gridgov.core.HierarchyProblem;
import org.gridgov.core.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad input fails with the file, the JSON pointer and a reason, as an {@link
 * InvalidInputException}, and no map is returned.
 */
class GridMapsBadInputTest {
  static final String STREET = feature("S1", "street", null, rect(0, 0, 2, 2));

  @TempDir Path dir;

  @Test
  void malformedJsonReportsLineAndColumn() {
    String json = "{\"type\":\"FeatureCollection\",\n\"features\":[\n" + STREET + "\n\"oops\"]}";

    InvalidInputException e = fails(json);

    assertThat(e.source()).contains("test.geojson");
    assertThat(e.line()).hasValue(4);
    assertThat(e.column()).isPresent();
    assertThat(e.reason()).startsWith("malformed JSON");
    assertThat(e.getMessage()).startsWith("test.geojson:4:");
  }

  @Test
  void truncatedJson() {
    InvalidInputException e = fails(collection(STREET).substring(0, 120));

    assertThat(e.reason()).startsWith("malformed JSON");
    assertThat(e.line()).isPresent();
  }

  @Test
  void duplicateMemberIsMalformed() {
    String f = STREET.replace("\"type\":\"Feature\"", "\"type\":\"Feature\",\"type\":\"Feature\"");

    InvalidInputException e = fails(collection(f));

    assertThat(e.reason()).contains("Duplicate field 'type'");
  }

  @Test
  void notAFeatureCollection() {
    assertThat(fails(STREET).pointer()).contains("/type");
    assertThat(fails("[1,2]").reason()).contains("expected a GeoJSON FeatureCollection object");
    assertThat(fails("{\"type\":\"FeatureCollection\"}").reason()).contains("no \"features\"");
    assertThat(fails(collection()).reason()).contains("no features");
  }

  @Test
  void unknownGeometryType() {
    String f = feature("S2", "street", null, rect(2, 0, 3, 1).replace("Polygon", "Polygone"));

    InvalidInputException e = fails(collection(STREET, f));

    assertThat(e.pointer()).contains("/features/1/geometry/type");
    assertThat(e.reason()).contains("unknown geometry type 'Polygone'");
  }

  @Test
  void hugeValuesAreQuotedBoundedWithTheirLength() {
    String huge = "x".repeat(100_000);
    String badType = STREET.replace("\"type\":\"Feature\"", "\"type\":\"" + huge + "\"");
    String badKind =
        featureWith("S2", "\"level\":\"street\",\"kind\":\"" + huge + "\"", rect(2, 0, 3, 1));
    String badGeometry = feature("S2", "street", null, rect(2, 0, 3, 1).replace("Polygon", huge));

    for (String f : List.of(badType, badKind, badGeometry)) {
      InvalidInputException e = fails(collection(STREET, f));

      assertThat(e.reason()).hasSizeLessThan(400).contains("(100000 characters)");
      assertThat(e.getMessage()).hasSizeLessThan(500);
    }
  }

  @Test
  void nonAreaGeometryType() {
    String point = "{\"type\":\"Point\",\"coordinates\":" + pos(0, 0) + "}";

    InvalidInputException e = fails(collection(feature("S1", "street", null, point)));

    assertThat(e.pointer()).contains("/features/0/geometry/type");
    assertThat(e.reason()).contains("'Point' cannot be a grid");
  }

  @Test
  void unclosedRing() {
    String open =
        "{\"type\":\"Polygon\",\"coordinates\":[["
            + String.join(",", pos(0, 0), pos(1, 0), pos(1, 1), pos(0, 1), pos(0, 0.5))
            + "]]}";

    InvalidInputException e = fails(collection(STREET, feature("S2", "street", null, open)));

    assertThat(e.pointer()).contains("/features/1/geometry/coordinates/0/4");
    assertThat(e.reason()).contains("not closed");
    // Located at the ring's first position (line 3 of the document), pointing at the last one.
    assertThat(e.line()).hasValue(3);
    assertThat(e.getMessage()).startsWith("test.geojson:3:");
    assertThat(e.getMessage()).contains(": /features/1/geometry/coordinates/0/4: ");
  }

  @Test
  void tooShortRing() {
    String triangleShell =
        "{\"type\":\"Polygon\",\"coordinates\":[["
            + String.join(",", pos(0, 0), pos(1, 0), pos(0, 0))
            + "]]}";
    String threeInHole =
        "{\"type\":\"MultiPolygon\",\"coordinates\":[[["
            + String.join(",", pos(0, 0), pos(1, 0), pos(1, 1), pos(0, 1), pos(0, 0))
            + "],["
            + String.join(",", pos(0.2, 0.2), pos(0.5, 0.2), pos(0.2, 0.2))
            + "]]]}";

    InvalidInputException shell = fails(collection(feature("S1", "street", null, triangleShell)));
    InvalidInputException hole = fails(collection(feature("S1", "street", null, threeInHole)));

    assertThat(shell.pointer()).contains("/features/0/geometry/coordinates/0");
    assertThat(hole.pointer()).contains("/features/0/geometry/coordinates/0/1");
    assertThat(hole.reason()).contains("has 3 positions").contains("at least 4");
  }

  @Test
  void nanCoordinate() {
    String nan =
        "{\"type\":\"Polygon\",\"coordinates\":[["
            + String.join(",", pos(0, 0), pos(1, 0), "[NaN,34.7]", pos(0, 1), pos(0, 0))
            + "]]}";

    InvalidInputException e = fails(collection(STREET, feature("S2", "street", null, nan)));

    assertThat(e.pointer()).contains("/features/1/geometry/coordinates/0/2");
    assertThat(e.reason()).contains("longitude NaN");
    assertThat(e.line()).hasValue(3);
  }

  @Test
  void outOfRangeCoordinates() {
    String lon = "{\"type\":\"Polygon\",\"coordinates\":[[[181,0],[182,0],[182,1],[181,0]]]}";
    String lat =
        "{\"type\":\"MultiPolygon\",\"coordinates\":[[[[0,0],[1,0],[1,1],[0,0]]],[[[0,89],[1,89],[1,95],[0,89]]]]}";

    InvalidInputException a = fails(collection(feature("S1", "street", null, lon)));
    InvalidInputException b = fails(collection(feature("S1", "street", null, lat)));

    assertThat(a.pointer()).contains("/features/0/geometry/coordinates/0/0");
    assertThat(a.reason()).contains("longitude 181.0 is not within [-180, 180]");
    assertThat(b.pointer()).contains("/features/0/geometry/coordinates/1/0/2");
    assertThat(b.reason()).contains("latitude 95.0 is not within [-90, 90]");
  }

  @Test
  void coordinatesOfTheWrongShape() {
    String flat = "{\"type\":\"Polygon\",\"coordinates\":[[0,0],[1,0],[1,1],[0,0]]}";
    String text = "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,\"x\"],[1,1],[0,0]]]}";
    String oneNumber = "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1],[1,1],[0,0]]]}";

    assertThat(fails(collection(feature("S1", "street", null, flat))).pointer())
        .contains("/features/0/geometry/coordinates");
    InvalidInputException t = fails(collection(feature("S1", "street", null, text)));
    assertThat(t.pointer()).contains("/features/0/geometry/coordinates/0/1/1");
    assertThat(t.reason()).contains("must be a number");
    assertThat(fails(collection(feature("S1", "street", null, oneNumber))).pointer())
        .contains("/features/0/geometry/coordinates/0/1");
  }

  @Test
  void missingGeometry() {
    String f =
        "{\"type\":\"Feature\",\"id\":\"S1\",\"properties\":{\"level\":\"street\"},\"geometry\":null}";

    InvalidInputException e = fails(collection(f));

    assertThat(e.pointer()).contains("/features/0/geometry");
    assertThat(e.reason()).contains("no geometry");
  }

  @Test
  void featureWithoutId() {
    String f =
        "{\"type\":\"Feature\",\"properties\":{\"level\":\"community\",\"parent\":\"S1\"},\"geometry\":"
            + rect(0, 0, 1, 1)
            + "}";

    InvalidInputException e = fails(collection(STREET, f));

    assertThat(e.pointer()).contains("/features/1");
    assertThat(e.reason()).contains("no id");
  }

  @Test
  void badIds() {
    InvalidInputException chars =
        fails(collection(feature("S 1", "street", null, rect(0, 0, 1, 1))));
    InvalidInputException differ =
        fails(
            collection(featureWith("S1", "\"id\":\"S2\",\"level\":\"street\"", rect(0, 0, 1, 1))));

    assertThat(chars.pointer()).contains("/features/0/id");
    assertThat(chars.reason()).contains("character ' '");
    assertThat(differ.pointer()).contains("/features/0/properties/id");
    assertThat(differ.reason()).contains("differs from the feature id");
  }

  @Test
  void idTwiceInOneFile() {
    String again = feature("S1", "street", null, rect(3, 0, 4, 1));

    InvalidInputException e =
        fails(collection(STREET, feature("S2", "street", null, rect(2, 0, 3, 1)), again));

    assertThat(e.pointer()).contains("/features/2/id");
    assertThat(e.reason()).contains("\"S1\" appears twice; first at /features/0/id");
  }

  @Test
  void idTwiceAcrossFiles() throws IOException {
    Path a = write("a.geojson", collection(STREET));
    Path b = write("b.geojson", collection(feature("S1", "street", null, rect(3, 0, 4, 1))));

    InvalidInputException e = failsReading(a, b);

    assertThat(e.source()).contains(b.toString());
    assertThat(e.pointer()).contains("/features/0/id");
    assertThat(e.reason()).contains("first at " + a + " /features/0/id");
  }

  @Test
  void missingParentNamesTheFeatureAndKeepsEveryHierarchyProblem() {
    String orphan = feature("C1", "community", "S9", rect(0, 0, 1, 1));
    String badLevel = feature("C2", "village", "S1", rect(1, 0, 2, 1));

    InvalidInputException e = fails(collection(STREET, orphan, badLevel));

    assertThat(e.getMessage()).contains("test.geojson");
    assertThat(e.reason()).contains("S9").contains("1 more");
    assertThat(e.getCause()).isInstanceOf(HierarchyException.class);
    List<HierarchyProblem> problems = ((HierarchyException) e.getCause()).problems();
    assertThat(problems)
        .extracting(HierarchyProblem::kind)
        .contains(HierarchyProblem.Kind.UNKNOWN_PARENT, HierarchyProblem.Kind.UNKNOWN_LEVEL);
    assertThat(e.pointer().orElseThrow())
        .isIn("/features/1/properties/parent", "/features/2/properties/level");
  }

  @Test
  void parentInAnotherFileThatWasNotGiven() throws IOException {
    Path communities =
        write(
            "communities.geojson", collection(feature("C1", "community", "S1", rect(0, 0, 1, 1))));

    InvalidInputException e = failsReading(communities);

    assertThat(e.source()).contains(communities.toString());
    assertThat(e.pointer()).contains("/features/0/properties/parent");
    assertThat(e.reason()).contains("S1");
  }

  @Test
  void badProperties() {
    assertThat(fails(collection(featureWith("S1", "\"name\":\"x\"", rect(0, 0, 1, 1)))).reason())
        .contains("no \"properties.level\"");
    assertThat(
            fails(
                    collection(
                        featureWith(
                            "S1", "\"level\":\"street\",\"kind\":\"mall\"", rect(0, 0, 1, 1))))
                .pointer())
        .contains("/features/0/properties/kind");
    assertThat(
            fails(
                    collection(
                        featureWith(
                            "S1", "\"level\":\"street\",\"households\":-3", rect(0, 0, 1, 1))))
                .pointer())
        .contains("/features/0/properties/households");
    assertThat(
            fails(
                    collection(
                        featureWith(
                            "S1", "\"level\":\"street\",\"population\":1.5", rect(0, 0, 1, 1))))
                .pointer())
        .contains("/features/0/properties/population");
    assertThat(
            fails(
                    collection(
                        featureWith(
                            "S1",
                            "\"level\":\"street\",\"validFrom\":\"1/2/2024\"",
                            rect(0, 0, 1, 1))))
                .pointer())
        .contains("/features/0/properties/validFrom");
    assertThat(
            fails(
                    collection(
                        featureWith(
                            "S1",
                            "\"level\":\"street\",\"validFrom\":\"2025-01-01\",\"validTo\":\"2024-01-01\"",
                            rect(0, 0, 1, 1))))
                .pointer())
        .contains("/features/0/properties/validTo");
    assertThat(
            fails(collection(featureWith("S1", "\"level\":\"Street!\"", rect(0, 0, 1, 1))))
                .pointer())
        .contains("/features/0/properties/level");
    assertThat(fails(collection(featureWith("S1", "\"level\":true", rect(0, 0, 1, 1)))).reason())
        .contains("expected a string");
    // a number is a depth on the ladder (1 = top); the default ladder has six levels
    assertThat(fails(collection(featureWith("S1", "\"level\":7", rect(0, 0, 1, 1)))).reason())
        .contains("has level 7, a depth, but the ladder");
  }

  @Test
  void exclusiveGridWithoutOwner() {
    InvalidInputException e =
        fails(
            collection(
                STREET,
                featureWith(
                    "E1", "\"level\":\"community\",\"kind\":\"exclusive\"", rect(0, 0, 1, 1))));

    assertThat(e.pointer()).contains("/features/1/properties");
    assertThat(e.reason()).contains("no \"owner\"");
  }

  @Test
  void exclusiveGridWithUnknownOwner() {
    InvalidInputException e =
        fails(
            collection(
                STREET,
                featureWith(
                    "E1",
                    "\"level\":\"community\",\"kind\":\"exclusive\",\"owner\":\"X\"",
                    rect(0, 0, 1, 1))));

    assertThat(e.pointer()).contains("/features/1/properties/owner");
  }

  @Test
  void unknownCoordinateSystem() {
    String json =
        "{\"type\":\"FeatureCollection\",\"coordinateSystem\":\"EPSG:3857\",\"features\":["
            + STREET
            + "]}";

    InvalidInputException e = fails(json);

    assertThat(e.pointer()).contains("/coordinateSystem");
    assertThat(e.reason()).contains("EPSG:3857");
  }

  @Test
  void missingFile() {
    Path missing = dir.resolve("missing.geojson");

    InvalidInputException e = failsReading(missing);

    assertThat(e.source()).contains(missing.toString());
    assertThat(e.reason()).contains("no such file");
  }

  @Test
  void aBadSecondFileLoadsNothing() throws IOException {
    Path good = write("good.geojson", collection(STREET));
    Path bad = write("bad.geojson", "{\"type\":\"FeatureCollection\",\"features\":[");

    InvalidInputException e = failsReading(good, bad);

    assertThat(e.source()).contains(bad.toString());
  }

  private static InvalidInputException fails(String json) {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> read(json));
    assertThat(e).as("expected the input to be refused").isNotNull();
    return e;
  }

  private static InvalidInputException failsReading(Path... files) {
    InvalidInputException e =
        catchThrowableOfType(InvalidInputException.class, () -> GridMaps.readGeoJson(files));
    assertThat(e).as("expected the input to be refused").isNotNull();
    return e;
  }

  private Path write(String name, String json) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, json);
    return p;
  }
}
