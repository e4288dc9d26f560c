package org.gridgov.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gridgov.core.io.Json;
import org.gridgov.risk.ColourDecision;
import org.gridgov.risk.ElementFiles;
import org.gridgov.risk.ElementRegister;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands docs/risk.md ("Sample town data") gives to try risk control on the sample town run
 * clean, with the exit codes stated there.
 */
class SampleRiskCommandsTest {
  record Run(int code, String out, String err) {}

  static String sample(String file) {
    return Path.of("..", "sample-town", file).toString();
  }

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = GridGovCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  /** The position of a colour name in {@link ColourDecision#COLOUR_NAMES}: lower is worse. */
  static int severity(String colour) {
    return ColourDecision.COLOUR_NAMES.indexOf(colour);
  }

  static Run colour(String rules, String facts) {
    return run(
        "risk",
        "colour",
        "--elements",
        sample("risk-elements.jsonl"),
        "--rules",
        sample(rules),
        "--facts",
        sample(facts),
        "--as-of",
        "2026-12-31",
        "--format",
        "json");
  }

  /** Raises apply; milder colours are held, since every sample colour was set by hand. */
  static void raisesAndHolds(Run r) throws IOException {
    assertThat(r.code()).as(r.err()).isEqualTo(GridGovCli.FINDINGS);
    assertThat(r.err()).isEmpty();
    JsonNode json = Json.newMapper().readTree(r.out());
    List<JsonNode> changes = new ArrayList<>();
    json.get("changes").forEach(changes::add);
    List<JsonNode> held = new ArrayList<>();
    json.get("held").forEach(held::add);
    assertThat(changes).hasSizeBetween(3, 15);
    assertThat(held).hasSizeBetween(3, 20);
    for (JsonNode c : changes) {
      assertThat(severity(c.get("to").asText())).isLessThan(severity(c.get("from").asText()));
    }
    for (JsonNode h : held) {
      assertThat(severity(h.get("to").asText())).isGreaterThan(severity(h.get("from").asText()));
    }
  }

  @Test
  void theDisputeFactsRecolourAHandfulOfDisputesWithoutFindings() throws IOException {
    raisesAndHolds(colour("risk-colour-rules.json", "risk-facts.jsonl"));
  }

  @Test
  void theKeyPersonFactsRecolourAHandfulOfKeyPersonsWithoutFindings() throws IOException {
    raisesAndHolds(colour("risk-colour-key-persons.dmn", "risk-facts-key-persons.jsonl"));
  }

  /**
   * An element's existence and its colour are different facts: on 2026-05-06 every element of the
   * facts files is in force, also those coloured later in the year (before, a line's version dated
   * from its colouredOn and `risk colour` refused their facts as "not in force").
   */
  @Test
  void factsObservedBeforeAnElementsColourDateAreTakenForTheElement(@TempDir Path dir)
      throws IOException {
    LocalDate day = LocalDate.of(2026, 5, 6);
    ElementRegister register = ElementFiles.read(Path.of(sample("risk-elements.jsonl")));
    for (String[] pair :
        List.of(
            new String[] {"risk-colour-rules.json", "risk-facts.jsonl"},
            new String[] {"risk-colour-key-persons.dmn", "risk-facts-key-persons.jsonl"})) {
      List<String> lines = Files.readAllLines(Path.of(sample(pair[1])));
      long colouredLater =
          lines.stream()
              .map(l -> l.substring(12, l.indexOf('"', 12)))
              .filter(id -> register.marks(id).get(0).from().isAfter(day))
              .count();
      assertThat(colouredLater).as(pair[1]).isPositive();
      Path facts = dir.resolve(pair[1]);
      Files.write(
          facts,
          lines.stream()
              .map(l -> l.replace("\"at\":\"2026-12-31\"", "\"at\":\"" + day + "\""))
              .toList());
      Run r =
          run(
              "risk",
              "colour",
              "--elements",
              sample("risk-elements.jsonl"),
              "--rules",
              sample(pair[0]),
              "--facts",
              facts.toString(),
              "--as-of",
              day.toString());
      assertThat(r.err()).as(pair[1]).doesNotContain("not in force").isEmpty();
      assertThat(r.code()).as(pair[1]).isIn(GridGovCli.OK, GridGovCli.FINDINGS);
    }
  }

  @Test
  void theDocumentedDueCommandRunsAndFindsOverdueElements() {
    Run r =
        run(
            "risk",
            "due",
            "--elements",
            sample("risk-elements.jsonl"),
            "--plans",
            sample("risk-plans.json"),
            "--visits",
            sample("risk-visits.jsonl"),
            "--calendar",
            sample("calendar.json"),
            "--as-of",
            "2026-12-31");
    assertThat(r.code()).as(r.err()).isEqualTo(GridGovCli.FINDINGS);
    assertThat(r.out()).contains("overdue");
  }

  @Test
  void theDocumentedDayCommandRunsForTheDemoWorker() {
    Run r =
        run(
            "risk",
            "day",
            "--elements",
            sample("risk-elements.jsonl"),
            "--plans",
            sample("risk-plans.json"),
            "--visits",
            sample("risk-visits.jsonl"),
            "--calendar",
            sample("calendar.json"),
            "--worker",
            "gw-34188100200504",
            "--date",
            "2026-12-31");
    assertThat(r.code()).as(r.err()).isEqualTo(GridGovCli.FINDINGS);
    assertThat(r.out()).startsWith("gw-34188100200504 on 2026-12-31 in 34188100200504:");
  }
}
