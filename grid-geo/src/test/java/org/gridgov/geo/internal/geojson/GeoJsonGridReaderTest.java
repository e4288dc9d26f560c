package org.gridgov.geo.internal.geojson;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gridgov.core.Finding;
import org.gridgov.core.InputCode;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.SourceLocation;
import org.gridgov.core.io.Json;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Property;
import org.gridgov.testkit.Source;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.GeometryFactory;

/** The parallel in-memory path reads exactly what the sequential streaming path reads. */
class GeoJsonGridReaderTest {
  private static final GeometryFactory F = new GeometryFactory();
  private static final GeoJsonGridReader SEQUENTIAL = new GeoJsonGridReader(F, Integer.MAX_VALUE);
  private static final GeoJsonGridReader PARALLEL = new GeoJsonGridReader(F, 0);

  @Test
  void splitsAndParsesInParallel() throws IOException {
    String doc = document(List.of(good(0), good(1), good(2)), "\n");

    byte[] bytes = doc.getBytes(UTF_8);
    FeatureSplitter.Layout layout = FeatureSplitter.split(bytes, 0, bytes.length);
    GeoJsonDocument parallel = PARALLEL.parallel(bytes, "doc", layout);

    assertThat(parallel).isNotNull();
    assertThat(parallel.features()).hasSize(3);
    assertThat(parallel)
        .isEqualTo(SEQUENTIAL.read(new ByteArrayInputStream(doc.getBytes(UTF_8)), "doc"));
  }

  @Test
  void badFeaturesAreReportedAsTheSequentialReaderReportsThem() throws IOException {
    for (String bad :
        List.of(
            "{\"type\":\"Feature\",\"id\":\"X\",\"properties\":{\"level\":\"street\"},\"geometry\":null}",
            "{\"type\":\"Feature\",\"id\":\"X\",\"properties\":{\"level\":\"street\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,0.5]]]}}",
            "{\"type\":\"Feature\",\"id\":\"X\",\"properties\":{\"level\":\"street\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[NaN,1],[0,0]]]}}",
            "{\"type\":\"Feature\",\"id\":\"X\",\"id\":\"Y\"}",
            "{\"type\":\"Feature\",\"id\":\"X\" \"properties\":{}}",
            "\"just a string\"",
            "{\"type\":\"Feature\",\"id\":\"X\",\"properties\":{\"level\":3}}")) {
      String doc = document(List.of(good(0), bad, good(2)), "\n");
      assertSame(doc);
    }
  }

  @Test
  void parsersHaveTheLimitsOfEveryGridGovJsonInput() {
    StreamReadConstraints c = GeoJsonGridReader.factory().streamReadConstraints();

    // A map is streamed, never held as a tree: its own document limit, every other limit shared.
    assertThat(c.getMaxDocumentLength()).isEqualTo(Json.MAX_STREAMED_DOCUMENT_BYTES);
    assertThat(c.getMaxNestingDepth()).isEqualTo(Json.MAX_NESTING_DEPTH);
    assertThat(c.getMaxStringLength()).isEqualTo(Json.MAX_STRING_CHARS);
    assertThat(c.getMaxNameLength()).isEqualTo(Json.MAX_NAME_CHARS);
    assertThat(c.getMaxNumberLength()).isEqualTo(Json.MAX_NUMBER_CHARS);
  }

  @Test
  void limitsAreReportedAlikeOnBothPathsWithTheirPlace() throws IOException {
    String deep = "[".repeat(Json.MAX_NESTING_DEPTH) + "]".repeat(Json.MAX_NESTING_DEPTH);
    String deepProperty = good(1).replace("\"level\":", "\"deep\":" + deep + ",\"level\":");
    String longNumber = good(1).replaceFirst("\\[\\[\\[(-?\\d+)", "[[[$1." + "1".repeat(120));
    for (String bad : List.of(deepProperty, longNumber)) {
      String doc = document(List.of(good(0), bad, good(2)), "\n");
      assertSame(doc);

      InvalidInputException e =
          (InvalidInputException) catchThrowable(() -> PARALLEL.read(doc.getBytes(UTF_8), "doc"));

      assertThat(e.reason()).as(bad).startsWith("input over a limit");
      assertThat(e.line()).hasValue(3);
      assertThat(e.column()).isPresent();
      assertThat(e.pointer()).hasValueSatisfying(p -> assertThat(p).startsWith("/features/1"));
      assertThat(e.problems().errors())
          .singleElement()
          .satisfies(f -> assertThat(f.code()).isEqualTo(InputCode.LIMIT.name()));
    }
  }

