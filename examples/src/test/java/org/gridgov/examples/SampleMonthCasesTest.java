package org.gridgov.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gridgov.examples.docs.DocSnippets;
import org.junit.jupiter.api.Test;

/** The month of cases in sample-town/ is what the demo's case loop makes of March 2026. */
class SampleMonthCasesTest {
  @Test
  void theCommittedMonthIsTheDemosMonth() throws IOException {
    Path root = DocSnippets.repositoryRoot();
    String expected = SampleMonthCases.generate();
    String committed =
        Files.readString(root.resolve(SampleMonthCases.FILE), StandardCharsets.UTF_8);
    if (!committed.equals(expected)) {
      Path fresh = Path.of("target", "cases-2026-03.jsonl").toAbsolutePath();
      Files.createDirectories(fresh.getParent());
      Files.writeString(fresh, expected, StandardCharsets.UTF_8);
      assertThat(committed)
          .as(
              "%s is not what the demo's loop makes of the month: copy %s over it",
              SampleMonthCases.FILE, fresh)
          .isEqualTo(expected);
    }
  }
}
