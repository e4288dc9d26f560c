package org.gridgov.geo;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.geo.GeoJsonText.collection;
import static org.gridgov.geo.GeoJsonText.feature;
import static org.gridgov.geo.GeoJsonText.rect;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gridgov.core.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code read}/{@code write} are the one naming; {@code readGeoJson}/{@code writeGeoJson} are the
 * same methods; caller mistakes are NPE/IAE with a message, bad data a located exception.
 */
class GridMapsFrontDoorTest {
  static final String JSON =
      collection(
          feature("S1", "street", null, rect(0, 0, 2, 2)),
          feature("C1", "community", "S1", rect(0, 0, 1, 2)),
          feature("C2", "community", "S1", rect(1, 0, 2, 2)));

  @TempDir Path dir;

  @Test
  void readAndReadGeoJsonReadTheSameMapAndWriteTheSameBytes() throws IOException {
    Path file = Files.writeString(dir.resolve("city.geojson"), JSON);

    GridMap byRead = GridMaps.read(file);
    GridMap byOldName = GridMaps.readGeoJson(file);
    GridMap fromList = GridMaps.read(List.of(file), GridMapOptions.defaults());
    GridMap fromStream = GridMaps.read(stream(JSON), "city.geojson");

    byte[] written = bytes(byRead, -1);
    assertThat(written).isEqualTo(bytes(byOldName, -1));
    assertThat(written).isEqualTo(bytes(fromList, -1));
    assertThat(written).isEqualTo(bytes(fromStream, -1));
    ByteArrayOutputStream old = new ByteArrayOutputStream();
    GridMaps.writeGeoJson(byRead, old);
    assertThat(old.toByteArray()).isEqualTo(written);

    Path a = dir.resolve("a.geojson");
    Path b = dir.resolve("b.geojson");
    GridMaps.write(byRead, a, 7);
    GridMaps.writeGeoJson(byRead, b, 7);
    assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b)).isEqualTo(bytes(byRead, 7));
    assertThat(bytes(GridMaps.read(a), 7)).isEqualTo(bytes(byRead, 7));
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("no temporary file is left behind")
          .containsExactlyInAnyOrder("city.geojson", "a.geojson", "b.geojson");
    }
  }

  @Test
  void callerMistakesAreNpeOrIaeThatSayWhatWasWrong() throws IOException {
    Path file = Files.writeString(dir.resolve("city.geojson"), JSON);
    GridMap map = GridMaps.read(file);

    assertThatThrownBy(() -> GridMaps.read(List.of(), GridMapOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("reading a grid map needs at least one file, got none");
    assertThatThrownBy(() -> GridMaps.read())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one file");
    assertThatThrownBy(() -> GridMaps.read(List.of(file), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("options");
    List<Path> withNull = new ArrayList<>(Arrays.asList(file, null));
    assertThatThrownBy(() -> GridMaps.read(withNull, GridMapOptions.defaults()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("files[1] is null");
    assertThatThrownBy(() -> GridMaps.read((InputStream) null, "x"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("in");
    assertThatThrownBy(() -> GridMaps.read(stream(JSON), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("sourceName");
    assertThatThrownBy(() -> GridMaps.write(map, new ByteArrayOutputStream(), 16))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("decimals must be -1 (exact) or 0 to 15, got 16");
    assertThatThrownBy(() -> GridMaps.write(null, new ByteArrayOutputStream()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("map");
  }

  @Test
  void badDecimalsLeaveTheTargetFileUntouched() throws IOException {
    Path file = Files.writeString(dir.resolve("city.geojson"), JSON);
    GridMap map = GridMaps.read(file);

    assertThatThrownBy(() -> GridMaps.write(map, file, -2))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(Files.readString(file)).isEqualTo(JSON);
    try (var files = Files.list(dir)) {
      assertThat(files).hasSize(1);
    }
  }

  /**
   * Counts are integers written as integers, the same rule as the hierarchy format: {@code 1e3} and
   * {@code 1.0} are refused at their property, {@code 1000} is read.
   */
  @Test
  void countsWithAFractionOrExponentAreRefusedAsInTheHierarchyFormat() {
    String street = "\"level\":\"street\"";
    for (String bad : List.of("1e3", "1.0", "1000.000", "-1", "2147483648", "\"12\"")) {
      for (String member : List.of("households", "population")) {
        String json = JSON.replaceFirst(street, street + ",\"" + member + "\":" + bad);
        assertThatThrownBy(() -> GridMaps.read(stream(json), "counts.geojson"))
            .as("%s %s", member, bad)
            .isInstanceOf(InvalidInputException.class)
            .hasMessageContaining("/features/0/properties/" + member)
            .hasMessageContaining("whole number");
      }
    }
    String good = JSON.replaceFirst(street, street + ",\"households\":1000");
    assertThat(
            GridMaps.read(stream(good), "counts.geojson")
                .grid(org.gridgov.core.GridId.of("S1"))
                .orElseThrow()
                .households())
        .hasValue(1000);
  }

  @Test
  void badDataIsALocatedInvalidInputException() {
    String typo = JSON.replaceFirst("\"Polygon\"", "\"Polygone\"");

    InvalidInputException e =
        (InvalidInputException)
            org.assertj.core.api.Assertions.catchThrowable(
                () -> GridMaps.read(stream(typo), "typo.geojson"));

    assertThat(e.source()).hasValue("typo.geojson");
    assertThat(e.line()).isPresent();
    assertThat(e.column()).isPresent();
    assertThat(e.pointer()).hasValue("/features/0/geometry/type");
    assertThat(e.reason())
        .isEqualTo(
            "unknown geometry type 'Polygone'; a grid is a Polygon or MultiPolygon"
                + " (did you mean \"Polygon\"?)");
    assertThat(e.problems().errors())
        .singleElement()
        .satisfies(f -> assertThat(f.code()).isEqualTo("BAD_VALUE"));
  }

  @Test
  void structuralProblemsAreLocatedAtTheirFeature() {
    String twice =
        collection(
            feature("S1", "street", null, rect(0, 0, 2, 2)),
            feature("S1", "street", null, rect(2, 0, 4, 2)));
    String orphan =
        collection(
            feature("S1", "street", null, rect(0, 0, 2, 2)),
            feature("C9", "community", "S9", rect(0, 0, 1, 1)));

    InvalidInputException dup =
        (InvalidInputException)
            org.assertj.core.api.Assertions.catchThrowable(
                () -> GridMaps.read(stream(twice), "m.geojson"));
    InvalidInputException parent =
        (InvalidInputException)
            org.assertj.core.api.Assertions.catchThrowable(
                () -> GridMaps.read(stream(orphan), "m.geojson"));

    assertThat(dup.getMessage()).startsWith("m.geojson:3:1: /features/1/id: grid id \"S1\"");
    assertThat(parent.getMessage()).startsWith("m.geojson:3:1: /features/1/properties/parent: ");
  }

  private static InputStream stream(String json) {
    return new ByteArrayInputStream(json.getBytes(UTF_8));
  }

  private static byte[] bytes(GridMap map, int decimals) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    GridMaps.write(map, out, decimals);
    return out.toByteArray();
  }
}
