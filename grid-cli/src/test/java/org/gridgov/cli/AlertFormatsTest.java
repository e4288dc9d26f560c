package org.gridgov.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.gridgov.core.io.Json;
import org.gridgov.watch.Alert;
import org.gridgov.watch.Detector;
import org.junit.jupiter.api.Test;

/** The alert formats of {@code gridgov watch} on hand-made alerts: members, header, rounding. */
class AlertFormatsTest {
  static final Alert CUSUM =
      new Alert(
          LocalDate.of(2026, 3, 2),
          LocalDate.of(2026, 3, 5),
          LocalDate.of(2026, 3, 3),
          List.of("341881003002"),
          "06",
          Alert.ALL_CHANNELS,
          Detector.POISSON_CUSUM,
          12,
          3.1,
          7.2,
          5.0,
          OptionalDouble.empty(),
          false);

  static final Alert SCAN =
      new Alert(
          LocalDate.of(2026, 3, 4),
          LocalDate.of(2026, 3, 4),
          LocalDate.of(2026, 3, 4),
          List.of("c1", "c2", "c3", "c4"),
          "市容环境",
          "hotline_12345",
          Detector.SPACE_TIME_SCAN,
          30,
          11.123456,
          9.87654321,
          Double.NaN,
          OptionalDouble.of(0.001),
          true);

  @Test
  void jsonLinesHaveExactlyTheDocumentedMembers() {
    String out = AlertFormats.jsonl(List.of(CUSUM, SCAN));
    String[] lines = out.split("\n");
    assertThat(lines).hasSize(2);
    assertThat(lines[0])
        .isEqualTo(
            "{\"start\":\"2026-03-02\",\"end\":\"2026-03-05\",\"peak\":\"2026-03-03\","
                + "\"grids\":[\"341881003002\"],\"category\":\"06\",\"channel\":\"all\","
                + "\"detector\":\"poisson_cusum\",\"observed\":12,\"expected\":3.1,\"score\":7.2,"
                + "\"threshold\":5,\"open\":false}");
    JsonNode scan = Json.parseLine(lines[1], "out", 2);
    List<String> names = new ArrayList<>();
    scan.fieldNames().forEachRemaining(names::add);
    assertThat(names)
        .containsExactly(
            "start",
            "end",
            "peak",
            "grids",
            "category",
            "channel",
            "detector",
            "observed",
            "expected",
            "score",
            "threshold",
            "pValue",
            "open");
    assertThat(scan.get("grids")).hasSize(4);
    assertThat(scan.get("expected").decimalValue()).isEqualByComparingTo("11.123");
    assertThat(scan.get("score").decimalValue()).isEqualByComparingTo("9.877");
    assertThat(scan.get("threshold").isNull()).as("NaN is null").isTrue();
    assertThat(scan.get("pValue").decimalValue()).isEqualByComparingTo("0.001");
    assertThat(scan.get("category").asText()).isEqualTo("市容环境");
  }

  @Test
  void csvHasTheDocumentedHeaderAndGridsJoinedBySemicolons() {
    assertThat(AlertFormats.csv(List.of(CUSUM, SCAN)))
        .isEqualTo(
            "start,end,peak,grids,category,channel,detector,observed,expected,score,threshold,"
                + "p_value,open\n"
                + "2026-03-02,2026-03-05,2026-03-03,341881003002,06,all,poisson_cusum,12,3.1,7.2,5,"
                + ",false\n"
                + "2026-03-04,2026-03-04,2026-03-04,c1;c2;c3;c4,市容环境,hotline_12345,"
                + "space_time_scan,30,11.123,9.877,,0.001,true\n");
    assertThat(AlertFormats.csv(List.of())).isEqualTo(AlertFormats.CSV_HEADER + "\n");
  }

  @Test
  void textIsAnAlignedTableWithACount() {
    String text = AlertFormats.text(List.of(CUSUM, SCAN));
    List<String> lines = text.lines().toList();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0)).startsWith("start       end         days  grids");
    assertThat(lines.get(1))
        .startsWith("2026-03-02  2026-03-05     4  341881003002")
        .contains("poisson_cusum")
        .endsWith("closed");
    assertThat(lines.get(2)).contains("c1;c2;c3 +1 more").contains("市容环境").endsWith("open");
    // the detector column starts at the same terminal column in every row (CJK counts two)
    int[] at =
        lines.subList(0, 3).stream()
            .mapToInt(
                l ->
                    AlertFormats.displayWidth(
                        l.substring(
                            0,
                            l.indexOf(
                                l.contains("detector")
                                    ? "detector"
                                    : l.contains("poisson") ? "poisson" : "space_time"))))
            .toArray();
    assertThat(at[1]).isEqualTo(at[0]);
    assertThat(at[2]).isEqualTo(at[0]);
    assertThat(lines.get(3)).isEqualTo("2 alerts (1 open)");
    assertThat(AlertFormats.text(List.of())).endsWith("0 alerts (0 open)\n");
  }

  @Test
  void roundingKeepsThreeDecimalsAndDropsTrailingZeros() {
    assertThat(AlertFormats.round(2.0).toPlainString()).isEqualTo("2");
    assertThat(AlertFormats.round(0.12345).toPlainString()).isEqualTo("0.123");
    assertThat(AlertFormats.round(1200.5).toPlainString()).isEqualTo("1200.5");
  }
}
