package org.gridgov.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gridgov watch}: bad input is located (file:line) with exit 2, usage errors too. */
class WatchCommandTest {
  @TempDir Path dir;
  Path map;

  @BeforeEach
  void files() throws Exception {
    map = MapFiles.write(dir, "map.geojson", MapFiles.clean());
  }

  static String line(String id, String item, String at, String where) {
    return String.format(
        Locale.ROOT,
        "{\"id\":\"%s\",\"item\":\"%s\",\"channel\":\"patrol\",\"reportedAt\":\"%s\"%s}%n",
        id,
        item,
        at,
        where.isEmpty() ? "" : "," + where);
  }

  Path cases(String... lines) throws Exception {
    return Files.writeString(dir.resolve("cases.jsonl"), String.join("", lines));
  }

  @Test
  void aCaseWithoutReportedAtIsRefusedWithItsLine() throws Exception {
    Path c =
        cases(
            line("k1", "01001", "2026-03-02T01:00:00Z", "\"grid\":\"C1\""),
            "{\"id\":\"k2\",\"item\":\"01001\",\"channel\":\"patrol\",\"grid\":\"C1\"}\n");
    CliRun r = CliRun.of("watch", "--cases", c.toString(), "--grids", map.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("cases.jsonl:2").contains("reportedAt");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void anUnknownGridIsRefusedWithItsLineAndTheNearestId() throws Exception {
    Path c =
        cases(
            line("k1", "01001", "2026-03-02T01:00:00Z", "\"grid\":\"C1\""),
            line("k2", "01001", "2026-03-02T02:00:00Z", "\"grid\":\"C3\""));
    CliRun r = CliRun.of("watch", "--cases", c.toString(), "--grids", map.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains("cases.jsonl:2")
        .contains("grid 'C3' of case k2 is not in the map")
        .containsPattern("did you mean 'C[12]'");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void aPositionOutsideTheMapIsRefusedWithItsLine() throws Exception {
    Path c =
        cases(
            line(
                "k1",
                "01001",
                "2026-03-02T01:00:00Z",
                "\"lon\":" + MapFiles.lon(1) + ",\"lat\":" + MapFiles.lat(1)),
            line(
                "k2",
                "01001",
                "2026-03-02T02:00:00Z",
                "\"lon\":" + MapFiles.lon(9) + ",\"lat\":" + MapFiles.lat(1)));
    CliRun r = CliRun.of("watch", "--cases", c.toString(), "--grids", map.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("cases.jsonl:2").contains("of case k2 lies outside the map");
  }

  @Test
  void aGridAboveTheLevelIsRefusedUnlessSkipped() throws Exception {
    Path c = cases(line("k1", "01001", "2026-03-02T01:00:00Z", "\"grid\":\"S1\""));
    CliRun r = CliRun.of("watch", "--cases", c.toString(), "--grids", map.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains("cases.jsonl:1")
        .contains(
            "grid 'S1' of case k1 (level street) lies in no grid of the watched level"
                + " community");
  }

  @Test
  void aCaseWithNeitherGridNorPositionIsRefused() throws Exception {
    Path c = cases(line("k1", "01001", "2026-03-02T01:00:00Z", ""));
    CliRun r = CliRun.of("watch", "--cases", c.toString(), "--grids", map.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("cases.jsonl:1").contains("neither a grid nor a position");
  }

  @Test
  void aCaseFarOutOfOrderIsRefusedWithItsLine() throws Exception {
    Path c =
        cases(
            line("k1", "01001", "2026-03-20T01:00:00Z", "\"grid\":\"C1\""),
            line("k2", "01001", "2026-03-02T01:00:00Z", "\"grid\":\"C1\""));
    CliRun r =
        CliRun.of("watch", "--cases", c.toString(), "--grids", map.toString(), "--slack-days", "7");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains("cases.jsonl:2")
        .contains("reported on 2026-03-02, more than 7 days before")
        .contains("--slack-days");
  }

  @Test
  void anUnknownByValueNamesTheNearest() throws Exception {
    Path c = cases(line("k1", "01001", "2026-03-02T01:00:00Z", "\"grid\":\"C1\""));
    CliRun r = CliRun.of("watch", "--cases", c.toString(), "--by", "categroy");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--by").contains("did you mean 'category'?");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void badDatesAndLevelsAreUsageErrors() throws Exception {
    Path c = cases(line("k1", "01001", "2026-03-02T01:00:00Z", "\"grid\":\"C1\""));
    CliRun bad = CliRun.of("watch", "--cases", c.toString(), "--from", "2026-13-01");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("--from must be a date like 2026-03-01, not '2026-13-01'");
    CliRun reversed =
        CliRun.of("watch", "--cases", c.toString(), "--from", "2026-03-05", "--to", "2026-03-01");
    assertThat(reversed.code()).isEqualTo(2);
    assertThat(reversed.err()).contains("--to 2026-03-01 is before --from 2026-03-05");
    CliRun level =
        CliRun.of(
            "watch", "--cases", c.toString(), "--grids", map.toString(), "--level", "comunity");
    assertThat(level.code()).isEqualTo(2);
    assertThat(level.err()).contains("unknown level 'comunity'; did you mean 'community'?");
    CliRun noMap = CliRun.of("watch", "--cases", c.toString(), "--level", "community");
    assertThat(noMap.code()).isEqualTo(2);
    assertThat(noMap.err()).contains("--level needs the grids");
    CliRun sub = CliRun.of("watch", "--cases", c.toString(), "--by", "subcategory");
    assertThat(sub.code()).isEqualTo(2);
    assertThat(sub.err()).contains("--by subcategory needs --lists FILE");
  }

  @Test
  void anUnknownFormatNamesTheNearest() throws Exception {
    Path c = cases(line("k1", "01001", "2026-03-02T01:00:00Z", "\"grid\":\"C1\""));
    CliRun r = CliRun.of("watch", "--cases", c.toString(), "--format", "jsnl");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("did you mean 'jsonl'?");
  }

  @Test
  void aMissingCasesFileIsUnusableInput() {
    CliRun r = CliRun.of("watch", "--cases", dir.resolve("nope.jsonl").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("nope.jsonl");
  }

  /** Days from 2026-01-01: two communities with a steady background, C1 with a surge if asked. */
  Path stream(int days, int surgeFrom, int surgeCases, boolean steady) throws Exception {
    StringBuilder sb = new StringBuilder();
    int k = 0;
    java.time.LocalDate start = java.time.LocalDate.of(2026, 1, 1);
    for (int d = 0; d < days; d++) {
      String day = start.plusDays(d).toString();
      for (String grid : new String[] {"C1", "C2"}) {
        int n = steady ? 3 : 2 + (d * 7 + grid.hashCode()) % 3;
        if (grid.equals("C1") && d >= surgeFrom && d < surgeFrom + 3) {
          n += surgeCases;
        }
        for (int i = 0; i < n; i++) {
          String at = day + "T0" + (1 + i % 8) + ":00:00Z";
          boolean byPosition = i % 2 == 1;
          String where =
              byPosition
                  ? "\"lon\":"
                      + MapFiles.lon(grid.equals("C1") ? 1 : 3)
                      + ",\"lat\":"
                      + MapFiles.lat(1)
                  : "\"grid\":\"" + grid + "\"";
          sb.append(line("k" + k++, "01001", at, where));
        }
      }
    }
    return Files.writeString(dir.resolve("stream.jsonl"), sb.toString());
  }

  @Test
  void aPlantedSurgeIsAlertedInItsCommunityAndExitsOne() throws Exception {
    Path c = stream(70, 60, 15, false);
    CliRun r = CliRun.of("watch", "--cases", c.toString(), "--grids", map.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(1);
    assertThat(r.err()).contains("cases read").contains("counted over 70 days");
    java.util.List<com.fasterxml.jackson.databind.JsonNode> alerts =
        r.out().lines().map(l -> org.gridgov.core.io.Json.parseLine(l, "out", 1)).toList();
    assertThat(alerts).isNotEmpty();
    assertThat(alerts)
        .anySatisfy(
            a -> {
              assertThat(a.get("grids").toString()).isEqualTo("[\"C1\"]");
              assertThat(a.get("category").asText()).isEqualTo("01001");
              assertThat(a.get("start").asText()).isBetween("2026-03-02", "2026-03-04");
              assertThat(a.get("observed").asLong()).isGreaterThanOrEqualTo(15);
            });
    assertThat(alerts)
        .as("nothing alerts in the quiet community")
        .noneMatch(a -> a.get("grids").toString().equals("[\"C2\"]"));
    CliRun csv =
        CliRun.of("watch", "--cases", c.toString(), "--grids", map.toString(), "--format", "csv");
    assertThat(csv.code()).isEqualTo(1);
    assertThat(csv.out()).startsWith(AlertFormats.CSV_HEADER + "\n");
    assertThat(csv.out().lines().count()).isEqualTo(alerts.size() + 1);
    CliRun text =
        CliRun.of("watch", "--cases", c.toString(), "--grids", map.toString(), "--format", "text");
    assertThat(text.out()).contains(alerts.size() + " alert");
  }

  @Test
  void aSteadyStreamHasNoAlertAndExitsZero() throws Exception {
    Path c = stream(70, 0, 0, true);
    CliRun r = CliRun.of("watch", "--cases", c.toString(), "--grids", map.toString());
    assertThat(r.err()).contains("watch: 0 alerts");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEmpty();
  }

  @Test
  void aConfigFileIsRead() throws Exception {
    Path c = stream(70, 60, 15, false);
    Path config =
        Files.writeString(
            dir.resolve("watch.json"),
            "{\"format\":\"gridgov.watch/1\",\"detectors\":{"
                + "\"ewma\":{\"enabled\":false},\"poisson_cusum\":{\"enabled\":false},"
                + "\"negbin_cusum\":{\"enabled\":false},\"farrington\":{\"enabled\":false},"
                + "\"moving_percentile\":{\"enabled\":false},"
                + "\"space_time_scan\":{\"enabled\":false}}}");
    CliRun r =
        CliRun.of(
            "watch",
            "--cases",
            c.toString(),
            "--grids",
            map.toString(),
            "--config",
            config.toString());
    assertThat(r.code()).as(r.err()).isZero();
    Path bad =
        Files.writeString(
            dir.resolve("bad.json"), "{\"format\":\"gridgov.watch/1\",\"mergeGap\":1}");
    CliRun b = CliRun.of("watch", "--cases", c.toString(), "--config", bad.toString());
    assertThat(b.code()).isEqualTo(2);
    assertThat(b.err()).contains("bad.json").contains("mergeGapDays");
  }

  @Test
  void skippedCasesAreCountedOnStderr() throws Exception {
    Path c =
        cases(
            line("k1", "01001", "2026-03-02T01:00:00Z", "\"grid\":\"C1\""),
            line("k2", "01001", "2026-03-02T02:00:00Z", "\"grid\":\"C9\""),
            line("k3", "01001", "2026-03-02T02:00:00Z", "\"grid\":\"S1\""));
    CliRun r =
        CliRun.of("watch", "--cases", c.toString(), "--grids", map.toString(), "--skip-unplaced");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err())
        .contains("watch: 3 cases read, 1 counted over 1 days")
        .contains(
            "2 cases not counted (--skip-unplaced): 1 with an unknown grid, 1 above the level")
        .contains("first: " + c + ":2: grid 'C9'");
  }
}
