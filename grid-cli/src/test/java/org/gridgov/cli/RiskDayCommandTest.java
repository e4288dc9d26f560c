package org.gridgov.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gridgov risk day}: the route, the worker's grids from posts or visits, exit codes. */
class RiskDayCommandTest {
  // Three red persons on a line along 34.75° N, 91.36 m apart (0.001° of longitude), in G1;
  // P-5 in G2 (w1's grid by posts, not by visits); P-9 in G3 (nobody's); P-4 without a position.
  private static final String ELEMENTS =
      line("P-1", "G1", 113.620, true)
          + line("P-2", "G1", 113.622, true)
          + line("P-3", "G1", 113.621, true)
          + line("P-5", "G2", 113.623, true)
          + line("P-9", "G3", 113.624, true)
          + "{\"id\":\"P-4\",\"type\":\"person\",\"grid\":\"G1\",\"colour\":\"red\","
          + "\"colouredOn\":\"2026-04-01\"}\n";

  private static String line(String id, String grid, double lon, boolean red) {
    return "{\"id\":\""
        + id
        + "\",\"type\":\"person\",\"grid\":\""
        + grid
        + "\",\"lon\":"
        + lon
        + ",\"lat\":34.75,\"colour\":\"red\",\"colouredOn\":\"2026-04-01\"}\n";
  }

  private static final String PLANS =
      "{\"format\":\"gridgov.risk-plans/1\",\"name\":\"test\","
          + "\"posts\":[\"grid_worker\"],\"checks\":[\"home_visit\"],\"plans\":["
          + "{\"type\":\"person\",\"colour\":\"red\",\"every\":{\"amount\":7,\"unit\":\"days\"},"
          + "\"post\":\"grid_worker\",\"checks\":[\"home_visit\"],\"from\":\"2026-01-01\"},"
          + "{\"type\":\"person\",\"colour\":\"yellow\",\"every\":{\"amount\":14,\"unit\":\"days\"},"
          + "\"post\":\"grid_worker\",\"checks\":[\"home_visit\"],\"from\":\"2026-01-01\"},"
          + "{\"type\":\"person\",\"colour\":\"blue\",\"every\":{\"amount\":30,\"unit\":\"days\"},"
          + "\"post\":\"grid_worker\",\"checks\":[\"home_visit\"],\"from\":\"2026-01-01\"}]}";

  // On 6 May: P-1 due (visited 29 April), P-2 overdue (20 April), P-3 ok (5 May), P-4 overdue
  // but unplaced; P-5 never visited: due 8 April, overdue; P-9 overdue but in G3.
  private static final String VISITS =
      visit("P-1", "2026-04-29")
          + visit("P-2", "2026-04-20")
          + visit("P-3", "2026-05-05")
          + visit("P-4", "2026-04-20")
          + "{\"element\":\"P-9\",\"at\":\"2026-04-20T09:30:00+08:00\",\"by\":\"w2\",\"checks\":[]}\n";

  private static String visit(String id, String day) {
    return "{\"element\":\""
        + id
        + "\",\"at\":\""
        + day
        + "T09:30:00+08:00\",\"by\":\"w1\",\"checks\":[\"home_visit\"]}\n";
  }

  private static final String ORG =
      "{\"format\":\"gridgov.org/1\","
          + "\"people\":[{\"id\":\"w1\",\"name\":\"Wang\",\"partyMember\":false},"
          + "{\"id\":\"w2\",\"name\":\"Li\",\"partyMember\":false}],"
          + "\"posts\":["
          + "{\"person\":\"w1\",\"post\":\"FULL_TIME_GRID_WORKER\",\"grid\":\"G1\",\"from\":\"2026-01-01\"},"
          + "{\"person\":\"w1\",\"post\":\"PART_TIME_GRID_WORKER\",\"grid\":\"G2\",\"from\":\"2026-01-01\"},"
          + "{\"person\":\"w1\",\"post\":\"GRID_CHIEF\",\"grid\":\"G3\",\"from\":\"2025-01-01\",\"to\":\"2025-12-31\"},"
          + "{\"person\":\"w2\",\"post\":\"VOLUNTEER\",\"grid\":\"G3\",\"from\":\"2026-01-01\"}]}";

