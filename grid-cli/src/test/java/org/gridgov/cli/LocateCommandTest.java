package org.gridgov.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.cli.MapFiles.lat;
import static org.gridgov.cli.MapFiles.lon;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.gridgov.core.GeoPoint;
import org.gridgov.core.GridId;
import org.gridgov.geo.CoordinateSystem;
import org.gridgov.geo.CoverageFinding;
import org.gridgov.geo.GridMap;
import org.gridgov.geo.GridMapOptions;
import org.gridgov.geo.GridMaps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocateCommandTest {
  @TempDir Path dir;

  @Test
  void writesIdGridPathExclusiveForEveryPoint() throws Exception {
    Path map = MapFiles.write(dir, "map.geojson", MapFiles.clean());
    Path in =
        points(
            row("p1", lon(1), lat(1)),
            row("p2", lon(3), lat(0.5)),
            row("p3", lon(9), lat(9)),
            row("\"a,\"\"b\"\"\"", lon(1), lat(1)));
    Path out = dir.resolve("out.csv");

    CliRun r = locate("--grids", map.toString(), "--in", in.toString(), "--out", out.toString());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.readAllLines(out))
        .containsExactly(
            "id,grid,path,exclusive",
            "p1,C1,S1/C1,",
            "p2,C2,S1/C2,",
            "p3,,,",
            "\"a,\"\"b\"\"\",C1,S1/C1,");
    assertThat(r.err().lines().toList())
        .containsExactly(
            GridMapFiles.UNDECLARED_IN_CHINA, "map: 3 grids (wgs84 assumed), 0 coverage findings");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void listsExclusiveGridsSeparatedBySemicolons() throws Exception {
    Path map = MapFiles.write(dir, "map.geojson", MapFiles.withExclusive());
    Path in = points(row("in", lon(1.8), lat(1)), row("out", lon(0.5), lat(1)));

    CliRun r = locate("--grids", map.toString(), "--in", in.toString());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines().toList())
        .containsExactly("id,grid,path,exclusive", "in,C1,S1/C1,E1", "out,C1,S1/C1,");
  }

  @Test
  void readsStandardInputAndWritesStandardOutput() throws Exception {
    Path map = MapFiles.write(dir, "map.geojson", MapFiles.clean());
    String csv = "\uFEFFid,lon,lat\r\n" + row("p1", lon(3), lat(1)) + "\r\n\r\n";

    CliRun r = withStdin(csv, () -> locate("--grids", map.toString()));

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("id,grid,path,exclusive\np1,C2,S1/C2,\n");
  }

  @Test
  void aBadRowFailsWithItsLineNumberAndWritesNothing() throws Exception {
    Path map = MapFiles.write(dir, "map.geojson", MapFiles.clean());
    Path in = points(row("p1", lon(1), lat(1)), "p2,abc," + lat(1), row("p3", lon(1), lat(1)));
    Path out = Files.writeString(dir.resolve("out.csv"), "previous\n");

    CliRun r =
        locate(
            "--grids", map.toString(), "--in", in.toString(), "--out", out.toString(), "--force");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("gridgov: " + in + ":3: lon 'abc' is not a finite decimal number");
    assertThat(Files.readString(out)).isEqualTo("previous\n");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("map.geojson", "points.csv", "out.csv");
    }
  }

  @Test
  void rejectsBadRowsOfEveryKind() throws Exception {
    Path map = MapFiles.write(dir, "map.geojson", MapFiles.clean());
    List<String[]> cases =
        List.of(
            new String[] {"p1," + lon(1), ":2: expected 3 fields"},
            new String[] {"p1,1,2,3", ":2: expected 3 fields"},
            new String[] {",113.6,34.7", ":2: the id is empty"},
            new String[] {"p1,113.6,95", ":2: lat 95.0 is not within [-90, 90]"},
            new String[] {"p1,NaN,34.7", ":2: lon 'NaN'"},
            new String[] {"\"p1,113.6,34.7", ":2: a quoted field is not closed"});
    for (String[] c : cases) {
      Path in = points(c[0]);
      CliRun r = locate("--grids", map.toString(), "--in", in.toString());
      assertThat(r.code()).as(c[0]).isEqualTo(2);
      assertThat(r.err()).as(c[0]).contains(in + c[1]);
      assertThat(r.out()).as(c[0]).isEmpty();
    }
    Path header = Files.writeString(dir.resolve("h.csv"), "name,x,y\np,1,2\n");
    assertThat(locate("--grids", map.toString(), "--in", header.toString()).err())
        .contains(header + ":1: expected the header id,lon,lat");
  }

  @Test
  void convertsInputPointsFromGcj02() throws Exception {
    Path map = MapFiles.write(dir, "map.geojson", MapFiles.clean());
    // A WGS-84 point just west of the C1|C2 border; its GCJ-02 coordinates lie east of it.
    GeoPoint gcj = CoordinateSystem.WGS84.convert(lon(1.9), lat(1), CoordinateSystem.GCJ02);
    assertThat(gcj.lon()).isGreaterThan(lon(2));
    Path in = points(row("p", gcj.lon(), gcj.lat()));

    CliRun asGcj = locate("--grids", map.toString(), "--in", in.toString(), "--crs", "gcj02");
    CliRun asWgs = locate("--grids", map.toString(), "--in", in.toString());

    assertThat(asGcj.out()).contains("p,C1,S1/C1,");
    assertThat(asWgs.out()).contains("p,C2,S1/C2,");
    assertThat(locate("--grids", map.toString(), "--in", in.toString(), "--crs", "utm").code())
        .isEqualTo(2);
  }

  @Test
  void loadsAMessyMapLenientlyUnlessStrict() throws Exception {
    Path map = MapFiles.write(dir, "map.geojson", MapFiles.withGap());
    Path in = points(row("gap", lon(3), lat(1.5)), row("c2", lon(3), lat(0.5)));

    CliRun lenient = locate("--grids", map.toString(), "--in", in.toString());
    CliRun strict = locate("--grids", map.toString(), "--in", in.toString(), "--strict");

    assertThat(lenient.code()).isZero();
    assertThat(lenient.err().lines().toList()).hasSize(2);
    assertThat(lenient.err())
        .startsWith(
            GridMapFiles.UNDECLARED_IN_CHINA
                + "\nmap: 3 grids (wgs84 assumed), 1 coverage finding");
    // In the gap the answer is whatever the library's locator says (S1 itself, or nothing),
    // spelled in the CSV contract.
    GridMap loaded = GridMaps.readGeoJson(List.of(map), GridMapOptions.defaults().lenient());
    String gapRow =
        loaded
            .locator()
            .locate(lon(3), lat(1.5))
            .map(l -> "gap," + l.leaf() + "," + path(l.path()) + ",")
            .orElse("gap,,,");
    assertThat(lenient.out().lines().toList())
        .containsExactly("id,grid,path,exclusive", gapRow, "c2,C2,S1/C2,");
    assertThat(strict.code()).isEqualTo(1);
    assertThat(strict.err()).contains("refused in strict mode").contains("GAP");
    assertThat(strict.out()).isEmpty();
  }

  @Test
  void missingFilesAreUnusableInput() throws Exception {
    Path map = MapFiles.write(dir, "map.geojson", MapFiles.clean());

    CliRun noInput = locate("--grids", map.toString(), "--in", dir.resolve("none.csv").toString());
    CliRun noDir =
        locate(
            "--grids", map.toString(),
            "--in", points(row("p", lon(1), lat(1))).toString(),
            "--out", dir.resolve("none/out.csv").toString());

    assertThat(noInput.code()).isEqualTo(2);
    assertThat(noInput.err()).contains("none.csv: no such file");
    assertThat(noDir.code()).isEqualTo(2);
    assertThat(noDir.err()).contains("output directory does not exist");
  }

  @Test
  void anExistingOutputIsReplacedOnlyWithForceAndKeepsItsMode() throws Exception {
    Path map = MapFiles.write(dir, "map.geojson", MapFiles.clean());
    Path in = points(row("p1", lon(1), lat(1)));
    Path out = Files.writeString(dir.resolve("out.csv"), "mine\n");

    CliRun refused =
        locate("--grids", map.toString(), "--in", in.toString(), "--out", out.toString());

    assertThat(refused.code()).isEqualTo(2);
    assertThat(refused.err()).contains("gridgov: " + out + ": ").contains("--force");
    assertThat(Files.readString(out)).isEqualTo("mine\n");

    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-r-----"));
    CliRun forced =
        locate(
            "--grids", map.toString(), "--in", in.toString(), "--out", out.toString(), "--force");

    assertThat(forced.code()).as(forced.err()).isZero();
    assertThat(Files.readAllLines(out)).containsExactly("id,grid,path,exclusive", "p1,C1,S1/C1,");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out)))
        .isEqualTo("rw-r-----");
    assertThat(names(dir)).containsExactlyInAnyOrder("map.geojson", "points.csv", "out.csv");
  }

  @Test
  void aNewOutputGetsTheModeTheUmaskGivesAnyNewFile() throws Exception {
    Path map = MapFiles.write(dir, "map.geojson", MapFiles.clean());
    Path in = points(row("p1", lon(1), lat(1)));
    Path out = dir.resolve("new.csv");

    CliRun r = locate("--grids", map.toString(), "--in", in.toString(), "--out", out.toString());

    assertThat(r.code()).as(r.err()).isZero();
    // points.csv was created the ordinary way (Files.writeString): 0666 less the umask
    assertThat(Files.getPosixFilePermissions(out)).isEqualTo(Files.getPosixFilePermissions(in));
  }

  @Test
  void aSymbolicLinkAsOutputIsRefusedEvenWithForce() throws Exception {
    Path map = MapFiles.write(dir, "map.geojson", MapFiles.clean());
    Path in = points(row("p1", lon(1), lat(1)));
    Path victim = Files.writeString(dir.resolve("victim.txt"), "precious");
    Path link = Files.createSymbolicLink(dir.resolve("out.csv"), victim);

    for (boolean force : new boolean[] {false, true}) {
      CliRun r =
          force
              ? locate(
                  "--grids",
                  map.toString(),
                  "--in",
                  in.toString(),
                  "--out",
                  link.toString(),
                  "--force")
              : locate("--grids", map.toString(), "--in", in.toString(), "--out", link.toString());
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).contains("gridgov: " + link + ": ").contains("symbolic link");
    }
    assertThat(Files.readString(victim)).isEqualTo("precious");
    assertThat(Files.isSymbolicLink(link)).isTrue();
  }

  @Test
  void anOutputThatIsAnInputIsRefusedNamingBoth() throws Exception {
    Path map = MapFiles.write(dir, "map.geojson", MapFiles.clean());
    Path in = points(row("p1", lon(1), lat(1)));
    String before = Files.readString(in);
    String sameIn = dir.resolve(".").resolve("points.csv").toString();

    CliRun overIn =
        locate("--grids", map.toString(), "--in", in.toString(), "--out", sameIn, "--force");
    CliRun overMap =
        locate(
            "--grids", map.toString(), "--in", in.toString(), "--out", map.toString(), "--force");

    assertThat(overIn.code()).isEqualTo(2);
    assertThat(overIn.err()).contains(sameIn).contains(in.toString()).contains("input");
    assertThat(overMap.code()).isEqualTo(2);
    assertThat(overMap.err()).contains(map.toString()).contains("input");
    assertThat(Files.readString(in)).isEqualTo(before);
    assertThat(Files.readString(map)).startsWith("{");
  }

  // ---- helpers -------------------------------------------------------------------------------

  @Test
  void answersWithoutWaitingForASlowValidation() throws Exception {
    Path map = MapFiles.write(dir, "map.geojson", MapFiles.clean());
    Path in = points(row("p1", lon(1), lat(1)), row("p3", lon(9), lat(9)));
    Path out = dir.resolve("out.csv");
    CountDownLatch release = new CountDownLatch(1);
    Function<GridMap, List<CoverageFinding>> saved = LocateCommand.validation;
    LocateCommand.validation =
        m -> {
          try {
            release.await(); // a validation that never ends while locate runs
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return List.of();
        };
    try {
      CliRun r = locate("--grids", map.toString(), "--in", in.toString(), "--out", out.toString());

      assertThat(r.code()).as(r.err()).isZero();
      assertThat(Files.readAllLines(out))
          .containsExactly("id,grid,path,exclusive", "p1,C1,S1/C1,", "p3,,,");
      assertThat(r.err().lines().toList())
          .containsExactly(
              GridMapFiles.UNDECLARED_IN_CHINA,
              "map: 3 grids (wgs84 assumed), coverage not checked (use --validate)");
    } finally {
      release.countDown();
      LocateCommand.validation = saved;
    }
  }

  @Test
  void validateWaitsForTheCount() throws Exception {
    Path map = MapFiles.write(dir, "map.geojson", MapFiles.clean());
    Path in = points(row("p1", lon(1), lat(1)));
    Function<GridMap, List<CoverageFinding>> saved = LocateCommand.validation;
    LocateCommand.validation =
        m -> {
          try {
            Thread.sleep(LocateCommand.GRACE.toMillis() + 500); // slower than locating's patience
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return saved.apply(m);
        };
    try {
      CliRun r = locate("--grids", map.toString(), "--in", in.toString(), "--validate");

      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.out()).isEqualTo("id,grid,path,exclusive\np1,C1,S1/C1,\n");
      assertThat(r.err().lines().toList())
          .containsExactly(
              GridMapFiles.UNDECLARED_IN_CHINA,
              "map: 3 grids (wgs84 assumed), 0 coverage findings");
    } finally {
      LocateCommand.validation = saved;
    }
  }

  private static CliRun locate(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "locate";
    System.arraycopy(args, 0, all, 1, args.length);
    return CliRun.of(all);
  }

  static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }

  private static String path(List<GridId> ids) {
    return ids.stream().map(GridId::value).collect(Collectors.joining("/"));
  }

  private static String row(String id, double lon, double lat) {
    return id + "," + lon + "," + lat;
  }

  private Path points(String... rows) throws IOException {
    return Files.writeString(
        dir.resolve("points.csv"), "id,lon,lat\n" + String.join("\n", rows) + "\n");
  }

  private static CliRun withStdin(String text, java.util.function.Supplier<CliRun> run) {
    InputStream saved = System.in;
    System.setIn(new ByteArrayInputStream(text.getBytes(UTF_8)));
    try {
      return run.get();
    } finally {
      System.setIn(saved);
    }
  }
}
