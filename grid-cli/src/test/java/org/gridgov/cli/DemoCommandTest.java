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

  @Test
  void aBadSeedIsAUsageError() {
    CliRun run = CliRun.of("demo", "--seed", "soon");
    assertThat(run.code()).isEqualTo(GridGovCli.UNUSABLE);
    assertThat(run.err()).contains("--seed");
  }
}
