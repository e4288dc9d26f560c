package org.gridgov.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.time.TimeLimit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scheme, entries and posts formats: round trips and located errors. */
class CreditFormatsTest {
  private static ByteArrayInputStream in(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> problems(Runnable read) {
    try {
      read.run();
    } catch (InvalidInputException e) {
      return e.problems().errors().stream()
          .map(f -> f.location().orElseThrow().render() + ": " + f.message())
          .toList();
    }
    throw new AssertionError("no error");
  }

  @Test
  void theSchemeIsReadAsWrittenAndWritesBackEqual(@TempDir Path dir) {
    CreditScheme s = CreditFixtures.scheme();
    assertThat(s.start()).isEqualTo(100);
    assertThat(s.floor()).hasValue(0);
    assertThat(s.rule("G02").orElseThrow().pointsText()).isEqualTo("5..20");
    assertThat(s.rule("D01").orElseThrow().repairAfterDays()).isEqualTo(30);
    assertThat(s.appeal().fileWithin()).isEqualTo(TimeLimit.workingDays(5));
    assertThat(s.levelOf(120).name()).isEqualTo("AAA");
    assertThat(s.levelOf(119).name()).isEqualTo("AA");
    assertThat(s.levelOf(-5).name()).isEqualTo("D");
    Path f = dir.resolve("s.json");
    CreditSchemes.write(s, f);
    assertThat(CreditSchemes.read(f)).isEqualTo(s);
  }

  @Test
  void schemeErrorsAreLocatedAndAllReportedAtOnce() {
    String bad =
        CreditFixtures.SCHEME_JSON
            .replace("\"capPerMonth\":10,", "\"capPerMonht\":10,")
            .replace("\"min\":5,\"max\":20", "\"min\":20,\"max\":5")
            .replace("\"code\":\"D02\"", "\"code\":\"D01\"")
            .replace("{\"name\":\"A\",\"min\":80}", "{\"name\":\"A\",\"min\":100}")
            .replace("\"fileWithin\":\"5 working days\"", "\"fileWithin\":\"5 weeks\"");
    List<String> p = problems(() -> CreditSchemes.read(in(bad), "scheme.json"));
    assertThat(p)
        .hasSize(5)
        .anyMatch(
            m ->
                m.startsWith("scheme.json:5:66:")
                    && m.contains("/rules/0/capPerMonht: unknown field 'capPerMonht'")
                    && m.endsWith("did you mean 'capPerMonth'?"))
        .anyMatch(m -> m.contains("/rules/1/min: min 20 is greater than max 5"))
        .anyMatch(m -> m.contains("/rules/3/code: rule code 'D01' appears twice"))
        .anyMatch(
            m ->
                m.contains(
                    "/levels/2/min: levels are listed highest first: A (min 100) must be"
                        + " below AA (min 100)"))
        .anyMatch(m -> m.contains("/appeal/fileWithin: invalid time limit '5 weeks'"));
  }

  @Test
  void schemeStructureIsChecked() {
    assertThat(
            problems(
                () ->
                    CreditSchemes.read(
                        in(CreditFixtures.SCHEME_JSON.replace("credit-scheme/1", "credit/2")),
                        "s.json")))
        .singleElement()
        .asString()
        .contains("/format: unknown format 'gridgov.credit/2'");
    assertThat(
            problems(
                () ->
                    CreditSchemes.read(
                        in(CreditFixtures.SCHEME_JSON.replace("\"floor\":0", "\"floor\":101")),
                        "s.json")))
        .singleElement()
        .asString()
        .contains("/floor: the floor 101 is above 'start' 100");
    assertThat(
            problems(
                () ->
                    CreditSchemes.read(
                        in(
                            CreditFixtures.SCHEME_JSON.replace(
                                "\"repairable\":true,\"repairAfterDays\":30",
                                "\"repairable\":true")),
                        "s.json")))
        .singleElement()
        .asString()
        .contains("/rules/2/repairAfterDays: required field 'repairAfterDays' is missing");
    assertThat(
            problems(
                () ->
                    CreditSchemes.read(
                        in(
                            CreditFixtures.SCHEME_JSON.replace(
                                "\"min\":-50,", "\"min\":-50,\"points\":3,")),
                        "s.json")))
        .singleElement()
        .asString()
        .contains("give either 'points' or 'min' and 'max', not both");
    assertThat(problems(() -> CreditSchemes.read(in("{\"format\":"), "s.json")))
        .singleElement()
        .asString()
        .startsWith("s.json:1:")
        .contains("malformed JSON");
  }

  @Test
  void entriesRoundTripAsJsonLines(@TempDir Path dir) {
    List<Entry> e =
        List.of(
            CreditFixtures.ruled(1, "2026-03-02T09:00:00", "r-1", EntryKind.DEDUCT, "D01", -5, "w"),
            CreditFixtures.about(2, "2026-03-02T10:00:00", "r-1", EntryKind.REPAIR, 1, 0, "w"));
    Path f = dir.resolve("e.jsonl");
    CreditEntries.write(e, f);
    EntryLog log = CreditEntries.read(f);
    assertThat(log.entries()).isEqualTo(e);
    assertThat(log.lines()).containsExactly(1, 2);
    assertThat(CreditEntries.toJson(e.get(0)))
        .isEqualTo(
            "{\"seq\":1,\"at\":\"2026-03-02T01:00:00Z\",\"resident\":\"r-1\",\"kind\":\"DEDUCT\","
                + "\"rule\":\"D01\",\"points\":-5,\"by\":\"w\",\"evidence\":\"photo-1\"}");
    assertThat(CreditEntries.fromJson(CreditEntries.toJson(e.get(1)), "x", 2)).isEqualTo(e.get(1));
  }

  @Test
  void entryErrorsNameTheirLineAndNothingIsRead() {
    String text =
        String.join(
            "\n",
            "{\"seq\":1,\"at\":\"2026-03-02T09:00:00+08:00\",\"resident\":\"r-1\","
                + "\"kind\":\"RECOGNISE\",\"rule\":\"V01\",\"points\":2,\"by\":\"w-1\"}",
            "",
            "{\"seq\":2,\"at\":\"2026-03-02T10:00:00+08:00\",\"resident\":\"r-1\","
                + "\"kind\":\"RECOGNIZE\",\"rule\":\"V01\",\"points\":2,\"by\":\"w-1\"}",
            "{\"seq\":3,\"at\":\"2026-03-02\",\"resident\":\"r-1\",\"kind\":\"REDEEM\","
                + "\"points\":-2,\"by\":\"w-1\",\"evidnce\":\"x\"}",
            "{\"seq\":4,\"at\":\"2026-03-02T11:00:00Z\",\"resident\":\"r-1\","
                + "\"kind\":\"APPEAL_FILED\",\"by\":\"r-1\",\"refersTo\":4}",
            "{\"seq\":5,");
    List<String> p = problems(() -> CreditEntries.read(in(text), "e.jsonl"));
    assertThat(p)
        .hasSize(5)
        .anyMatch(m -> m.startsWith("e.jsonl:3: /kind: unknown value 'RECOGNIZE'; did you mean"))
        .anyMatch(m -> m.startsWith("e.jsonl:4: /evidnce: unknown field 'evidnce'; did you mean"))
        .anyMatch(m -> m.startsWith("e.jsonl:4: /at: invalid instant"))
        .anyMatch(
            m -> m.startsWith("e.jsonl:5:") && m.contains("refersTo 4 is not an earlier entry"))
        .anyMatch(m -> m.startsWith("e.jsonl:6:") && m.contains("malformed JSON"));
  }

  @Test
  void postsAreReadAndCheckedAtTheirPointer(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("posts.json");
    Files.writeString(
        f,
        "{\"format\":\"gridgov.credit-posts/1\",\"posts\":[{\"person\":\"w-1\",\"post\":\"GRID_WORKER\"},"
            + "{\"person\":\"w-1\",\"post\":\"VOLUNTEER_LEAD\"}]}");
    CreditPosts p = CreditPosts.read(f);
    assertThat(p.postsOf("w-1")).containsExactlyInAnyOrder("GRID_WORKER", "VOLUNTEER_LEAD");
    assertThat(p.holds("w-2", "GRID_WORKER")).isFalse();
    Files.writeString(
        f,
        "{\"format\":\"gridgov.credit-posts/1\",\"posts\":[{\"persn\":\"w-1\",\"post\":\"X\"}]}");
    assertThat(problems(() -> CreditPosts.read(f)))
        .anyMatch(m -> m.contains("/posts/0/persn: unknown field 'persn'; did you mean 'person'?"));
  }
}
