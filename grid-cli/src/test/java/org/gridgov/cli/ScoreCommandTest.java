package org.gridgov.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gridgov.core.GridId;
import org.gridgov.core.GridLevel;
import org.gridgov.core.cases.Case;
import org.gridgov.core.cases.CaseAction;
import org.gridgov.core.cases.CaseId;
import org.gridgov.core.cases.Holder;
import org.gridgov.core.cases.Rating;
import org.gridgov.core.cases.SourceChannel;
import org.gridgov.core.json.GridGovJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gridgov score}. The cases: 城管局 closes two cases on time (both rated satisfied); 住建局 closes
 * one on time and has one open past its limit; 水务局 closes one late. Under the GB/T 30428.4-lineage
 * department scheme (filed ≤ 50 → 100 × 10 %, closing × 30 %, on-time handling × 30 %, (1 − rework)
 * × 30 %): 城管局 10 + 30 + 30 + 30 = 100; 住建局 10 + 15 + 15 + 30 = 70; 水务局 10 + 30 + 0 + 30 = 70 (tied
 * with 住建局).
 */
class ScoreCommandTest {
  @TempDir Path dir;

  private static Instant at(String local) {
    return OffsetDateTime.parse(local + "+08:00").toInstant();
  }

  /** Filed, dispatched Monday 2026-03-02 09:00 (+ day offset), closed after {@code hours}. */
  private static Case closed(String id, String dept, String closeAt) {
    return Case.report(CaseId.of(id), "01001", SourceChannel.PATROL, at("2026-03-02T08:40:00"))
        .reporter("W1")
        .grid(GridId.of("G1"))
        .build()
        .apply(CaseAction.FILE, "F1", at("2026-03-02T08:50:00"), "")
        .dispatch("P1", at("2026-03-02T09:00:00"), Holder.department(dept, GridLevel.DISTRICT), "")
        .apply(CaseAction.ACCEPT, dept, at("2026-03-02T09:30:00"), "")
        .apply(CaseAction.FEED_BACK, dept, at(closeAt).minusSeconds(1800), "")
        .apply(CaseAction.VERIFY, "K1", at(closeAt).minusSeconds(900), "")
        .apply(CaseAction.CLOSE, "L1", at(closeAt), "");
  }

  private Path casesFile() throws Exception {
    List<String> lines = new ArrayList<>();
    lines.add(
        GridGovJson.toJsonLine(
            closed("a", "城管局", "2026-03-03T10:00:00")
                .evaluate("h", at("2026-03-04T10:00:00"), Rating.SATISFIED, "")));
    lines.add(
        GridGovJson.toJsonLine(
            closed("b", "城管局", "2026-03-03T11:00:00")
                .evaluate("h", at("2026-03-04T10:00:00"), Rating.SATISFIED, "")));
    lines.add(GridGovJson.toJsonLine(closed("c", "住建局", "2026-03-03T10:00:00")));
    lines.add("");
    lines.add(
        GridGovJson.toJsonLine(
            Case.report(CaseId.of("d"), "01001", SourceChannel.PATROL, at("2026-03-02T08:40:00"))
                .grid(GridId.of("G2"))
                .build()
                .apply(CaseAction.FILE, "F1", at("2026-03-02T08:50:00"), "")
                .dispatch(
                    "P1",
                    at("2026-03-02T09:00:00"),
                    Holder.department("住建局", GridLevel.DISTRICT),
                    "")
                .apply(CaseAction.ACCEPT, "住建局", at("2026-03-02T09:10:00"), "")));
    // Closed on 2026-03-20, well past the default 5 working days.
    lines.add(GridGovJson.toJsonLine(closed("e", "水务局", "2026-03-20T10:00:00")));
    Path file = dir.resolve("cases.jsonl");
    Files.write(file, lines, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void printsTheRankingTable() throws Exception {
    CliRun r =
        CliRun.of(
            "score",
            "--scheme",
            "gbt30428-department",
            "--cases",
            casesFile().toString(),
            "--as-of",
            "2026-03-31T00:00:00Z");
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    List<String> rows = r.out().lines().filter(l -> l.matches("\\s*\\d+\\s+.*")).toList();
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0)).contains("城管局").contains("100.00").contains("A");
    assertThat(rows.get(1)).startsWith("   2").contains("住建局").contains("70.00").contains("C");
    assertThat(rows.get(2)).startsWith("   2").contains("水务局").contains("70.00");
    assertThat(r.out()).contains("department ranking, 2026-03").contains("last place: 住建局, 水务局");
    assertThat(r.out()).contains("source: 数字化城市管理信息系统 绩效评价");
  }