  @Test
  void aDocumentOverTheSizeLimitIsRefusedBeforeParsing() {
    InvalidInputException e = GeoJsonGridReader.tooLarge("big.geojson", 17L << 30);

    assertThat(e.source()).hasValue("big.geojson");
    assertThat(e.reason())
        .contains("18253611008 bytes")
        .contains("" + Json.MAX_STREAMED_DOCUMENT_BYTES);
    assertThat(e.problems().errors().get(0).code()).isEqualTo("LIMIT");
  }

  @Test
  void errorsAreLocatedFindingsWithACode() {
    String bad = good(1).replaceFirst("\\[\\[\\[(-?[\\d.]+),", "[[[$1,\"x\",");
    String doc = document(List.of(good(0), bad), "\n");

    InvalidInputException e =
        (InvalidInputException) catchThrowable(() -> PARALLEL.read(doc.getBytes(UTF_8), "doc"));

    Finding f = e.problems().errors().get(0);
    assertThat(f.code()).isEqualTo(InputCode.TYPE.name());
    assertThat(f.message()).isEqualTo("a coordinate must be a number, found a string");
    assertThat(f.location())
        .hasValueSatisfying(
            l -> {
              assertThat(l.source()).isEqualTo("doc");
              assertThat(l.line()).isEqualTo(3);
              assertThat(l.column()).isPositive();
              assertThat(l.pointer()).isEqualTo("/features/1/geometry/coordinates/0/0/1");
            });
  }

  @Test
  void featuresKnowWhereTheyStartOnBothPaths() throws IOException {
    String doc = document(List.of(good(0), good(1), good(2)), "\n");

    GeoJsonDocument parallel = PARALLEL.read(doc.getBytes(UTF_8), "doc");

    assertThat(parallel.features())
        .extracting(GeoJsonFeature::line, GeoJsonFeature::column)
        .containsExactly(tuple(2, 1), tuple(3, 1), tuple(4, 1));
    assertThat(parallel.features().get(1).geometryLocation())
        .isEqualTo(new SourceLocation("doc", 3, 1, "/features/1/geometry"));
    assertThat(parallel.features().get(1).propertyPointer("a/b~c"))
        .isEqualTo("/features/1/properties/a~1b~0c");
  }

  @Test
  void givesUpOnOddStructureAndLetsTheSequentialReaderReport() throws IOException {
    String features = good(0);
    for (String doc :
        List.of(
            "{\"type\":\"FeatureCollection\",\"type\":\"x\",\"features\":[" + features + "]}",
            "{\"typ\\u0065\":\"FeatureCollection\",\"features\":[" + features + "]}",
            "{\"type\":\"FeatureCollection\",\"features\":[" + features + "]} trailing",
            "{\"type\":\"FeatureCollection\",\"features\":[" + features + "]",
            "{\"type\":\"FeatureCollection\",\"features\":[" + features + ",]}",
            "{\"type\":\"Feature\",\"features\":[" + features + "]}",
            "{\"type\":\"FeatureCollection\",\"bbox\":[1,,2],\"features\":[" + features + "]}",
            "{\"type\":\"FeatureCollection\",\"features\":{}}",
            "\uFEFF{\"type\":\"FeatureCollection\",\"features\":[" + features + "]}",
            "{\"type\":\"FeatureCollection\"}",
            "[]",
            "")) {
      assertSame(doc);
    }
  }

  @Test
  void splitterFindsMembersAndFeaturesWithTheirLines() {
    String doc =
        "{\"type\":\"FeatureCollection\",\n \"name\": {\"a\": [1, \"]}\"]},\n \"features\": [\n  {\"x\":1},\n  {\"y\":\"\\\"\"}\n ]\n}\n";
    byte[] bytes = doc.getBytes(UTF_8);

    FeatureSplitter.Layout layout = FeatureSplitter.split(bytes, 0, bytes.length);

    assertThat(layout).isNotNull();
    assertThat(layout.members())
        .extracting(FeatureSplitter.Member::name)
        .containsExactly("type", "name", "features");
    assertThat(text(bytes, layout.members().get(1).start(), layout.members().get(1).end()))
        .isEqualTo("{\"a\": [1, \"]}\"]}");
    assertThat(layout.starts()).hasSize(2);
    assertThat(text(bytes, layout.starts()[0], layout.ends()[0])).isEqualTo("{\"x\":1}");
    assertThat(text(bytes, layout.starts()[1], layout.ends()[1])).isEqualTo("{\"y\":\"\\\"\"}");
    assertThat(layout.lines()).containsExactly(4, 5);
    assertThat(layout.columns()).containsExactly(3, 3);
  }

