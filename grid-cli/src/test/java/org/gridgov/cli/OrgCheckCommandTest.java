package org.gridgov.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gridgov org check}: exit codes, the JSON shape, {@code --rules} replacing the defaults,
 * located errors. The organisation files use only documented members of {@code gridgov.org/1}, so
 * they read with any correct reader of the format.
 */
class OrgCheckCommandTest {
  /** Street S1 with communities C1 and C2 (the leaves): every default rule satisfied. */
  static final String ORG =
      """
      {"format": "gridgov.org/1",
       "organisations": [
        {"id": "SC", "type": "PARTY_COMMITTEE", "name": "Street committee", "grids": ["S1"],
         "members": {"full": 120, "probationary": 0}, "committee": 7,
         "electedOn": "2024-01-10", "termYears": 5},
        {"id": "B1", "type": "PARTY_BRANCH", "name": "C1 branch", "parent": "SC", "grids": ["C1"],
         "members": {"full": 5, "probationary": 1}, "electedOn": "2024-01-10", "termYears": 5},
        {"id": "B2", "type": "PARTY_BRANCH", "name": "C2 branch", "parent": "SC", "grids": ["C2"],
         "members": {"full": 4, "probationary": 0}, "electedOn": "2024-01-10", "termYears": 5}],
       "people": [
        {"id": "P1", "name": "Wang Li", "partyMember": true},
        {"id": "P2", "name": "Zhao Min", "partyMember": true},
        {"id": "P3", "name": "Sun Hua", "partyMember": true},
        {"id": "W1", "name": "Li Na", "partyMember": false},
        {"id": "W2", "name": "Chen Jie", "partyMember": false}],
       "posts": [
        {"person": "P1", "post": "GRID_CHIEF", "grid": "S1", "from": "2024-01-10"},
        {"person": "P1", "post": "DEPUTY_SECRETARY", "organisation": "SC", "from": "2024-01-10"},
        {"person": "P2", "post": "GRID_CHIEF", "grid": "C1", "from": "2024-01-10"},
        {"person": "P2", "post": "SECRETARY", "organisation": "B1", "from": "2024-01-10"},
        {"person": "P3", "post": "GRID_CHIEF", "grid": "C2", "from": "2024-01-10"},
        {"person": "P3", "post": "SECRETARY", "organisation": "B2", "from": "2024-01-10"},
        {"person": "W1", "post": "FULL_TIME_GRID_WORKER", "grid": "C1", "from": "2024-01-10"},
        {"person": "W2", "post": "FULL_TIME_GRID_WORKER", "grid": "C2", "from": "2024-01-10"}]}
      """;

  static final String W2_POST =
      ",\n  {\"person\": \"W2\", \"post\": \"FULL_TIME_GRID_WORKER\", \"grid\": \"C2\","
          + " \"from\": \"2024-01-10\"}";

  /** Rules that only ask for a chief on every grid. */
  static final String CHIEFS_ONLY =
      """
      {"format": "gridgov.org-rules/1", "source": "test rules",
       "branch": {"minFullMembers": 3, "maxMembers": 50, "committeeFrom": 7, "committeeMin": 3,
         "committeeMax": 7, "generalBranchFrom": 50, "grassrootsCommitteeFrom": 100,
         "jointBranchMaxUnits": 5, "termYears": 5, "renewalNoticeDays": 90, "basis": "regs"},
       "grids": [{"id": "chief", "post": "GRID_CHIEF", "code": "GRID_WITHOUT_CHIEF",
         "basis": "a chief on every grid"}],
       "chiefs": [],
       "coverageLevels": ["street"]}
      """;

  @TempDir Path dir;
  Path grids;
  Path org;
  Path noWorker;

  @BeforeEach
  void files() throws Exception {
    grids = Files.writeString(dir.resolve("grids.geojson"), MapFiles.clean());
    org = Files.writeString(dir.resolve("org.json"), ORG);
    String without = ORG.replace(W2_POST, "");
    assertThat(without).isNotEqualTo(ORG);
    noWorker = Files.writeString(dir.resolve("no-worker.json"), without);
  }

