package org.gridgov.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Running out of memory or stack is exit 5 with one line saying what ran out and how to give more,
 * never a stack trace with exit 1 (the code for "findings").
 */
class ResourceExhaustionTest {
  @TempDir Path dir;

  @Test
  void outOfMemoryIsExitFiveWithOneLine() throws Exception {
    // 100,000 grids need far more than a 16 MiB heap once parsed
    String grids =
        IntStream.range(0, 100_000)
            .mapToObj(i -> "{\"id\":\"g" + i + "\",\"level\":\"street\"}")
            .collect(Collectors.joining(",", "{\"grids\":[", "]}"));
    Path file = Files.writeString(dir.resolve("big.json"), grids);
    ChildJvm r =
        ChildJvm.run(
            dir,
            List.of("-Xmx16m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
            Map.of(),
            "hierarchy",
            "--grids",
            file.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(GridGovCli.OUT_OF_RESOURCES);
    assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
    assertThat(r.err())
        .startsWith("gridgov: out of memory")
        .contains("16 MiB")
        .contains("GRIDGOV_JAVA_OPTS=-Xmx")
        .doesNotContain("\tat ")
        .doesNotContain("Exception in thread");
  }

  @Test
  void outOfStackSaysTheInputIsTooDeeplyNested() {
    StringWriter err = new StringWriter();
    int code = GridGovCli.exhausted(new StackOverflowError(), new PrintWriter(err, true), false);
    assertThat(code).isEqualTo(5);
    assertThat(err.toString().strip().lines()).hasSize(1);
    assertThat(err.toString())
        .startsWith("gridgov: out of stack")
        .contains("too deeply nested")
        .contains("GRIDGOV_JAVA_OPTS=-Xss");
  }

  @Test
  void anArrayOverTheJavaLimitSaysMoreHeapDoesNotHelp() {
    StringWriter err = new StringWriter();
    int code =
        GridGovCli.exhausted(
            new OutOfMemoryError("Required array size too large"), new PrintWriter(err), false);
    assertThat(code).isEqualTo(5);
    assertThat(err.toString().strip().lines()).hasSize(1);
    assertThat(err.toString()).startsWith("gridgov: out of memory").contains("2 GiB");
  }
}
