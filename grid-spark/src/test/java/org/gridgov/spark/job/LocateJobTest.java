package org.gridgov.spark.job;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.gridgov.cli.GridGovCli;
import org.gridgov.fixtures.CitySpec;
import org.gridgov.fixtures.SyntheticCity;
import org.gridgov.geo.CoordinateSystem;
import org.gridgov.geo.GridMap;
import org.gridgov.geo.GridMapOptions;
import org.gridgov.geo.GridMaps;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Polygon;
import picocli.CommandLine;

/**
 * {@code gridgov-spark locate} against {@code gridgov locate} on the same files: the same rows,
 * byte for byte, the same located errors, and the bad rows set aside with {@code --skip-bad}. The
 * session splits files into 32 KB partitions, so every input is read in several splits.
 */
class LocateJobTest {
  private static SparkSession spark;
  @TempDir static Path dir;
  private static Path map;
  private static Path points;
  private static int rows;

  @BeforeAll
  static void start() throws IOException {
    spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("LocateJobTest")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.sql.files.maxPartitionBytes", "32768")
            .config("spark.sql.files.openCostInBytes", "0")
            .getOrCreate();
    SyntheticCity city = SyntheticCity.generate(CitySpec.tongcheng().withExclusiveGrids(6), 7);
    GridMap m =
        GridMaps.of(
            city.hierarchy(),
            city.polygons(),
            GridMapOptions.defaults()
                .withMode(GridMapOptions.Mode.TRUSTED)
                .withCoordinateSystem(CoordinateSystem.WGS84));
    map = dir.resolve("city.geojson");
    GridMaps.writeGeoJson(m, map);
    List<String> lines = new ArrayList<>();
    Envelope e = city.extent();
    Random r = new Random(5);
    for (int i = 0; i < 20_000; i++) {
      double lon = e.getMinX() - 0.01 + r.nextDouble() * (e.getWidth() + 0.02);
      double lat = e.getMinY() - 0.01 + r.nextDouble() * (e.getHeight() + 0.02);
      lines.add(id(i) + "," + lon + "," + lat);
    }
    int i = 20_000;
    for (Polygon p : city.polygons().values()) {
      for (Coordinate c : p.getExteriorRing().getCoordinates()) {
        lines.add(id(i++) + "," + c.x + ", " + c.y); // on shared edges and vertices
      }
    }
    rows = lines.size();
    points = dir.resolve("points.csv");
    write(points, "ID, Lon ,LAT", lines);
  }

  /** Ids of every shape: plain, with spaces to trim, and ones that need quotes. */
  private static String id(int i) {
    return switch (i % 50) {
      case 1 -> "\"P," + i + "\"";
      case 2 -> "\"say \"\"" + i + "\"\"\"";
      case 3 -> "  p" + i + "\t";
      case 4 -> "\" p" + i + "\"";
      case 5 -> "网格" + i;
      default -> "p" + i;
    };
  }

  private static void write(Path file, String header, List<String> lines) throws IOException {
    Files.writeString(file, header + "\n" + String.join("\n", lines) + "\n", UTF_8);
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  record Run(int code, String err) {}

  static Run job(String... args) {
    StringWriter err = new StringWriter();
    int code =
        new CommandLine(new LocateJob())
            .setErr(new PrintWriter(err, true))
            .setOut(new PrintWriter(new StringWriter(), true))
            .execute(args);
    return new Run(code, err.toString());
  }

  static Run cli(String... args) {
    StringWriter err = new StringWriter();
    int code =
        GridGovCli.execute(
            args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    return new Run(code, err.toString());
  }

  /** The part files of a job's output, in name order. */
  static List<Path> parts(Path out) throws IOException {
    try (Stream<Path> s = Files.list(out)) {
      return s.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList();
    }
  }

  /** The rows of every part file (each must start with the header), sorted. */
  static List<String> rowsOf(Path out, String header) throws IOException {
    List<String> all = new ArrayList<>();
    List<Path> parts = parts(out);
    assertThat(parts).isNotEmpty().allMatch(p -> p.toString().endsWith(".csv"));
    for (Path p : parts) {
      String text = Files.readString(p, UTF_8);
      assertThat(text).startsWith(header + "\n");
      all.addAll(records(text.substring(header.length() + 1)));
    }
    all.sort(null);
    return all;
  }

  /** The records of CSV text (a quoted field may hold a line break), as written. */
  static List<String> records(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '\n' && !quoted) {
        out.add(text.substring(start, i));
        start = i + 1;
      }
    }
    assertThat(start).as("text ends with a line break").isEqualTo(text.length());
    return out;
  }

