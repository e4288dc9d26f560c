package org.gridgov.spark.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.gridgov.cli.GridGovCli;
import org.gridgov.spark.ScoreCityFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gridgov-spark score} writes what {@code gridgov score --format csv} prints. */
class ScoreJobTest {
  static SparkSession spark;
  static ScoreCityFiles city;
  @TempDir static Path dir;

  @BeforeAll
  static void start() throws Exception {
    city = ScoreCityFiles.generate(dir);
    spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("ScoreJobTest")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "3")
            .getOrCreate();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  /** The job's exit code and standard error. */
  record Run(int code, String err) {}

  private static Run job(String... args) {
    StringWriter err = new StringWriter();
    int code =
        SparkJob.commandLine()
            .setErr(new PrintWriter(err, true))
            .setOut(new PrintWriter(new StringWriter(), true))
            .execute(args);
    return new Run(code, err.toString());
  }

  private static String[] cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = GridGovCli.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  /** The part files' rows in part order, under one header: what the CLI prints. */
  static String concatenated(Path out) throws IOException {
    List<Path> parts;
    try (Stream<Path> s = Files.list(out)) {
      parts = s.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList();
    }
    assertThat(parts).isNotEmpty().allMatch(p -> p.toString().endsWith(".csv"));
    assertThat(out.resolve("_SUCCESS")).exists();
    StringBuilder b = new StringBuilder();
    String header = null;
    for (Path p : parts) {
      List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
      if (lines.isEmpty()) {
        continue;
      }
      if (header == null) {
        header = lines.get(0);
        b.append(header).append('\n');
      }
      assertThat(lines.get(0)).isEqualTo(header);
      for (String l : lines.subList(1, lines.size())) {
        b.append(l).append('\n');
      }
    }
    return b.toString();
  }

  private void sameAsCli(String name, String... args) throws IOException {
    Path out = dir.resolve(name);
    List<String> jobArgs = new ArrayList<>(List.of("score"));
    jobArgs.addAll(List.of(args));
    jobArgs.addAll(List.of("--out", out.toString(), "--master", "local[2]"));
    Run run = job(jobArgs.toArray(new String[0]));
    assertThat(run.code()).as(run.err()).isZero();
    List<String> cliArgs = new ArrayList<>(List.of("score"));
    cliArgs.addAll(List.of(args));
    cliArgs.addAll(List.of("--format", "csv"));
    String[] expected = cli(cliArgs.toArray(new String[0]));
    assertThat(expected[0]).as(expected[2]).isEqualTo("0");
    assertThat(concatenated(out)).isEqualTo(expected[1]);
  }

  @Test
  void streetsByMonthAreTheCommandLinesCsv() throws IOException {
    sameAsCli(
        "streets",
        "--scheme",
        city.schemeFile.toString(),
        "--cases",
        city.casesFile.toString(),
        "--hierarchy",
        city.hierarchyFile.toString(),
        "--by",
        "street",
        "--each",
        "month");
  }

  @Test
  void departmentsByYearInAPeriodAtAnInstantAreTheCommandLinesCsv() throws IOException {
    sameAsCli(
        "departments",
        "--scheme",
        city.schemeFile.toString(),
        "--cases",
        city.casesFile.toString(),
        "--by",
        "department",
        "--period",
        "2026-02..2026-04",
        "--as-of",
        "2026-04-20T00:00:00Z",
        "--each",
        "year");
  }

  @Test
  void gridsAndWorkersOverTheWholeSpanAreTheCommandLinesCsv() throws IOException {
    for (String kind : List.of("grid", "worker")) {
      sameAsCli(
          kind,
          "--scheme",
          city.schemeFile.toString(),
          "--cases",
          city.casesFile.toString(),
          "--hierarchy",
          city.hierarchyFile.toString(),
          "--by",
          kind);
    }
  }

