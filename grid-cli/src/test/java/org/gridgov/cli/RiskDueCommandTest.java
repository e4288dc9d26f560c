package org.gridgov.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import org.gridgov.core.GridHierarchy;
import org.gridgov.scoring.CaseLog;
import org.gridgov.scoring.ExtraCounts;
import org.gridgov.scoring.Indicator;
import org.gridgov.scoring.Scorecard;
import org.gridgov.scoring.Scorer;
import org.gridgov.scoring.ScoringPeriod;
import org.gridgov.scoring.ScoringScheme;
import org.gridgov.scoring.UnitKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gridgov risk due}: CSV contract, exit codes, unusable input, extra counts. */
class RiskDueCommandTest {
  /** China's official 2026 calendar, as the sample town ships it. */
  private static final String CALENDAR = "../sample-town/calendar.json";

  private static final String ELEMENTS =
      "{\"id\":\"P-2\",\"type\":\"person\",\"grid\":\"G1\",\"colour\":\"red\","
          + "\"colouredOn\":\"2026-04-01\",\"name\":\"张某\"}\n"
          + "{\"id\":\"P-1\",\"type\":\"person\",\"grid\":\"G1\",\"colour\":\"red\","
          + "\"colouredOn\":\"2026-04-01\",\"name\":\"李某\"}\n"
          + "{\"id\":\"P-3\",\"type\":\"person\",\"grid\":\"G2\",\"colour\":\"yellow\","
          + "\"colouredOn\":\"2026-04-29\",\"name\":\"王某\"}\n"
          + "{\"id\":\"P-4\",\"type\":\"person\",\"grid\":\"G2\",\"name\":\"赵某\"}\n";

  private static final String PLANS =
      "{\"format\":\"gridgov.risk-plans/1\",\"name\":\"test\","
          + "\"posts\":[\"grid_worker\"],\"checks\":[\"home_visit\"],\"plans\":["
          + "{\"type\":\"person\",\"colour\":\"red\",\"every\":{\"amount\":3,\"unit\":\"working_days\"},"
          + "\"post\":\"grid_worker\",\"checks\":[\"home_visit\"],\"from\":\"2026-01-01\"},"
          + "{\"type\":\"person\",\"colour\":\"yellow\",\"every\":{\"amount\":14,\"unit\":\"days\"},"
          + "\"post\":\"grid_worker\",\"checks\":[\"home_visit\"],\"from\":\"2026-01-01\"},"
          + "{\"type\":\"person\",\"colour\":\"blue\",\"every\":{\"amount\":30,\"unit\":\"days\"},"
          + "\"post\":\"grid_worker\",\"checks\":[\"home_visit\"],\"from\":\"2026-01-01\"}]}";

  // P-1 visited Thu 30 April: 3 working days after it (Labour Day 1–5 May) is Fri 8 May.
  // P-2 visited Wed 6 May: Thu 7, Fri 8, Sat 9 May (make-up working day).
  private static final String VISITS =
      "{\"element\":\"P-1\",\"at\":\"2026-04-30T09:30:00+08:00\",\"by\":\"w1\",\"checks\":[\"home_visit\"]}\n"
          + "{\"element\":\"P-2\",\"at\":\"2026-05-06T09:30:00+08:00\",\"by\":\"w1\",\"checks\":[\"home_visit\"]}\n";

  private static Path write(Path dir, String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  private static CliRun run(Path dir, String asOf, String... more) throws IOException {
    String[] base = {
      "risk",
      "due",
      "--elements",
      write(dir, "elements.jsonl", ELEMENTS).toString(),
      "--plans",
      write(dir, "plans.json", PLANS).toString(),
      "--visits",
      write(dir, "visits.jsonl", VISITS).toString(),
      "--calendar",
      CALENDAR,
      "--as-of",
      asOf
    };
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return CliRun.of(all);
  }

  @Test
  void csvIsTheDocumentedContractAndNoneOverdueExitsZero(@TempDir Path dir) throws IOException {
    CliRun r = run(dir, "2026-05-08", "--format", "csv");
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "element,grid,type,colour,last_visit,due,status,days_overdue\n"
                + "P-1,G1,person,red,2026-04-30,2026-05-08,due,0\n"
                + "P-2,G1,person,red,2026-05-06,2026-05-09,ok,0\n"
                + "P-3,G2,person,yellow,,2026-05-13,ok,0\n");
  }

