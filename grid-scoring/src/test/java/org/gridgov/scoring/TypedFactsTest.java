package org.gridgov.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.StringReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridgov.core.Grid;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.GridId;
import org.gridgov.core.GridLevel;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.cases.Assessment;
import org.gridgov.core.cases.Case;
import org.gridgov.core.cases.CaseAction;
import org.gridgov.core.cases.CaseId;
import org.gridgov.core.cases.Holder;
import org.gridgov.core.cases.Rating;
import org.gridgov.core.cases.SourceChannel;
import org.gridgov.core.json.GridGovJson;
import org.gridgov.scoring.CaseFacts.WorkerRole;
import org.junit.jupiter.api.Test;

/**
 * Facts read from the typed {@link Assessment} and the department directory: a case is scored to a
 * department only when it is one, never to the grid that settled it; version-1 case documents, with
 * the facts as attributes, score exactly like version-2 ones.
 */
class TypedFactsTest {
  private static final Instant AS_OF = at("2026-03-31T00:00:00");

  private static Instant at(String localTime) {
    return OffsetDateTime.parse(localTime + "+08:00").toInstant();
  }

  private static final Holder G1 = Holder.grid(GridId.of("G1"), GridLevel.MICRO);
  private static final Holder CHENGGUAN = Holder.department("城管局", GridLevel.DISTRICT);

  /** A street office the department directory does not know. */
  private static final Holder STREET_OFFICE = Holder.office(GridId.of("S1"), GridLevel.STREET);

  /** A case dispatched to {@code holder} and closed on time. */
  private static Case handledBy(String id, String grid, Holder holder, Assessment facts) {
    String assignee = holder.id();
    return Case.report(CaseId.of(id), "01001", SourceChannel.PATROL, at("2026-03-02T09:00:00"))
        .reporter("W1")
        .grid(GridId.of(grid))
        .assessment(facts)
        .build()
        .apply(CaseAction.FILE, "F1", at("2026-03-02T09:10:00"), "")
        .dispatch("P1", at("2026-03-02T09:20:00"), holder, "")
        .apply(CaseAction.ACCEPT, assignee, at("2026-03-02T09:40:00"), "")
        .apply(CaseAction.FEED_BACK, assignee, at("2026-03-02T11:00:00"), "")
        .apply(CaseAction.VERIFY, "K1", at("2026-03-02T11:10:00"), "")
        .apply(CaseAction.CLOSE, "L1", at("2026-03-02T11:20:00"), "");
  }

  private static FactRules withDirectory(String... departments) {
    return FactRules.builder(AS_OF).departments(Set.of(departments)).build();
  }

  @Test
  void aCaseSettledByAGridHasNoDepartment() {
    Case settled = handledBy("g1", "G1", G1, Assessment.builder().worker("w:G1").build());
    for (FactRules rules : List.of(withDirectory("城管局"), FactRules.builder(AS_OF).build())) {
      CaseFacts f = rules.derive(settled);
      assertThat(f.department()).isEmpty();
      assertThat(f.contributions(UnitKind.DEPARTMENT)).isEmpty();
      // …it is scored to its grid and its worker instead
      assertThat(f.contributions(UnitKind.GRID)).containsOnlyKeys("G1");
      assertThat(f.workers()).containsEntry(WorkerRole.RESPONSIBLE, "w:G1");
    }
  }

  @Test
  void withoutADirectoryNoGridOfTheHierarchyIsADepartment() {
    GridHierarchy h =
        GridHierarchy.builder()
            .add(Grid.territorial("S1", GridLevel.STREET).build())
            .add(Grid.territorial("C1", GridLevel.COMMUNITY).parent("S1").build())
            .add(Grid.territorial("G1", GridLevel.MICRO).parent("C1").build())
            .build();
    FactRules rules = FactRules.builder(AS_OF).hierarchy(h).build();
    assertThat(
            rules
                .derive(
                    handledBy(
                        "c1",
                        "G1",
                        Holder.office(GridId.of("C1"), GridLevel.COMMUNITY),
                        Assessment.NONE))
                .department())
        .isEmpty();
    assertThat(rules.derive(handledBy("c2", "G1", CHENGGUAN, Assessment.NONE)).department())
        .hasValue("城管局");
  }

