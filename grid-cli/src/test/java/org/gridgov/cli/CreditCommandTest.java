package org.gridgov.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gridgov credit replay|statement}: output formats, located errors, nothing on stdout. */
class CreditCommandTest {
  static final String SCHEME =
      """
      {"format":"gridgov.credit-scheme/1","from":"2026-01-01","to":"2026-12-31",
       "start":100,"floor":0,
       "rules":[
        {"code":"V01","name":"Volunteering, per hour","points":2,
         "recognisedBy":["GRID_WORKER"],"capPerMonth":10,"repairable":false,
         "basis":"Credit measures art. 8"},
        {"code":"D01","name":"Littering","points":-5,"recognisedBy":["GRID_WORKER"],
         "repairable":true,"repairAfterDays":30,"basis":"Credit measures art. 12"}],
       "levels":[{"name":"AA","min":100},{"name":"A","min":90},{"name":"D","min":0}],
       "appeal":{"fileWithin":"5 working days","decideWithin":"10 working days"}}
      """;

  static final String ENTRIES =
      """
      {"seq":1,"at":"2026-03-02T09:00:00+08:00","resident":"r-2","kind":"RECOGNISE","rule":"V01","points":2,"by":"w-1","evidence":"sign-in sheet 12"}
      {"seq":2,"at":"2026-03-02T10:00:00+08:00","resident":"r-1","kind":"DEDUCT","rule":"D01","points":-5,"by":"w-1","evidence":"photo 7"}
      {"seq":3,"at":"2026-03-03T10:00:00+08:00","resident":"r-1","kind":"APPEAL_FILED","by":"r-1","refersTo":2}
      {"seq":4,"at":"2026-03-04T10:00:00+08:00","resident":"r-1","kind":"DEDUCT","rule":"D01","points":-5,"by":"w-1"}
      """;

  @TempDir Path dir;
  Path scheme;
  Path entries;

  @BeforeEach
  void files() throws Exception {
    scheme = Files.writeString(dir.resolve("scheme.json"), SCHEME);
    entries = Files.writeString(dir.resolve("entries.jsonl"), ENTRIES);
  }

  private CliRun replay(String... more) {
    String[] args = new String[6 + more.length];
    args[0] = "credit";
    args[1] = "replay";
    args[2] = "--scheme";
    args[3] = scheme.toString();
    args[4] = "--entries";
    args[5] = entries.toString();
    System.arraycopy(more, 0, args, 6, more.length);
    return CliRun.of(args);
  }