  static List<String> cliRows(Path file) throws IOException {
    String text = Files.readString(file, UTF_8);
    assertThat(text).startsWith(LocateJob.HEADER + "\n");
    List<String> rows = records(text.substring(LocateJob.HEADER.length() + 1));
    rows.sort(null);
    return rows;
  }

  @Test
  void partFilesHoldTheRowsGridgovLocateWritesByteForByte() throws IOException {
    Path out = dir.resolve("located");
    Path expected = dir.resolve("expected.csv");
    assertThat(
            cli(
                    "locate",
                    "--grids",
                    map.toString(),
                    "--in",
                    points.toString(),
                    "--out",
                    expected.toString())
                .code())
        .isZero();

    Run run =
        job(
            "--grids",
            map.toString(),
            "--in",
            points.toString(),
            "--out",
            out.toString(),
            "--master",
            "local[2]");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(parts(out)).hasSizeGreaterThan(1);
    List<String> want = cliRows(expected);
    assertThat(want).hasSize(rows);
    assertThat(rowsOf(out, LocateJob.HEADER)).isEqualTo(want);
    assertThat(want).anyMatch(r -> r.startsWith("\"P,"));
    assertThat(want).anyMatch(r -> r.matches("[^,]*,,,.*")); // outside the map
    assertThat(want).anyMatch(r -> !r.endsWith(",")); // in an exclusive grid
    assertThat(Files.exists(dir.resolve("located.bad"))).isFalse();
  }

  @Test
  void inputSystemIsConvertedAsGridgovLocateDoes() throws IOException {
    Path out = dir.resolve("located-gcj");
    Path expected = dir.resolve("expected-gcj.csv");
    assertThat(
            cli(
                    "locate",
                    "--grids",
                    map.toString(),
                    "--in",
                    points.toString(),
                    "--out",
                    expected.toString(),
                    "--crs",
                    "gcj02")
                .code())
        .isZero();
    Run run =
        job(
            "--grids",
            map.toString(),
            "--in",
            points.toString(),
            "--out",
            out.toString(),
            "--crs",
            "gcj02");
    assertThat(run.code()).as(run.err()).isZero();
    List<String> want = cliRows(expected);
    assertThat(rowsOf(out, LocateJob.HEADER)).isEqualTo(want);
  }

