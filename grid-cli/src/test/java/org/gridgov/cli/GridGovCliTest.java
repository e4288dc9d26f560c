package org.gridgov.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GridGovCliTest {
  @TempDir Path dir;

  @Test
  void helpListsTheSubcommands() {
    CliRun r = CliRun.of("--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("Usage: gridgov").contains("hierarchy");
  }

  @Test
  void helpListsEveryExitCode() {
    CliRun r = CliRun.of("--help");
    assertThat(r.out())
        .contains("Exit codes:")
        .containsPattern("0\\s+clean")
        .containsPattern("1\\s+findings")
        .containsPattern("2\\s+unusable input")
        .containsPattern("3\\s+internal error")
        .containsPattern("4\\s+inconclusive")
        .containsPattern("5\\s+out of resources")
        .contains("GRIDGOV_JAVA_OPTS");
  }

  @Test
  void versionNamesTheBuild() {
    CliRun r = CliRun.of("--version");
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("gridgov ").doesNotContain("${");
  }

  @Test
  void badUsageExitsTwoWithOneLine() {
    CliRun r = CliRun.of("hierarchy");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("Missing required option: '--grids=FILE'");
    assertThat(CliRun.of("no-such-command").code()).isEqualTo(2);
  }

  @Test
  void hierarchyPrintsLevelCountsAndExitsZeroWhenClean() throws Exception {
    Path f =
        Files.writeString(
            dir.resolve("h.json"),
            "{\"grids\": [{\"id\": \"s\", \"level\": \"street\"},"
                + "{\"id\": \"c1\", \"level\": \"community\", \"parent\": \"s\"},"
                + "{\"id\": \"c2\", \"level\": \"community\", \"parent\": \"s\"},"
                + "{\"id\": \"m\", \"level\": \"compound\", \"kind\": \"exclusive\", \"owner\": \"s\"}]}");
    CliRun r = CliRun.of("hierarchy", "--grids", f.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("grids: 4 (territorial 3, exclusive 1)")
        .containsPattern("street\\s+1")
        .containsPattern("community\\s+2")
        .contains("findings: none");
  }

  @Test
  void hierarchyListsEveryFindingAndExitsOne() throws Exception {
    Path f =
        Files.writeString(
            dir.resolve("h.json"),
            "{\"grids\": [{\"id\": \"s\", \"level\": \"street\"},"
                + "{\"id\": \"c1\", \"level\": \"community\", \"parent\": \"x\"},"
                + "{\"id\": \"c1\", \"level\": \"community\", \"parent\": \"s\"}]}");
    CliRun r = CliRun.of("hierarchy", "--grids", f.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("findings: 2").contains("DUPLICATE_ID").contains("UNKNOWN_PARENT");
  }

  @Test
  void unusableInputIsOneLineNamingFileAndPositionWithoutStackTrace() throws Exception {
    Path f = Files.writeString(dir.resolve("bad.json"), "{\"grids\": [\n{\"id\": }]}");
    CliRun r = CliRun.of("hierarchy", "--grids", f.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(r.err()).startsWith("gridgov: " + f + ":2:").doesNotContain("\tat ");
    CliRun debug = CliRun.of("hierarchy", "--debug", "--grids", f.toString());
    assertThat(debug.err()).contains("\tat ");
    CliRun missing = CliRun.of("hierarchy", "--grids", dir.resolve("nope.json").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("nope.json").contains("cannot read");
  }

  /** A mistyped subcommand says which one was meant, exit 2. Before: "Unmatched argument" only. */
  @Test
  void aMistypedSubcommandSaysDidYouMean() {
    CliRun r = CliRun.of("valdate", "--grids", "x.geojson");
    assertThat(r.code()).isEqualTo(GridGovCli.UNUSABLE);
    assertThat(r.err().lines().findFirst().orElseThrow())
        .isEqualTo(
            "gridgov: Unmatched arguments from index 0: 'valdate', '--grids', 'x.geojson'"
                + "; did you mean 'validate'?");
    assertThat(CliRun.of("scroe").err()).contains("did you mean 'score'?");
    // nothing close: picocli's message as before
    assertThat(CliRun.of("no-such-command").err())
        .startsWith("gridgov: Unmatched argument at index 0: 'no-such-command'")
        .doesNotContain("did you mean");
  }

  /**
   * A mistyped option says which one was meant, exit 2, even when picocli would first report the
   * required option it was meant to be as missing ({@code locate --grid x}).
   */
  @Test
  void aMistypedOptionSaysDidYouMean() {
    CliRun r = CliRun.of("locate", "--grid", "x");
    assertThat(r.code()).isEqualTo(GridGovCli.UNUSABLE);
    assertThat(r.err())
        .startsWith("gridgov: Unknown option: '--grid'; did you mean '--grids'?\n")
        .contains("Try 'gridgov locate --help' for usage.");
    CliRun eq = CliRun.of("decide", "--tabel=t.json");
    assertThat(eq.code()).isEqualTo(GridGovCli.UNUSABLE);
    assertThat(eq.err()).startsWith("gridgov: Unknown option: '--tabel'; did you mean '--table'?");
    CliRun extra =
        CliRun.of("score", "--scheme", "tongcheng-2022", "--cases", "c.jsonl", "--hierachy", "h");
    assertThat(extra.code()).isEqualTo(GridGovCli.UNUSABLE);
    assertThat(extra.err()).contains("did you mean '--hierarchy'?");
    // a missing required option with no typo is reported as before
    assertThat(CliRun.of("locate").err())
        .startsWith("gridgov: Missing required option")
        .doesNotContain("did you mean");
  }
}
