package org.gridgov.core.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.gridgov.core.GridId;
import org.gridgov.core.GridLevel;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.json.GridGovJson;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Gens;
import org.gridgov.testkit.Property;
import org.junit.jupiter.api.Test;

class HolderTest {
  private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
  private static final Holder GRID =
      Holder.grid(GridId.of("34188100100201"), GridLevel.of("micro"));
  private static final Holder OFFICE =
      Holder.office(GridId.of("341881001002"), GridLevel.COMMUNITY);
  private static final Holder URBAN = Holder.department("CG", GridLevel.DISTRICT);

  private static Case filed() {
    return Case.report(CaseId.of("k1"), "01001", SourceChannel.PATROL, T0)
        .build()
        .apply(CaseAction.FILE, "intake", T0.plusSeconds(60), "");
  }

  @Test
  void factoriesTypeTheUnit() {
    assertThat(GRID.kind()).isEqualTo(Holder.Kind.GRID);
    assertThat(GRID.gridId()).contains(GridId.of("34188100100201"));
    assertThat(OFFICE.isDepartment()).isFalse();
    assertThat(URBAN.isDepartment()).isTrue();
    assertThat(URBAN.gridId()).isEmpty();
    assertThat(Holder.joint("JT", GridLevel.CITY).kind()).isEqualTo(Holder.Kind.JOINT);
    assertThat(OFFICE).hasToString("office 341881001002 (community)");
  }

  @Test
  void badHoldersAreRefused() {
    assertThatThrownBy(() -> Holder.department(" ", GridLevel.CITY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("department holder needs an id");
    assertThatThrownBy(() -> new Holder(Holder.Kind.OFFICE, "城管局", GridLevel.STREET))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("grid id");
  }

  @Test
  void dispatchAndEscalateRecordTheTypedHolder() {
    Case c = filed().dispatch("dispatcher", T0.plusSeconds(120), OFFICE, "rule 3");
    assertThat(c.assignee()).contains("341881001002");
    assertThat(c.holder()).contains(OFFICE);
    c = c.apply(CaseAction.ACCEPT, OFFICE.id(), T0.plusSeconds(180), "");
    assertThat(c.holder()).contains(OFFICE);
    c = c.escalate(OFFICE.id(), T0.plusSeconds(240), URBAN, "whistle");
    assertThat(c.assignee()).contains("CG");
    assertThat(c.holder()).contains(URBAN);
    assertThat(c.trail().get(c.trail().size() - 1).holder()).contains(URBAN);
  }

  @Test
  void aLaterStepReadWithoutHolderLeavesNoTypedHolder() {
    // a file written before steps recorded their holder: the last assigning step names only an id
    Case c = filed().dispatch("dispatcher", T0.plusSeconds(120), OFFICE, "");
    c = c.apply(CaseAction.ACCEPT, OFFICE.id(), T0.plusSeconds(180), "");
    c = c.escalate(OFFICE.id(), T0.plusSeconds(240), URBAN, "by id only");
    String line = GridGovJson.toJsonLine(c);
    String urban = ",\"holder\":{\"kind\":\"department\",\"level\":\"district\"}";
    assertThat(line).containsOnlyOnce(urban);
    Case read = GridGovJson.readCase(line.replace(urban, ""));
    assertThat(read.assignee()).contains("CG");
    assertThat(read.trail().get(1).holder()).contains(OFFICE);
    assertThat(read.holder()).isEmpty();
  }

  @Test
  void aTransitionsHolderMustBeItsAssignee() {
    assertThatThrownBy(
            () ->
                new Transition(
                    CaseAction.DISPATCH,
                    CaseState.FILED,
                    CaseState.DISPATCHED,
                    "d",
                    T0,
                    "",
                    Optional.of("other"),
                    Optional.of(URBAN)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must name the holder's id as assignee, not other");
  }

  @Test
  void theHolderIsWrittenBesideTheUnchangedAssignee() {
    Case c = filed().dispatch("dispatcher", T0.plusSeconds(120), OFFICE, "");
    String line = GridGovJson.toJsonLine(c);
    assertThat(line)
        .contains(
            "\"assignee\":\"341881001002\",\"holder\":{\"kind\":\"office\",\"level\":\"community\"}");
    assertThat(GridGovJson.readCase(line)).isEqualTo(c);
  }

  @Test
  void aStepWithoutHolderStillReads() {
    String old =
        "{\"version\":2,\"id\":\"k1\",\"item\":\"01001\",\"channel\":\"patrol\","
            + "\"reportedAt\":\"2026-03-02T08:00:00Z\",\"state\":\"dispatched\",\"assignee\":\"CG\","
            + "\"trail\":[{\"action\":\"file\",\"from\":\"reported\",\"to\":\"filed\","
            + "\"actor\":\"i\",\"at\":\"2026-03-02T08:01:00Z\"},"
            + "{\"action\":\"dispatch\",\"from\":\"filed\",\"to\":\"dispatched\",\"actor\":\"d\","
            + "\"at\":\"2026-03-02T08:02:00Z\",\"assignee\":\"CG\"}]}";
    Case c = GridGovJson.readCase(old);
    assertThat(c.assignee()).contains("CG");
    assertThat(c.holder()).isEmpty();
    assertThat(GridGovJson.toJsonLine(c)).doesNotContain("holder");
  }

  @Test
  void aHolderWithoutAssigneeOrWithAnUnknownKindIsALocatedError() {
    String head =
        "{\"version\":2,\"id\":\"k1\",\"item\":\"01001\",\"channel\":\"patrol\","
            + "\"reportedAt\":\"2026-03-02T08:00:00Z\",\"state\":\"dispatched\","
            + "\"trail\":[{\"action\":\"file\",\"from\":\"reported\",\"to\":\"filed\","
            + "\"actor\":\"i\",\"at\":\"2026-03-02T08:01:00Z\"},"
            + "{\"action\":\"dispatch\",\"from\":\"filed\",\"to\":\"dispatched\",\"actor\":\"d\","
            + "\"at\":\"2026-03-02T08:02:00Z\",";
    assertThatThrownBy(
            () ->
                GridGovJson.readCase(
                    head + "\"holder\":{\"kind\":\"department\",\"level\":\"city\"}}]}"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("/trail/1/holder")
        .hasMessageContaining("needs the holder's id as 'assignee'");
    assertThatThrownBy(
            () ->
                GridGovJson.readCase(
                    head
                        + "\"assignee\":\"CG\",\"holder\":{\"kind\":\"departmnet\","
                        + "\"level\":\"city\"}}]}"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("/trail/1/holder/kind")
        .hasMessageContaining("did you mean 'department'");
  }

  Gen<Holder> holders() {
    Gen<GridLevel> levels = Gens.elements(GridLevel.CITY, GridLevel.STREET, GridLevel.MICRO);
    Gen<String> ids = Gens.elements("34188100100201", "341881001", "CG", "JT", "x-1");
    return Gens.combine(Gens.enums(Holder.Kind.class), ids, levels, Holder::new);
  }

  @Property(tries = 200)
  void typedHoldersRoundTrip(@ForAll("holders") Holder h) {
    Case c =
        filed()
            .dispatch("d", T0.plusSeconds(120), h, "")
            .apply(CaseAction.ACCEPT, h.id(), T0.plusSeconds(180), "");
    Case back = GridGovJson.readCase(GridGovJson.toJsonLine(c));
    assertThat(back).isEqualTo(c);
    assertThat(back.holder()).contains(h);
  }
}