  @Test
  void aColouredElementWithoutAPlanIsAnUnplannedRowAndAFinding(@TempDir Path dir)
      throws IOException {
    // A red place: the plans cover persons only. On 8 May nothing is overdue, yet exit 1.
    String elements =
        ELEMENTS
            + "{\"id\":\"A-1\",\"type\":\"place\",\"grid\":\"G2\",\"colour\":\"red\","
            + "\"colouredOn\":\"2026-04-01\"}\n";
    String visits =
        VISITS
            + "{\"element\":\"A-1\",\"at\":\"2026-05-02T09:30:00+08:00\",\"by\":\"w1\","
            + "\"checks\":[\"home_visit\"]}\n";
    String[] files = {
      "--elements",
      write(dir, "e.jsonl", elements).toString(),
      "--plans",
      write(dir, "plans.json", PLANS).toString(),
      "--visits",
      write(dir, "v.jsonl", visits).toString(),
      "--calendar",
      CALENDAR,
      "--as-of",
      "2026-05-08"
    };
    CliRun csv = CliRun.of(concat(new String[] {"risk", "due"}, files, "--format", "csv"));
    assertThat(csv.code()).as(csv.err()).isEqualTo(1);
    assertThat(csv.out())
        .isEqualTo(
            "element,grid,type,colour,last_visit,due,status,days_overdue\n"
                + "A-1,G2,place,red,2026-05-02,,unplanned,0\n"
                + "P-1,G1,person,red,2026-04-30,2026-05-08,due,0\n"
                + "P-2,G1,person,red,2026-05-06,2026-05-09,ok,0\n"
                + "P-3,G2,person,yellow,,2026-05-13,ok,0\n");
    assertThat(csv.err()).contains("1 coloured element(s) have no plan").contains("A-1");
    CliRun text = CliRun.of(concat(new String[] {"risk", "due"}, files));
    assertThat(text.code()).isEqualTo(1);
    assertThat(text.out())
        .containsPattern("A-1 +G2 +place +red +2026-05-02 +- +unplanned +0")
        .contains("1 coloured element(s) without a plan in force (status unplanned): A-1");
    CliRun json = CliRun.of(concat(new String[] {"risk", "due"}, files, "--format", "json"));
    assertThat(json.code()).isEqualTo(1);
    com.fasterxml.jackson.databind.JsonNode j =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out());
    com.fasterxml.jackson.databind.JsonNode a = j.get("rows").get(0);
    assertThat(a.get("element").asText()).isEqualTo("A-1");
    assertThat(a.get("status").asText()).isEqualTo("unplanned");
    assertThat(a.get("daysOverdue").asInt()).isZero();
    assertThat(a.has("due")).isFalse();
    assertThat(j.get("unplanned").toString()).isEqualTo("[\"A-1\"]");
  }

  private static String[] concat(String[] a, String[] b, String... c) {
    String[] all = new String[a.length + b.length + c.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    System.arraycopy(c, 0, all, a.length + b.length, c.length);
    return all;
  }

  @Test
  void overdueElementsExitOne(@TempDir Path dir) throws IOException {
    CliRun r = run(dir, "2026-05-11", "--format", "csv");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out())
        .contains("P-1,G1,person,red,2026-04-30,2026-05-08,overdue,3\n")
        .contains("P-2,G1,person,red,2026-05-06,2026-05-09,overdue,2\n");
    CliRun text = run(dir, "2026-05-11");
    assertThat(text.out()).contains("2 overdue");
    CliRun json = run(dir, "2026-05-11", "--format", "json");
    assertThat(json.out()).contains("\"overdue\" : 2").contains("\"daysOverdue\" : 3");
  }

  @Test
  void plansThatFailVerificationAreUnusable(@TempDir Path dir) throws IOException {
    // red every 30 days but yellow every 14: intervals must shrink as the colour worsens.
    Path bad =
        write(
            dir,
            "bad-plans.json",
            PLANS.replace(
                "\"amount\":3,\"unit\":\"working_days\"", "\"amount\":30,\"unit\":\"days\""));
    CliRun r =
        CliRun.of(
            "risk", "due",
            "--elements", write(dir, "elements.jsonl", ELEMENTS).toString(),
            "--plans", bad.toString(),
            "--visits", write(dir, "visits.jsonl", VISITS).toString(),
            "--as-of", "2026-05-08");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("bad-plans.json");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void aVisitToAnUnknownElementIsUnusableWithADidYouMean(@TempDir Path dir) throws IOException {
    write(dir, "v2.jsonl", VISITS.replace("\"P-2\"", "\"P-22\""));
    CliRun r =
        CliRun.of(
            "risk", "due",
            "--elements", write(dir, "elements.jsonl", ELEMENTS).toString(),
            "--plans", write(dir, "plans.json", PLANS).toString(),
            "--visits", dir.resolve("v2.jsonl").toString(),
            "--as-of", "2026-05-08");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("v2.jsonl:2: /element").contains("did you mean 'P-2'?");
  }

  @Test
  void badFormatAndMissingFilesAreUnusable(@TempDir Path dir) throws IOException {
    assertThat(run(dir, "2026-05-08", "--format", "xml").code()).isEqualTo(2);
    CliRun typo = run(dir, "2026-05-08", "--format", "jsn");
    assertThat(typo.code()).isEqualTo(2);
    assertThat(typo.err())
        .contains("Invalid value for option '--format': unknown value 'jsn'; did you mean 'json'?")
        .doesNotContain("Exception");
    CliRun r =
        CliRun.of(
            "risk",
            "due",
            "--elements",
            dir.resolve("none.jsonl").toString(),
            "--plans",
            "p",
            "--visits",
            "v",
            "--as-of",
            "2026-05-08");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("no such file");
  }

  @Test
  void extraCountsFeedAScoringSchemeOnRedVisitCompliance(@TempDir Path dir) throws IOException {
    Path counts = dir.resolve("counts.csv");
    CliRun r = run(dir, "2026-05-11", "--format", "csv", "--extra-counts", counts.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(Files.readString(counts))
        .startsWith("kind,unit,month,count,value\n")
        .contains("grid,G1,2026-05,risk_elements_red,2\n")
        .contains("grid,G1,2026-05,risk_in_control_red,0\n")
        .contains("grid,G2,2026-05,risk_in_control_yellow,1\n");
    ScoringScheme scheme =
        ScoringScheme.builder(
                "risk",
                "risk control",
                org.gridgov.scoring.ScoringSchemes.builtIn("gbt30428-department").citation())
            .rate(Indicator.RED_VISIT_COMPLIANCE, 100)
            .build();
    Scorecard card =
        Scorer.of(scheme)
            .score(
                CaseLog.builder(java.time.Instant.parse("2026-06-01T00:00:00Z")).build(),
                Scorer.Request.of(ScoringPeriod.month(YearMonth.of(2026, 5)), UnitKind.GRID)
                    .extra(ExtraCounts.read(counts)))
            .get(0);
    assertThat(card.value("G1", Indicator.RED_VISIT_COMPLIANCE).orElseThrow().value().getAsDouble())
        .isEqualTo(0.0);
    assertThat(card.value("G2", Indicator.RED_VISIT_COMPLIANCE).orElseThrow().isApplicable())
        .isFalse();
    assertThat(GridHierarchy.builder().build().size()).isZero();
  }
}