  @Test
  void theLastAssigneeIsTheDepartmentWhenTheDirectoryKnowsIt() {
    FactRules rules = withDirectory("城管局", "住建局");
    assertThat(rules.derive(handledBy("d1", "G1", CHENGGUAN, Assessment.NONE)).department())
        .hasValue("城管局");
    // an assignee the directory does not know (a street office, a person) is no department
    assertThat(rules.derive(handledBy("d2", "G1", STREET_OFFICE, Assessment.NONE)).department())
        .isEmpty();
    // the typed fact wins over the trail
    CaseFacts typed =
        rules.derive(
            handledBy("d3", "G1", CHENGGUAN, Assessment.builder().department("住建局").build()));
    assertThat(typed.department()).hasValue("住建局");
    assertThat(typed.contributions(UnitKind.DEPARTMENT)).containsOnlyKeys("住建局");
  }

  @Test
  void anUnknownDepartmentIsALocatedErrorWithASuggestion() {
    InvalidInputException e =
        catchThrowableOfType(
            InvalidInputException.class,
            () ->
                withDirectory("CG", "ZJ", "GA")
                    .derive(
                        handledBy(
                            "u1",
                            "G1",
                            Holder.department("CG", GridLevel.DISTRICT),
                            Assessment.builder().department("CGG").build())));
    assertThat(e.pointer()).hasValue("/assessment/department");
    assertThat(e.reason())
        .contains("case u1: department 'CGG' is not in the department directory")
        .contains("did you mean 'CG'");
  }

