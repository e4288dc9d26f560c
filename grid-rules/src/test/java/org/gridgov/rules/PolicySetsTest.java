package org.gridgov.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gridgov.core.Finding;
import org.gridgov.core.GridLevel;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.SourceLocation;
import org.gridgov.rules.dispatch.Dispatcher;
import org.gridgov.rules.dispatch.EscalationLadder;
import org.gridgov.rules.lists.ListsJson;
import org.gridgov.rules.table.DecisionTables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicySetsTest {
  @TempDir Path dir;

  @BeforeEach
  void writeParts() throws IOException {
    Files.createDirectories(dir.resolve("tables"));
    Files.writeString(dir.resolve("lists.json"), ListsJson.toJson(PolicySets.sampleLists()));
    DecisionTables.write(Dispatcher.shippedTable("2026"), dir.resolve("tables/dispatch.json"));
    DecisionTables.write(EscalationLadder.shippedTable(), dir.resolve("tables/escalation.json"));
  }

  private Path policy(String name, String json) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, json);
    return p;
  }

  private static final String PARTS =
      "\"lists\":\"lists.json\",\"dispatch\":\"tables/dispatch.json\","
          + "\"escalation\":\"tables/escalation.json\"";

  @Test
  void readsAPolicyWithRelativeReferences() throws IOException {
    PolicySet p =
        PolicySets.read(
            policy(
                "policy.json",
                "{\"format\":\"gridgov-policy/1\",\"version\":\"2026\",\"validFrom\":\"2026-01-01\","
                    + PARTS
                    + "}"));
    assertThat(p.version()).isEqualTo("2026");
    assertThat(p.validTo()).isEmpty();
    assertThat(p.lists()).isEqualTo(PolicySets.sampleLists());
    assertThat(p.dispatcher().table()).isEqualTo(Dispatcher.shippedTable("2026"));
    assertThat(p.escalation().levels().levels()).contains(GridLevel.MICRO);
    assertThat(p.check(LocalDate.of(2026, 5, 1))).isEmpty();
    assertThat(
            p.admission()
                .check("01001", GridLevel.COMMUNITY, "CG", LocalDate.of(2026, 5, 1))
                .allowed())
        .isTrue();
  }

  @Test
  void readsInlinePartsAndAHistory() throws IOException {
    String inlineLists = ListsJson.toJson(PolicySets.sampleLists());
    Path h =
        policy(
            "history.json",
            "{\"format\":\"gridgov-policy-history/1\",\"versions\":["
                + "{\"version\":\"old\",\"validFrom\":\"2024-01-01\",\"validTo\":\"2024-12-31\","
                + "\"lists\":"
                + inlineLists
                + ",\"dispatch\":"
                + DecisionTables.toJson(Dispatcher.shippedTable("2024"))
                + ",\"escalation\":\"tables/escalation.json\"},"
                + "{\"version\":\"new\",\"validFrom\":\"2025-01-01\","
                + PARTS
                + "}]}");
    PolicyHistory history = PolicyHistory.read(h);
    assertThat(history.at(LocalDate.of(2024, 6, 1)).orElseThrow().version()).isEqualTo("old");
    assertThat(history.at(LocalDate.of(2025, 6, 1)).orElseThrow().dispatcher().table().id())
        .isEqualTo("dispatch-2026");
  }

  @Test
  void aCustomLadderNeedsAMatchingEscalationTable() throws IOException {
    Path p =
        policy(
            "policy.json",
            "{\"version\":\"x\",\"validFrom\":\"2026-01-01\",\"levels\":[\"city\",\"street\","
                + "\"community\"],"
                + PARTS
                + "}");
    // the shipped escalation table whistles to the district, which this ladder lacks
    assertThatThrownBy(() -> PolicySets.read(p))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(problems(e))
                    .anySatisfy(
                        m ->
                            assertThat(m)
                                .contains(p + ": /escalation: decision 'escalation', rule 9")
                                .contains(
                                    "'district' is not a level of the ladder [city, street,"
                                        + " community]")));
  }

  @Test
  void problemsNameTheFileAndPointer() throws IOException {
    assertBad(
        "{\"version\":\"x\",\"validFrom\":\"2026-13-01\"," + PARTS + "}",
        "policy.json: /validFrom: ");
    assertBad("{\"version\":\"x\",\"validFrom\":\"2026-01-01\"}", "policy.json: /lists: ");
    assertBad(
        "{\"version\":\"x\",\"validFrom\":\"2026-01-01\",\"lists\":\"nope.json\","
            + "\"dispatch\":\"tables/dispatch.json\",\"escalation\":\"tables/escalation.json\"}",
        "policy.json: /lists: cannot read 'nope.json'");
    assertBad(
        "{\"version\":\"x\",\"validFrom\":\"2026-01-01\",\"lists\":3,"
            + "\"dispatch\":\"tables/dispatch.json\",\"escalation\":\"tables/escalation.json\"}",
        "policy.json: /lists: expected an object or a relative path");
    assertBad(
        "{\"version\":\"x\",\"validFrom\":\"2026-01-01\",\"lists\":\"lists.json\","
            + "\"dispatch\":\"tables/escalation.json\",\"escalation\":\"tables/escalation.json\"}",
        "policy.json: /dispatch: decision 'escalation': a dispatch table needs");
    assertBad(
        "{\"version\":\"x\",\"validFrom\":\"2026-01-01\",\"levels\":[\"city\",\"city\"],"
            + PARTS
            + "}",
        "policy.json: /levels: ");
    assertBad(
        "{\"version\":\"x\",\"validFrom\":\"2026-02-01\",\"validTo\":\"2026-01-01\"," + PARTS + "}",
        "policy.json: policy x ends on 2026-01-01");
    assertBad(
        "{\"version\":\"x\",\"vaildFrom\":\"2026-01-01\"}", "policy.json: /vaildFrom: unknown");
    // a problem inside a referenced file names that file
    Files.writeString(dir.resolve("lists.json"), "{\"items\":[{\"code\":7}]}");
    assertThatThrownBy(
            () ->
                PolicySets.read(
                    policy(
                        "policy.json",
                        "{\"version\":\"x\",\"validFrom\":\"2026-01-01\"," + PARTS + "}")))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(problems(e))
                    .anySatisfy(
                        m ->
                            assertThat(m)
                                .contains("lists.json: /items/0/code: expected a string")));
  }

  @Test
  void everyProblemOfAPolicyIsReportedAtOnce() throws IOException {
    Path p =
        policy(
            "policy.json",
            "{\"version\":\"x\",\n\"vaildFrom\":\"2026-01-01\",\n\"lists\":{\"itemz\":[]},"
                + "\"dispatch\":\"tables/dispatch.json\","
                + "\"escalation\":\"tables/escalation.json\"}");
    assertThatThrownBy(() -> PolicySets.read(p))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(problems(e))
                  .containsExactly(
                      p + ": /vaildFrom: unknown field 'vaildFrom'; did you mean 'validFrom'?",
                      p + ": /validFrom: required field 'validFrom' is missing",
                      p + ": /lists/itemz: unknown field 'itemz'; did you mean 'items'?");
              assertThat(e.problems().errors())
                  .extracting(f -> f.location().orElseThrow().line())
                  .containsExactly(2, 1, 3);
            });
  }

  @Test
  void theCheckIsAlsoAFindingsView() {
    PolicySet p = PolicySets.defaults();
    assertThat(p.findings(LocalDate.of(2026, 5, 1)).hasErrors()).isFalse();
    assertThat(p.findings(LocalDate.of(2026, 5, 1)).all())
        .isEqualTo(p.check(LocalDate.of(2026, 5, 1)));
  }

  @Test
  void overlappingVersionsAreRefusedWithThePointer() throws IOException {
    Path h =
        policy(
            "history.json",
            "{\"versions\":[{\"version\":\"a\",\"validFrom\":\"2024-01-01\","
                + PARTS
                + "},{\"version\":\"b\",\"validFrom\":\"2025-01-01\","
                + PARTS
                + "}]}");
    assertThatThrownBy(() -> PolicyHistory.read(h))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(problems(e))
                    .anySatisfy(
                        m -> assertThat(m).contains("history.json: /versions: ", "overlap")));
  }

  private void assertBad(String json, String start) throws IOException {
    Path p = policy("policy.json", json);
    String expected = start.replace("policy.json", p.toString());
    assertThatThrownBy(() -> PolicySets.read(p))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(problems(e)).anySatisfy(m -> assertThat(m).contains(expected)));
  }

  /**
   * Each error as {@code source: pointer: message}, after checking that every error with a pointer
   * also names its line: the location texts of before, which had no line numbers.
   */
  static List<String> problems(InvalidInputException e) {
    List<String> out = new ArrayList<>();
    for (Finding f : e.problems().errors()) {
      SourceLocation l = f.location().orElseThrow();
      if (!l.pointer().isEmpty()) {
        assertThat(l.line()).as("line of %s", f).isPositive();
      }
      out.add(l.source() + ": " + (l.pointer().isEmpty() ? "" : l.pointer() + ": ") + f.message());
    }
    return out;
  }
}
