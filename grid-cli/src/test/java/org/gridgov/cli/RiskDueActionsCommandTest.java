package org.gridgov.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gridgov risk due}: the overdue actions the plans imply, in text, JSON and {@code --actions
 * FILE}, while the {@code --format csv} rows stay exactly as they were.
 */
class RiskDueActionsCommandTest {
  private static final String ELEMENTS =
      "{\"id\":\"P-1\",\"type\":\"person\",\"grid\":\"G1\",\"colour\":\"red\","
          + "\"colouredOn\":\"2026-04-01\"}\n"
          + "{\"id\":\"P-2\",\"type\":\"person\",\"grid\":\"G2\",\"colour\":\"red\","
          + "\"colouredOn\":\"2026-04-01\"}\n"
          + "{\"id\":\"P-3\",\"type\":\"person\",\"grid\":\"G2\",\"colour\":\"yellow\","
          + "\"colouredOn\":\"2026-04-01\"}\n";

  // Red: every 7 days, urge at once, escalate after 3 days, deduct 1 point after 7 (grid worker).
  // Yellow: every 14 days, the police lose 2 points at once. Blue: every 30 days, no actions.
  private static final String PLANS =
      "{\"format\":\"gridgov.risk-plans/1\",\"name\":\"test\","
          + "\"posts\":[\"grid_worker\",\"police\"],\"checks\":[\"home_visit\"],\"plans\":["
          + "{\"type\":\"person\",\"colour\":\"red\",\"every\":{\"amount\":7,\"unit\":\"days\"},"
          + "\"post\":\"grid_worker\",\"onOverdue\":[{\"action\":\"urge\",\"afterDays\":0},"
          + "{\"action\":\"escalate\",\"afterDays\":3},"
          + "{\"action\":\"deduct\",\"afterDays\":7,\"points\":1}],\"from\":\"2026-01-01\"},"
          + "{\"type\":\"person\",\"colour\":\"yellow\",\"every\":{\"amount\":14,\"unit\":\"days\"},"
          + "\"post\":\"police\",\"onOverdue\":[{\"action\":\"deduct\",\"afterDays\":0,"
          + "\"points\":2}],\"from\":\"2026-01-01\"},"
          + "{\"type\":\"person\",\"colour\":\"blue\",\"every\":{\"amount\":30,\"unit\":\"days\"},"
          + "\"post\":\"grid_worker\",\"from\":\"2026-01-01\"}]}";

  // On 18 May: P-1 (visited 1 May) due 8 May, 10 days overdue; P-2 (10 May) due 17 May, 1 day;
  // P-3 (1 May, yellow) due 15 May, 3 days.
  private static final String VISITS =
      visit("P-1", "2026-05-01") + visit("P-2", "2026-05-10") + visit("P-3", "2026-05-01");

  private static String visit(String id, String day) {
    return "{\"element\":\""
        + id
        + "\",\"at\":\""
        + day
        + "T09:30:00+08:00\",\"by\":\"w1\",\"checks\":[\"home_visit\"]}\n";
  }

  private static final String ACTIONS_CSV =
      "element,grid,post,action,fired_on,days_overdue,points\n"
          + "P-1,G1,grid_worker,urge,2026-05-09,10,0\n"
          + "P-1,G1,grid_worker,escalate,2026-05-11,10,0\n"
          + "P-1,G1,grid_worker,deduct,2026-05-15,10,1\n"
          + "P-2,G2,grid_worker,urge,2026-05-18,1,0\n"
          + "P-3,G2,police,deduct,2026-05-16,3,2\n";

