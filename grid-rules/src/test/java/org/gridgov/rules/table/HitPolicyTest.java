package org.gridgov.rules.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.gridgov.core.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The seven hit policies and the aggregations, each checked through the interpreter and the
 * compiled form (which must agree), following DMN 1.3 §8.2.11.
 */
class HitPolicyTest {

  /** A score table: rules 1 and 2 overlap on [5..10], rule 3 on >= 8. */
  private static DecisionTable scores(HitPolicy policy, Aggregation agg, OutputClause out) {
    return DecisionTable.builder("score")
        .hitPolicy(policy)
        .aggregation(agg)
        .input("x", ValueType.NUMBER)
        .output(out)
        .rule(List.of("[0..10]"), List.of(policy == HitPolicy.ANY ? 1 : 10))
        .rule(List.of("[5..20]"), List.of(policy == HitPolicy.ANY ? 1 : 20))
        .rule(List.of(">= 8"), List.of(policy == HitPolicy.ANY ? 1 : 10))
        .build();
  }

  private static DecisionTable scores(HitPolicy policy) {
    return scores(policy, Aggregation.NONE, OutputClause.of("points", ValueType.NUMBER));
  }

  /** Evaluates the table's only input with both engines, which must agree. */
  private static DecisionResult both(DecisionTable t, Object x) {
    Map<String, Object> in = Map.of(t.inputs().get(0).name(), x);
    DecisionResult interpreted = Tables.interpret(t, in);
    DecisionResult compiled = Tables.explain(t.compile(), in);
    assertThat(compiled).isEqualTo(interpreted);
    return interpreted;
  }

  private static List<Integer> numbers(List<Rule> rules) {
    return rules.stream().map(Rule::number).toList();
  }

  @Test
  void uniqueReturnsTheOneMatchingRule() {
    DecisionResult r = both(scores(HitPolicy.UNIQUE), 2);
    assertThat(r.hasErrors()).isFalse();
    assertThat(r.value()).contains(new BigDecimal("10"));
    assertThat(numbers(r.selected())).containsExactly(1);
    assertThat(r.output("points")).contains(new BigDecimal("10"));
  }

