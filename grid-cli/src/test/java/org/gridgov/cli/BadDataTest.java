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
}
