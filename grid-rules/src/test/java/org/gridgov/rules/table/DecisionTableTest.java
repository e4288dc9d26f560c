package org.gridgov.rules.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.gridgov.core.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Building and validating tables: malformed tables fail naming the decision, rule and column. */
class DecisionTableTest {

  private static DecisionTable.Builder base() {
    return DecisionTable.builder("tier")
        .input("scope", ValueType.STRING)
        .input("attention", ValueType.NUMBER)
        .output(OutputClause.enumeration("tier", ValueType.STRING, List.of("grid", "street")));
  }

  @Test
  void badSyntaxNamesRuleNumberAndColumn() {
    assertThatThrownBy(
            () ->
                base()
                    .rule(List.of("\"grid\"", "< 50"), List.of("grid"))
                    .rule(List.of("\"street\"", ">= 50"), List.of("street"))
                    .rule(List.of("-", "[10..20"), List.of("street"))
                    .build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "decision 'tier', rule 3, column 2 ('attention'): at character 8: expected ']', ')' or"
                + " '[' closing the interval but found end of text")
        .satisfies(e -> assertThat(((InvalidInputException) e).column()).hasValue(8));
  }

  @Test
  void outputsMustHaveTheTypeAndBeAllowed() {
    assertThatThrownBy(() -> base().rule(List.of("-", "-"), List.of(5)).build())
        .hasMessage("decision 'tier', rule 1, output 'tier': value 5 (Integer) is not a string");
    assertThatThrownBy(() -> base().rule(List.of("-", "-"), List.of("county")).build())
        .hasMessage(
            "decision 'tier', rule 1, output 'tier': value \"county\" is not among the allowed values"
                + " \"grid\", \"street\"");
    assertThatThrownBy(() -> base().rule(List.of("-"), List.of("grid")).build())
        .hasMessage("decision 'tier', rule 1: 1 input entries for 2 inputs");
  }

  @Test
  void hitPolicyAndAggregationMustFitTheOutputs() {
    assertThatThrownBy(() -> base().aggregation(Aggregation.SUM).build())
        .hasMessageContaining("aggregation SUM needs hit policy COLLECT");
    assertThatThrownBy(
            () -> base().hitPolicy(HitPolicy.COLLECT).aggregation(Aggregation.SUM).build())
        .hasMessageContaining("SUM needs a number output, not string");
    assertThatThrownBy(
            () ->
                base()
                    .output(OutputClause.of("hours", ValueType.NUMBER))
                    .hitPolicy(HitPolicy.COLLECT)
                    .aggregation(Aggregation.COUNT)
                    .build())
        .hasMessageContaining("aggregation needs exactly one output");
    assertThatThrownBy(
            () ->
                DecisionTable.builder("p")
                    .hitPolicy(HitPolicy.OUTPUT_ORDER)
                    .output(OutputClause.of("y", ValueType.NUMBER))
                    .build())
        .hasMessageContaining("OUTPUT ORDER needs allowed output values");
    assertThatThrownBy(
            () ->
                DecisionTable.builder("b")
                    .hitPolicy(HitPolicy.COLLECT)
                    .aggregation(Aggregation.MAX)
                    .output(OutputClause.of("y", ValueType.BOOLEAN))
                    .build())
        .hasMessageContaining("MAX needs an ordered output type, not boolean");
  }

  @Test
  void namesIdsAndDefaultsAreChecked() {
    assertThatThrownBy(
            () ->
                DecisionTable.builder("d")
                    .input("x", ValueType.NUMBER)
                    .input("x", ValueType.STRING)
                    .output(OutputClause.of("y", ValueType.NUMBER))
                    .build())
        .hasMessage("decision 'd', input 2 ('x'): duplicate input name");
    assertThatThrownBy(
            () -> base().output(OutputClause.of("hours", ValueType.NUMBER).withDefault(24)).build())
        .hasMessageContaining("either every output has a default or none has");
    assertThatThrownBy(
            () ->
                base()
                    .rule("same", List.of("-", "-"), List.of("grid"), "")
                    .rule("same", List.of("-", "-"), List.of("grid"), "")
                    .build())
        .hasMessage("decision 'tier', rule 2: duplicate rule id 'same'");
    assertThatThrownBy(() -> OutputClause.of("y", ValueType.NUMBER).withDefault("x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void programmaticTestsAreTypeChecked() {
    UnaryTests wrong =
        new UnaryTests("5", false, List.of(new UnaryTest.Compare(UnaryTest.Operator.EQ, "5")));
    assertThatThrownBy(
            () ->
                new DecisionTable(
                    "t",
                    "t",
                    HitPolicy.UNIQUE,
                    Aggregation.NONE,
                    List.of(InputClause.of("x", ValueType.NUMBER)),
                    List.of(OutputClause.of("y", ValueType.STRING)),
                    List.of(new Rule("r1", 0, List.of(wrong), List.of("a"), ""))))
        .hasMessageContaining(
            "decision 't', rule 1, column 1 ('x'): expected a number literal but found \"5\" (String)");
    assertThatThrownBy(() -> new UnaryTest.Range(1, true, 2, true))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void lookups() {
    DecisionTable t = base().rule(List.of("-", "-"), List.of("grid")).build();
    assertThat(t.inputIndex("attention")).isEqualTo(1);
    assertThat(t.inputIndex("nope")).isEqualTo(-1);
    assertThat(t.output("tier")).map(OutputClause::type).contains(ValueType.STRING);
    assertThat(t.output("nope")).isEqualTo(Optional.empty());
    assertThat(t.rules().get(0).number()).isEqualTo(1);
    assertThat(HitPolicy.byName("rule order")).contains(HitPolicy.RULE_ORDER);
    assertThat(HitPolicy.byName("P")).contains(HitPolicy.PRIORITY);
    assertThat(Aggregation.byName("#")).contains(Aggregation.COUNT);
    assertThat(ValueType.byName("feel:dateTime")).contains(ValueType.DATE_TIME);
    assertThat(ValueType.byName("yearMonthDuration")).isEmpty();
  }
}
