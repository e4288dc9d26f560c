package org.gridgov.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gridgov.rules.dispatch.Dispatcher;
import org.gridgov.rules.table.DecisionTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecideCommandTest {
  @TempDir Path dir;

  static final String TIER =
      "{\"name\":\"tier\",\"hitPolicy\":\"UNIQUE\","
          + "\"inputs\":[{\"name\":\"severity\",\"type\":\"number\"}],"
          + "\"outputs\":[{\"name\":\"tier\",\"type\":\"string\"}],"
          + "\"rules\":["
          + "{\"id\":\"hi\",\"when\":[\">= 4\"],\"then\":[\"district\"],\"annotation\":\"hard\"},"
          + "{\"when\":[\"[2..4)\"],\"then\":[\"street\"]},"
          + "{\"when\":[\"[3..5]\"],\"then\":[\"street\"]}]}";

  private Path table(String name, String json) throws IOException {
    return Files.writeString(dir.resolve(name), json);
  }

  private static CliRun withStdin(String text, String... args) {
    InputStream saved = System.in;
    System.setIn(new ByteArrayInputStream(text.getBytes(UTF_8)));
    try {
      return CliRun.of(args);
    } finally {
      System.setIn(saved);
    }
  }

  @Test
  void oneResultPerLineAndErrorsDoNotStopTheRest() throws IOException {
    Path t = table("tier.json", TIER);
    CliRun r =
        withStdin(
            "{\"severity\": 2}\n"
                + "{\"severity\": 1}\n"
                + "\n"
                + "{\"severity\": \n"
                + "{\"severity\": \"high\"}\n"
                + "{\"severity\": 4}\n"
                + "[1]\n"
                + "{\"severity\": 5.5}\n",
            "decide",
            "--table",
            t.toString());
    String[] lines = r.out().split("\n");
    assertThat(lines).hasSize(7);
    assertThat(lines[0]).isEqualTo("{\"result\":\"street\"}");
    // no rule matches a single-hit table: null
    assertThat(lines[1]).isEqualTo("{\"result\":null}");
    // the blank line is skipped; line numbers count it
    assertThat(lines[2]).startsWith("{\"error\":\"line 4: malformed JSON");
    assertThat(lines[3]).startsWith("{\"error\":\"line 5: ").contains("severity");
    // two matching rules of a UNIQUE table: an error, not a silent pick
    assertThat(lines[4]).startsWith("{\"error\":\"line 6: ");
    assertThat(lines[5]).startsWith("{\"error\":\"line 7: ");
    assertThat(lines[6]).isEqualTo("{\"result\":\"district\"}");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).isEmpty();
  }

  static final String BANDS =
      "{\"name\":\"bands\",\"hitPolicy\":\"FIRST\","
          + "\"inputs\":[{\"name\":\"code\",\"type\":\"string\"},"
          + "{\"name\":\"x\",\"type\":\"number\"}],"
          + "\"outputs\":[{\"name\":\"band\",\"type\":\"string\"}],"
          + "\"rules\":["
          + "{\"when\":[\"-\",\"[50..80)\"],\"then\":[\"mid\"]},"
          + "{\"when\":[\"-\",\">= 80\"],\"then\":[\"high\"]},"
          + "{\"when\":[\"-\",\"< 50\"],\"then\":[\"low\"]}]}";

  /**
   * A stream mixing good lines with a duplicate key, decimals beyond a double's precision and
   * numbers beyond any double or any exponent: every bad line is its own error line, every number
   * that is read compares exactly, and every later line is answered.
   */
  @Test
  void badNumbersAndDuplicateKeysAreLineErrorsAndNumbersCompareExactly() throws IOException {
    Path t = table("bands.json", BANDS);
    String[] in = {
      "{\"code\": null, \"x\": 79.99999999999999999999}", // exactly below 80 (the double is 80.0)
      "{\"code\": null, \"x\": 1, \"x\": 90}", // duplicate key
      "{\"code\": null, \"x\": 1e309}", // beyond a double, an exact decimal
      "{\"code\": null, \"x\": -1e309}",
      "{\"code\": null, \"x\": 1e-400}",
      "{\"code\": null, \"x\": 80.00000000000000000001}",
      "{\"code\": null, \"x\": 1e99999999999}", // exponent beyond BigDecimal
      "{\"code\": null, \"x\": 1e-2147483649}",
      "{\"code\": null, \"x\": 1e2147483647}", // a BigDecimal, but no sane number
      "{\"code\": null, \"x\": 1e1000000000}",
      "{\"code\": 1e99999999999, \"x\": 60}",
      "{\"code\": 1e309, \"x\": 60}", // a number for a string input
      "{\"code\": null, \"x\": 49.999999999999999999999999}",
    };
    CliRun r = withStdin(String.join("\n", in) + "\n", "decide", "--table", t.toString());
    String[] lines = r.out().split("\n");
    assertThat(r.err()).isEmpty();
    assertThat(lines).hasSize(in.length);
    assertThat(lines[0]).isEqualTo("{\"result\":\"mid\"}");
    assertThat(lines[1]).startsWith("{\"error\":\"line 2: ").contains("Duplicate", "'x'");
    assertThat(lines[2]).isEqualTo("{\"result\":\"high\"}");
    assertThat(lines[3]).isEqualTo("{\"result\":\"low\"}");
    assertThat(lines[4]).isEqualTo("{\"result\":\"low\"}");
    assertThat(lines[5]).isEqualTo("{\"result\":\"high\"}");
    for (int i = 6; i <= 10; i++) {
      assertThat(lines[i]).startsWith("{\"error\":\"line " + (i + 1) + ": ").contains("number");
    }
    assertThat(lines[11]).startsWith("{\"error\":\"line 12: ").contains("'code'");
    assertThat(lines[12]).isEqualTo("{\"result\":\"low\"}");
    assertThat(r.code()).isEqualTo(1);
  }

  @Test
  void allDecidedExitsZero() throws IOException {
    Path t = table("tier.json", TIER);
    CliRun r =
        withStdin("{\"severity\": 2}\n{\"severity\": 9}\n", "decide", "--table", t.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("{\"result\":\"street\"}\n{\"result\":\"district\"}\n");
  }

  @Test
  void explainAddsTheMatchedRules() throws IOException {
    Path t = table("tier.json", TIER);
    CliRun r =
        withStdin(
            "{\"severity\": 9}\n{\"severity\": 0}\n",
            "decide",
            "--explain",
            "--table",
            t.toString());
    assertThat(r.out())
        .isEqualTo(
            "{\"result\":\"district\",\"matched\":[{\"rule\":1,\"id\":\"hi\",\"annotation\":\"hard\"}]}\n"
                + "{\"result\":null,\"matched\":[]}\n");
  }

  @Test
  void resultShapesFollowTheHitPolicyAndOutputs() throws IOException {
    String inputs = "\"inputs\":[{\"name\":\"n\",\"type\":\"number\"}],";
    Path multiOutput =
        table(
            "multi.json",
            "{\"name\":\"m\","
                + inputs
                + "\"outputs\":[{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"b\",\"type\":\"number\"}],"
                + "\"rules\":[{\"when\":[\"-\"],\"then\":[\"x\",2.50]}]}");
    assertThat(withStdin("{\"n\":1}\n", "decide", "--table", multiOutput.toString()).out())
        .isEqualTo("{\"result\":{\"a\":\"x\",\"b\":2.5}}\n");
    Path ruleOrder =
        table(
            "ro.json",
            "{\"name\":\"r\",\"hitPolicy\":\"RULE ORDER\","
                + inputs
                + "\"outputs\":[{\"name\":\"a\",\"type\":\"string\"}],"
                + "\"rules\":[{\"when\":[\"> 0\"],\"then\":[\"pos\"]},{\"when\":[\"-\"],\"then\":[\"any\"]}]}");
    assertThat(
            withStdin("{\"n\":1}\n{\"n\":-1}\n", "decide", "--table", ruleOrder.toString()).out())
        .isEqualTo("{\"result\":[\"pos\",\"any\"]}\n{\"result\":[\"any\"]}\n");
    Path sum =
        table(
            "sum.json",
            "{\"name\":\"s\",\"hitPolicy\":\"COLLECT\",\"aggregation\":\"SUM\","
                + inputs
                + "\"outputs\":[{\"name\":\"points\",\"type\":\"number\"}],"
                + "\"rules\":[{\"when\":[\"> 0\"],\"then\":[3]},{\"when\":[\"> 5\"],\"then\":[4]}]}");
    assertThat(withStdin("{\"n\":9}\n{\"n\":1}\n", "decide", "--table", sum.toString()).out())
        .isEqualTo("{\"result\":7}\n{\"result\":3}\n");
  }

  @Test
  void decidesWithTheShippedDispatchTable() throws IOException {
    Path t = dir.resolve("dispatch.json");
    DecisionTables.write(Dispatcher.shippedTable("2026"), t);
    CliRun r =
        withStdin(
            "{\"category\":\"市容环境\",\"handling\":\"community\",\"severity\":\"SIMPLE\","
                + "\"attention\":0,\"scope\":\"IN_GRID\"}\n",
            "decide",
            "--table",
            t.toString());
    assertThat(r.out()).isEqualTo("{\"result\":{\"tier\":\"GRID\",\"eventCentre\":false}}\n");
  }

  @Test
  void readsADecisionFromADmnFileAndAFileInput() throws IOException {
    Path dmn = dir.resolve("two.dmn");
    Files.writeString(dmn, TwoDecisionsDmn.XML);
    Path in = Files.writeString(dir.resolve("in.jsonl"), "{\"severity\": 5}\n");
    CliRun r =
        CliRun.of("decide", "--table", dmn.toString(), "--decision", "Tier", "--in", in.toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo("{\"result\":\"district\"}\n");
    assertThat(r.code()).isZero();
    CliRun ambiguous = CliRun.of("decide", "--table", dmn.toString(), "--in", in.toString());
    assertThat(ambiguous.code()).isEqualTo(2);
    assertThat(ambiguous.err()).contains("two.dmn").contains("several decision tables");
  }

  @Test
  void anUnusableTableExitsTwoNamingTheFile() throws IOException {
    Path bad =
        table(
            "bad.json",
            "{\"name\":\"x\",\"inputs\":[{\"name\":\"a\",\"type\":\"number\"}],"
                + "\"outputs\":[{\"name\":\"o\",\"type\":\"string\"}],\"rules\":[{\"when\":[\"<<3\"],\"then\":[\"y\"]}]}");
    CliRun r = withStdin("{}\n", "decide", "--table", bad.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .startsWith("gridgov: " + bad)
        .contains("/rules/0/when/0")
        .contains("rule 1");
    CliRun missing = withStdin("{}\n", "decide", "--table", dir.resolve("none.json").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("none.json: no such file");
    assertThat(CliRun.of("decide").code()).isEqualTo(2);
  }

  /**
   * The command evaluates strictly: a misspelled input name is an error line saying which input was
   * meant, a missing input is an error line (null says "not known"), and the exit code is 1.
   * Before, both answered {"result": null} and exit 0.
   */
  @Test
  void unknownAndMissingInputNamesAreErrorLines() throws IOException {
    Path t = table("bands.json", BANDS);
    CliRun r =
        withStdin(
            "{\"cdoe\": \"a\", \"x\": 90}\n"
                + "{\"x\": 90}\n"
                + "{\"code\": null, \"x\": 90}\n"
                + "{\"code\": \"a\", \"x\": 90, \"zzzzzz\": 1}\n",
            "decide",
            "--table",
            t.toString());
    assertThat(r.out().split("\n"))
        .containsExactly(
            "{\"error\":\"line 1: decision 'bands': unknown input 'cdoe'"
                + " (did you mean 'code'?)\"}",
            "{\"error\":\"line 2: decision 'bands': missing input 'code'"
                + " (give null when it is not known)\"}",
            "{\"result\":\"high\"}",
            "{\"error\":\"line 4: decision 'bands': unknown input 'zzzzzz'"
                + " (the inputs are 'code', 'x')\"}");
    assertThat(r.code()).isEqualTo(GridGovCli.FINDINGS);
    assertThat(r.err()).isEmpty();
  }

  /** The reproduction of issue 12 on the shipped dispatch table. */
  @Test
  void aMisspelledDispatchInputSaysWhichInputWasMeant() throws IOException {
    Path t = dir.resolve("dispatch.json");
    DecisionTables.write(Dispatcher.shippedTable("2026"), t);
    CliRun r = withStdin("{\"categroy\":\"x\"}\n", "decide", "--table", t.toString());
    assertThat(r.out())
        .startsWith("{\"error\":\"line 1: ")
        .contains("unknown input 'categroy' (did you mean 'category'?)")
        .contains("missing input 'severity'")
        .doesNotContain("missing input 'category'")
        .doesNotContain("result");
    assertThat(r.code()).isEqualTo(GridGovCli.FINDINGS);
  }
}