  @Test
  void uniqueWithTwoMatchesIsAnErrorResultNotAPick() {
    DecisionResult r = both(scores(HitPolicy.UNIQUE), 6);
    assertThat(r.hasErrors()).isTrue();
    assertThat(r.value()).isEmpty();
    assertThat(r.selected()).isEmpty();
    assertThat(numbers(r.matched())).containsExactly(1, 2);
    assertThat(r.messages())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.severity()).isEqualTo(Severity.ERROR);
              assertThat(m.code()).isEqualTo("UNIQUE_VIOLATION");
              assertThat(m.message()).contains("rules 1 (r1), 2 (r2)");
            });
    assertThat(select(scores(HitPolicy.UNIQUE), 6)).isEqualTo(CompiledTable.CONFLICT);
  }

  private static int select(DecisionTable t, Object x) {
    CompiledTable c = t.compile();
    return c.select(c.newRow().set(0, x));
  }

  @Test
  void anyAcceptsEqualOutputsAndRejectsDifferentOnes() {
    DecisionResult same = both(scores(HitPolicy.ANY), 9);
    assertThat(same.hasErrors()).isFalse();
    assertThat(numbers(same.matched())).containsExactly(1, 2, 3);
    assertThat(same.value()).contains(BigDecimal.ONE);

    DecisionTable differing =
        DecisionTable.builder("any")
            .hitPolicy(HitPolicy.ANY)
            .input("x", ValueType.NUMBER)
            .output(OutputClause.of("y", ValueType.STRING))
            .rule(List.of("< 10"), List.of("a"))
            .rule(List.of("> 0"), List.of("b"))
            .build();
    DecisionResult conflict = both(differing, 5);
    assertThat(conflict.hasErrors()).isTrue();
    assertThat(conflict.messages().get(0).code()).isEqualTo("ANY_VIOLATION");
    assertThat(conflict.messages().get(0).kind()).isEqualTo(DecisionMessage.Kind.ANY_VIOLATION);
    assertThat(conflict.messages().get(0).subjects()).hasSizeGreaterThan(1);
    assertThat(conflict.value()).isEmpty();
    assertThat(both(differing, 20).value()).contains("b");
    assertThat(select(differing, 5)).isEqualTo(CompiledTable.CONFLICT);
    assertThat(select(differing, 20)).isEqualTo(1);
  }

  @Test
  void firstTakesTheFirstMatchInRuleOrder() {
    DecisionResult r = both(scores(HitPolicy.FIRST), 9);
    assertThat(numbers(r.matched())).containsExactly(1, 2, 3);
    assertThat(numbers(r.selected())).containsExactly(1);
    assertThat(r.value()).contains(new BigDecimal("10"));
    assertThat(both(scores(HitPolicy.FIRST), 15).value()).contains(new BigDecimal("20"));
  }

  /** Priority is the order of the output's allowed values, independent of rule order. */
  @Test
  void priorityFollowsTheOrderOfAllowedOutputValues() {
    DecisionTable t =
        DecisionTable.builder("tier")
            .hitPolicy(HitPolicy.PRIORITY)
            .input("attention", ValueType.NUMBER)
            .output(
                OutputClause.enumeration(
                    "tier", ValueType.STRING, List.of("joint", "district", "street", "grid")))
            .rule(List.of("-"), List.of("grid"))
            .rule(List.of(">= 50"), List.of("street"))
            .rule(List.of(">= 80"), List.of("joint"))
            .rule(List.of(">= 60"), List.of("district"))
            .build();
    assertThat(both(t, 10).value()).contains("grid");
    assertThat(both(t, 55).value()).contains("street");
    assertThat(both(t, 65).value()).contains("district");
    DecisionResult top = both(t, 90);
    assertThat(top.value()).contains("joint");
    assertThat(numbers(top.selected())).containsExactly(3);
    assertThat(select(t, 90)).isEqualTo(2);
  }

  /** With several outputs the first output's priority decides first, then the next. */
  @Test
  void priorityWithCompoundOutputsIsLexicographic() {
    DecisionTable t =
        DecisionTable.builder("route")
            .hitPolicy(HitPolicy.PRIORITY)
            .input("x", ValueType.NUMBER)
            .output(OutputClause.enumeration("level", ValueType.STRING, List.of("high", "low")))
            .output(OutputClause.enumeration("hours", ValueType.NUMBER, List.of(4, 24, 72)))
            .rule(List.of("-"), List.of("low", 4))
            .rule(List.of("> 1"), List.of("high", 72))
            .rule(List.of("> 2"), List.of("high", 24))
            .build();
    assertThat(both(t, 0).value()).contains(Map.of("level", "low", "hours", new BigDecimal("4")));
    assertThat(both(t, 2).value()).contains(Map.of("level", "high", "hours", new BigDecimal("72")));
    assertThat(both(t, 3).value()).contains(Map.of("level", "high", "hours", new BigDecimal("24")));
  }

  @Test
  void outputOrderSortsAllHitsByPriority() {
    DecisionTable t =
        DecisionTable.builder("o")
            .hitPolicy(HitPolicy.OUTPUT_ORDER)
            .input("x", ValueType.NUMBER)
            .output(OutputClause.enumeration("y", ValueType.STRING, List.of("a", "b", "c")))
            .rule(List.of("> 0"), List.of("c"))
            .rule(List.of("> 1"), List.of("a"))
            .rule(List.of("> 2"), List.of("b"))
            .rule(List.of("> 3"), List.of("a"))
            .build();
    DecisionResult r = both(t, 5);
    assertThat(r.value()).contains(List.of("a", "a", "b", "c"));
    assertThat(numbers(r.selected())).containsExactly(2, 4, 3, 1);
    assertThat(both(t, 0).value()).contains(List.of());
  }

  @Test
  void ruleOrderAndCollectListAllHitsInRuleOrder() {
    for (HitPolicy p : List.of(HitPolicy.RULE_ORDER, HitPolicy.COLLECT)) {
      DecisionResult r = both(scores(p), 9);
      assertThat(r.value())
          .contains(List.of(new BigDecimal("10"), new BigDecimal("20"), new BigDecimal("10")));
      assertThat(numbers(r.selected())).containsExactly(1, 2, 3);
      DecisionResult none = both(scores(p), -1);
      assertThat(none.value()).contains(List.of());
      assertThat(none.hasErrors()).isFalse();
    }
  }

  @Test
  void multiHitWithSeveralOutputsListsMaps() {
    DecisionTable t =
        DecisionTable.builder("m")
            .hitPolicy(HitPolicy.RULE_ORDER)
            .input("x", ValueType.NUMBER)
            .output(OutputClause.of("a", ValueType.STRING))
            .output(OutputClause.of("b", ValueType.BOOLEAN))
            .rule(List.of("> 0"), List.of("p", true))
            .rule(List.of("> 1"), List.of("q", false))
            .build();
    assertThat(both(t, 2).value())
        .contains(List.of(Map.of("a", "p", "b", true), Map.of("a", "q", "b", false)));
  }

  @Test
  void collectAggregations() {
    OutputClause points = OutputClause.of("points", ValueType.NUMBER);
    assertThat(both(scores(HitPolicy.COLLECT, Aggregation.SUM, points), 9).value())
        .contains(new BigDecimal("40"));
    assertThat(both(scores(HitPolicy.COLLECT, Aggregation.MIN, points), 9).value())
        .contains(new BigDecimal("10"));
    assertThat(both(scores(HitPolicy.COLLECT, Aggregation.MAX, points), 9).value())
        .contains(new BigDecimal("20"));
    // COUNT counts distinct outputs (DMN 1.3 §8.2.11): 10, 20, 10 -> 2
    assertThat(both(scores(HitPolicy.COLLECT, Aggregation.COUNT, points), 9).value())
        .contains(new BigDecimal("2"));
    assertThat(both(scores(HitPolicy.COLLECT, Aggregation.COUNT, points), 3).value())
        .contains(BigDecimal.ONE);
  }

  @Test
  void collectAggregationsOfNoMatches() {
    OutputClause points = OutputClause.of("points", ValueType.NUMBER);
    assertThat(both(scores(HitPolicy.COLLECT, Aggregation.COUNT, points), -1).value())
        .contains(BigDecimal.ZERO);
    for (Aggregation a : List.of(Aggregation.SUM, Aggregation.MIN, Aggregation.MAX)) {
      DecisionResult r = both(scores(HitPolicy.COLLECT, a, points), -1);
      assertThat(r.value()).isEmpty();
      assertThat(r.hasErrors()).isFalse();
    }
  }

  @Test
  void minAndMaxWorkOnStrings() {
    DecisionTable t =
        DecisionTable.builder("s")
            .hitPolicy(HitPolicy.COLLECT)
            .aggregation(Aggregation.MAX)
            .input("x", ValueType.NUMBER)
            .output(OutputClause.of("y", ValueType.STRING))
            .rule(List.of("-"), List.of("beta"))
            .rule(List.of("-"), List.of("alpha"))
            .build();
    assertThat(both(t, 1).value()).contains("beta");
  }

  @ParameterizedTest
  @ValueSource(strings = {"UNIQUE", "ANY", "FIRST"})
  void singleHitWithoutMatchHasNoValue(String policy) {
    DecisionResult r = both(scores(HitPolicy.valueOf(policy)), -1);
    assertThat(r.value()).isEmpty();
    assertThat(r.isMatch()).isFalse();
    assertThat(r.hasErrors()).isFalse();
    assertThat(r.messages()).extracting(DecisionMessage::code).containsExactly("NO_MATCH");
    assertThat(r.misses())
        .extracting(RuleMiss::toString)
        .containsExactly(
            "rule 1 (r1): x fails [0..10]",
            "rule 2 (r2): x fails [5..20]",
            "rule 3 (r3): x fails >= 8");
  }

  @Test
  void defaultsApplyWhenNoRuleMatches() {
    DecisionTable t =
        DecisionTable.builder("d")
            .hitPolicy(HitPolicy.FIRST)
            .input("x", ValueType.NUMBER)
            .output(OutputClause.of("tier", ValueType.STRING).withDefault("grid"))
            .output(OutputClause.of("hours", ValueType.NUMBER).withDefault(72))
            .rule(List.of("> 5"), List.of("street", 24))
            .build();
    DecisionResult r = both(t, 1);
    assertThat(r.defaulted()).isTrue();
    assertThat(r.value()).contains(Map.of("tier", "grid", "hours", new BigDecimal("72")));
    assertThat(r.messages()).extracting(DecisionMessage::code).containsExactly("DEFAULT_OUTPUT");
    assertThat(both(t, 9).defaulted()).isFalse();
  }

  @Test
  void inputOfTheWrongTypeIsAnErrorNamingTheInput() {
    DecisionResult r = both(scores(HitPolicy.FIRST), "high");
    assertThat(r.hasErrors()).isTrue();
    assertThat(r.value()).isEmpty();
    assertThat(r.messages().get(0).code()).isEqualTo("INVALID_INPUT");
    assertThat(r.messages().get(0).message())
        .isEqualTo("decision 'score': input 'x' expects a number but got \"high\" (String)");
    assertThat(select(scores(HitPolicy.FIRST), "high")).isEqualTo(CompiledTable.INVALID_INPUT);
    assertThat(both(scores(HitPolicy.FIRST), Double.NaN).messages().get(0).code())
        .isEqualTo("INVALID_INPUT");
  }

  @Test
  void inputOutsideTheAllowedValuesIsAnError() {
    DecisionTable t =
        DecisionTable.builder("scope")
            .hitPolicy(HitPolicy.FIRST)
            .input(InputClause.enumeration("scope", ValueType.STRING, List.of("grid", "street")))
            .input("attention", ValueType.NUMBER, "[0..100]")
            .output(OutputClause.of("y", ValueType.STRING))
            .rule(List.of("\"grid\"", "-"), List.of("g"))
            .rule(List.of("-", "-"), List.of("other"))
            .build();
    DecisionResult r = Tables.interpret(t, Map.of("scope", "moon", "attention", 101));
    assertThat(r.messages())
        .extracting(DecisionMessage::message)
        .containsExactly(
            "decision 'scope': input 'scope' value \"moon\" is not among the allowed values"
                + " \"grid\", \"street\"",
            "decision 'scope': input 'attention' value 101 is not among the allowed values"
                + " [0..100]");
    assertThat(t.compile().evaluate(Map.of("scope", "moon", "attention", 101)).messages())
        .isEqualTo(r.messages());
    assertThat(Tables.interpret(t, Map.of("scope", "street", "attention", 100)).value())
        .contains("other");
  }

  @Test
  void missingInputsAreNull() {
    DecisionTable t =
        DecisionTable.builder("n")
            .hitPolicy(HitPolicy.FIRST)
            .input("x", ValueType.NUMBER)
            .output(OutputClause.of("y", ValueType.STRING))
            .rule(List.of("not(< 5)"), List.of("not-below-5"))
            .rule(List.of("null"), List.of("missing"))
            .build();
    assertThat(Tables.interpret(t, Map.of()).value()).contains("missing");
    assertThat(t.compile().evaluate(Map.of()).value()).contains("missing");
  }
}