  @Test
  void unitIdsWithCommasAndQuotesAreQuotedAsTheCommandLineQuotesThem() throws IOException {
    List<String> lines = Files.readAllLines(city.casesFile);
    List<String> edited = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      String l = lines.get(i);
      if (!l.contains("\"assessment\"") && l.startsWith("{\"version\":2,")) {
        String dept =
            i % 4 == 0
                ? "Dept, \\\"north\\\""
                : i % 4 == 1 ? "city \\\"works\\\"" : i % 4 == 2 ? " parks " : "roads";
        l = "{\"version\":2,\"assessment\":{\"department\":\"" + dept + "\"}," + l.substring(13);
      }
      edited.add(l);
    }
    Path file = dir.resolve("quoted.jsonl");
    Files.write(file, edited);
    sameAsCli(
        "quoted",
        "--scheme",
        city.schemeFile.toString(),
        "--cases",
        file.toString(),
        "--by",
        "department");
    assertThat(concatenated(dir.resolve("quoted")))
        .contains("\"Dept, \"\"north\"\"\"")
        .contains(",\" parks \","); // leading and trailing spaces quoted, as gridgov quotes them
  }

  @Test
  void skipBadCountsTheBadLinesWritesThemAsideAndScoresTheRest() throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(city.casesFile).subList(0, 40));
    List<String> good = new ArrayList<>(lines);
    lines.set(2, "{\"version\":2,\"id\":");
    lines.set(33, "not json at all");
    good.remove(33);
    good.remove(2);
    Path bad = dir.resolve("some-bad.jsonl");
    Path clean = dir.resolve("clean.jsonl");
    Files.write(bad, lines);
    Files.write(clean, good);
    Path out = dir.resolve("skipped");
    Files.writeString(Files.createDirectories(out).resolve("old.csv"), "old");
    Path staleBad = Files.createDirectories(Path.of(out + ".bad")).resolve("old.csv");
    Files.writeString(staleBad, "old");
    Run run =
        job(
            "score",
            "--scheme",
            city.schemeFile.toString(),
            "--cases",
            bad.toString(),
            "--by",
            "grid",
            "--skip-bad",
            "--force",
            "--out",
            out.toString(),
            "--master",
            "local[2]");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.err()).contains("skipped 2 bad lines", out + ".bad");
    String aside = concatenated(Path.of(out + ".bad"));
    assertThat(aside.lines().toList()).hasSize(3).first().isEqualTo("line,problem");
    // the problem quoted only when it holds a comma, as gridgov quotes CSV fields
    assertThat(aside)
        .contains("\n3," + bad + ":3:19: malformed JSON")
        .contains("\n34,\"" + bad + ":34:4:");
    String[] expected =
        cli(
            "score",
            "--scheme",
            city.schemeFile.toString(),
            "--cases",
            clean.toString(),
            "--by",
            "grid",
            "--format",
            "csv");
    assertThat(concatenated(out)).isEqualTo(expected[1]);
    assertThat(out.resolve("old.csv")).doesNotExist();
    assertThat(staleBad).doesNotExist();
  }

  @Test
  void unusableInputExitsTwoWithALocatedMessage() throws IOException {
    Path existing = Files.createDirectories(dir.resolve("existing"));
    Run run =
        job(
            "score",
            "--scheme",
            city.schemeFile.toString(),
            "--cases",
            city.casesFile.toString(),
            "--out",
            existing.toString(),
            "--master",
            "local[2]");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains(existing + ": exists; gridgov-spark writes a new directory");

    // --cases must be a file: a directory's lines could not be numbered.
    run =
        job(
            "score",
            "--scheme",
            city.schemeFile.toString(),
            "--cases",
            existing.toString(),
            "--out",
            dir.resolve("never").toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains(existing + ": is a directory, not a file");

    // --out holding an input is refused even with --force.
    run =
        job(
            "score",
            "--scheme",
            city.schemeFile.toString(),
            "--cases",
            city.casesFile.toString(),
            "--out",
            city.casesFile.getParent().toString(),
            "--force");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("is or holds the input");
    assertThat(city.casesFile).exists();

    List<String> lines = new ArrayList<>(Files.readAllLines(city.casesFile));
    List<String> some = new ArrayList<>(lines.subList(0, 30));
    some.set(24, "{\"broken\": ");
    Path bad = dir.resolve("bad.jsonl");
    Files.write(bad, some);
    run =
        job(
            "score",
            "--scheme",
            city.schemeFile.toString(),
            "--cases",
            bad.toString(),
            "--out",
            dir.resolve("never").toString(),
            "--skip-bad",
            "--period",
            "2030-01",
            "--master",
            "local[2]");
    // scored before anything is written: an error after counting leaves no DIR.bad
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("no case was reported in 2030-01");
    assertThat(Path.of(dir.resolve("never") + ".bad")).doesNotExist();
    run =
        job(
            "score",
            "--scheme",
            city.schemeFile.toString(),
            "--cases",
            bad.toString(),
            "--out",
            dir.resolve("never").toString(),
            "--master",
            "local[2]");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains(bad.toString() + ":25");
    String[] cli = cli("score", "--scheme", city.schemeFile.toString(), "--cases", bad.toString());
    assertThat(cli[0]).isEqualTo("2");
    assertThat(cli[2]).contains(bad.toString() + ":25");
    assertThat(dir.resolve("never")).doesNotExist();

    run =
        job(
            "score",
            "--scheme",
            "gbt30428-regoin",
            "--cases",
            city.casesFile.toString(),
            "--out",
            dir.resolve("never").toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("did you mean 'gbt30428-region'?");

    run =
        job(
            "score",
            "--scheme",
            city.schemeFile.toString(),
            "--cases",
            city.casesFile.toString(),
            "--by",
            "gird",
            "--out",
            dir.resolve("never").toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("--by must be");

    run =
        job(
            "score",
            "--scheme",
            city.schemeFile.toString(),
            "--cases",
            dir.resolve("missing.jsonl").toString(),
            "--out",
            dir.resolve("never").toString(),
            "--master",
            "local[2]");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("missing.jsonl", "no such file");
  }
}