  private static Path withBadLines(String name, List<String> bad, int... at) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(points, UTF_8));
    for (int k = 0; k < bad.size(); k++) {
      lines.set(at[k] - 1, bad.get(k)); // 1-based line numbers
    }
    Path file = dir.resolve(name);
    write(file, lines.get(0), lines.subList(1, lines.size()));
    return file;
  }

  @Test
  void aBadRowFailsTheJobWithItsFileAndLineAsGridgovLocateSays() throws IOException {
    Path bad =
        withBadLines(
            "bad.csv",
            List.of("q1,113.6,34.7", "q2,abc,31.0", "q3,116.9,95"),
            9000,
            12_345,
            15_000);
    Path out = dir.resolve("never");

    Run run = job("--grids", map.toString(), "--in", bad.toString(), "--out", out.toString());
    Run reference =
        cli(
            "locate",
            "--grids",
            map.toString(),
            "--in",
            bad.toString(),
            "--out",
            dir.resolve("never.csv").toString());

    assertThat(run.code()).as(run.err()).isEqualTo(2);
    assertThat(reference.code()).isEqualTo(2);
    String message = bad + ":12345: lon 'abc' is not a finite decimal number";
    assertThat(reference.err()).contains("gridgov: " + message);
    assertThat(run.err()).contains("gridgov-spark locate: " + message);
    assertThat(Files.exists(out)).as("no output after a failed job").isFalse();
  }

  @Test
  void skipBadCountsTheBadRowsAndWritesThemAside() throws IOException {
    Path bad =
        withBadLines(
            "skip.csv",
            List.of("q2,abc,31.0", "q3,116.9,95", "q4,116.9", "  ,116.9,31.0", "   ", "q6,NaN,31"),
            100,
            5000,
            9000,
            12_000,
            13_000,
            19_999);
    // The CLI's CSV rules, not Spark's: text after a closing quote, a quoted id with a line break
    // (one bad row, no phantom row from its second line), bytes that are not UTF-8 (GBK), a NUL
    // line and a line of control characters are bad rows; an empty line is skipped.
    byte[] gbk = "网格,113.6,34.7".getBytes(java.nio.charset.Charset.forName("GBK"));
    byte[] tail =
        concat(
            "\"x\"y,113.6,34.7\n\"multi\nline\",113.6,34.7\n\n\0\n\u0001\u0002\n".getBytes(UTF_8),
            gbk,
            "\n".getBytes(UTF_8));
    Files.write(bad, tail, java.nio.file.StandardOpenOption.APPEND);
    Path out = dir.resolve("skipped");
    Files.createDirectories(out);
    Files.writeString(Files.createDirectories(Path.of(out + ".bad")).resolve("stale.csv"), "old");
    Run run =
        job(
            "--grids",
            map.toString(),
            "--in",
            bad.toString(),
            "--out",
            out.toString(),
            "--skip-bad",
            "--force");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.err())
        .contains("gridgov-spark locate: 10 bad rows skipped, written to " + out + ".bad");
    assertThat(rowsOf(Path.of(out + ".bad"), LocateJob.BAD_HEADER))
        .containsExactlyInAnyOrder(
            "\"\"\"  \"\",116.9,31.0\",the id is empty",
            "\"q2,abc,31.0\",lon 'abc' is not a finite decimal number",
            "\"q3,116.9,95\",\"lat 95.0 is not within [-90, 90]\"",
            "\"q4,116.9\",\"expected 3 fields id,lon,lat, found 2\"",
            "\"q6,NaN,31\",lon 'NaN' is not a finite decimal number",
            "\"\"\"x\"\"y,113.6,34.7\",\"unexpected character 'y' after a closing quote; a quote"
                + " inside a quoted field is written \"\"\"\"\"",
            "\"\"\"multi\nline\"\",113.6,34.7\"," + LocateJob.MULTI_LINE,
            "\0,\"expected 3 fields id,lon,lat, found 1\"",
            "\u0001\u0002,\"expected 3 fields id,lon,lat, found 1\"",
            "\"" + new String(gbk, UTF_8) + "\",the file looks GBK-encoded; save it as UTF-8");
    assertThat(Path.of(out + ".bad", "stale.csv")).as("--force replaces DIR.bad").doesNotExist();

    // The good rows are gridgov locate's answer on the file without the bad lines.
    List<String> kept =
        new ArrayList<>(Files.readAllLines(bad, java.nio.charset.StandardCharsets.ISO_8859_1));
    kept = new ArrayList<>(kept.subList(0, kept.size() - 7)); // the lines appended above
    for (int line : new int[] {19_999, 13_000, 12_000, 9000, 5000, 100}) {
      kept.remove(line - 1);
    }
    Path good = dir.resolve("good.csv");
    Files.writeString(
        good,
        String.join("\n", kept) + "\n",
        java.nio.charset.StandardCharsets.ISO_8859_1); // the bytes as they were
    Path expected = dir.resolve("expected-good.csv");
    assertThat(
            cli(
                    "locate",
                    "--grids",
                    map.toString(),
                    "--in",
                    good.toString(),
                    "--out",
                    expected.toString())
                .code())
        .isZero();
    assertThat(rowsOf(out, LocateJob.HEADER)).isEqualTo(cliRows(expected));
  }

  @Test
  void anExistingOutputIsRefusedUnlessForced() throws IOException {
    Path out = dir.resolve("exists");
    Files.createDirectories(out);
    Files.writeString(out.resolve("keep.txt"), "mine");

    Run refused =
        job("--grids", map.toString(), "--in", points.toString(), "--out", out.toString());
    assertThat(refused.code()).isEqualTo(2);
    assertThat(refused.err())
        .contains(out + ": exists; gridgov-spark writes a new directory (--force replaces it)");
    assertThat(Files.readString(out.resolve("keep.txt"))).isEqualTo("mine");

    // An --out that is or holds an input is refused even with --force; nothing is deleted.
    Path inside = Files.createDirectories(dir.resolve("holds-input"));
    Path input = Files.copy(points, inside.resolve("points.csv"));
    Run holds =
        job(
            "--grids",
            map.toString(),
            "--in",
            input.toString(),
            "--out",
            inside.toString(),
            "--force");
    assertThat(holds.code()).isEqualTo(2);
    assertThat(holds.err()).contains(inside + ": is or holds the input " + input);
    assertThat(input).exists();
    Run same =
        job(
            "--grids",
            map.toString(),
            "--in",
            input.toString(),
            "--out",
            input.toString(),
            "--force");
    assertThat(same.code()).isEqualTo(2);
    assertThat(input).exists();

    // A stale DIR.bad goes with --force; --skip-bad without bad rows writes its header only.
    Path stale = Files.createDirectories(Path.of(out + ".bad"));
    Files.writeString(stale.resolve("part-00000.csv"), "row,problem\nold,old\n");
    Run forced =
        job(
            "--grids",
            map.toString(),
            "--in",
            points.toString(),
            "--out",
            out.toString(),
            "--force",
            "--skip-bad");
    assertThat(forced.code()).as(forced.err()).isZero();
    assertThat(forced.err()).contains("0 bad rows skipped");
    assertThat(out.resolve("keep.txt")).doesNotExist();
    assertThat(rowsOf(out, LocateJob.HEADER)).hasSize(rows);
    assertThat(rowsOf(stale, LocateJob.BAD_HEADER)).isEmpty();
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".gridgov-"));
    }
  }

  /**
   * Without --skip-bad, the first bad row in the CLI's rules fails the job with the CLI's words and
   * line; a failed --force run leaves the old output as it was.
   */
  @Test
  void csvRulesAreGridgovLocatesAndAFailedForcedRunKeepsTheOldOutput() throws IOException {
    Path old = Files.createDirectories(dir.resolve("old"));
    Files.writeString(old.resolve("keep.txt"), "mine");
    byte[] gbk = "网格,113.6,34.7".getBytes(java.nio.charset.Charset.forName("GBK"));
    record Case(String name, byte[] second, String message) {}
    List<Case> cases =
        List.of(
            new Case(
                "after-quote.csv",
                "\"x\"y,113.6,34.7".getBytes(UTF_8),
                ":2: unexpected character 'y' after a closing quote"),
            new Case("gbk.csv", gbk, ":2: the file looks GBK-encoded; save it as UTF-8"),
            new Case("nul.csv", "\0".getBytes(UTF_8), ":2: expected 3 fields id,lon,lat, found 1"),
            new Case(
                "multi.csv", "\"a\nb\",113.6,34.7".getBytes(UTF_8), ":2: " + LocateJob.MULTI_LINE));
    for (Case c : cases) {
      Path file = dir.resolve(c.name());
      Files.write(
          file,
          concat("id,lon,lat\n".getBytes(UTF_8), c.second(), "\np1,113.6,34.7\n".getBytes(UTF_8)));
      Run run =
          job(
              "--grids",
              map.toString(),
              "--in",
              file.toString(),
              "--out",
              old.toString(),
              "--force");
      assertThat(run.code()).as(run.err()).isEqualTo(2);
      assertThat(run.err()).contains("gridgov-spark locate: " + file + c.message());
      if (!c.name().equals("multi.csv")) { // the CLI reads a line break in quotes
        Run reference =
            cli(
                "locate",
                "--grids",
                map.toString(),
                "--in",
                file.toString(),
                "--out",
                dir.resolve("x.csv").toString());
        assertThat(reference.err()).contains("gridgov: " + file + c.message());
      }
      assertThat(Files.readString(old.resolve("keep.txt"))).isEqualTo("mine");
    }
  }

  @Test
  void mainReturnsOnSuccessInsteadOfExiting() {
    SparkJob.main(
        new String[] {"--version"}); // System.exit(0) would end this JVM: YARN's EXIT_EARLY
  }

  private static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
    for (byte[] p : parts) {
      b.writeBytes(p);
    }
    return b.toByteArray();
  }

  @Test
  void unusableInputsAreLocatedErrorsWithExitTwo() throws IOException {
    String out = dir.resolve("unused").toString();
    Run noMap =
        job(
            "--grids",
            dir.resolve("nope.geojson").toString(),
            "--in",
            points.toString(),
            "--out",
            out);
    assertThat(noMap.code()).isEqualTo(2);
    assertThat(noMap.err()).contains(dir.resolve("nope.geojson") + ": no such file");

    Run noInput =
        job("--grids", map.toString(), "--in", dir.resolve("nope.csv").toString(), "--out", out);
    assertThat(noInput.code()).isEqualTo(2);
    assertThat(noInput.err()).contains(dir.resolve("nope.csv") + ": no such file");

    Path header = dir.resolve("header.csv");
    Files.writeString(header, "id,lng,lat\np1,116.9,31.0\n");
    Run badHeader = job("--grids", map.toString(), "--in", header.toString(), "--out", out);
    assertThat(badHeader.code()).isEqualTo(2);
    assertThat(badHeader.err())
        .contains(header + ":1: expected the header id,lon,lat, found 'id,lng,lat'");

    Path empty = dir.resolve("empty.csv");
    Files.writeString(empty, "");
    assertThat(job("--grids", map.toString(), "--in", empty.toString(), "--out", out).err())
        .contains(empty + ":1: empty input; expected the header id,lon,lat");

    assertThat(SparkJob.run("locate", "--grids", map.toString(), "--in", points.toString()))
        .as("--out missing")
        .isEqualTo(2);
    assertThat(
            SparkJob.run(
                "locate",
                "--grids",
                map.toString(),
                "--in",
                points.toString(),
                "--out",
                out,
                "--crs",
                "gcj"))
        .isEqualTo(2);
    assertThat(Files.exists(Path.of(out))).isFalse();
  }
}