  /** Random documents, good or with one broken feature, read the same both ways. */
  @Property(tries = 200)
  void parallelReadsWhatSequentialReads(@ForAll("documents") String doc) throws IOException {
    assertSame(doc);
    if (!doc.contains("\"broken\"")) {
      byte[] bytes = doc.getBytes(UTF_8);
      assertThat(PARALLEL.parallel(bytes, "doc", FeatureSplitter.split(bytes, 0, bytes.length)))
          .as("a good document is read in parallel")
          .isNotNull();
    }
  }

  Gen<String> documents() {
    return src -> {
      int n = src.ints(0, 12);
      List<String> features = new ArrayList<>();
      int broken = src.booleans() ? src.ints(0, Math.max(0, n - 1)) : -1;
      for (int i = 0; i < n; i++) {
        features.add(i == broken ? broken(src, i) : good(src, i));
      }
      return document(features, src.booleans() ? "\n" : " ");
    };
  }

  private static String good(Source src, int i) {
    double x = src.ints(-170, 170) + src.ints(0, 999) / 1000.0;
    double y = src.ints(-80, 80) + src.ints(0, 999) / 1000.0;
    double w = 0.001 + src.ints(0, 100) / 100.0;
    String ring =
        String.format(
            Locale.ROOT,
            "[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]",
            x,
            y,
            x + w,
            y,
            x + w,
            y + w,
            x,
            y + w,
            x,
            y);
    String geometry =
        src.booleans()
            ? "{\"type\":\"Polygon\",\"coordinates\":[" + ring + "]}"
            : "{\"coordinates\":[[" + ring + "]],\"type\":\"MultiPolygon\"}";
    return "{\"type\":\"Feature\",\"id\":\"g"
        + i
        + "\",\"properties\":{\"level\":\"street\",\"name\":\"网格 \\\""
        + i
        + "\\\"\",\"n\":"
        + src.ints(0, 9)
        + "},\"geometry\":"
        + geometry
        + "}";
  }

  private static String good(int i) {
    return good(Source.random(i), i);
  }

  private static String broken(Source src, int i) {
    String f = good(src, i).replace("\"n\":", "\"broken\":");
    return switch (src.ints(0, 5)) {
      case 0 -> f.replace("\"id\":\"g" + i + "\",", "");
      case 1 -> f.replaceFirst("\\[\\[\\[", "[[[200,");
      case 2 -> f.substring(0, f.length() - 2);
      case 3 -> f.replace("Polygon", "Polygonz");
      case 4 -> f.replace("\"level\":\"street\"", "\"level\":\"street\",\"level\":\"x\"");
      default -> f.replace("{\"type\":\"Feature\"", "{\"type\":\"Feature\" ");
    };
  }

  private static String document(List<String> features, String separator) {
    return "{\"type\":\"FeatureCollection\",\"features\":["
        + separator
        + String.join("," + separator, features)
        + separator
        + "]}";
  }

  /** Both readers return equal documents, or both throw with the same message. */
  private static void assertSame(String doc) throws IOException {
    byte[] bytes = doc.getBytes(UTF_8);
    Object sequential = outcome(() -> SEQUENTIAL.read(new ByteArrayInputStream(bytes), "doc"));
    Object parallel = outcome(() -> PARALLEL.read(bytes, "doc"));
    assertThat(parallel).as(doc).isEqualTo(sequential);
  }

  private static Object outcome(Read read) {
    Throwable t = catchThrowable(() -> read.get());
    if (t == null) {
      try {
        return read.get();
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    }
    assertThat(t).isInstanceOf(InvalidInputException.class);
    return t.getMessage();
  }

  private static String text(byte[] b, int from, int to) {
    return new String(b, from, to - from, UTF_8);
  }

  @FunctionalInterface
  private interface Read {
    GeoJsonDocument get() throws IOException;
  }
}