  private static Path write(Path dir, String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  private static CliRun run(Path dir, String... more) throws IOException {
    return runOn(dir, "2026-05-06", more);
  }

  private static CliRun runOn(Path dir, String date, String... more) throws IOException {
    String[] base = {
      "risk",
      "day",
      "--elements",
      write(dir, "elements.jsonl", ELEMENTS).toString(),
      "--plans",
      write(dir, "plans.json", PLANS).toString(),
      "--visits",
      write(dir, "visits.jsonl", VISITS).toString(),
      "--date",
      date
    };
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return CliRun.of(all);
  }

  @Test
  void gridsFromVisitsRouteFromTheStartAsCsv(@TempDir Path dir) throws IOException {
    CliRun r = run(dir, "--worker", "w1", "--start", "113.619,34.75", "--format", "csv");
    assertThat(r.code()).as(r.err()).isEqualTo(1); // P-2 is overdue
    assertThat(r.out())
        .isEqualTo(
            RiskDayCommand.CSV_HEADER
                + "\n"
                + "1,P-1,G1,red,due,113.62,34.75,91.4,1.2\n"
                + "2,P-2,G1,red,overdue,113.622,34.75,182.7,13.7\n");
    assertThat(r.err()).contains("1 due element(s) have no position").contains("P-4");
  }

  @Test
  void gridsFromPostsHeldOnTheDateAsJson(@TempDir Path dir) throws IOException {
    Path org = write(dir, "org.json", ORG);
    CliRun r = run(dir, "--worker", "w1", "--posts", org.toString(), "--format", "json");
    assertThat(r.code()).as(r.err()).isEqualTo(1);
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("grids").toString()).isEqualTo("[\"G1\",\"G2\"]"); // G3's post has ended
    assertThat(j.get("stops").findValuesAsText("element")).containsExactly("P-1", "P-2", "P-5");
    assertThat(j.get("stops").get(0).get("legMetres").asDouble()).isZero(); // best first stop
    assertThat(j.get("metres").asDouble()).isEqualTo(274.1);
    assertThat(j.get("unplaced").toString()).isEqualTo("[\"P-4\"]");
  }

  @Test
  void textShowsTheRoute(@TempDir Path dir) throws IOException {
    CliRun r = run(dir, "--worker", "w1");
    assertThat(r.out())
        .startsWith("w1 on 2026-05-06 in G1: 2 stops (1 overdue), 183 m, 22 min")
        .contains("P-1")
        .contains("not on the route (no position): P-4");
  }

  @Test
  void anUnknownWorkerAmongThousandsGetsACountNotAList(@TempDir Path dir) throws IOException {
    StringBuilder people = new StringBuilder();
    StringBuilder visits = new StringBuilder();
    for (int i = 0; i < 2_500; i++) {
      people
          .append(i == 0 ? "" : ",")
          .append("{\"id\":\"p-")
          .append(i)
          .append("\",\"name\":\"N\",\"partyMember\":false}");
      visits.append(
          "{\"element\":\"P-1\",\"at\":\"2026-04-29T09:30:00+08:00\",\"by\":\"v-"
              + i
              + "\",\"checks\":[]}\n");
    }
    Path org =
        write(dir, "big-org.json", "{\"format\":\"gridgov.org/1\",\"people\":[" + people + "]}");
    CliRun byPosts = run(dir, "--worker", "zzz-unknown-person", "--posts", org.toString());
    assertThat(byPosts.code()).isEqualTo(2);
    assertThat(byPosts.err())
        .contains("no person 'zzz-unknown-person'")
        .contains("2500 people in the file")
        .doesNotContain("p-1234");
    assertThat(byPosts.err().length()).isLessThan(400);
    CliRun typo = run(dir, "--worker", "p-1234x", "--posts", org.toString());
    assertThat(typo.err()).contains("did you mean 'p-1234'?").contains("2500 people");
    assertThat(typo.err().length()).isLessThan(400);

    Path many = write(dir, "many-visits.jsonl", VISITS + visits);
    CliRun byVisits =
        CliRun.of(
            "risk",
            "day",
            "--elements",
            write(dir, "elements.jsonl", ELEMENTS).toString(),
            "--plans",
            write(dir, "plans.json", PLANS).toString(),
            "--visits",
            many.toString(),
            "--date",
            "2026-05-06",
            "--worker",
            "nobody");
    assertThat(byVisits.code()).isEqualTo(2);
    assertThat(byVisits.err())
        .contains("no visit by 'nobody'")
        .contains("2502 visitors in the file")
        .doesNotContain("v-1234");
    assertThat(byVisits.err().length()).isLessThan(400);
  }

  @Test
  void anUnknownWorkerIsUnusableWithDidYouMean(@TempDir Path dir) throws IOException {
    CliRun byVisits = run(dir, "--worker", "w3");
    assertThat(byVisits.code()).isEqualTo(2);
    assertThat(byVisits.err()).contains("no visit by 'w3'").contains("w1");
    Path org = write(dir, "org.json", ORG);
    CliRun byPosts = run(dir, "--worker", "wl", "--posts", org.toString());
    assertThat(byPosts.code()).isEqualTo(2);
    assertThat(byPosts.err()).contains("no person 'wl'").contains("did you mean");
    CliRun noGridPost = run(dir, "--worker", "w2", "--posts", org.toString());
    assertThat(noGridPost.code()).isEqualTo(2);
    assertThat(noGridPost.err()).contains("w2 holds no grid-chief or grid-worker post");
  }

