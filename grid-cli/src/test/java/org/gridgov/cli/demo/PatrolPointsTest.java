package org.gridgov.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.gridgov.core.GeoPoint;
import org.gridgov.core.GridId;
import org.gridgov.core.InvalidInputException;
import org.junit.jupiter.api.Test;

class PatrolPointsTest {
  private static List<PatrolPoint> read(String json) {
    return PatrolPoints.read(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "points.geojson");
  }

  @Test
  void writeThenReadGivesTheSamePoints() throws IOException {
    List<PatrolPoint> points = Samples.bundled().patrolPoints().subList(0, 20);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PatrolPoints.write(points, out);
    assertThat(read(out.toString(StandardCharsets.UTF_8))).isEqualTo(points);
  }

  @Test
  void badInputIsLocated() {
    String ok =
        "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":"
            + "{\"type\":\"Point\",\"coordinates\":[116.9,31.0]},\"properties\":{\"id\":\"a\","
            + "\"name\":\"n\",\"kind\":\"road\",\"grid\":\"34188100100101\"}}]}";
    assertThat(read(ok))
        .containsExactly(
            new PatrolPoint(
                "a",
                "n",
                PatrolPoint.Kind.ROAD,
                GridId.of("34188100100101"),
                GeoPoint.of(116.9, 31.0)));
    assertThatThrownBy(() -> read(ok.replace("road", "bridge")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("points.geojson")
        .hasMessageContaining("/features/0/properties/kind");
    assertThatThrownBy(() -> read(ok.replace("\"name\"", "\"nom\"")))
        .hasMessageContaining("/features/0/properties/nom");
    assertThatThrownBy(() -> read(ok.replace("Point", "LineString")))
        .hasMessageContaining("/features/0/geometry");
    assertThatThrownBy(() -> read(ok.replace("]}", "]")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("malformed JSON");
    String twice =
        ok.replace(
            "}}]}",
            "}}," + ok.substring(ok.indexOf("{\"type\":\"Feature\""), ok.length() - 2) + "]}");
    assertThatThrownBy(() -> read(twice)).hasMessageContaining("/features/1/properties/id");
  }
}