  @Test
  void theDirectoryRefusesBlankIds() {
    assertThatThrownBy(() -> FactRules.builder(AS_OF).departments(Set.of("CG", " ")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("blank");
  }

  /**
   * One whistled, rated case as a version-1 document: the facts as attribute strings, written the
   * way version-1 producers wrote them (their steps carry no typed {@code holder}).
   */
  private static final String V1 =
      withoutHolders(
          GridGovJson.toJsonLine(
              Case.report(CaseId.of("v"), "01001", SourceChannel.PATROL, at("2026-03-02T09:00:00"))
                  .reporter("W1")
                  .grid(GridId.of("G1"))
                  .attributes(
                      Map.of(
                          "department", "CG",
                          "worker", "W7",
                          "follow_up", "valid",
                          "contacted", "false",
                          "reverse_grade", "85",
                          "note", "free-form"))
                  .build()
                  .apply(CaseAction.FILE, "F1", at("2026-03-02T09:10:00"), "")
                  .dispatch("P1", at("2026-03-02T09:20:00"), G1, "")
                  .escalate(
                      "G1",
                      at("2026-03-02T09:30:00"),
                      Holder.department("CG", GridLevel.DISTRICT),
                      "whistle")
                  .dispatch(
                      "P1",
                      at("2026-03-02T09:31:00"),
                      Holder.department("CG", GridLevel.DISTRICT),
                      "")
                  .apply(CaseAction.ACCEPT, "CG", at("2026-03-02T09:40:00"), "")
                  .apply(CaseAction.FEED_BACK, "CG", at("2026-03-02T11:00:00"), "")
                  .apply(CaseAction.VERIFY, "K1", at("2026-03-02T11:10:00"), "")
                  .apply(CaseAction.CLOSE, "L1", at("2026-03-02T11:20:00"), "")
                  .evaluate("hotline", at("2026-03-03T10:00:00"), Rating.SATISFIED, "")));

  private static String withoutHolders(String line) {
    String stripped = line.replaceAll(",\"holder\":\\{[^}]*}", "");
    assertThat(stripped).isNotEqualTo(line).doesNotContain("holder");
    return stripped;
  }

  @Test
  void aVersionOneDocumentScoresLikeItsVersionTwoForm() {
    Case v1 = GridGovJson.readCase(V1);
    assertThat(V1).doesNotContain("\"version\"").contains("\"reverse_grade\":\"85\"");
    assertThat(v1.attributes()).containsOnlyKeys("note");
    assertThat(v1.assessment())
        .isEqualTo(
            Assessment.builder()
                .department("CG")
                .worker("W7")
                .followUp(Assessment.FollowUp.VALID)
                .contacted(false)
                .reverseGrade(85)
                .build());
    Case v2 = GridGovJson.readCase(GridGovJson.toJsonLine(v1));
    assertThat(GridGovJson.toJsonLine(v1)).contains("\"version\":2");
    assertThat(v2).isEqualTo(v1);
    FactRules rules = withDirectory("CG", "ZJ");
    CaseFacts f1 = rules.derive(v1);
    assertThat(rules.derive(v2)).isEqualTo(f1);
    assertThat(f1.department()).hasValue("CG");
    assertThat(f1.workers()).containsEntry(WorkerRole.RESPONSIBLE, "W7");
    assertThat(f1.reverseGrade()).hasValue(85);
    assertThat(f1.flags())
        .contains(Count.FOLLOW_UPS, Count.SATISFIED, Count.REVERSE_GRADED, Count.CLOSED)
        .doesNotContain(Count.FOLLOW_UPS_CONTACTED);
    // and the department scores match, case for case
    CaseLog a = rules.newLog().add(f1).build();
    CaseLog b = rules.newLog().add(rules.derive(v2)).build();
    assertThat(a.units(UnitKind.DEPARTMENT))
        .containsExactly("CG")
        .isEqualTo(b.units(UnitKind.DEPARTMENT));
    assertThat(a.facts().toList()).isEqualTo(b.facts().toList());
  }

  @Test
  void aBadVersionOneFactIsLocatedAtItsLineWhenTheCasesAreRead() {
    String bad = V1.replace("\"follow_up\":\"valid\"", "\"follow_up\":\"maybe\"");
    String rated =
        V1.replace("\"follow_up\":\"valid\"", "\"follow_up\":\"invalid\"").replace("v\",", "w\",");
    InvalidInputException e =
        catchThrowableOfType(
            InvalidInputException.class,
            () -> GridGovJson.readCases(new StringReader(V1 + "\n" + bad + "\n"), "cases.jsonl"));
    assertThat(e.source()).hasValue("cases.jsonl");
    assertThat(e.line()).hasValue(2);
    assertThat(e.pointer()).hasValue("/attributes/follow_up");
    // a contradiction between facts is found when the facts are derived, at the typed field
    Case c = GridGovJson.readCases(new StringReader(rated), "cases.jsonl").get(0);
    assertThat(c.rating()).contains(Rating.SATISFIED);
    InvalidInputException contradiction =
        catchThrowableOfType(InvalidInputException.class, () -> withDirectory("CG").derive(c));
    assertThat(contradiction.pointer()).hasValue("/assessment/followUp");
  }

  /**
   * A case built in code with a misspelled fact attribute is refused at the attribute, as the JSON
   * reader refuses it: before, the department silently fell back to the dispatch assignee.
   */
  @Test
  void aMisspelledFactAttributeIsALocatedErrorWithASuggestion() {
    Case c =
        handledBy("m1", "G1", CHENGGUAN, Assessment.NONE)
            .withAttributes(java.util.Map.of("departmnet", "住建局"));
    InvalidInputException e =
        catchThrowableOfType(
            InvalidInputException.class, () -> FactRules.builder(AS_OF).build().derive(c));
    assertThat(e.pointer()).hasValue("/attributes/departmnet");
    assertThat(e.reason())
        .startsWith("case m1: attribute 'departmnet' looks like the assessment fact 'department'")
        .contains("did you mean 'department'?");
    // a free-form attribute is still free
    assertThat(
            FactRules.builder(AS_OF)
                .build()
                .derive(c.withAttributes(java.util.Map.of("colour", "red")))
                .department())
        .hasValue("城管局");
  }
}
