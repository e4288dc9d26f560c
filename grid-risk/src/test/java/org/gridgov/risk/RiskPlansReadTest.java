package org.gridgov.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.gridgov.core.Finding;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.risk.ElementType;
import org.gridgov.core.risk.RiskColour;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RiskPlansReadTest {
  /** The example of docs/risk.md, "Control plans". */
  static final String DOC_EXAMPLE =
      """
      {"format":"gridgov.risk-plans/1",
       "name":"key persons",
       "posts":["grid_worker","police"],
       "checks":["home_visit","phone_call"],
       "plans":[
        {"type":"person","colour":"red","every":{"amount":7,"unit":"days"},"post":"grid_worker",
         "checks":["home_visit"],"feedbackWithin":{"amount":1,"unit":"working_days"},
         "onOverdue":[{"action":"urge","afterDays":0},{"action":"escalate","afterDays":3},{"action":"deduct","afterDays":7,"points":1}],
         "from":"2026-01-01","to":"2026-12-31"}]}
      """;

  @Test
  void readsTheDocumentedExample() {
    PlanSet set = RiskPlans.readString(DOC_EXAMPLE, "plans.json");
    assertThat(set.name()).isEqualTo("key persons");
    assertThat(set.posts()).containsExactly("grid_worker", "police");
    assertThat(set.checks()).containsExactly("home_visit", "phone_call");
    assertThat(set.document()).contains("plans.json");
    assertThat(set.source()).isEmpty();
    assertThat(set.illustrative()).isFalse();
    assertThat(set.plans())
        .containsExactly(
            new ControlPlan(
                ElementType.PEOPLE,
                RiskColour.RED,
                Interval.days(7),
                "grid_worker",
                List.of("home_visit"),
                Optional.of(Interval.workingDays(1)),
                List.of(
                    new OverdueAction(OverdueAction.Kind.URGE, 0, 0),
                    new OverdueAction(OverdueAction.Kind.ESCALATE, 3, 0),
                    new OverdueAction(OverdueAction.Kind.DEDUCT, 7, 1)),
                LocalDate.of(2026, 1, 1),
                Optional.of(LocalDate.of(2026, 12, 31))));
    // one type, one colour: yellow and blue are missing
    assertThat(set.verify()).extracting(PlanFinding::code).containsOnly(PlanFinding.Code.GAP);
  }

  @Test
  void aMinimalDocumentUsesTheBuiltInVocabulariesAndTheFileName(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("town-plans.json");
    Files.writeString(
        file,
        """
        {"format":"gridgov.risk-plans/1","plans":[
         {"type":"place","colour":"red","every":{"amount":5,"unit":"working_days"},"post":"liaison","from":"2026-01-01"}]}
        """);
    PlanSet set = RiskPlans.read(file);
    assertThat(set.name()).isEqualTo("town-plans");
    assertThat(set.posts()).containsExactlyInAnyOrderElementsOf(RiskPlans.BUILT_IN_POSTS);
    assertThat(set.checks()).containsExactlyInAnyOrderElementsOf(RiskPlans.BUILT_IN_CHECKS);
    ControlPlan p = set.plans().get(0);
    assertThat(p.checks()).isEmpty();
    assertThat(p.onOverdue()).isEmpty();
    assertThat(p.feedbackWithin()).isEmpty();
    assertThat(p.to()).isEmpty();
    assertThat(p.every()).isEqualTo(Interval.workingDays(5));
  }

  @Test
  void pathStreamAndStringReadTheSameSet(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("p.json");
    Files.writeString(file, DOC_EXAMPLE);
    PlanSet a = RiskPlans.read(file);
    PlanSet b =
        RiskPlans.read(
            new ByteArrayInputStream(DOC_EXAMPLE.getBytes(StandardCharsets.UTF_8)), "p.json");
    PlanSet c = RiskPlans.readString(DOC_EXAMPLE, "p.json");
    assertThat(a).isEqualTo(b).isEqualTo(c);
    assertThat(a.document()).contains(file.toString());
  }

  private static List<String> errors(String json) {
    try {
      RiskPlans.readString(json, "bad.json");
    } catch (InvalidInputException e) {
      return e.problems().errors().stream().map(Finding::render).toList();
    }
    throw new AssertionError("read without error");
  }

  private static String plan(String members) {
    return "{\"format\":\"gridgov.risk-plans/1\",\"plans\":[{" + members + "}]}";
  }

  private static final String OK =
      "\"type\":\"person\",\"colour\":\"red\",\"every\":{\"amount\":7,\"unit\":\"days\"},"
          + "\"post\":\"grid_worker\",\"from\":\"2026-01-01\"";

  @Test
  void unknownNamesGetADidYouMeanAtTheirPointer() {
    assertThat(errors(plan(OK.replace("\"colour\"", "\"color\"")))) // member
        .anySatisfy(
            e -> assertThat(e).contains("/plans/0/color").contains("did you mean 'colour'"));
    assertThat(errors(plan(OK.replace("person", "persn"))))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e)
                    .contains("bad.json:1:")
                    .contains("/plans/0/type")
                    .contains("unknown element type 'persn'; did you mean 'person'?"));
    assertThat(errors(plan(OK.replace("red", "oragne"))))
        .singleElement()
        .satisfies(
            e -> assertThat(e).contains("/plans/0/colour").contains("did you mean 'orange'?"));
    assertThat(errors(plan(OK.replace("\"days\"", "\"day\""))))
        .singleElement()
        .satisfies(
            e -> assertThat(e).contains("/plans/0/every/unit").contains("did you mean 'days'?"));
    assertThat(errors(plan(OK + ",\"onOverdue\":[{\"action\":\"escalte\"}]")))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e)
                    .contains("/plans/0/onOverdue/0/action")
                    .contains("did you mean 'escalate'?"));
    assertThat(errors("{\"format\":\"gridgov.risk-plans/1\",\"plan\":[]}"))
        .anySatisfy(e -> assertThat(e).contains("/plan").contains("did you mean 'plans'?"));
  }

  @Test
  void everyProblemOfADocumentIsReportedAtOnce() {
    String json =
        """
        {"format":"gridgov.risk-plans/2",
         "plans":[
          {"type":"persn","colour":"red","every":{"amount":0,"unit":"days"},"post":"grid_worker","from":"2026-01-01"},
          {"type":"place","colour":"red","every":{"amount":7,"unit":"days"},"post":"grid_worker","from":"2026-02-30"},
          {"type":"place","colour":"blue","every":{"amount":7,"unit":"days"},"post":"grid_worker","from":"2026-03-01","to":"2026-02-01"}]}
        """;
    List<String> e = errors(json);
    assertThat(e).hasSize(5);
    assertThat(e.get(0))
        .contains("bad.json:1:")
        .contains("/format")
        .contains("gridgov.risk-plans/1");
    assertThat(e).anySatisfy(x -> assertThat(x).contains("bad.json:3:").contains("/plans/0/type"));
    assertThat(e)
        .anySatisfy(x -> assertThat(x).contains("/plans/0/every/amount").contains("at least 1"));
    assertThat(e).anySatisfy(x -> assertThat(x).contains("bad.json:4:").contains("/plans/1/from"));
    assertThat(e)
        .anySatisfy(
            x ->
                assertThat(x)
                    .contains("/plans/2/to")
                    .contains("ends 2026-02-01 before it starts 2026-03-01"));
  }

  @Test
  void overdueActionsAreChecked() {
    assertThat(errors(plan(OK + ",\"onOverdue\":[{\"action\":\"deduct\",\"afterDays\":3}]")))
        .singleElement()
        .satisfies(x -> assertThat(x).contains("/plans/0/onOverdue/0").contains("'points'"));
    assertThat(errors(plan(OK + ",\"onOverdue\":[{\"action\":\"urge\",\"points\":2}]")))
        .singleElement()
        .satisfies(
            x ->
                assertThat(x).contains("/plans/0/onOverdue/0/points").contains("only a deduction"));
    assertThat(
            errors(
                plan(
                    OK
                        + ",\"onOverdue\":[{\"action\":\"escalate\",\"afterDays\":5},"
                        + "{\"action\":\"urge\",\"afterDays\":1}]")))
        .singleElement()
        .satisfies(
            x ->
                assertThat(x)
                    .contains("/plans/0/onOverdue/1/afterDays")
                    .contains("in the order they fire"));
    assertThat(errors(plan(OK + ",\"onOverdue\":[{\"action\":\"urge\",\"afterDays\":-1}]")))
        .singleElement()
        .satisfies(x -> assertThat(x).contains("/plans/0/onOverdue/0/afterDays"));
  }

  @Test
  void vocabulariesAndSetMembersAreChecked() {
    assertThat(
            errors(
                "{\"format\":\"gridgov.risk-plans/1\",\"posts\":[\"police\",\"police\",\" \"],"
                    + "\"plans\":[{"
                    + OK
                    + "}]}"))
        .hasSize(2)
        .anySatisfy(x -> assertThat(x).contains("/posts/1").contains("appears twice"))
        .anySatisfy(x -> assertThat(x).contains("/posts/2").contains("blank"));
    assertThat(errors("{\"format\":\"gridgov.risk-plans/1\",\"plans\":[]}"))
        .singleElement()
        .satisfies(x -> assertThat(x).contains("/plans").contains("at least one plan"));
    assertThat(
            errors(
                "{\"format\":\"gridgov.risk-plans/1\",\"illustrative\":true,\"plans\":[{"
                    + OK
                    + "}]}"))
        .singleElement()
        .satisfies(x -> assertThat(x).contains("/illustrative").contains("add 'source'"));
    assertThat(errors(plan(OK + ",\"checks\":[\"talk\",\"talk\"]")))
        .singleElement()
        .satisfies(x -> assertThat(x).contains("/plans/0/checks/1").contains("twice"));
    assertThat(errors(plan(OK.replace("\"grid_worker\"", "7"))))
        .singleElement()
        .satisfies(x -> assertThat(x).contains("/plans/0/post").contains("expected a string"));
  }

  @Test
  void malformedJsonIsLocated() {
    assertThatThrownBy(() -> RiskPlans.readString("{\"format\":", "bad.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("bad.json:1:");
  }

  @Test
  void readVerifiedTurnsFindingsIntoLocatedErrors(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("p.json");
    Files.writeString(file, DOC_EXAMPLE.replace("\"post\":\"grid_worker\"", "\"post\":\"polise\""));
    assertThatThrownBy(() -> RiskPlans.readVerified(file))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e -> {
              List<String> lines =
                  ((InvalidInputException) e)
                      .problems().errors().stream().map(Finding::render).toList();
              assertThat(lines).hasSize(3);
              assertThat(lines)
                  .anySatisfy(
                      l ->
                          assertThat(l)
                              .contains(file + ":6:")
                              .contains("/plans/0/post")
                              .contains("UNKNOWN_POST: ")
                              .contains("did you mean 'police'?"));
              assertThat(lines)
                  .filteredOn(l -> l.contains("GAP: "))
                  .hasSize(2)
                  .allSatisfy(l -> assertThat(l).contains("/plans:"));
            });
    Files.writeString(file, RiskPlans.write(RiskPlans.preset("key-persons")));
    assertThat(RiskPlans.readVerified(file)).isEqualTo(RiskPlans.preset("key-persons"));
  }
}