  @Test
  void aBadStartIsUnusable(@TempDir Path dir) throws IOException {
    CliRun r = run(dir, "--worker", "w1", "--start", "34.75");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--start").contains("LON,LAT");
    assertThat(run(dir, "--worker", "w1", "--start", "34.75,113.62").err())
        .contains("--start")
        .contains("latitude");
  }

  @Test
  void nothingDueExitsZero(@TempDir Path dir) throws IOException {
    // on 2 April nothing is due yet (never visited, coloured 1 April: due 8 April)
    Path org = write(dir, "org.json", ORG);
    CliRun r = runOn(dir, "2026-04-02", "--worker", "w1", "--posts", org.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("w1 on 2026-04-02 in G1, G2: 0 stops (0 overdue), 0 m, 0 min");
  }

  // Sizing: G1 holds four persons without a household id, so four households; P-1, P-3, P-2 lie
  // on a line 91.36 m apart (182.7 m), P-4 has no position. 182.7 m / 75 m/min + 4 × 1.5 min
  // = 8.4 min. G2 holds P-5 alone: 0 m, 1.5 min.

  @Test
  void jsonReportsTheSizingOfEachGridOfTheWorker(@TempDir Path dir) throws IOException {
    Path org = write(dir, "org.json", ORG);
    CliRun r = run(dir, "--worker", "w1", "--posts", org.toString(), "--format", "json");
    JsonNode s = new ObjectMapper().readTree(r.out()).get("sizing");
    assertThat(s.get("metresPerMinute").asDouble()).isEqualTo(75.0);
    assertThat(s.get("minutesPerHousehold").asDouble()).isEqualTo(1.5);
    assertThat(s.get("limitMinutes").asDouble()).isEqualTo(120.0);
    assertThat(s.get("grids").findValuesAsText("grid")).containsExactly("G1", "G2");
    JsonNode g1 = s.get("grids").get(0);
    assertThat(g1.get("households").asInt()).isEqualTo(4);
    assertThat(g1.get("unplaced").asInt()).isEqualTo(1);
    assertThat(g1.get("metres").asDouble()).isEqualTo(182.7);
    assertThat(g1.get("minutes").asDouble()).isEqualTo(8.4);
    assertThat(g1.get("withinLimit").asBoolean()).isTrue();
    JsonNode g2 = s.get("grids").get(1);
    assertThat(g2.get("households").asInt()).isEqualTo(1);
    assertThat(g2.get("metres").asDouble()).isZero();
    assertThat(g2.get("minutes").asDouble()).isEqualTo(1.5);
  }

  @Test
  void textReportsTheSizingWithTheGivenMinutesAndLimit(@TempDir Path dir) throws IOException {
    Path org = write(dir, "org.json", ORG);
    CliRun r =
        run(
            dir,
            "--worker",
            "w1",
            "--posts",
            org.toString(),
            "--household-minutes",
            "2",
            "--sweep-limit",
            "10");
    assertThat(r.code()).isEqualTo(1); // the route's exit code: P-2 is overdue
    // G1: 182.7 m / 75 + 4 × 2 = 10.4 min, over 10; G2: 2 min.
    assertThat(r.out())
        .contains(
            "sizing (sweep every household in 10.0 min, 2.0 min a household, 75.0 m/min):"
                + " 1 of 2 grid(s) over the limit\n")
        .containsPattern(
            "G1 +4 households +183 m +10.4 min +OVER the limit \\(1 without a position\\)")
        .containsPattern("G2 +1 households +0 m +2.0 min +within the limit\n");
    CliRun defaults = run(dir, "--worker", "w1");
    assertThat(defaults.out())
        .contains("sizing (sweep every household in 120.0 min, 1.5 min a household, 75.0 m/min):")
        .containsPattern("G1 +4 households +183 m +8.4 min +within the limit");
  }

  @Test
  void theCsvRouteCarriesNoSizing(@TempDir Path dir) throws IOException {
    CliRun r = run(dir, "--worker", "w1", "--format", "csv", "--sweep-limit", "1");
    assertThat(r.out()).startsWith(RiskDayCommand.CSV_HEADER + "\n").doesNotContain("sizing");
    assertThat(r.out().lines()).hasSize(3);
  }

  @Test
  void badSizingOptionsAreUnusable(@TempDir Path dir) throws IOException {
    CliRun limit = run(dir, "--worker", "w1", "--sweep-limit", "0");
    assertThat(limit.code()).isEqualTo(2);
    assertThat(limit.err()).contains("--sweep-limit");
    CliRun minutes = run(dir, "--worker", "w1", "--household-minutes", "-1");
    assertThat(minutes.code()).isEqualTo(2);
    assertThat(minutes.err()).contains("--household-minutes");
  }
}
