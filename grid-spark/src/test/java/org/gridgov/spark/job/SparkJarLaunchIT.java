package org.gridgov.spark.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.gridgov.core.GridId;
import org.gridgov.geo.GridLocator;
import org.gridgov.geo.GridMaps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gridgov-spark.jar} run as a user runs it: {@code java -jar} with no JVM options on a
 * machine without a cluster (Spark from {@code spark-lib/}, the add-opens from the manifest), and
 * through Spark's submit entry point with the jar alone, as {@code spark-submit} runs it on a
 * cluster.
 */
class SparkJarLaunchIT {
  @TempDir Path tmp;

  private static SparkJarFiles.Run jar(Path dir, String... args) {
    List<String> all = new ArrayList<>(List.of("-jar", SparkJarFiles.jar().toString()));
    all.addAll(List.of(args));
    return SparkJarFiles.java(dir, all.toArray(String[]::new));
  }

  @Test
  void helpListsTheSubcommands() {
    SparkJarFiles.Run run = jar(tmp, "--help");
    assertThat(run.exit()).as("%s", run).isZero();
    assertThat(run.out())
        .startsWith("Usage: gridgov-spark")
        .containsPattern("(?m)^\\s+locate\\b")
        .containsPattern("(?m)^\\s+score\\b");
  }

  @Test
  void aMistypedSubcommandIsAUsageErrorNamingTheClosest() {
    SparkJarFiles.Run run = jar(tmp, "lcate");
    assertThat(run.exit()).as("%s", run).isEqualTo(SparkJob.INVALID_INPUT);
    assertThat(run.err()).contains("'lcate'").contains("locate");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void anUnknownOptionIsAUsageError() {
    SparkJarFiles.Run run =
        jar(
            tmp,
            "locate",
            "--grids",
            "g.geojson",
            "--in",
            "p.csv",
            "--out",
            "out",
            "--gridz",
            "x.geojson");
    assertThat(run.exit()).as("%s", run).isEqualTo(SparkJob.INVALID_INPUT);
    assertThat(run.err()).contains("--gridz");
  }

  /**
   * What {@code spark-submit --master local[2] gridgov-spark.jar ...} does: Spark's jars on the
   * class path with the add-opens, the jar alone (no spark-lib/ beside it) loaded by Spark.
   */
  @Test
  void sparkSubmitRunsTheSameJarAlone() throws IOException {
    Path alone = tmp.resolve("submit/gridgov-spark.jar");
    Files.createDirectories(alone.getParent());
    List<String> args = new ArrayList<>();
    Files.copy(SparkJarFiles.jar(), alone, StandardCopyOption.REPLACE_EXISTING);
    args.addAll(List.of(System.getProperty("spark.java.opens").trim().split("\\s+")));
    args.addAll(
        List.of(
            "-cp",
            SparkJarFiles.sparkLib().resolve("*").toString(),
            "org.apache.spark.deploy.SparkSubmit",
            "--master",
            "local[2]",
            "--class",
            SparkJob.class.getName(),
            alone.toString(),
            "--help"));
    SparkJarFiles.Run run = SparkJarFiles.java(tmp, args.toArray(String[]::new));
    assertThat(run.exit()).as("%s", run).isZero();
    assertThat(run.out()).startsWith("Usage: gridgov-spark");
  }

  // ------------------------------------------------ locate and score

  /** The rows of the CSV part files of a Spark output directory, after checking each header. */
  private static List<List<String>> partRows(Path dir, String header) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    List<Path> parts;
    try (Stream<Path> files = Files.list(dir)) {
      parts = files.filter(f -> f.getFileName().toString().startsWith("part-")).sorted().toList();
    }
    assertThat(parts).as("part files in %s", dir).isNotEmpty();
    for (Path part : parts) {
      List<String> lines = Files.readAllLines(part, StandardCharsets.UTF_8);
      if (lines.isEmpty()) {
        continue;
      }
      assertThat(lines.get(0)).as("header of %s", part).isEqualTo(header);
      lines.stream()
          .skip(1)
          .filter(l -> !l.isEmpty())
          .map(SparkJarLaunchIT::csv)
          .forEach(rows::add);
    }
    return rows;
  }