  @Test
  void writesCsvAndJson() throws Exception {
    Path cases = casesFile();
    CliRun csv =
        CliRun.of(
            "score",
            "--scheme",
            "gbt30428-department",
            "--cases",
            cases.toString(),
            "--as-of",
            "2026-03-31T00:00:00Z",
            "--format",
            "csv");
    assertThat(csv.code()).isZero();
    List<String> lines = csv.out().lines().toList();
    assertThat(lines.get(0))
        .isEqualTo(
            "period,kind,rank,unit,score,grade,filed_count,closing_rate,on_time_handling_rate,rework_rate");
    assertThat(lines).contains("2026-03,department,2,住建局,70.00,C,2,0.5,0.5,0");
    CliRun json =
        CliRun.of(
            "score",
            "--scheme",
            "gbt30428-department",
            "--cases",
            cases.toString(),
            "--as-of",
            "2026-03-31T00:00:00Z",
            "--format",
            "json");
    assertThat(json.code()).isZero();
    JsonNode root = GridGovJson.newMapper().readTree(json.out());
    JsonNode units = root.get("scorecards").get(0).get("units");
    assertThat(units.get(0).get("unit").asText()).isEqualTo("城管局");
    assertThat(units.get(0).get("score").decimalValue()).isEqualByComparingTo("100.00");
    assertThat(units.get(1).get("indicators").get("closing_rate").get("denominator").asDouble())
        .isEqualTo(2.0);
    assertThat(root.get("scorecards").get(0).get("lastPlace")).hasSize(2);
  }

  @Test
  void explainsAUnitAndPrintsTheSupervisionReport() throws Exception {
    CliRun r =
        CliRun.of(
            "score",
            "--scheme",
            "tongcheng-2022",
            "--cases",
            casesFile().toString(),
            "--as-of",
            "2026-03-31T00:00:00Z",
            "--explain",
            "住建局",
            "--supervision");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("department 住建局, 2026-03, scheme tongcheng-2022");
    // closing 1/2 × 40 = 20, on time 1/2 × 40 = 20, no follow-ups: renormalised 40 × 100/80 = 50;
    // one case open past its limit: − 1 → 49.00.
    assertThat(r.out()).contains("closing_rate = 1 / 2 = 0.5");
    assertThat(r.out()).contains("− overdue_count 1 × 1");
    assertThat(r.out()).contains("→ 49.00, grade D");
    assertThat(r.out()).contains("1 red, 0 yellow").contains("RED    d ");
  }

