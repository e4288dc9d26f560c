package org.gridgov.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad data fed to every command that reads files: exit 2 with one line naming the file (and the
 * line or pointer where the format has them), never exit 3 "internal error".
 */
class BadDataTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  /** Exit 2, one line on stderr starting with {@code gridgov: FILE:}, no internal error. */
  private static void unusable(CliRun r, Path file, String... contains) {
    assertThat(r.code()).as(r.err()).isEqualTo(GridGovCli.UNUSABLE);
    assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
    assertThat(r.err()).startsWith("gridgov: " + file + ":").doesNotContain("internal error");
    for (String c : contains) {
      assertThat(r.err()).contains(c);
    }
  }

  @Test
  void hierarchy() throws IOException {
    Path f = write("h.json", "{\"grids\": [{\"id\": \"a\", \"level\": 7}]}");
    unusable(CliRun.of("hierarchy", "--grids", f.toString()), f, "/grids/0/level");
  }

  @Test
  void validateAndLocateReadTheMapTheSameWay() throws IOException {
    Path map = write("map.geojson", "{\"type\": \"FeatureCollection\", \"features\": [{]}");
    unusable(CliRun.of("validate", "--grids", map.toString()), map);
    Path in = write("p.csv", "id,lon,lat\np,1,2\n");
    unusable(CliRun.of("locate", "--grids", map.toString(), "--in", in.toString()), map);
  }

  @Test
  void locateNamesTheLineOfAGbkEncodedRow() throws IOException {
    Path map = MapFiles.write(dir, "map.geojson", MapFiles.clean());
    Path in = dir.resolve("gbk.csv");
    Files.write(in, "id,lon,lat\n网格点,1,2\n".getBytes(Charset.forName("GBK")));
    unusable(
        CliRun.of("locate", "--grids", map.toString(), "--in", in.toString()), in, ":2: ", "GBK");
  }

  @Test
  void decideAndVerifyTableReadTheTableTheSameWay() throws IOException {
    Path t =
        write(
            "t.json",
            "{\"name\":\"t\",\"hitPolicy\":\"UNIQUE\",\"inputs\":[{\"name\":\"x\",\"type\":\"number\"}],"
                + "\"outputs\":[{\"name\":\"y\",\"type\":\"string\"}],"
                + "\"rules\":[{\"when\":[\">= \"],\"then\":[\"a\"]}]}");
    unusable(CliRun.of("verify-table", "--table", t.toString()), t, "/rules/0");
    unusable(CliRun.of("decide", "--table", t.toString(), "--in", t.toString()), t, "/rules/0");
  }

  @Test
  void checkLists() throws IOException {
    Path f = write("lists.json", "{\"items\": [{\"code\": 1}]}");
    unusable(CliRun.of("check-lists", "--lists", f.toString()), f, "/items/0");
  }

  @Test
  void scoreNamesTheCasesLineAndTheCountsLine() throws IOException {
    Path cases = write("cases.jsonl", "{\"id\": \"a\"}\n");
    unusable(
        CliRun.of("score", "--scheme", "tongcheng-2022", "--cases", cases.toString()), cases, ":1");
    Path gbk = dir.resolve("gbk.jsonl");
    Files.write(gbk, "{\"id\": \"网格\"}\n".getBytes(Charset.forName("GBK")));
    unusable(
        CliRun.of("score", "--scheme", "tongcheng-2022", "--cases", gbk.toString()),
        gbk,
        ":1",
        "GBK");
  }

  @Test
  void missingFilesSayNoSuchFile() {
    Path none = dir.resolve("none.json");
    unusable(CliRun.of("verify-table", "--table", none.toString()), none, "no such file");
    unusable(CliRun.of("check-lists", "--lists", none.toString()), none, "no such file");
    unusable(
        CliRun.of("score", "--scheme", "tongcheng-2022", "--cases", none.toString()),
        none,
        "no such file");
  }

  @Test
  void aDirectoryGivenForAFileSaysSo() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("plans.json"));
    unusable(
        CliRun.of("check-lists", "--lists", folder.toString()),
        folder,
        "is a directory, not a file");
  }

  private Path gbk(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.write(p, text.getBytes(Charset.forName("GBK")));
    return p;
  }

  /**
   * Every file the command line reads refuses GBK bytes at their line with the advice to save as
   * UTF-8 (the JSON Lines of score and decide, and locate's points, are tested above): hierarchy,
   * lists, schemes, calendars, time limits, extra counts, decision tables in JSON and DMN, a city
   * directory and a policy variant.
   */
  @Test
  void everyReaderNamesAGbkEncodedFile() throws IOException {
    Path cases =
        write(
            "ok.jsonl",
            "{\"id\":\"a\",\"item\":\"01001\",\"channel\":\"patrol\","
                + "\"reportedAt\":\"2026-03-02T00:00:00Z\",\"grid\":\"G1\"}\n");
    String c = cases.toString();
    Path h =
        gbk("h.json", "{\"grids\": [{\"id\": \"s\", \"level\": \"street\",\n \"name\": \"金水区\"}]}");
    unusable(CliRun.of("hierarchy", "--grids", h.toString()), h, ":2:", "GBK", "save it as UTF-8");
    Path lists = gbk("lists.json", "{\"items\": [{\"code\": \"01001\", \"name\": \"市容环境\"}]}");
    unusable(CliRun.of("check-lists", "--lists", lists.toString()), lists, ":1:", "GBK");
    Path scheme =
        gbk(
            "scheme.json",
            "{\"id\": \"s\", \"name\": \"考核\", \"citation\": {\"title\": \"t\", \"source\": \"s\"},"
                + " \"components\": [{\"indicator\": \"response_rate\", \"weight\": 100}]}");
    unusable(CliRun.of("score", "--scheme", scheme.toString(), "--cases", c), scheme, ":1:", "GBK");
    Path cal = gbk("cal.json", "{\"name\": \"郑州\", \"zone\": \"Asia/Shanghai\"}");
    unusable(
        CliRun.of(
            "score", "--scheme", "tongcheng-2022", "--cases", c, "--calendar", cal.toString()),
        cal,
        ":1:",
        "GBK");
    Path limits = gbk("limits.json", "{\"limits\": [{\"item\": \"01001\", \"name\": \"市容\"}]}");
    unusable(
        CliRun.of(
            "score", "--scheme", "tongcheng-2022", "--cases", c, "--limits", limits.toString()),
        limits,
        ":1:",
        "GBK");
    Path counts =
        gbk("counts.csv", "kind,unit,month,count,value\ndepartment,城管局,2026-03,intakes,1\n");
    unusable(
        CliRun.of(
            "score", "--scheme", "tongcheng-2022", "--cases", c, "--counts", counts.toString()),
        counts,
        ":2:",
        "GBK");
    unusable(
        CliRun.of("score", "--scheme", "tongcheng-2022", "--cases", c, "--hierarchy", h.toString()),
        h,
        ":2:",
        "GBK");
    Path table =
        gbk(
            "t.json",
            "{\"name\":\"表\",\"hitPolicy\":\"UNIQUE\",\"inputs\":[{\"name\":\"x\",\"type\":\"number\"}],"
                + "\"outputs\":[{\"name\":\"y\",\"type\":\"string\"}],"
                + "\"rules\":[{\"when\":[\"> 1\"],\"then\":[\"是\"]}]}");
    unusable(CliRun.of("verify-table", "--table", table.toString()), table, ":1:", "GBK");
    unusable(CliRun.of("decide", "--table", table.toString(), "--in", c), table, ":1:", "GBK");
    Path dmn =
        gbk(
            "t.dmn",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<definitions"
                + " xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\" id=\"d\" name=\"两\""
                + " namespace=\"x\"></definitions>\n");
    unusable(CliRun.of("verify-table", "--table", dmn.toString()), dmn, ":2:", "GBK");
    unusable(CliRun.of("decide", "--table", dmn.toString(), "--in", c), dmn, ":2:", "GBK");
    Files.writeString(
        dir.resolve("v.json"), "{\"format\": \"gridgov-variant/1\", \"name\": \"a\"}");
    String v = dir.resolve("v.json").toString();
    Path cityHierarchy =
        gbk(
            "city1/hierarchy.json",
            "{\"grids\": [{\"id\": \"s\", \"level\": \"street\", \"name\": \"金水\"}]}");
    unusable(
        CliRun.of("simulate", "--city", dir.resolve("city1").toString(), "--policy", v),
        cityHierarchy,
        ":1:",
        "GBK");
    Files.createDirectories(dir.resolve("city2"));
    Files.writeString(
        dir.resolve("city2/hierarchy.json"),
        "{\"grids\": [{\"id\": \"s\", \"level\": \"street\"}]}");
    Path cityLists =
        gbk("city2/lists.json", "{\"items\": [{\"code\": \"01001\", \"name\": \"市容\"}]}");
    unusable(
        CliRun.of("simulate", "--city", dir.resolve("city2").toString(), "--policy", v),
        cityLists,
        ":1:",
        "GBK");
    Files.createDirectories(dir.resolve("city3"));
    Files.writeString(
        dir.resolve("city3/hierarchy.json"),
        "{\"grids\": [{\"id\": \"s\", \"level\": \"street\"}]}");
    Path cityCalendar =
        gbk("city3/calendar.json", "{\"name\": \"郑州\", \"zone\": \"Asia/Shanghai\"}");
    unusable(
        CliRun.of("simulate", "--city", dir.resolve("city3").toString(), "--policy", v),
        cityCalendar,
        ":1:",
        "GBK");
    Files.createDirectories(dir.resolve("city4"));
    Files.writeString(
        dir.resolve("city4/hierarchy.json"),
        "{\"grids\": [{\"id\": \"s\", \"level\": \"street\"}]}");
    Path variant = gbk("gv.json", "{\"format\": \"gridgov-variant/1\", \"name\": \"长\"}");
    unusable(
        CliRun.of(
            "simulate", "--city", dir.resolve("city4").toString(), "--policy", variant.toString()),
        variant,
        ":1:",
        "GBK");
  }
}