  private static Path write(Path dir, String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  private static CliRun run(Path dir, String asOf, String... more) throws IOException {
    return runWith(dir, VISITS, asOf, more);
  }

  private static CliRun runWith(Path dir, String visits, String asOf, String... more)
      throws IOException {
    String[] base = {
      "risk",
      "due",
      "--elements",
      write(dir, "elements.jsonl", ELEMENTS).toString(),
      "--plans",
      write(dir, "plans.json", PLANS).toString(),
      "--visits",
      write(dir, "visits.jsonl", visits).toString(),
      "--as-of",
      asOf
    };
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return CliRun.of(all);
  }

  @Test
  void actionsFileHoldsTheFiredActionsAndTheCsvRowsStayTheContract(@TempDir Path dir)
      throws IOException {
    Path actions = dir.resolve("actions.csv");
    CliRun r = run(dir, "2026-05-18", "--format", "csv", "--actions", actions.toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out())
        .isEqualTo(
            "element,grid,type,colour,last_visit,due,status,days_overdue\n"
                + "P-1,G1,person,red,2026-05-01,2026-05-08,overdue,10\n"
                + "P-2,G2,person,red,2026-05-10,2026-05-17,overdue,1\n"
                + "P-3,G2,person,yellow,2026-05-01,2026-05-15,overdue,3\n");
    assertThat(Files.readString(actions)).isEqualTo(ACTIONS_CSV);
  }

  @Test
  void textListsTheActionsAfterTheTable(@TempDir Path dir) throws IOException {
    CliRun r = run(dir, "2026-05-18");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out())
        .contains("3 overdue")
        .contains("overdue actions fired: 5 (1 today), 3 point(s) deducted")
        .containsPattern("2026-05-15 +P-1 +G1 +grid_worker +deduct +1\n")
        .containsPattern("2026-05-18 +P-2 +G2 +grid_worker +urge +\n")
        .containsPattern("2026-05-16 +P-3 +G2 +police +deduct +2\n");
    assertThat(r.out().indexOf("overdue actions fired"))
        .isGreaterThan(r.out().indexOf("coloured element(s) with a plan"));
  }

  @Test
  void jsonHasATopLevelActionsListAndTheDeductionsPerGrid(@TempDir Path dir) throws IOException {
    CliRun r = run(dir, "2026-05-18", "--format", "json");
    assertThat(r.code()).isEqualTo(1);
    JsonNode root = new ObjectMapper().readTree(r.out());
    JsonNode actions = root.get("actions");
    assertThat(actions).hasSize(5);
    JsonNode deduct = actions.get(2);
    assertThat(deduct.get("element").asText()).isEqualTo("P-1");
    assertThat(deduct.get("grid").asText()).isEqualTo("G1");
    assertThat(deduct.get("post").asText()).isEqualTo("grid_worker");
    assertThat(deduct.get("action").asText()).isEqualTo("deduct");
    assertThat(deduct.get("firedOn").asText()).isEqualTo("2026-05-15");
    assertThat(deduct.get("daysOverdue").asInt()).isEqualTo(10);
    assertThat(deduct.get("points").asDouble()).isEqualTo(1.0);
    assertThat(actions.get(4).get("post").asText()).isEqualTo("police");
    assertThat(root.get("pointsDeducted").asDouble()).isEqualTo(3.0);
    assertThat(root.get("deductedByGrid").get("G1").asDouble()).isEqualTo(1.0);
    assertThat(root.get("deductedByGrid").get("G2").asDouble()).isEqualTo(2.0);
    assertThat(root.get("rows")).hasSize(3);
  }

  @Test
  void nothingOverdueWritesAHeaderOnlyAndPrintsNoActions(@TempDir Path dir) throws IOException {
    Path actions = dir.resolve("actions.csv");
    String visits =
        visit("P-1", "2026-05-01") + visit("P-2", "2026-05-05") + visit("P-3", "2026-05-01");
    CliRun r = runWith(dir, visits, "2026-05-08", "--actions", actions.toString());
    // P-1 is due on the 8th, not overdue: no action fires yet; P-2 and P-3 are ok.
    assertThat(r.code()).isZero();
    assertThat(r.out()).doesNotContain("overdue actions");
    assertThat(Files.readString(actions))
        .isEqualTo("element,grid,post,action,fired_on,days_overdue,points\n");
    CliRun json = runWith(dir, visits, "2026-05-08", "--format", "json");
    assertThat(new ObjectMapper().readTree(json.out()).get("actions")).isEmpty();
  }

  @Test
  void anExistingActionsFileIsReplacedOnlyWithForce(@TempDir Path dir) throws IOException {
    Path actions = write(dir, "actions.csv", "old\n");
    CliRun refused = run(dir, "2026-05-18", "--actions", actions.toString());
    assertThat(refused.code()).isEqualTo(2);
    assertThat(refused.err()).contains("actions.csv");
    assertThat(Files.readString(actions)).isEqualTo("old\n");
    CliRun forced = run(dir, "2026-05-18", "--actions", actions.toString(), "--force");
    assertThat(forced.code()).isEqualTo(1);
    assertThat(Files.readString(actions)).isEqualTo(ACTIONS_CSV);
  }

  @Test
  void actionsAndExtraCountsMustBeTwoFiles(@TempDir Path dir) throws IOException {
    Path same = dir.resolve("out.csv");
    CliRun r =
        run(dir, "2026-05-18", "--actions", same.toString(), "--extra-counts", same.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--actions").contains("--extra-counts");
    assertThat(same).doesNotExist();
  }
}