  @Test
  void aBadLineFailsWithItsLineNumber() throws Exception {
    Path cases = casesFile();
    List<String> lines = new ArrayList<>(Files.readAllLines(cases));
    lines.set(2, lines.get(2).replace("\"patrol\"", "\"carrier_pigeon\""));
    Files.write(cases, lines);
    CliRun r = CliRun.of("score", "--scheme", "gbt30428-department", "--cases", cases.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("gridgov: " + cases + ":3").contains("/channel");
    Files.writeString(cases, "{\"id\": \"x\",\n", StandardCharsets.UTF_8);
    CliRun broken =
        CliRun.of("score", "--scheme", "gbt30428-department", "--cases", cases.toString());
    assertThat(broken.code()).isEqualTo(2);
    assertThat(broken.err()).startsWith("gridgov: " + cases + ":1");
  }

  @Test
  void casesWithAByteOrderMarkAndCrOnlyLineEndsScoreTheSame() throws Exception {
    Path cases = casesFile();
    String[] args = {"score", "--scheme", "gbt30428-department", "--as-of", "2026-03-31T00:00:00Z"};
    CliRun plain = CliRun.of(with(args, "--cases", cases.toString()));
    Path mac = dir.resolve("mac.jsonl");
    Files.writeString(
        mac,
        "\uFEFF" + Files.readString(cases, StandardCharsets.UTF_8).replace('\n', '\r'),
        StandardCharsets.UTF_8);
    CliRun r = CliRun.of(with(args, "--cases", mac.toString()));
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo(plain.out());
  }

  @Test
  void anOverLongCasesLineIsALocatedError() throws Exception {
    Path cases = dir.resolve("long.jsonl");
    Files.writeString(
        cases,
        "\n{\"id\": \"" + "x".repeat(org.gridgov.core.io.JsonLines.MAX_LINE_BYTES) + "\"}\n",
        StandardCharsets.UTF_8);
    CliRun r = CliRun.of("score", "--scheme", "gbt30428-department", "--cases", cases.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).startsWith("gridgov: " + cases + ":2").contains("longer than");
    assertThat(r.err().length()).isLessThan(600);
  }

  private static String[] with(String[] args, String... more) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  @Test
  void aFactErrorNamesTheLineAndAttribute() throws Exception {
    Path cases = dir.resolve("graded.jsonl");
    Case c =
        Case.report(CaseId.of("g"), "01001", SourceChannel.PATROL, at("2026-03-02T08:40:00"))
            .attributes(Map.of("reverse_grade", "90"))
            .build();
    Files.writeString(cases, "\n" + GridGovJson.toJsonLine(c) + "\n", StandardCharsets.UTF_8);
    CliRun r = CliRun.of("score", "--scheme", "dongping-laohu", "--cases", cases.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .startsWith(
            "gridgov: "
                + cases
                + ":2: /attributes/reverse_grade: case g: a reverse grade needs a whistle");
  }

  @Test
  void badSchemesAndOptionsExitTwo() throws Exception {
    Path cases = casesFile();
    Path scheme = dir.resolve("scheme.json");
    Files.writeString(
        scheme,
        "{\"id\": \"s\", \"name\": \"s\", \"citation\": {\"title\": \"t\", \"source\": \"s\"},"
            + " \"components\": [{\"indicator\": \"response_rate\", \"weight\": 90}]}");
    CliRun bad = CliRun.of("score", "--scheme", scheme.toString(), "--cases", cases.toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).startsWith("gridgov: " + scheme + ": /components: weights sum to 90");
    assertThat(CliRun.of("score", "--scheme", "nope", "--cases", cases.toString()).err())
        .contains("not a shipped scheme");
    CliRun kind =
        CliRun.of(
            "score",
            "--scheme",
            "gbt30428-department",
            "--cases",
            cases.toString(),
            "--by",
            "grid");
    assertThat(kind.code()).isEqualTo(2);
    assertThat(kind.err()).contains("assesses [department], not grid");
    CliRun format =
        CliRun.of(
            "score",
            "--scheme",
            "gbt30428-department",
            "--cases",
            cases.toString(),
            "--format",
            "xml");
    assertThat(format.code()).isEqualTo(2);
    assertThat(format.err()).contains("--format must be one of text, csv, json");
    CliRun period =
        CliRun.of(
            "score",
            "--scheme",
            "gbt30428-department",
            "--cases",
            cases.toString(),
            "--period",
            "2026-13");
    assertThat(period.code()).isEqualTo(2);
  }

  @Test
  void monthlyRollupWithAGivenPeriod() throws Exception {
    CliRun r =
        CliRun.of(
            "score",
            "--scheme",
            "hotline-three-rates",
            "--cases",
            casesFile().toString(),
            "--by",
            "grid",
            "--period",
            "2026-02..2026-03",
            "--each",
            "month",
            "--format",
            "csv");
    assertThat(r.code()).isZero();
    List<String> lines = r.out().lines().toList();
    // February has no cases: its grids are listed as not applicable.
    assertThat(lines).anyMatch(l -> l.startsWith("2026-02,grid,,G1,,"));
    // G1: a and b rated satisfied (contacted: accepted; resolved: closed) → 10 + 50 + 40 = 100.
    assertThat(lines).anyMatch(l -> l.startsWith("2026-03,grid,1,G1,100.00,A"));
  }

  /**
   * A run that would score nothing because an option is missing is an error naming the option:
   * before, {@code --by community} without {@code --hierarchy} printed "0 of 0 scored" and exit 0.
   */
  @Test
  void rankingCommunitiesWithoutTheirSourceIsAnErrorNamingHierarchy() throws Exception {
    Path cases = casesFile();
    for (String kind : List.of("community", "street")) {
      CliRun r =
          CliRun.of(
              "score",
              "--scheme",
              "hotline-three-rates",
              "--cases",
              cases.toString(),
              "--by",
              kind);
      assertThat(r.code()).as(r.err()).isEqualTo(GridGovCli.UNUSABLE);
      assertThat(r.out()).isEmpty();
      assertThat(r.err())
          .startsWith("gridgov: --by " + kind + ": no case names its " + kind)
          .contains("--hierarchy FILE")
          .doesNotContain("internal error");
    }
    // With the hierarchy, the same run ranks the community.
    Path h =
        Files.writeString(
            dir.resolve("h.json"),
            "{\"grids\": [{\"id\": \"S\", \"level\": \"street\"},"
                + "{\"id\": \"C\", \"level\": \"community\", \"parent\": \"S\"},"
                + "{\"id\": \"G1\", \"level\": \"micro\", \"parent\": \"C\"},"
                + "{\"id\": \"G2\", \"level\": \"micro\", \"parent\": \"C\"}]}");
    CliRun ok =
        CliRun.of(
            "score",
            "--scheme",
            "hotline-three-rates",
            "--cases",
            cases.toString(),
            "--by",
            "community",
            "--hierarchy",
            h.toString());
    assertThat(ok.err()).isEmpty();
    assertThat(ok.code()).isZero();
    assertThat(ok.out()).contains("1 of 1 scored");
  }

  /** A hierarchy without the level asked for is named as the reason, at the hierarchy file. */
  @Test
  void aHierarchyWithoutTheLevelIsAnErrorAtTheHierarchy() throws Exception {
    Path h =
        Files.writeString(
            dir.resolve("flat.json"),
            "{\"grids\": [{\"id\": \"C\", \"level\": \"community\"},"
                + "{\"id\": \"G1\", \"level\": \"micro\", \"parent\": \"C\"},"
                + "{\"id\": \"G2\", \"level\": \"micro\", \"parent\": \"C\"}]}");
    CliRun r =
        CliRun.of(
            "score",
            "--scheme",
            "hotline-three-rates",
            "--cases",
            casesFile().toString(),
            "--by",
            "street",
            "--hierarchy",
            h.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(GridGovCli.UNUSABLE);
    assertThat(r.err()).startsWith("gridgov: " + h + ": ").contains("no street grid");
  }

  /** A period without any case scores nothing: an error naming --period and the cases' span. */
  @Test
  void aPeriodWithoutCasesIsAnErrorNamingPeriod() throws Exception {
    CliRun r =
        CliRun.of(
            "score",
            "--scheme",
            "gbt30428-department",
            "--cases",
            casesFile().toString(),
            "--period",
            "2025");
    assertThat(r.code()).as(r.err()).isEqualTo(GridGovCli.UNUSABLE);
    assertThat(r.err())
        .startsWith("gridgov: --period 2025: no case was reported in 2025-01..2025-12")
        .contains("2026-03");
  }

  /**
   * A misspelled fact key is an error at its file, line and pointer with "did you mean", in both
   * case format versions: before, a version-1 {@code departmnet} was kept as a free-form attribute
   * and the case was scored to the department it was dispatched to.
   */
  @Test
  void aMisspelledFactKeyIsALocatedErrorInBothVersions() throws Exception {
    Case v1 = closed("a", "城管局", "2026-03-03T10:00:00").withAttributes(Map.of("departmnet", "住建局"));
    String good = GridGovJson.toJsonLine(closed("b", "城管局", "2026-03-03T10:00:00"));
    // the writer writes version 2; without the version member the line is a version-1 record
    String v1Line = GridGovJson.toJsonLine(v1).replace("\"version\":2,", "");
    assertThat(v1Line).doesNotContain("version").contains("\"departmnet\"");
    Path one = dir.resolve("v1.jsonl");
    Files.writeString(one, good + "\n" + v1Line + "\n", StandardCharsets.UTF_8);
    CliRun r = CliRun.of("score", "--scheme", "gbt30428-department", "--cases", one.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(GridGovCli.UNUSABLE);
    assertThat(r.err())
        .startsWith(
            "gridgov: "
                + one
                + ":2: /attributes/departmnet: attribute 'departmnet' looks like the assessment"
                + " fact 'department' (did you mean 'department'?)");
    String v2 =
        "{\"version\":2,\"id\":\"k\",\"item\":\"01001\",\"channel\":\"patrol\","
            + "\"reportedAt\":\"2026-03-02T00:00:00Z\",\"assessment\":{\"departmnet\":\"住建局\"}}";
    Path two = dir.resolve("v2.jsonl");
    Files.writeString(two, good + "\n\n" + v2 + "\n", StandardCharsets.UTF_8);
    CliRun r2 = CliRun.of("score", "--scheme", "gbt30428-department", "--cases", two.toString());
    assertThat(r2.code()).as(r2.err()).isEqualTo(GridGovCli.UNUSABLE);
    assertThat(r2.err())
        .startsWith(
            "gridgov: "
                + two
                + ":3: /assessment/departmnet: unknown field 'departmnet'; did you mean"
                + " 'department'?");
  }
}
