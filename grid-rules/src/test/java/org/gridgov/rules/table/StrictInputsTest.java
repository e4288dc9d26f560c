package org.gridgov.rules.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridgov.core.Severity;
import org.junit.jupiter.api.Test;

/**
 * Strict evaluation ({@link EvaluateOptions#withStrictInputs()}): a misspelled or missing input
 * name is an error of the result instead of a silent {@code null}; the default stays DMN's lenient
 * reading.
 */
class StrictInputsTest {
  private static final DecisionTable TABLE =
      DecisionTable.builder("route")
          .hitPolicy(HitPolicy.FIRST)
          .input("category", ValueType.STRING)
          .input("severity", ValueType.NUMBER)
          .output(OutputClause.of("tier", ValueType.STRING))
          .rule(List.of("\"roads\"", ">= 3"), List.of("street"))
          .rule(List.of("-", "-"), List.of("grid"))
          .build();

  private static final List<EvaluateOptions> STRICT =
      List.of(
          EvaluateOptions.defaults().withStrictInputs(),
          EvaluateOptions.explain().withStrictInputs(),
          EvaluateOptions.reference().withStrictInputs());

  @Test
  void theDefaultStillReadsAMissingInputAsNullAndIgnoresUnknownNames() {
    DecisionResult r = TABLE.compile().evaluate(Map.of("categroy", "roads", "severity", 4));
    assertThat(r.hasErrors()).isFalse();
    assertThat(r.value()).contains("grid");
  }

  @Test
  void aMisspelledNameIsAnErrorWithTheClosestInputName() {
    for (EvaluateOptions o : STRICT) {
      DecisionResult r = TABLE.compile().evaluate(Map.of("categroy", "roads", "severity", 4), o);
      assertThat(r.hasErrors()).as("%s", o).isTrue();
      assertThat(r.value()).as("%s", o).isEmpty();
      assertThat(r.matched()).isEmpty();
      assertThat(r.messages()).hasSize(1);
      DecisionMessage m = r.messages().get(0);
      assertThat(m.kind()).isEqualTo(DecisionMessage.Kind.UNKNOWN_INPUT);
      assertThat(m.severity()).isEqualTo(Severity.ERROR);
      assertThat(m.subjects()).containsExactly("categroy");
      assertThat(m.message())
          .isEqualTo("decision 'route': unknown input 'categroy' (did you mean 'category'?)");
    }
  }

  @Test
  void aMissingInputIsAnErrorButAnExplicitNullIsAValue() {
    for (EvaluateOptions o : STRICT) {
      DecisionResult r = TABLE.compile().evaluate(Map.of("severity", 4), o);
      assertThat(r.messages())
          .extracting(DecisionMessage::kind)
          .containsExactly(DecisionMessage.Kind.MISSING_INPUT);
      assertThat(r.messages().get(0).message()).contains("missing input 'category'");
      assertThat(r.value()).isEmpty();

      Map<String, Object> in = new HashMap<>();
      in.put("category", null);
      in.put("severity", 4);
      DecisionResult ok = TABLE.compile().evaluate(in, o);
      assertThat(ok.hasErrors()).as("%s", o).isFalse();
      assertThat(ok.value()).contains("grid");
    }
  }

  @Test
  void anUnknownNameFarFromEveryInputListsTheInputsAndBadValuesAreStillReported() {
    DecisionResult r =
        TABLE
            .compile()
            .evaluate(
                Map.of("category", "roads", "severity", "high", "zzzzzzzz", 1),
                EvaluateOptions.defaults().withStrictInputs());
    assertThat(r.messages())
        .extracting(DecisionMessage::kind)
        .containsExactly(DecisionMessage.Kind.UNKNOWN_INPUT, DecisionMessage.Kind.INVALID_INPUT);
    assertThat(r.messages().get(0).message())
        .endsWith("unknown input 'zzzzzzzz' (the inputs are 'category', 'severity')");
  }

  @Test
  void strictOptionsAreValuesThatSayWhatTheyAre() {
    EvaluateOptions s = EvaluateOptions.explain().withStrictInputs();
    assertThat(s.strictInputs()).isTrue();
    assertThat(s.explains()).isTrue();
    assertThat(s.interprets()).isFalse();
    assertThat(s.withStrictInputs()).isSameAs(s);
    assertThat(EvaluateOptions.defaults().strictInputs()).isFalse();
    assertThat(EvaluateOptions.reference().withStrictInputs().interprets()).isTrue();
    assertThat(s).hasToString("EvaluateOptions.explain().withStrictInputs()");
  }
}
