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
        .contains("grid 'S1' of case k1 (level street) lies in no grid of the watched level"
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
        CliRun.of(
            "watch", "--cases", c.toString(), "--grids", map.toString(), "--slack-days", "7");
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
        CliRun.of(
            "watch", "--cases", c.toString(), "--from", "2026-03-05", "--to", "2026-03-01");
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
}