  /** One CSV record (RFC 4180 quoting, no line breaks inside fields). */
  private static List<String> csv(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    out.add(field.toString());
    return out;
  }

  private static String ids(List<GridId> ids, String separator) {
    return ids.stream().map(GridId::value).collect(Collectors.joining(separator));
  }

  @Test
  void locateWritesWhatTheSingleJvmLocatorFinds() throws IOException {
    Path town = SparkJarFiles.sampleTown();
    double[][] points = {
      {116.9393261, 31.0548969}, // the school gate: a grid and an exclusive grid
      {116.94847273644868, 31.01907130251763},
      {116.9156167, 31.0484446}, // outside the town
      {116.93, 31.04}
    };
    StringBuilder in = new StringBuilder("id,lon,lat\n");
    for (int i = 0; i < points.length; i++) {
      in.append("p")
          .append(i)
          .append(',')
          .append(points[i][0])
          .append(',')
          .append(points[i][1])
          .append('\n');
    }
    Path csv = tmp.resolve("points.csv");
    Files.writeString(csv, in, StandardCharsets.UTF_8);
    Path out = tmp.resolve("located");

    SparkJarFiles.Run run =
        jar(
            tmp,
            "locate",
            "--grids",
            town.resolve("grids.geojson").toString(),
            "--in",
            csv.toString(),
            "--out",
            out.toString(),
            "--master",
            "local[2]");
    assertThat(run.exit()).as("%s", run).isZero();

    GridLocator locator = GridMaps.read(town.resolve("grids.geojson")).locator();
    List<List<String>> expected = new ArrayList<>();
    for (int i = 0; i < points.length; i++) {
      String id = "p" + i;
      expected.add(
          locator
              .locate(points[i][0], points[i][1])
              .map(
                  at ->
                      List.of(id, at.leaf().value(), ids(at.path(), "/"), ids(at.exclusive(), ";")))
              .orElse(List.of(id, "", "", "")));
    }
    assertThat(expected).anyMatch(r -> !r.get(3).isEmpty()).anyMatch(r -> r.get(1).isEmpty());
    assertThat(partRows(out, "id,grid,path,exclusive"))
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void locateWithAMissingMapIsUnusableInputNamingTheFile() throws IOException {
    Path csv = tmp.resolve("points.csv");
    Files.writeString(csv, "id,lon,lat\np,116.9,31.0\n", StandardCharsets.UTF_8);
    SparkJarFiles.Run run =
        jar(
            tmp,
            "locate",
            "--grids",
            tmp.resolve("no-such-map.geojson").toString(),
            "--in",
            csv.toString(),
            "--out",
            tmp.resolve("out").toString(),
            "--master",
            "local[2]");
    assertThat(run.exit()).as("%s", run).isEqualTo(SparkJob.INVALID_INPUT);
    assertThat(run.err()).contains("no-such-map.geojson");
  }

  @Test
  void scoreWritesPartFilesForTheSampleMonth() throws IOException {
    Path town = SparkJarFiles.sampleTown();
    Path cases;
    try (Stream<Path> files = Files.list(town)) {
      cases =
          files
              .filter(f -> f.getFileName().toString().matches("cases-.*\\.jsonl"))
              .findFirst()
              .orElseThrow(() -> new UncheckedIOException(new IOException("no cases in " + town)));
    }
    Path out = tmp.resolve("scored");
    SparkJarFiles.Run run =
        jar(
            tmp,
            "score",
            "--scheme",
            town.resolve("scheme-grids.json").toString(),
            "--cases",
            cases.toString(),
            "--out",
            out.toString(),
            "--master",
            "local[2]");
    assertThat(run.exit()).as("%s", run).isZero();
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files.map(f -> f.getFileName().toString())).anyMatch(n -> n.startsWith("part-"));
    }
  }
}
