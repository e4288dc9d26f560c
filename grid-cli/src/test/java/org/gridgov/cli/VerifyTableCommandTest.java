package org.gridgov.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gridgov.rules.dispatch.Dispatcher;
import org.gridgov.rules.dispatch.EscalationLadder;
import org.gridgov.rules.table.DecisionTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyTableCommandTest {
  @TempDir Path dir;

  @Test
  void theShippedTablesAreClean() throws IOException {
    Path dispatch = dir.resolve("dispatch.json");
    DecisionTables.write(Dispatcher.shippedTable("2026"), dispatch);
    CliRun r = CliRun.of("verify-table", "--table", dispatch.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).endsWith("clean: decision 'dispatch' (27 rules, UNIQUE)\n");
    Path escalation = dir.resolve("escalation.json");
    DecisionTables.write(EscalationLadder.shippedTable(), escalation);
    assertThat(CliRun.of("verify-table", "--table", escalation.toString()).code()).isZero();
  }

  @Test
  void findingsComeWithWitnessesAndExitOne() throws IOException {
    Path t =
        Files.writeString(
            dir.resolve("t.json"),
            "{\"name\":\"tier\",\"hitPolicy\":\"UNIQUE\","
                + "\"inputs\":[{\"name\":\"severity\",\"type\":\"number\",\"allowedValues\":\"[0..10]\"}],"
                + "\"outputs\":[{\"name\":\"tier\",\"type\":\"string\"}],"
                + "\"rules\":[{\"when\":[\"[0..5]\"],\"then\":[\"grid\"]},"
                + "{\"when\":[\"[5..7]\"],\"then\":[\"street\"]}]}");
    CliRun r = CliRun.of("verify-table", "--table", t.toString());
    assertThat(r.code()).isEqualTo(1);
    String[] lines = r.out().split("\n");
    String overlap = lines[0];
    String[] f = overlap.split("\t");
    assertThat(f).hasSize(5);
    assertThat(f[0]).isEqualTo("OVERLAP");
    assertThat(f[1]).isEqualTo("ERROR");
    assertThat(f[2]).isEqualTo("1,2");
    assertThat(f[4]).isEqualTo("{\"severity\":5}");
    assertThat(r.out()).contains("GAP\tWARNING\t-\t").contains("\t{\"severity\":");
    assertThat(lines[lines.length - 1])
        .matches("\\d+ findings in decision 'tier' \\(2 rules, UNIQUE\\)");
  }

  @Test
  void anUnusableTableExitsTwo() throws IOException {
    Path t = Files.writeString(dir.resolve("t.json"), "{\"name\":\n");
    CliRun r = CliRun.of("verify-table", "--table", t.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("gridgov: " + t + ":").contains("malformed JSON");
    assertThat(CliRun.of("verify-table", "--table", dir.resolve("x.dmn").toString()).code())
        .isEqualTo(2);
  }

  /** Issue 17, point 1: a search that gives up is "inconclusive", exit 4, never "clean". */
  @Test
  void aSearchThatGivesUpExitsFourAndSaysWhich() throws IOException {
    Path dispatch = dir.resolve("dispatch.json");
    DecisionTables.write(Dispatcher.shippedTable("2026"), dispatch);
    CliRun r = CliRun.of("verify-table", "--table", dispatch.toString(), "--max-boxes", "1");
    assertThat(r.code()).isEqualTo(4);
    assertThat(r.out()).contains("INCONCLUSIVE\tWARNING\t-\t").contains("gap analysis");
    assertThat(r.out())
        .doesNotContain("clean")
        .endsWith(
            "inconclusive: decision 'dispatch' (27 rules, UNIQUE): the gap analysis gave up at 1"
                + " boxes (see the INCONCLUSIVE lines for how far it got; raise --max-boxes)\n");
    assertThat(CliRun.of("verify-table", "--table", dispatch.toString(), "--max-boxes", "0").code())
        .isEqualTo(2);
  }

  /** A FIRST table where most inputs match no rule is never clean (it was, exit 0). */
  @Test
  void aTableWithLargeGapsIsNotClean() throws IOException {
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(17);
    StringBuilder json =
        new StringBuilder("{\"name\":\"sparse\",\"hitPolicy\":\"FIRST\",\"inputs\":[");
    for (int c = 0; c < 8; c++) {
      json.append(c == 0 ? "" : ",")
          .append("{\"name\":\"x" + c + "\",\"type\":\"number\",\"allowedValues\":\"[0..100]\"}");
    }
    json.append("],\"outputs\":[{\"name\":\"y\",\"type\":\"number\"}],\"rules\":[");
    for (int i = 0; i < 25; i++) {
      json.append(i == 0 ? "" : ",").append("{\"when\":[");
      for (int c = 0; c < 8; c++) {
        int lo = rnd.nextInt(50);
        json.append(c == 0 ? "" : ",")
            .append("\"[" + lo + ".." + (lo + 40 + rnd.nextInt(20)) + "]\"");
      }
      json.append("],\"then\":[" + i + "]}");
    }
    Path t = Files.writeString(dir.resolve("sparse.json"), json.append("]}").toString());
    CliRun r = CliRun.of("verify-table", "--table", t.toString());
    assertThat(r.code()).isNotZero();
    assertThat(r.out()).doesNotContain("clean:").contains("GAP\tWARNING");
  }
}
