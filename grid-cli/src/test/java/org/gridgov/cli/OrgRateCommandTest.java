package org.gridgov.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gridgov org rate}: outputs in three formats and unusable inputs (exit 2). */
class OrgRateCommandTest {
  @TempDir Path dir;

  static final String ORG =
      """
      {"format": "gridgov.org/1",
       "organisations": [
         {"id": "B1", "type": "PARTY_BRANCH", "name": "Branch one", "grids": ["P1"],
          "members": {"full": 10, "probationary": 2}, "committee": 5,
          "electedOn": "2022-03-01", "termYears": 5},
         {"id": "B2", "type": "PARTY_BRANCH", "name": "Branch two", "grids": ["P2"],
          "members": {"full": 5}, "electedOn": "2019-01-01", "termYears": 5},
         {"id": "G1", "type": "PARTY_GROUP", "name": "Group", "parent": "B1"}
       ],
       "people": [
         {"id": "S1", "name": "Secretary One", "partyMember": true},
         {"id": "S2", "name": "Secretary Two", "partyMember": true},
         {"id": "W1", "name": "Worker", "partyMember": false}
       ],
       "posts": [
         {"person": "S1", "post": "SECRETARY", "organisation": "B1", "from": "2022-03-01"},
         {"person": "S2", "post": "SECRETARY", "organisation": "B2", "from": "2019-01-01"},
         {"person": "W1", "post": "GRID_CHIEF", "grid": "P1", "from": "2020-01-01"},
         {"person": "W1", "post": "FULL_TIME_GRID_WORKER", "grid": "P1", "from": "2020-01-01"}
       ],
       "registrations": [{"organisation": "B1", "community": "C1", "from": "2021-01-01"}],
       "services": [{"person": "S1", "community": "C1", "date": "2025-03-01", "hours": 24,
                     "kind": "ACTIVITY"}],
       "ratings": [{"organisation": "B1", "community": "C1", "year": 2025, "grade": "EXCELLENT"}]
      }
      """;

  static final String SCORES =
      """
      period,kind,rank,unit,score,grade
      2025-01,grid,1,P1,95.00,A
      2025-02,grid,1,P1,85.00,B
      2025-01,grid,2,P2,50.00,D
      """;

  Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  CliRun rate(String... more) throws IOException {
    Path org = write("org.json", ORG);
    Path scores = write("scores.csv", SCORES);
    String[] base = {
      "org",
      "rate",
      "--org",
      org.toString(),
      "--scheme",
      "../sample-town/org-stars.json",
      "--scores",
      scores.toString(),
      "--year",
      "2025"
    };
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return CliRun.of(all);
  }

  @Test
  void csvHasOneRowPerBranchWithTheIndicatorPoints() throws IOException {
    CliRun run = rate("--format", "csv");
    assertThat(run.code()).as(run.err()).isZero();
    String[] lines = run.out().split("\n");
    assertThat(lines[0])
        .isEqualTo(
            "organisation,name,points,stars,rank,committee,term,members,grid_posts,"
                + "dual_reporting,service,grid_scores,innovation");
    // B1: committee 10, term 10, members 10, posts 20 (chief and worker on P1; no micro grid
    // known without --grids), registered 1 of 2 (B1 yes, S1 no) 5, 24 h / 12 members = 2 of 4: 5,
    // P1 mean (95 + 85) / 2 = 90: 30, no award 0 → 90, but five stars need the award: 4 stars.
    // Quotas: ⌊30 % × 2⌋ = 0 four-star places → 3 stars.
    assertThat(lines[1]).isEqualTo("B1,Branch one,90.00,3,1,10,10,10,20,5,5,30,0");
    // B2: 10, 0 (term ended 2024-01-01), 10, no chief/worker on P2 0, 0, 0 h 0, 50 → 0, 0 = 20
    assertThat(lines[2]).isEqualTo("B2,Branch two,20.00,1,2,10,0,10,0,0,0,0,0");
    assertThat(lines).hasSize(3);
  }

  @Test
  void jsonAndTextCarryTheBreakdown() throws IOException {
    CliRun json = rate("--format", "json");
    assertThat(json.code()).as(json.err()).isZero();
    JsonNode root = new ObjectMapper().readTree(json.out());
    assertThat(root.get("format").asText()).isEqualTo("gridgov.org-ratings/1");
    JsonNode b1 = root.get("branches").get(0);
    assertThat(b1.get("bandStars").asInt()).isEqualTo(4);
    assertThat(b1.get("stars").asInt()).isEqualTo(3);
    assertThat(b1.get("demotion").asText()).contains("4 → 3 stars");
    assertThat(b1.get("indicators").get("grid_posts").get("why").asText())
        .contains("GRID_CHIEF 1/1 all");
    CliRun text = rate();
    assertThat(text.code()).as(text.err()).isZero();
    assertThat(text.out())
        .contains("star rating 2025, scheme five-star-branch (8 indicators, 110 points): 2 of 2")
        .contains("quota: B1 4 → 3 stars")
        .contains("note: B1 reaches the points for 5 stars but not the full points of innovation");
  }

  @Test
  void unusableInputsExit2WithALocatedMessage() throws IOException {
    Path badScheme =
        write(
            "bad-stars.json",
            Files.readString(Path.of("../sample-town/org-stars.json"))
                .replace("\"quotas\"", "\"quota\""));
    Path org = write("org.json", ORG);
    CliRun run =
        CliRun.of("org", "rate", "--org", org.toString(), "--scheme", badScheme.toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("bad-stars.json:", "did you mean 'quotas'");
    assertThat(run.out()).isEmpty();

    Path badScores = write("bad.csv", "unit,score\nP1,high\n");
    run =
        CliRun.of(
            "org",
            "rate",
            "--org",
            org.toString(),
            "--scheme",
            "../sample-town/org-stars.json",
            "--scores",
            badScores.toString(),
            "--year",
            "2025");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("bad.csv:2", "not a number: 'high'");

    run =
        CliRun.of(
            "org",
            "rate",
            "--org",
            dir.resolve("nope.json").toString(),
            "--scheme",
            "../sample-town/org-stars.json");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("nope.json", "no such file");

    Path groups =
        write(
            "groups.json",
            "{\"format\": \"gridgov.org/1\", \"organisations\": [{\"id\": \"G\","
                + " \"type\": \"PARTY_GROUP\", \"name\": \"g\"}]}");
    run =
        CliRun.of(
            "org", "rate", "--org", groups.toString(), "--scheme", "../sample-town/org-stars.json");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("no organisation of a type the scheme rates");

    run = rate("--format", "xml");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("--format must be one of text, csv, json");
  }
}
