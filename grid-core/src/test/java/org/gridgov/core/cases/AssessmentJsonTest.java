package org.gridgov.core.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

class AssessmentJsonTest {
  private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

  private static Case escalated() {
    return Case.report(CaseId.of("k1"), "01001", SourceChannel.PATROL, T0)
        .build()
        .apply(CaseAction.FILE, "f", T0.plusSeconds(60), "")
        .escalate(
            "f", T0.plusSeconds(120), Holder.office(GridId.of("street-1"), GridLevel.STREET), "");
  }

  Gen<Assessment> assessments() {
    Gen<Optional<String>> ids = Gens.optionals(Gens.strings(1, 6));
    Gen<Optional<Boolean>> flags = Gens.optionals(Gens.booleans());
    return Gens.combine(
        Gens.lists(ids, 4, 4),
        Gens.lists(flags, 2, 2),
        Gens.combine(
            Gens.optionals(Gens.enums(Assessment.FollowUp.class)),
            Gens.optionals(Gens.integers(0, 100)),
            (f, g) -> new Object[] {f, g}),
        (i, fl, rest) -> {
          @SuppressWarnings("unchecked")
          Optional<Assessment.FollowUp> f = (Optional<Assessment.FollowUp>) rest[0];
          @SuppressWarnings("unchecked")
          Optional<Integer> g = (Optional<Integer>) rest[1];
          return new Assessment(
              i.get(0),
              i.get(1),
              i.get(2),
              i.get(3),
              f,
              fl.get(0),
              fl.get(1),
              g.isPresent() ? java.util.OptionalInt.of(g.get()) : java.util.OptionalInt.empty());
        });
  }

  @Property(tries = 300)
  void versionTwoRoundTrips(@ForAll("assessments") Assessment a) {
    Case c = escalated().withAssessment(a);
    String line = GridGovJson.toJsonLine(c);
    assertThat(line).startsWith("{\"version\":2,");
    assertThat(GridGovJson.readCase(line)).isEqualTo(c);
  }

  @Property(tries = 300)
  void versionOneAttributesReadToTheSameTypedFacts(@ForAll("assessments") Assessment a) {
    Map<String, String> attrs = new java.util.TreeMap<>();
    a.worker().ifPresent(v -> attrs.put("worker", v));
    a.department().ifPresent(v -> attrs.put("department", v));
    a.community().ifPresent(v -> attrs.put("community", v));
    a.street().ifPresent(v -> attrs.put("street", v));
    a.followUp()
        .ifPresent(
            v -> attrs.put("follow_up", v == Assessment.FollowUp.VALID ? "valid" : "invalid"));
    a.contacted().ifPresent(v -> attrs.put("contacted", v.toString()));
    a.resolved().ifPresent(v -> attrs.put("resolved", v.toString()));
    a.reverseGrade().ifPresent(v -> attrs.put("reverse_grade", " " + v + " "));
    attrs.put("colour", "red");
    Case legacy = escalated().withAttributes(attrs);
    String v1 = GridGovJson.toJsonLine(legacy);
    assertThat(v1).doesNotContain("\"version\"");
    Case read = GridGovJson.readCase(v1);
    assertThat(read.assessment()).isEqualTo(a);
    assertThat(read.attributes()).isEqualTo(Map.of("colour", "red"));
  }

  @Test
  void versionTwoRefusesFactsInAttributesAndSuggestsNearMisses() {
    String base =
        "{\"version\":2,\"id\":\"k\",\"item\":\"1\",\"channel\":\"patrol\","
            + "\"reportedAt\":\"2026-01-01T00:00:00Z\",";
    assertThatThrownBy(() -> GridGovJson.readCase(base + "\"attributes\":{\"department\":\"x\"}}"))
        .hasMessage(
            "/attributes/department: 'department' is an assessment fact; in version 2 it goes in"
                + " /assessment/department");
    assertThatThrownBy(() -> GridGovJson.readCase(base + "\"attributes\":{\"departmnet\":\"x\"}}"))
        .hasMessageStartingWith(
            "/attributes/departmnet: attribute 'departmnet' looks like the"
                + " assessment fact 'department' (did you mean /assessment/department?)");
    assertThatThrownBy(() -> GridGovJson.readCase(base + "\"assessment\":{\"departmnet\":\"x\"}}"))
        .hasMessage(
            "/assessment/departmnet: unknown field 'departmnet'; did you mean 'department'?");
    assertThatThrownBy(
            () -> GridGovJson.readCase(base + "\"assessment\":{\"followUp\":\"maybe\"}}"))
        .hasMessageStartingWith("/assessment/followUp: unknown value 'maybe'");
    assertThatThrownBy(() -> GridGovJson.readCase(base + "\"assessment\":{\"reverseGrade\":90}}"))
        .hasMessage(
            "/assessment/reverseGrade: case k: a reverse grade needs a whistle (an ESCALATE step)"
                + " in the trail");
    assertThatThrownBy(() -> GridGovJson.readCase(base.replace("2,", "3,") + "\"urgent\":true}"))
        .hasMessage("/version: unsupported case format version 3; this reader knows 1 and 2");
    assertThatThrownBy(
            () ->
                GridGovJson.readCase(
                    base.replace("\"version\":2,", "") + "\"assessment\":{\"worker\":\"w\"}}"))
        .hasMessage("/assessment: the 'assessment' member needs \"version\": 2");
  }

