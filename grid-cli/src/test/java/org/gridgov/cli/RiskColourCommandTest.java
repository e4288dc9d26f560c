package org.gridgov.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gridgov risk colour}: changes, formats, exit codes and unusable input. */
class RiskColourCommandTest {
  static final Path RULES = Path.of("..", "sample-town", "risk-colour-rules.json");

  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = GridGovCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  Path elements() throws IOException {
    return write(
        "elements.jsonl",
        "{\"id\":\"S-1\",\"type\":\"sentiment\",\"grid\":\"G1\",\"name\":\"noise dispute\"}\n"
            + "{\"id\":\"S-2\",\"type\":\"sentiment\",\"grid\":\"G1\",\"colour\":\"yellow\","
            + "\"colouredOn\":\"2026-01-05\",\"name\":\"parking dispute\"}\n"
            + "{\"id\":\"S-3\",\"type\":\"sentiment\",\"grid\":\"G2\",\"colour\":\"blue\","
            + "\"colouredOn\":\"2026-01-05\",\"name\":\"rent dispute\"}\n");
  }

  static String facts(String id, int disputes) {
    return "{\"element\":\""
        + id
        + "\",\"facts\":{\"disputes90d\":"
        + disputes
        + ",\"violenceRisk\":false,\"departments\":0}}\n";
  }

  String[] args(Path facts, String... more) throws IOException {
    String[] base = {
      "risk",
      "colour",
      "--elements",
      elements().toString(),
      "--rules",
      RULES.toString(),
      "--facts",
      facts.toString(),
      "--as-of",
      "2026-05-06"
    };
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  @Test
  void csvListsTheChangesWithTheirRulesAndExitsOne() throws IOException {
    Path facts = write("facts.jsonl", facts("S-1", 5) + facts("S-3", 1));
    Run r = run(args(facts, "--format", "csv"));
    assertThat(r.code()).as(r.err()).isEqualTo(1);
    assertThat(r.out())
        .isEqualTo(
            "element,grid,type,from,to,rule,reason\n"
                + "S-1,G1,sentiment,none,orange,dispute-warning/orange-repeat,"
                + "five or more disputes in 90 days: led by several police branches\n");
  }

  @Test
  void noChangeExitsZeroAndManualColoursHeldAreShown() throws IOException {
    // S-2 was imported yellow (a manual mark): one dispute asks for blue, which is held
    Path facts = write("facts.jsonl", facts("S-2", 1) + facts("S-3", 1));
    Run text = run(args(facts));
    assertThat(text.code()).as(text.err()).isEqualTo(0);
    assertThat(text.out()).contains("0 colour changes, 1 held").contains("S-2").contains("blue");
    Run json = run(args(facts, "--format", "json"));
    assertThat(json.code()).isEqualTo(0);
    assertThat(json.out())
        .contains("\"changes\" : [ ]")
        .contains("\"rule\" : \"dispute-warning/blue-loop\"");
  }

  @Test
  void factsForAnUnknownElementAreUnusableInputAtTheirLine() throws IOException {
    Path facts = write("facts.jsonl", facts("S-1", 5) + "\n" + facts("S-11", 1));
    Run r = run(args(facts));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("facts.jsonl:3").contains("unknown element 'S-11'");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void aMisspelledFactIsNamedWithDidYouMean() throws IOException {
    Path facts =
        write(
            "facts.jsonl",
            "{\"element\":\"S-1\",\"facts\":{\"dispute90d\":5,\"violenceRisk\":false,"
                + "\"departments\":0}}\n");
    Run r = run(args(facts));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("facts.jsonl:1").contains("did you mean 'disputes90d'?");
  }

  @Test
  void aBadFormatOrDateIsAUsageError() throws IOException {
    Path facts = write("facts.jsonl", facts("S-1", 5));
    assertThat(run(args(facts, "--format", "cvs")).err()).contains("did you mean 'csv'?");
    String[] a = args(facts);
    a[a.length - 1] = "6 May";
    assertThat(run(a).code()).isEqualTo(2);
  }
}
