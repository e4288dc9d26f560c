package org.gridgov.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
  @TempDir Path dir;

  @Test
  void aCleanMapExitsZero() throws Exception {
    Path map = MapFiles.write(dir, "map.geojson", MapFiles.clean());

    CliRun r = CliRun.of("validate", "--grids", map.toString());

    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("no findings in 3 grids\n");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void findingsArePrintedOnePerLineAndExitOne() throws Exception {
    Path map = MapFiles.write(dir, "map.geojson", MapFiles.withGap());

    CliRun r = CliRun.of("validate", "--grids", map.toString());

    assertThat(r.code()).isEqualTo(1);
    String[] lines = r.out().split("\n");
    assertThat(lines).hasSize(2);
    String[] fields = lines[0].split("\t");
    assertThat(fields).hasSize(4);
    assertThat(fields[0]).isEqualTo("GAP");
    assertThat(fields[1]).isEqualTo("S1");
    assertThat(fields[2]).contains("covered by none of its children");
    assertThat(fields[3]).startsWith("POLYGON ((");
    assertThat(lines[1]).isEqualTo("1 finding in 3 grids");
  }

  @Test
  void cutsLongWkt() throws Exception {
    Path map = MapFiles.write(dir, "map.geojson", MapFiles.withGap());

    CliRun r = CliRun.of("validate", "--wkt-length", "12", "--grids", map.toString());

    assertThat(r.out().split("\n")[0]).endsWith("\tPOLYGON ((11…");
  }

  @Test
  void tolerancesAreOptions() throws Exception {
    Path map = MapFiles.write(dir, "map.geojson", MapFiles.withGap());

    // The gap is 2 × 1 cells, about 1.8 km²: a larger area tolerance hides it.
    CliRun r = CliRun.of("validate", "--area-tolerance", "5e6", "--grids", map.toString());

    assertThat(r.code()).isZero();
    assertThat(CliRun.of("validate", "--area-tolerance", "-1", "--grids", map.toString()).code())
        .isEqualTo(2);
  }

  @Test
  void readsOneFilePerLevel() throws Exception {
    Path streets =
        MapFiles.write(
            dir,
            "streets.geojson",
            MapFiles.collection(
                MapFiles.feature("S1", "\"level\":\"street\"", MapFiles.rect(0, 0, 4, 2))));
    Path communities =
        MapFiles.write(
            dir,
            "communities.geojson",
            MapFiles.collection(
                MapFiles.feature(
                    "C1", "\"level\":\"community\",\"parent\":\"S1\"", MapFiles.rect(0, 0, 4, 2))));

    CliRun r = CliRun.of("validate", "--grids", streets.toString(), communities.toString());

    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("no findings in 2 grids\n");
  }

  @Test
  void unusableInputIsOneLineWithFileAndPointer() throws Exception {
    String broken =
        MapFiles.clean().replace("\"level\":\"street\"", "\"level\":\"street\",\"kind\":\"mall\"");
    Path map = MapFiles.write(dir, "map.geojson", broken);

    CliRun r = CliRun.of("validate", "--grids", map.toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(r.err()).startsWith("gridgov: " + map + ":").contains("/features/0/properties/kind");
    assertThat(CliRun.of("validate", "--grids", dir.resolve("none.geojson").toString()).code())
        .isEqualTo(2);
    assertThat(CliRun.of("validate").code()).isEqualTo(2);
  }
}