  @Test
  void versionOneFactsAreCheckedWhenReadWithFileAndLine() {
    String v1 =
        "{\"id\":\"k\",\"item\":\"1\",\"channel\":\"patrol\",\"reportedAt\":\"2026-01-01T00:00:00Z\","
            + "\"attributes\":{\"%s\":\"%s\"}}";
    String ok = String.format(v1, "worker", "w-1");
    String bad = String.format(v1, "contacted", "yes");
    List<Integer> lines = new ArrayList<>();
    assertThatThrownBy(
            () ->
                GridGovJson.readCases(
                    new StringReader(ok + "\n\n" + bad + "\n"), "c.jsonl", (n, c) -> lines.add(n)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "c.jsonl:3: /attributes/contacted: case k: contacted must be 'true' or 'false', not"
                + " 'yes'");
    assertThat(lines).containsExactly(1);
    assertThatThrownBy(() -> GridGovJson.readCase(String.format(v1, "reverse_grade", "abc")))
        .hasMessage(
            "/attributes/reverse_grade: case k: reverse_grade 'abc' is not a whole number 0–100");
    assertThatThrownBy(() -> GridGovJson.readCase(String.format(v1, "follow_up", "ok")))
        .hasMessage(
            "/attributes/follow_up: case k: follow_up must be 'valid' or 'invalid', not 'ok'");
    assertThat(GridGovJson.readCase(String.format(v1, "follow_up", " ")).assessment())
        .isEqualTo(Assessment.NONE);
  }

  @Test
  void builderAndCopyCarryTheFacts() {
    Assessment a =
        Assessment.builder().department("城管局").followUp(Assessment.FollowUp.VALID).build();
    Case c =
        Case.report(CaseId.of("k2"), "01001", SourceChannel.HOTLINE_12345, T0)
            .assessment(a)
            .build();
    assertThat(c.assessment()).isEqualTo(a);
    assertThat(c.apply(CaseAction.FILE, "f", T0, "").assessment()).isEqualTo(a);
    assertThat(c.withAssessment(Assessment.NONE).assessment().isEmpty()).isTrue();
    assertThat(a.toBuilder().reverseGrade(70).build().reverseGrade()).hasValue(70);
    assertThatThrownBy(() -> Assessment.builder().reverseGrade(101).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Assessment.builder().worker(" ").build())
        .isInstanceOf(IllegalArgumentException.class);
    Case both = c.withAttributes(Map.of("worker", "w"));
    assertThatThrownBy(() -> GridGovJson.toJsonLine(both))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("both typed and as attributes [worker]");
  }

  /**
   * Version 1 refuses a near miss of a fact name too, with the line and pointer: before, {@code
   * departmnet} stayed a free-form attribute and the case had no department.
   */
  @Test
  void versionOneRefusesNearMissesOfFactNamesWithFileAndLine() {
    String v1 =
        "{\"id\":\"k\",\"item\":\"1\",\"channel\":\"patrol\",\"reportedAt\":\"2026-01-01T00:00:00Z\","
            + "\"attributes\":{\"%s\":\"%s\"}}";
    String ok = String.format(v1, "department", "城管局");
    String bad = String.format(v1, "departmnet", "城管局");
    assertThatThrownBy(
            () ->
                GridGovJson.readCases(
                    new StringReader(ok + "\n" + bad + "\n"), "c.jsonl", (n, c) -> {}))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "c.jsonl:2: /attributes/departmnet: attribute 'departmnet' looks like the assessment"
                + " fact 'department' (did you mean 'department'?); rename it if it is free-form");
    assertThatThrownBy(() -> GridGovJson.readCase(String.format(v1, "Worker", "w")))
        .hasMessageStartingWith("/attributes/Worker: attribute 'Worker' looks like")
        .hasMessageContaining("did you mean 'worker'?");
    // Free-form attributes that are not near a fact name stay free-form.
    assertThat(GridGovJson.readCase(String.format(v1, "colour", "red")).attributes())
        .isEqualTo(Map.of("colour", "red"));
  }
}
