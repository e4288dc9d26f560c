package org.gridgov.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gridgov.core.GeoPoint;
import org.gridgov.geo.CoordinateSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gridgov validate} and {@code gridgov locate} read maps as vendors have them: a
 * DataV.GeoAtlas-shaped district file unchanged, with {@code --id-property adcode --parent-property
 * parent.adcode --external-parents ignore --levels district --grids-crs gcj02}; a rural 镇/社区/村 map
 * with {@code --levels}; and a warning when a map in China declares no coordinate system.
 */
class VendorMapsCommandTest {
  /** A fictional city (adcode 990100) of four districts, in the exact shape of a DataV file. */
  static final Path DATAV = Path.of("src/test/resources/datav/990100_full.json");

  static final List<String> DATAV_OPTIONS =
      List.of(
          "--id-property", "adcode",
          "--parent-property", "parent.adcode",
          "--external-parents", "ignore",
          "--levels", "district");

  /**
   * GCJ-02 positions just past a district border, where the GCJ-02 offset carries the WGS-84
   * position into the neighbour, and one in the middle of each district; with the district.
   */
  static final String[][] GCJ_POINTS = {
    {"113.708", "34.740", "990103"},
    {"113.703", "34.770", "990103"},
    {"113.650", "34.7795", "990102"},
    {"113.750", "34.7795", "990103"},
    {"113.650", "34.740", "990102"},
    {"113.750", "34.740", "990103"},
    {"113.650", "34.820", "990104"},
    {"113.750", "34.820", "990105"},
  };

  @TempDir Path dir;

  @Test
  void validateReadsADataVFileUnchanged() {
    CliRun r = run("validate", DATAV_OPTIONS, "--grids-crs", "gcj02");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("no findings in 4 grids\n");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void locateReadsADataVFileUnchangedAndPutsWgs84PointsInTheRightDistrict() throws IOException {
    Path in = wgs84Points();

    CliRun r =
        run("locate", DATAV_OPTIONS, "--grids-crs", "gcj02", "--in", in.toString(), "--validate");

    assertThat(r.code()).as(r.err()).isZero();
    List<String> expected = new ArrayList<>(List.of("id,grid,path,exclusive"));
    for (int i = 0; i < GCJ_POINTS.length; i++) {
      expected.add("p" + i + "," + GCJ_POINTS[i][2] + "," + GCJ_POINTS[i][2] + ",");
    }
    assertThat(r.out().lines().toList()).containsExactlyElementsOf(expected);
    assertThat(r.err().lines().toList())
        .containsExactly("map: 4 grids (gcj02), 0 coverage findings");
  }

  @Test
  void withoutGridsCrsTheMapIsAssumedWgs84AndLocateWarns() throws IOException {
    Path in = wgs84Points();

    CliRun r = run("locate", DATAV_OPTIONS, "--in", in.toString(), "--validate");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err().lines().toList())
        .containsExactly(
            GridMapFiles.UNDECLARED_IN_CHINA, "map: 4 grids (wgs84 assumed), 0 coverage findings");
    // what the warning is about: the four border points land in the neighbour district
    long wrong = 0;
    List<String> rows = r.out().lines().skip(1).toList();
    for (int i = 0; i < GCJ_POINTS.length; i++) {
      wrong += rows.get(i).startsWith("p" + i + "," + GCJ_POINTS[i][2] + ",") ? 0 : 1;
    }
    assertThat(wrong).isEqualTo(4);
    // declared as WGS-84 on purpose: no warning
    CliRun declared =
        run("locate", DATAV_OPTIONS, "--grids-crs", "wgs84", "--in", in.toString(), "--validate");
    assertThat(declared.err().lines().toList())
        .containsExactly("map: 4 grids (wgs84), 0 coverage findings");
  }

  @Test
  void aDataVFileWithoutTheOptionsIsRefusedWithItsPlace() {
    CliRun bare = CliRun.of("validate", "--grids", DATAV.toString());
    assertThat(bare.code()).isEqualTo(GridGovCli.UNUSABLE);
    assertThat(bare.err())
        .startsWith("gridgov: " + DATAV + ":2:")
        .contains("the feature has no id");

    List<String> noIgnore = new ArrayList<>(DATAV_OPTIONS.subList(0, 4));
    noIgnore.addAll(List.of("--levels", "district"));
    CliRun external = run("locate", noIgnore, "--in", DATAV.toString());
    assertThat(external.code()).isEqualTo(GridGovCli.UNUSABLE);
    assertThat(external.err())
        .contains("/features/0/properties/parent/adcode")
        .contains("unknown parent 990100")
        .contains("--external-parents ignore");
  }

