package org.gridgov.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.gridgov.core.Severity;
import org.gridgov.scoring.ScoringScheme.Band;
import org.gridgov.scoring.ScoringScheme.Component;
import org.gridgov.scoring.ScoringScheme.NotApplicablePolicy;
import org.gridgov.scoring.ScoringScheme.RatingWeights;
import org.gridgov.scoring.ScoringScheme.Transform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading, writing and validating schemes. */
class ScoringSchemesTest {
  private static final String GOOD =
      """
      {
        "id": "demo",
        "name": "Demo",
        "citation": {"title": "T", "source": "S"},
        "components": [
          {"indicator": "response_rate", "weight": 60},
          {"indicator": "filed_count", "weight": 40, "transform": {"type": "bands", "bands": [
            {"min": 0, "max": 50, "points": 100},
            {"min": 51, "points": 0}
          ]}}
        ]
      }
      """;

  private static InvalidSchemeException invalid(String json) {
    return catchThrowableOfType(
        InvalidSchemeException.class, () -> SchemeFixtures.parse(json, "demo.json"));
  }

  private static String withComponents(String components) {
    return GOOD.substring(0, GOOD.indexOf("\"components\""))
        + "\"components\": "
        + components
        + "}";
  }

  @Test
  void readsAScheme() {
    ScoringScheme s = SchemeFixtures.parse(GOOD, "demo.json");
    assertThat(s.id()).isEqualTo("demo");
    assertThat(s.components()).hasSize(2);
    assertThat(s.maxScore()).isEqualTo(100);
    assertThat(s.grades()).isEqualTo(ScoringScheme.standardGrades());
    assertThat(s.notApplicable()).isEqualTo(NotApplicablePolicy.EXCLUDE);
    assertThat(s.ratingWeights()).isEqualTo(RatingWeights.DEFAULT);
  }

  @Test
  void everyShippedSchemeRoundTripsThroughJson() {
    for (ScoringScheme s : ScoringSchemes.builtIns()) {
      assertThat(SchemeFixtures.parse(SchemeFixtures.toJson(s), "")).as(s.id()).isEqualTo(s);
    }
  }

  @Test
  void readsFromAFileAndNamesItInErrors(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bad.json");
    Files.writeString(file, withComponents("[{\"indicator\": \"response_rate\", \"weight\": 90}]"));
    assertThatThrownBy(() -> ScoringSchemes.read(file))
        .isInstanceOf(InvalidSchemeException.class)
        .hasMessageStartingWith(file + ": /components: weights sum to 90");
  }

