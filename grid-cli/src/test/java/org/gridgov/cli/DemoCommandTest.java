package org.gridgov.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gridgov.cli.demo.DemoOutputs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
  @Test
  void theDemoRunsAYearAndWritesItsFourFiles(@TempDir Path dir) {
    Path out = dir.resolve("demo-out");
    CliRun run = CliRun.of("demo", "--out", out.toString(), "--seed", "5");
    assertThat(run.code()).as(run.err()).isZero();
    for (String f :
        new String[] {DemoOutputs.REPORT, DemoOutputs.MAP, DemoOutputs.CASES, DemoOutputs.SCORES}) {
      assertThat(out.resolve(f)).isNotEmptyFile();
    }
    assertThat(run.out())
        .startsWith("GridGov demo — 桐城（样例城区）, 2026-01-01 … 2026-12-31, seed 5")
        .contains("validated: no findings")
        .contains("small matters stay in the grid")
        .contains("top five:")
        .contains("open " + out.resolve(DemoOutputs.REPORT));
    // progress goes to a terminal only; tests have none
    assertThat(run.err()).isEmpty();
  }

  @Test
  void anOutputThatIsAFileIsUnusable(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("taken"), "x");
    CliRun run = CliRun.of("demo", "--out", file.toString());
    assertThat(run.code()).isEqualTo(GridGovCli.UNUSABLE);
    assertThat(run.err()).startsWith("gridgov: ").contains("taken");
  }

  private static final String[] FILES = {
    DemoOutputs.REPORT, DemoOutputs.MAP, DemoOutputs.CASES, DemoOutputs.SCORES
  };

  @Test
  void aSecondRunReplacesItsOwnFilesWithoutForce(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("gridgov-demo");
    CliRun first = CliRun.of("demo", "--out", out.toString(), "--seed", "5");
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(Files.readString(out.resolve(DemoOutputs.MANIFEST)))
        .startsWith(DemoOutputs.MANIFEST_HEADER + "\n")
        .contains("  " + DemoOutputs.REPORT + "\n", "  " + DemoOutputs.SCORES + "\n");
    byte[] scores = Files.readAllBytes(out.resolve(DemoOutputs.SCORES));

    CliRun second = CliRun.of("demo", "--out", out.toString(), "--seed", "5");

    assertThat(second.code()).as(second.err()).isZero();
    assertThat(Files.readAllBytes(out.resolve(DemoOutputs.SCORES))).isEqualTo(scores);
    assertThat(LocateCommandTest.names(out))
        .containsExactlyInAnyOrder(
            DemoOutputs.MANIFEST,
            DemoOutputs.REPORT,
            DemoOutputs.MAP,
            DemoOutputs.CASES,
            DemoOutputs.SCORES);

    // a file the user changed since is no longer the demo's
    Files.writeString(out.resolve(DemoOutputs.SCORES), "my own scores\n");
    CliRun third = CliRun.of("demo", "--out", out.toString(), "--seed", "5");
    assertThat(third.code()).isEqualTo(GridGovCli.UNUSABLE);
    assertThat(third.err())
        .startsWith("gridgov: " + out.resolve(DemoOutputs.SCORES) + ": ")
        .contains("--force");
    assertThat(Files.readString(out.resolve(DemoOutputs.SCORES))).isEqualTo("my own scores\n");
  }

  @Test
  void aUsersFileIsNotReplacedWithoutForceAndNothingIsWritten(@TempDir Path dir)
      throws IOException {
    Path out = Files.createDirectory(dir.resolve("work"));
    Path mine = Files.writeString(out.resolve(DemoOutputs.SCORES), "my scores\n");

    CliRun refused = CliRun.of("demo", "--out", out.toString(), "--seed", "5");

    assertThat(refused.code()).isEqualTo(GridGovCli.UNUSABLE);
    assertThat(refused.err()).startsWith("gridgov: " + mine + ": ").contains("--force");
    assertThat(refused.out()).isEmpty();
    assertThat(Files.readString(mine)).isEqualTo("my scores\n");
    assertThat(LocateCommandTest.names(out)).containsExactly(DemoOutputs.SCORES);

    CliRun forced = CliRun.of("demo", "--out", out.toString(), "--seed", "5", "--force");

    assertThat(forced.code()).as(forced.err()).isZero();
    assertThat(Files.readString(mine)).startsWith("kind,rank,unit,");
    assertThat(Files.readString(out.resolve(DemoOutputs.MANIFEST)))
        .contains("  " + DemoOutputs.SCORES + "\n");
  }

  @Test
  void aSymbolicLinkPlantedInTheDirectoryIsRefusedEvenWithForce(@TempDir Path dir)
      throws IOException {
    Path out = Files.createDirectory(dir.resolve("work"));
    Path victim = Files.writeString(dir.resolve("victim.txt"), "precious");
    Path link = Files.createSymbolicLink(out.resolve(DemoOutputs.CASES), victim);
    // listed as the demo's own, as if planted after an earlier run
    Files.writeString(
        out.resolve(DemoOutputs.MANIFEST),
        DemoOutputs.MANIFEST_HEADER + "\n" + String.join("\n", FILES) + "\n"); // no sums

    for (String[] args :
        new String[][] {
          {"demo", "--out", out.toString()}, {"demo", "--out", out.toString(), "--force"}
        }) {
      CliRun run = CliRun.of(args);
      assertThat(run.code()).isEqualTo(GridGovCli.UNUSABLE);
      assertThat(run.err()).startsWith("gridgov: " + link + ": ").contains("symbolic link");
    }
    assertThat(Files.readString(victim)).isEqualTo("precious");
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(out.resolve(DemoOutputs.REPORT)).doesNotExist();
  }

  @Test
  void aBadSeedIsAUsageError() {
    CliRun run = CliRun.of("demo", "--seed", "soon");
    assertThat(run.code()).isEqualTo(GridGovCli.UNUSABLE);
    assertThat(run.err()).contains("--seed");
  }
}