  @Test
  void mistypedValuesAreRefusedWithTheClosestName() {
    List<String> typo = new ArrayList<>(DATAV_OPTIONS);
    typo.set(5, "ignor");
    CliRun r = run("validate", typo);
    assertThat(r.code()).isEqualTo(GridGovCli.UNUSABLE);
    assertThat(r.err()).contains("--external-parents").contains("did you mean 'ignore'?");

    List<String> level = new ArrayList<>(DATAV_OPTIONS);
    level.set(7, "distrct");
    CliRun l = run("validate", level);
    assertThat(l.code()).isEqualTo(GridGovCli.UNUSABLE);
    assertThat(l.err())
        .contains("/features/0/properties/level")
        .contains("level 'district', not on the ladder [distrct]")
        .contains("did you mean 'distrct'?");

    List<String> empty = new ArrayList<>(DATAV_OPTIONS);
    empty.set(7, "district,,micro");
    assertThat(run("validate", empty).err()).contains("--levels: an empty level name");
    List<String> path = new ArrayList<>(DATAV_OPTIONS);
    path.set(3, "parent.");
    assertThat(run("validate", path).err()).contains("--parent-property").contains("empty segment");
    assertThat(run("validate", DATAV_OPTIONS, "--grids-crs", "gcj-2").code())
        .isEqualTo(GridGovCli.UNUSABLE);
  }

  @Test
  void aRuralMapOnAChineseLadderValidatesAndLocates() throws IOException {
    Path map =
        MapFiles.write(
            dir,
            "rural.geojson",
            MapFiles.collection(
                MapFiles.feature(
                    "T1", "\"level\":\"镇\",\"name\":\"柳林镇\"", MapFiles.rect(0, 0, 4, 2)),
                MapFiles.feature("C1", "\"level\":2,\"parent\":\"T1\"", MapFiles.rect(0, 0, 4, 2)),
                MapFiles.feature(
                    "V1", "\"level\":\"村\",\"parent\":\"C1\"", MapFiles.rect(0, 0, 2, 2)),
                MapFiles.feature(
                    "V2", "\"level\":3,\"parent\":\"C1\"", MapFiles.rect(2, 0, 4, 2))));

    CliRun v =
        CliRun.of(
            "validate", "--grids", map.toString(), "--levels", "镇,社区,村", "--grids-crs", "wgs84");
    assertThat(v.code()).as(v.err()).isZero();
    assertThat(v.out()).isEqualTo("no findings in 4 grids\n");

    Path in =
        Files.writeString(
            dir.resolve("p.csv"),
            "id,lon,lat\np," + MapFiles.lon(3) + "," + MapFiles.lat(1) + "\n");
    CliRun l =
        CliRun.of(
            "locate",
            "--grids",
            map.toString(),
            "--levels",
            "镇, 社区, 村",
            "--grids-crs",
            "wgs84",
            "--in",
            in.toString());
    assertThat(l.code()).as(l.err()).isZero();
    assertThat(l.out()).contains("p,V2,T1/C1/V2,");

    CliRun undeclared = CliRun.of("validate", "--grids", map.toString());
    assertThat(undeclared.code()).isEqualTo(GridGovCli.UNUSABLE);
    assertThat(undeclared.err()).contains("level '镇', not on the ladder").contains("--levels");
  }

  @Test
  void aLadderMemberIsAnErrorPointingToLevels() throws IOException {
    String features =
        MapFiles.clean()
            .replace(
                "{\"type\":\"FeatureCollection\",",
                "{\"type\":\"FeatureCollection\",\"ladder\":[\"street\",\"community\"],");
    Path map = MapFiles.write(dir, "ladder.geojson", features);
    CliRun r = CliRun.of("validate", "--grids", map.toString());
    assertThat(r.code()).isEqualTo(GridGovCli.UNUSABLE);
    assertThat(r.err())
        .startsWith("gridgov: " + map + ":1:")
        .contains("/ladder: unknown GridGov member 'ladder' (did you mean 'levels'?)");
    Path levels =
        MapFiles.write(dir, "levels.geojson", features.replace("\"ladder\"", "\"levels\""));
    assertThat(CliRun.of("validate", "--grids", levels.toString()).code()).isZero();
  }

  @Test
  void aSwappedLongitudeAndLatitudeIsHinted() throws IOException {
    Path map = MapFiles.write(dir, "map.geojson", MapFiles.clean());
    Path in = Files.writeString(dir.resolve("p.csv"), "id,lon,lat\np,34.75,113.61\n");
    CliRun r = CliRun.of("locate", "--grids", map.toString(), "--in", in.toString());
    assertThat(r.code()).isEqualTo(GridGovCli.UNUSABLE);
    assertThat(r.err())
        .contains(in + ":2: lat 113.61 is not within [-90, 90]")
        .contains("swapped longitude and latitude?");
    Path far = Files.writeString(dir.resolve("q.csv"), "id,lon,lat\np,120,95\n");
    assertThat(CliRun.of("locate", "--grids", map.toString(), "--in", far.toString()).err())
        .contains("lat 95.0 is not within [-90, 90]")
        .doesNotContain("swapped");
  }

  private Path wgs84Points() throws IOException {
    StringBuilder csv = new StringBuilder("id,lon,lat\n");
    for (int i = 0; i < GCJ_POINTS.length; i++) {
      GeoPoint wgs =
          CoordinateSystem.GCJ02.toWgs84(
              Double.parseDouble(GCJ_POINTS[i][0]), Double.parseDouble(GCJ_POINTS[i][1]));
      csv.append("p")
          .append(i)
          .append(',')
          .append(wgs.lon())
          .append(',')
          .append(wgs.lat())
          .append('\n');
    }
    return Files.writeString(dir.resolve("wgs84.csv"), csv.toString());
  }

  private static CliRun run(String command, List<String> options, String... more) {
    List<String> args = new ArrayList<>(List.of(command, "--grids", DATAV.toString()));
    args.addAll(options);
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }
}