  @Test
  void weightsMustSumToOneHundredUnlessAdditive() {
    String json =
        withComponents(
            "[{\"indicator\": \"response_rate\", \"weight\": 20},"
                + " {\"indicator\": \"closing_rate\", \"weight\": 30},"
                + " {\"indicator\": \"satisfaction\", \"weight\": 40}]");
    InvalidSchemeException e = invalid(json);
    assertThat(e.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo("WEIGHT_SUM");
              assertThat(f.pointer()).isEqualTo("/components");
              assertThat(f.reason()).contains("weights sum to 90 (20 + 30 + 40), not 100");
            });
    assertThat(e.pointer()).hasValue("/components");
    // The same weights are fine when the scheme says its points add up freely; range 0..90.
    ScoringScheme additive =
        SchemeFixtures.parse(
            json.replace("\"components\"", "\"additive\": true, \"components\""), "");
    assertThat(additive.maxScore()).isEqualTo(90);
    // 33.3 + 33.3 + 33.4 is 100 despite binary fractions.
    assertThat(
            SchemeFixtures.parse(
                withComponents(
                    "[{\"indicator\": \"response_rate\", \"weight\": 33.3},"
                        + " {\"indicator\": \"closing_rate\", \"weight\": 33.3},"
                        + " {\"indicator\": \"satisfaction\", \"weight\": 33.4}]"),
                ""))
        .isNotNull();
  }

  @Test
  void negativeWeightsAreRefused() {
    InvalidSchemeException e =
        invalid(
            withComponents(
                "[{\"indicator\": \"response_rate\", \"weight\": 110},"
                    + " {\"indicator\": \"closing_rate\", \"weight\": -10}]"));
    assertThat(e.findings()).extracting(SchemeFinding::code).containsExactly("NEGATIVE_WEIGHT");
    assertThat(e.findings().get(0).pointer()).isEqualTo("/components/1/weight");
  }

  @Test
  void unknownIndicatorsAndFieldsAreNamedWithTheirPointer() {
    InvalidSchemeException e =
        invalid(
            withComponents(
                "[{\"indicator\": \"respons_rate\", \"weight\": 50},"
                    + " {\"indicator\": \"closing_rate\", \"weight\": 50, \"wieght\": 1}]"));
    assertThat(e.findings())
        .extracting(SchemeFinding::code, SchemeFinding::pointer)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("UNKNOWN_INDICATOR", "/components/0/indicator"),
            org.assertj.core.groups.Tuple.tuple("UNKNOWN_FIELD", "/components/1/wieght"));
    assertThat(e.findings().get(0).reason()).contains("did you mean 'response_rate'?");
    assertThat(e.getMessage())
        .startsWith("demo.json: /components/0/indicator: unknown indicator 'respons_rate'")
        .endsWith("(and 1 more error)");
  }

  @Test
  void bandsMustBeOrderedContiguousAndNonOverlapping() {
    String overlap =
        "[{\"indicator\": \"filed_count\", \"weight\": 100, \"transform\": {\"type\": \"bands\","
            + " \"bands\": [{\"min\": 0, \"max\": 50, \"points\": 100},"
            + " {\"min\": 40, \"points\": 0}]}}]";
    assertThat(invalid(withComponents(overlap)).findings())
        .extracting(SchemeFinding::code, SchemeFinding::pointer)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("BAND_OVERLAP", "/components/0/transform/bands/1"));
    String unordered =
        "[{\"indicator\": \"filed_count\", \"weight\": 100, \"transform\": {\"type\": \"bands\","
            + " \"bands\": [{\"min\": 0, \"max\": 50, \"points\": 100},"
            + " {\"min\": 101, \"points\": 0}, {\"min\": 51, \"max\": 100, \"points\": 50}]}}]";
    assertThat(invalid(withComponents(unordered)).findings())
        .extracting(SchemeFinding::code)
        .containsExactly("BAND_ORDER");
    String gap =
        "[{\"indicator\": \"filed_count\", \"weight\": 100, \"transform\": {\"type\": \"bands\","
            + " \"bands\": [{\"min\": 0, \"max\": 50, \"points\": 100}, {\"min\": 60, \"points\": 0}]}}]";
    assertThat(invalid(withComponents(gap)).findings().get(0).reason())
        .contains("counts 51–59 fall between");
    String notFromZero =
        "[{\"indicator\": \"filed_count\", \"weight\": 100, \"transform\": {\"type\": \"bands\","
            + " \"bands\": [{\"min\": 1, \"points\": 100}]}}]";
    assertThat(invalid(withComponents(notFromZero)).findings())
        .extracting(SchemeFinding::code)
        .containsExactly("BAND_COVERAGE");
    String closedTop =
        "[{\"indicator\": \"filed_count\", \"weight\": 100, \"transform\": {\"type\": \"bands\","
            + " \"bands\": [{\"min\": 0, \"max\": 10, \"points\": 100}]}}]";
    assertThat(invalid(withComponents(closedTop)).findings())
        .extracting(SchemeFinding::code, SchemeFinding::pointer)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "BAND_COVERAGE", "/components/0/transform/bands/0/max"));
    // Descending order, as the sources list them, is accepted.
    ScoringScheme desc =
        SchemeFixtures.parse(
            withComponents(
                "[{\"indicator\": \"taken_on\", \"weight\": 100, \"transform\": {\"type\": \"bands\","
                    + " \"bands\": [{\"min\": 2001, \"points\": 100}, {\"min\": 1201, \"max\": 2000,"
                    + " \"points\": 90}, {\"min\": 0, \"max\": 1200, \"points\": 0}]}}]"),
            "");
    Transform.Bands b = (Transform.Bands) desc.components().get(0).transform();
    assertThat(b.points(2001)).isEqualTo(100);
    assertThat(b.points(2000)).isEqualTo(90);
    assertThat(b.points(1201)).isEqualTo(90);
    assertThat(b.points(0)).isEqualTo(0);
  }

  @Test
  void transformsMustFitTheIndicatorType() {
    String bandsOnRate =
        "[{\"indicator\": \"response_rate\", \"weight\": 100, \"transform\": {\"type\": \"bands\","
            + " \"bands\": [{\"min\": 0, \"points\": 100}]}}]";
    assertThat(invalid(withComponents(bandsOnRate)).findings())
        .extracting(SchemeFinding::code)
        .containsExactly("TRANSFORM_MISMATCH");
    String rateOnCount = "[{\"indicator\": \"taken_on\", \"weight\": 100}]";
    assertThat(invalid(withComponents(rateOnCount)).findings().get(0).reason())
        .contains("taken_on is a count and needs bands");
  }

  @Test
  void gradesMustDescendAndEndWithElse() {
    String json =
        GOOD.replace(
            "\"components\"",
            "\"grades\": [{\"grade\": \"A\", \"min\": 75}, {\"grade\": \"B\", \"min\": 90},"
                + " {\"grade\": \"C\", \"min\": 10}], \"components\"");
    assertThat(invalid(json).findings())
        .extracting(SchemeFinding::code, SchemeFinding::pointer)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("GRADES", "/grades/1/min"),
            org.assertj.core.groups.Tuple.tuple("GRADES", "/grades/2"));
  }

  @Test
  void deductionsCountEventsAndCannotBeNegative() {
    String json =
        GOOD.replace(
            "\"components\"",
            "\"deductions\": [{\"indicator\": \"closing_rate\", \"pointsEach\": 1},"
                + " {\"indicator\": \"overdue_count\", \"pointsEach\": -1}], \"components\"");
    assertThat(invalid(json).findings())
        .extracting(SchemeFinding::pointer)
        .containsExactly("/deductions/0/indicator", "/deductions/1/pointsEach");
  }

  @Test
  void effectiveRangeMustNotEndBeforeItStarts() {
    String json =
        GOOD.replace(
            "\"components\"",
            "\"effective\": {\"from\": \"2026-01-01\", \"to\": \"2025-12-31\"}, \"components\"");
    assertThat(invalid(json).findings())
        .extracting(SchemeFinding::code)
        .containsExactly("EFFECTIVE_RANGE");
  }

  @Test
  void syntaxErrorsCarryLineAndColumn() {
    InvalidSchemeException e = invalid("{\n  \"id\": \"x\",\n  oops\n}");
    assertThat(e.findings()).extracting(SchemeFinding::code).containsExactly("SYNTAX");
    assertThat(e.line()).hasValue(3);
    assertThat(e.column()).isPresent();
    assertThat(e.getMessage()).startsWith("demo.json:3:");
  }

  @Test
  void aSchemeMustCiteItsSource() {
    InvalidSchemeException e =
        invalid(GOOD.replace("\"citation\": {\"title\": \"T\", \"source\": \"S\"},", ""));
    assertThat(e.findings()).extracting(SchemeFinding::code).containsExactly("MISSING_FIELD");
    assertThat(e.findings().get(0).pointer()).isEqualTo("/citation");
  }

  @Test
  void validateListsWarningsAndRemarksWithoutThrowing() {
    List<SchemeFinding> findings =
        ScoringSchemes.validate(
            withComponents(
                "[{\"indicator\": \"response_rate\", \"weight\": 100},"
                    + " {\"indicator\": \"response_rate\", \"weight\": 0},"
                    + " {\"indicator\": \"missed_report_rate\", \"weight\": 0}]"));
    assertThat(findings)
        .extracting(SchemeFinding::severity, SchemeFinding::code)
        .contains(
            org.assertj.core.groups.Tuple.tuple(Severity.WARNING, "ZERO_WEIGHT"),
            org.assertj.core.groups.Tuple.tuple(Severity.WARNING, "DUPLICATE_INDICATOR"),
            org.assertj.core.groups.Tuple.tuple(Severity.INFO, "NEEDS_EXTRA_COUNTS"));
    assertThat(findings).noneMatch(SchemeFinding::isError);
    assertThat(ScoringSchemes.validate("[1]"))
        .extracting(SchemeFinding::code)
        .containsExactly("TYPE");
  }

  @Test
  void theBuilderValidatesToo() {
    assertThatThrownBy(
            () ->
                ScoringScheme.builder("x", "x", SchemeFixtures.CITATION)
                    .rate(Indicator.RESPONSE_RATE, 50)
                    .build())
        .isInstanceOf(InvalidSchemeException.class)
        .hasMessageContaining("weights sum to 50");
    ScoringScheme ok =
        ScoringScheme.builder("x", "x", SchemeFixtures.CITATION)
            .component(
                Component.of(
                    Indicator.FILED_COUNT,
                    100,
                    new Transform.Bands(
                        List.of(
                            new Band(0, OptionalLong.of(9), 100),
                            new Band(10, OptionalLong.empty(), 50)))))
            .deductionCap(OptionalDouble.of(5))
            .build();
    assertThat(ok.toBuilder().build()).isEqualTo(ok);
  }

  @Test
  void builtInIdsAreChecked() {
    assertThatThrownBy(() -> ScoringSchemes.builtIn("nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tongcheng-2022");
  }

  @Test
  void everyStructuralErrorIsCollectedWithItsLineAndASuggestion() {
    String json =
        """
        {
          "id": "demo",
          "nmae": "Demo",
          "citation": {"title": "T", "source": "S"},
          "censoring": "sometimes",
          "components": [
            {"indicator": "closing_rat", "weight": 50},
            {"indicator": "response_rate", "weight": "fifty"},
            {"indicator": "satisfaction", "wieght": 50}
          ]
        }
        """;
    InvalidSchemeException e = invalid(json);
    assertThat(e.findings())
        .extracting(SchemeFinding::kind, SchemeFinding::pointer)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(SchemeFinding.Code.UNKNOWN_FIELD, "/nmae"),
            org.assertj.core.groups.Tuple.tuple(SchemeFinding.Code.MISSING_FIELD, "/name"),
            org.assertj.core.groups.Tuple.tuple(SchemeFinding.Code.BAD_VALUE, "/censoring"),
            org.assertj.core.groups.Tuple.tuple(
                SchemeFinding.Code.UNKNOWN_INDICATOR, "/components/0/indicator"),
            org.assertj.core.groups.Tuple.tuple(SchemeFinding.Code.TYPE, "/components/1/weight"),
            org.assertj.core.groups.Tuple.tuple(
                SchemeFinding.Code.UNKNOWN_FIELD, "/components/2/wieght"),
            org.assertj.core.groups.Tuple.tuple(
                SchemeFinding.Code.MISSING_FIELD, "/components/2/weight"));
    assertThat(e.findings().get(0).reason()).contains("did you mean 'name'?");
    assertThat(e.findings().get(3).reason()).contains("did you mean 'closing_rate'?");
    assertThat(e.findings().get(5).reason()).contains("did you mean 'weight'?");
    // each finding is located in the document: source, line, column and pointer
    SchemeFinding first = e.findings().get(0);
    assertThat(first.location().orElseThrow().source()).isEqualTo("demo.json");
    assertThat(first.location().orElseThrow().line()).isEqualTo(3);
    assertThat(e.findings().get(4).location().orElseThrow().line()).isEqualTo(8);
    assertThat(first.render())
        .startsWith("error UNKNOWN_FIELD demo.json:3:")
        .contains("/nmae: unknown field 'nmae'");
    // the exception's problems are the same findings, and its headline counts the rest
    assertThat(e.problems().all()).containsExactlyElementsOf(e.findings());
    assertThat(e.getMessage())
        .startsWith("demo.json: /nmae: unknown field 'nmae'")
        .endsWith("(and 6 more errors)");
  }

  @Test
  void checkGivesTheFindingsAsAContainer() {
    org.gridgov.core.Findings ok =
        ScoringSchemes.check(
            withComponents(
                "[{\"indicator\": \"response_rate\", \"weight\": 100},"
                    + " {\"indicator\": \"missed_report_rate\", \"weight\": 0}]"));
    assertThat(ok.hasErrors()).isFalse();
    assertThat(ok.warnings()).extracting(f -> f.code()).containsExactly("ZERO_WEIGHT");
    assertThat(ok.bySeverity(Severity.INFO))
        .extracting(f -> f.code())
        .containsExactly("NEEDS_EXTRA_COUNTS");
    org.gridgov.core.Findings bad =
        ScoringSchemes.check(
            withComponents("[{\"indicator\": \"response_rate\", \"weight\": 90}]"));
    assertThat(bad.hasErrors()).isTrue();
    assertThat(bad.errors())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo("WEIGHT_SUM");
              assertThat(f.location().orElseThrow().pointer()).isEqualTo("/components");
              assertThat(f.render())
                  .startsWith("error WEIGHT_SUM /components: weights sum to 90 (90), not 100;");
            });
  }

  @Test
  void duplicateKeysAndSyntaxErrorsAreSyntaxFindings() {
    InvalidSchemeException e = invalid("{\"id\": \"a\", \"id\": \"b\"}");
    assertThat(e.findings())
        .extracting(SchemeFinding::kind)
        .containsExactly(SchemeFinding.Code.SYNTAX);
    assertThat(e.findings().get(0).reason()).contains("id");
    assertThat(e.line()).hasValue(1);
  }
}
