package org.gridgov.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gridgov.lab.EvaluationReport;
import org.junit.jupiter.api.Test;

class WatchEvalCommandTest {
  private static final String[] TINY = {
    "watch-eval", "--days", "56", "--replicates", "1", "--outbreaks", "6"
  };

  private static CliRun tiny(String... more) {
    String[] args = new String[TINY.length + more.length];
    System.arraycopy(TINY, 0, args, 0, TINY.length);
    System.arraycopy(more, 0, args, TINY.length, more.length);
    return CliRun.of(args);
  }

  @Test
  void printsTheTableAndTheVerdictsAndExitsZero() {
    CliRun run = tiny();
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .startsWith(
            "Watch evaluation: seed 1, 56 days from 2026-01-05 (28 warm-up), 1 replicate(s)")
        .contains("CIDARS targets")
        .contains("ewma");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void theSameOptionsPrintTheSameTable() {
    assertThat(tiny("--seed", "3").out()).isEqualTo(tiny("--seed", "3").out());
  }

  @Test
  void csvAndJsonCarryTheSameRows() throws Exception {
    CliRun csv = tiny("--format", "csv");
    assertThat(csv.code()).isZero();
    assertThat(csv.out()).startsWith(EvaluationReport.CSV_HEADER + "\n");
    CliRun json = tiny("--format", "json");
    assertThat(json.code()).isZero();
    JsonNode root = new ObjectMapper().readTree(json.out());
    assertThat(root.get("format").asText()).isEqualTo("gridgov.watch-eval/1");
    assertThat(root.get("rows").size()).isEqualTo(csv.out().lines().count() - 1);
    assertThat(root.get("settings").get("days").asInt()).isEqualTo(56);
  }

  @Test
  void badOptionsExitTwo() {
    CliRun run = CliRun.of("watch-eval", "--days", "7");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("--days must be between 28 and 3660: 7");
    assertThat(CliRun.of("watch-eval", "--format", "xml").code()).isEqualTo(2);
  }
}
