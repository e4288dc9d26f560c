package org.gridgov.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.gridgov.core.GridId;
import org.gridgov.core.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Bad star schemes and score files: located errors, "did you mean", all errors at once. */
class StarSchemesBadInputTest {
  static final String GOOD = StarRatingTest.scheme(0.1, 0.3);

  static InvalidInputException fails(String json) {
    try {
      StarSchemes.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "bad.json");
    } catch (InvalidInputException e) {
      return e;
    }
    throw new AssertionError("read without error: " + json);
  }

  @Test
  void theGoodSchemeReads() {
    assertThat(StarRatingTest.read(GOOD).indicators()).hasSize(9);
  }

  @Test
  void unknownMembersAndValuesSuggestTheClosest() {
    assertThat(fails(GOOD.replace("\"quotas\"", "\"quota\"")).getMessage())
        .contains("bad.json:", "unknown field 'quota'", "did you mean 'quotas'");
    assertThat(fails(GOOD.replace("\"GRID_SCORE\"", "\"GRID_SCORES\"")).getMessage())
        .contains("/indicators/7/measure", "did you mean 'grid_score'");
    assertThat(
            fails(GOOD.replace("\"requires\": [\"innovation\"]", "\"requires\": [\"inovation\"]"))
                .getMessage())
        .contains("/stars/0/requires/0", "did you mean 'innovation'");
    assertThat(fails(GOOD.replace("\"renormalise\"", "\"renormalize\"")).getMessage())
        .contains("/notApplicable", "did you mean 'renormalise'");
  }

  @Test
  void everyProblemIsReportedAtOnceWithItsLine() {
    InvalidInputException e =
        fails(
            GOOD.replace("\"stars\": 4, \"min\": 80", "\"stars\": 4, \"min\": 95")
                .replace("\"maxShare\": 0.3", "\"maxShare\": 1.5")
                .replace("{\"key\": \"term\"", "{\"key\": \"committee\""));
    assertThat(e.problems().size()).isEqualTo(3);
    assertThat(e.problems().render())
        .contains("/stars/1/min", "must be below the 5-star minimum 90")
        .contains("/quotas/1/maxShare")
        .contains("/indicators/1/key", "appears twice");
    assertThat(e.problems().render()).containsPattern("bad\\.json:\\d+");
  }

  @Test
  void structuralMistakes() {
    assertThat(fails(GOOD.replace("{\"stars\": 1}", "{\"stars\": 1, \"min\": 0}")).getMessage())
        .contains("the last band takes every other branch");
    assertThat(
            fails(GOOD.replace("\"format\": \"gridgov.org-stars/1\"", "\"format\": \"x/1\""))
                .getMessage())
        .contains("unknown format 'x/1'");
    assertThat(
            fails(GOOD.replace("{\"stars\": 5, \"maxShare\"", "{\"stars\": 6, \"maxShare\""))
                .getMessage())
        .contains("no star band gives 6 stars");
    assertThat(
            fails(
                    GOOD.replace(
                        "\"points\": 10, \"measure\": \"TERM",
                        "\"points\": 0, \"measure\": \"TERM"))
                .getMessage())
        .contains("/indicators/1/points", "must be > 0");
    assertThat(
            fails(GOOD.replace("{\"min\": 80, \"points\": 16}", "{\"min\": 95, \"points\": 16}"))
                .getMessage())
        .contains("highest min first");
    assertThat(
            fails(GOOD.replace("\"min\": 90, \"points\": 20", "\"min\": 90, \"points\": 25"))
                .getMessage())
        .contains("band points must be between 0 and the indicator's 20");
    assertThat(fails("[1]").getMessage()).contains("bad.json");
    assertThat(fails("{\"format\": ").getMessage()).contains("bad.json:1");
  }

  static Map<GridId, Double> scores(String csv, int year) {
    return AssessmentScores.read(
        new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "scores.csv", year);
  }

  @Test
  void scoresOfTheScoreCommandAreAveragedOverTheYearsMonths() {
    String csv =
        """
        period,kind,rank,unit,score,grade,on_time_handling_rate
        2025-01,grid,1,G1,90.00,A,1
        2025-02,grid,1,G1,80.00,B,1
        2025-03..2025-04,grid,1,G1,60.00,C,1
        2024-12,grid,1,G1,10.00,E,1
        2025-01,grid,2,G2,,,
        2025-01,department,1,G3,99,A,1
        2025-01,community,1,C1,70.5,C,1
        """;
    Map<GridId, Double> s = scores(csv, 2025);
    // (90 + 80 + 2 · 60) / 4 months = 72.5; 2024 left out; G2 not scored; departments skipped
    assertThat(s)
        .containsExactly(Map.entry(GridId.of("G1"), 72.5), Map.entry(GridId.of("C1"), 70.5));
  }

  @Test
  void theDemosScoresCsvReadsAsOnePeriod() {
    String csv =
        """
        kind,rank,unit,name,parent,score,grade,cases,on_time_handling_rate,satisfaction,rework_rate,overdue
        street,1,341881003,龙腾街道,桐城（样例城区）,77.85,B,2906,0.9305,0.9245,0.0496,202
        community,1,341881003002,双港社区,龙腾街道,88.38,B,607,0.9769,0.9829,0.0148,14
        """;
    assertThat(scores(csv, 2026)).containsEntry(GridId.of("341881003002"), 88.38).hasSize(2);
  }

  @Test
  void badScoreFilesAreLocated() {
    assertThatThrownBy(() -> scores("unit,scor\nG1,3\n", 2025))
        .hasMessageContaining("scores.csv:1")
        .hasMessageContaining("'score' is missing")
        .hasMessageContaining("is 'scor' meant?");
    assertThatThrownBy(() -> scores("unit,score\nG1,3\nG2,abc\n", 2025))
        .hasMessageContaining("scores.csv:3")
        .hasMessageContaining("not a number: 'abc'");
    assertThatThrownBy(() -> scores("unit,score\nG1,NaN\n", 2025))
        .hasMessageContaining("not a finite number");
    assertThatThrownBy(() -> scores("period,unit,score\n2025-13,G1,3\n", 2025))
        .hasMessageContaining("scores.csv:2")
        .hasMessageContaining("not a period: '2025-13'");
    assertThatThrownBy(() -> scores("period,unit,score\n2025-01,G1,3\n2025-01,G1,4\n", 2025))
        .hasMessageContaining("scores.csv:3")
        .hasMessageContaining("appears twice (first on line 2)");
    assertThatThrownBy(() -> scores("unit,score\nG1,3,4\n", 2025))
        .hasMessageContaining("the record has 3 fields");
    assertThatThrownBy(() -> scores("", 2025)).hasMessageContaining("the file is empty");
  }
}