  @Test
  void csvHasOneRowPerResidentInIdOrder() {
    CliRun r = replay("--format", "csv");
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "resident,balance,level,entries,open_appeals\n"
                + "r-1,90,A,3,1\n"
                + "r-2,102,AA,1,0\n");
  }

  @Test
  void asOfADayReplaysTheEntriesUpToItsEnd() {
    CliRun r = replay("--format", "csv", "--as-of", "2026-03-02");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "resident,balance,level,entries,open_appeals\n"
                + "r-1,95,A,1,0\n"
                + "r-2,102,AA,1,0\n");
  }

  @Test
  void textAndJsonFormats() {
    CliRun text = replay();
    assertThat(text.code()).isZero();
    assertThat(text.out())
        .contains("credit ledger: 4 entries, 2 residents, as of 2026-03-04T02:00:00Z")
        .contains("r-1             90  A             3             1")
        .contains("levels: A 1, AA 1");
    CliRun json = replay("--format", "json");
    assertThat(json.code()).isZero();
    assertThat(json.out())
        .contains("\"format\" : \"gridgov.credit-balances/1\"")
        .contains("\"resident\" : \"r-1\"")
        .contains("\"openAppeals\" : 1");
  }

  @Test
  void theStatementExplainsEveryEntry() {
    CliRun r =
        CliRun.of(
            "credit",
            "statement",
            "--scheme",
            scheme.toString(),
            "--entries",
            entries.toString(),
            "--resident",
            "r-1");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .startsWith("resident r-1: balance 90, level A, 3 entries, 1 open appeal\n  start 100\n")
        .contains("  #2 2026-03-02T02:00:00Z DEDUCT -5, counts -5\n")
        .contains("      rule D01 \"Littering\" (basis: Credit measures art. 12)\n")
        .contains("      by w-1, evidence photo 7\n")
        .contains("      appealed by r-1 (entry 3), decide by 2026-03-17T02:00:00Z\n")
        .contains("  #3 2026-03-03T02:00:00Z APPEAL_FILED 0, counts 0\n");
    CliRun unknown =
        CliRun.of(
            "credit",
            "statement",
            "--scheme",
            scheme.toString(),
            "--entries",
            entries.toString(),
            "--resident",
            "r-3");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.out()).isEmpty();
    assertThat(unknown.err()).contains("no entry concerns resident 'r-3'; did you mean 'r-1'?");
  }

  @Test
  void anEntryThatBreaksARuleIsALocatedErrorAndNothingIsPrinted() throws Exception {
    Files.writeString(
        entries,
        ENTRIES.replace(
            "\"rule\":\"D01\",\"points\":-5,\"by\":\"w-1\"}",
            "\"rule\":\"D10\",\"points\":-5,\"by\":\"w-1\"}"));
    for (String format : new String[] {"text", "csv", "json"}) {
      CliRun r = replay("--format", format);
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.out()).isEmpty();
      assertThat(r.err())
          .isEqualTo(
              "gridgov: "
                  + entries
                  + ":4: entry 4 (DEDUCT): unknown rule 'D10'; did you mean 'D01'?"
                  + System.lineSeparator());
    }
  }

  @Test
  void aRecogniserWithoutThePostIsALocatedError() throws Exception {
    Path posts =
        Files.writeString(
            dir.resolve("posts.json"),
            "{\"format\":\"gridgov.credit-posts/1\",\"posts\":[{\"person\":\"w-1\",\"post\":\"GRID_WORKER\"}]}");
    assertThat(replay("--posts", posts.toString()).code()).isZero();
    Files.writeString(posts, "{\"format\":\"gridgov.credit-posts/1\",\"posts\":[]}");
    CliRun r = replay("--posts", posts.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .contains(
            "entries.jsonl:1: entry 1 (RECOGNISE): w-1 holds none of the posts that may apply"
                + " rule V01 [GRID_WORKER] (holds [])");
  }

  @Test
  void anAppealAfterItsWindowAndACorrectionOfAnUnknownEntryAreRefused() throws Exception {
    Files.writeString(
        entries,
        ENTRIES
            .replace("2026-03-03T10:00:00+08:00", "2026-03-09T10:00:01+08:00")
            .replace("2026-03-04T10:00:00+08:00", "2026-03-10T10:00:00+08:00"));
    CliRun late = replay();
    assertThat(late.code()).isEqualTo(2);
    assertThat(late.out()).isEmpty();
    assertThat(late.err())
        .contains(
            "entries.jsonl:3: entry 3 (APPEAL_FILED): filed at 2026-03-09T02:00:01Z, after"
                + " the window for appealing entry 2 closed at 2026-03-09T02:00:00Z");
    Files.writeString(
        entries,
        ENTRIES
            + "{\"seq\":5,\"at\":\"2026-03-05T10:00:00+08:00\",\"resident\":\"r-1\","
            + "\"kind\":\"CORRECT\",\"points\":1,\"by\":\"w-1\",\"refersTo\":9}\n");
    CliRun unknown = replay();
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.out()).isEmpty();
    assertThat(unknown.err())
        .contains("entries.jsonl:5: entry 5: refersTo 9 is not an earlier entry");
  }

  @Test
  void unusableInputsExitTwoWithNothingOnStdout() throws Exception {
    Files.writeString(scheme, SCHEME.replace("\"recognisedBy\"", "\"recognizedBy\""));
    CliRun badScheme = replay();
    assertThat(badScheme.code()).isEqualTo(2);
    assertThat(badScheme.out()).isEmpty();
    assertThat(badScheme.err())
        .contains("unknown field 'recognizedBy'; did you mean 'recognisedBy'?");
    Files.writeString(scheme, SCHEME);
    Files.writeString(entries, ENTRIES + "{\"seq\":5,\n");
    CliRun badLine = replay();
    assertThat(badLine.code()).isEqualTo(2);
    assertThat(badLine.out()).isEmpty();
    assertThat(badLine.err()).contains("entries.jsonl:5:").contains("malformed JSON");
    CliRun badFormat = replay("--format", "xml");
    assertThat(badFormat.code()).isEqualTo(2);
    assertThat(badFormat.out()).isEmpty();
    CliRun badDate = replay("--as-of", "yesterday");
    assertThat(badDate.code()).isEqualTo(2);
    assertThat(badDate.err()).contains("--as-of must be a date like 2026-06-30");
    CliRun missing =
        CliRun.of(
            "credit",
            "replay",
            "--scheme",
            dir.resolve("nope.json").toString(),
            "--entries",
            entries.toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.out()).isEmpty();
    assertThat(missing.err()).contains("nope.json: no such file");
  }

  @Test
  void anEntryWithoutTheEvidenceItsRuleRequiresIsALocatedError() throws Exception {
    Files.writeString(
        scheme, SCHEME.replace("\"repairable\":true,", "\"repairable\":true,\"evidence\":true,"));
    CliRun r = replay("--format", "csv");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .contains("entries.jsonl:4: entry 4 (DEDUCT): rule D01 requires evidence")
        .contains("carries none");
  }
}