  private CliRun check(Path orgFile, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "org",
                "check",
                "--grids",
                grids.toString(),
                "--org",
                orgFile.toString(),
                "--as-of",
                "2025-06-30"));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void aCompliantOrganisationExitsZeroWithItsCoverage() {
    CliRun r = check(org);
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isEqualTo(GridGovCli.OK);
    assertThat(r.out())
        .contains("coverage\tall\tterritory 100.0% (2/2)\tpeople n/a (0/0)\taffairs 0.0% (0/2)")
        .contains("coverage\tS1 (street)\t")
        .contains("coverage\tC2 (community)\t")
        .contains("no findings on 2025-06-30: 3 grids, 3 organisations, 5 people, 8 posts");
  }

  @Test
  void aMissingWorkerIsAFindingWithExitOneAndTheJsonShape() throws Exception {
    CliRun text = check(noWorker);
    assertThat(text.code()).isEqualTo(GridGovCli.FINDINGS);
    assertThat(text.out())
        .startsWith("ERROR\tC2\tGRID_WITHOUT_WORKER\tgrid C2 has no FULL_TIME_GRID_WORKER")
        .contains("coverage\tall\tterritory 50.0% (1/2)");
    CliRun r = check(noWorker, "--format", "json");
    assertThat(r.code()).isEqualTo(GridGovCli.FINDINGS);
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertThat(names(root)).containsExactly("findings", "coverage");
    JsonNode f = root.get("findings").get(0);
    assertThat(names(f)).containsExactly("code", "ids", "message");
    assertThat(f.get("code").asText()).isEqualTo("GRID_WITHOUT_WORKER");
    assertThat(f.get("ids").get(0).asText()).isEqualTo("C2");
    assertThat(root.get("findings")).hasSize(1);
    JsonNode total = root.get("coverage").get("total");
    assertThat(total.get("territory").get("share").asDouble()).isEqualTo(0.5);
    assertThat(total.get("people").get("share").isNull()).isTrue();
    assertThat(root.get("coverage").get("areas").get(0).get("grid").asText()).isEqualTo("S1");
  }

  @Test
  void rulesReplaceTheDefaults() throws Exception {
    Path rules = Files.writeString(dir.resolve("rules.json"), CHIEFS_ONLY);
    CliRun r = check(noWorker, "--rules", rules.toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isEqualTo(GridGovCli.OK);
    assertThat(r.out()).contains("coverage\tS1 (street)").doesNotContain("C2 (community)");
  }

  @Test
  void badRulesAreLocatedWithDidYouMeanAndExitTwo() throws Exception {
    Path rules =
        Files.writeString(
            dir.resolve("rules.json"),
            CHIEFS_ONLY.replace("\"post\": \"GRID_CHIEF\"", "\"post\": \"GRID_CHEIF\""));
    CliRun r = check(org, "--rules", rules.toString());
    assertThat(r.code()).isEqualTo(GridGovCli.UNUSABLE);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("rules.json").contains("/grids/0/post").contains("grid_chief");
  }

  @Test
  void anUnusableOrganisationFileExitsTwo() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.json"), "{\"format\": \"gridgov.org/9\"}");
    CliRun r = check(bad);
    assertThat(r.code()).isEqualTo(GridGovCli.UNUSABLE);
    assertThat(r.err()).contains("bad.json");
    assertThat(check(dir.resolve("missing.json")).code()).isEqualTo(GridGovCli.UNUSABLE);
  }

  @Test
  void usageErrorsExitTwo() {
    CliRun typo = check(org, "--rulez", "x");
    assertThat(typo.code()).isEqualTo(GridGovCli.UNUSABLE);
    assertThat(typo.err()).contains("did you mean '--rules'");
    assertThat(check(org, "--format", "xml").err()).contains("--format must be text or json");
    CliRun date =
        CliRun.of(
            "org",
            "check",
            "--grids",
            grids.toString(),
            "--org",
            org.toString(),
            "--as-of",
            "30/06/2025");
    assertThat(date.code()).isEqualTo(GridGovCli.UNUSABLE);
    assertThat(date.err()).contains("--as-of must be a date YYYY-MM-DD");
  }

  private static List<String> names(JsonNode n) {
    List<String> out = new ArrayList<>();
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      out.add(it.next());
    }
    return out;
  }
}
