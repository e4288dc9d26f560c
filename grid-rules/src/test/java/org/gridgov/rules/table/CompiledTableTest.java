package org.gridgov.rules.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompiledTableTest {

  private static DecisionTable numbers(String... entries) {
    DecisionTable.Builder b =
        DecisionTable.builder("n")
            .hitPolicy(HitPolicy.RULE_ORDER)
            .input("x", ValueType.NUMBER)
            .output(OutputClause.of("rule", ValueType.NUMBER));
    for (int i = 0; i < entries.length; i++) {
      b.rule(List.of(entries[i]), List.of(i + 1));
    }
    return b.build();
  }

  private static void agree(DecisionTable t, Object x) {
    Map<String, Object> in = new HashMap<>();
    in.put("x", x);
    assertThat(Tables.explain(t.compile(), in)).as("x = %s", x).isEqualTo(Tables.interpret(t, in));
  }

  /**
   * Boundaries that are not exactly doubles: the double fast path must still decide exactly as the
   * BigDecimal interpreter does.
   */
  @Test
  void numberBoundariesAreExactOnTheDoublePath() {
    checkTrickyNumbers(List.of());
  }

  /** The same with more boundaries than the linear scan handles, so binary search decides. */
  @Test
  void numberBoundariesAreExactOnTheBinarySearchPath() {
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      many.add(String.valueOf(1000 + i));
    }
    checkTrickyNumbers(many);
  }

  private static void checkTrickyNumbers(List<String> extra) {
    List<String> entries =
        new ArrayList<>(
            List.of(
                "< 0.1",
                "0.1",
                "> 0.1",
                "< 0.10000000000000000001",
                "0.10000000000000000001",
                "> 0.10000000000000000001",
                "[0.3..0.30000000000000004]",
                "> 9007199254740993",
                "9007199254740993"));
    entries.addAll(extra);
    DecisionTable t = numbers(entries.toArray(String[]::new));
    for (Object x :
        List.of(
            0.1,
            0.1f,
            0.30000000000000004,
            0.3,
            0.1 + 0.2,
            new BigDecimal("0.1"),
            new BigDecimal("0.10000000000000000001"),
            new BigDecimal("0.100000000000000000005"),
            new BigDecimal("0.09999999999999999999"),
            9007199254740993L,
            9007199254740992L,
            9007199254740994L,
            Long.MAX_VALUE,
            Long.MIN_VALUE,
            BigInteger.TWO.pow(80),
            -0.0,
            0.0,
            Double.MAX_VALUE,
            -Double.MIN_VALUE,
            (short) 3,
            (byte) -1,
            7)) {
      agree(t, x);
    }
  }

  /**
   * Long lists of values (a district's micro-grid ids, a set of numbers), plain, negated and as
   * allowed values, compile to the same answers as the interpreter gives, value by value.
   */
  @Test
  void longListsOfValuesCompileToTheInterpretersAnswers() {
    int n = 2_000;
    StringBuilder ids = new StringBuilder();
    StringBuilder nums = new StringBuilder();
    for (int i = 0; i < n; i++) {
      ids.append(i == 0 ? "" : ",").append('"').append(410102001001L + 2 * i).append('"');
      nums.append(i == 0 ? "" : ", ").append(new BigDecimal(i).multiply(new BigDecimal("1.5")));
    }
    StringBuilder allowed = new StringBuilder();
    for (int i = -3; i < 2 * n + 3; i++) {
      allowed.append(i == -3 ? "" : ",").append('"').append(410102001001L + i).append('"');
    }
    DecisionTable t =
        DecisionTable.builder("big")
            .hitPolicy(HitPolicy.RULE_ORDER)
            .input("g", ValueType.STRING, allowed.toString())
            .input(InputClause.of("x", ValueType.NUMBER))
            .output(OutputClause.of("rule", ValueType.NUMBER))
            .rule(List.of(ids.toString(), "-"), List.of(1))
            .rule(List.of("not(" + ids + ")", "-"), List.of(2))
            .rule(List.of("-", nums.toString()), List.of(3))
            .rule(List.of("-", "not(" + nums + ", [100..200))"), List.of(4))
            .build();
    CompiledTable c = t.compile();
    for (int i = -3; i < 2 * n + 3; i++) {
      Map<String, Object> in = new HashMap<>();
      in.put("g", String.valueOf(410102001001L + i));
      in.put("x", new BigDecimal(i).multiply(new BigDecimal("0.75")));
      DecisionResult want = Tables.interpret(t, in);
      assertThat(Tables.explain(c, in)).as("input %s", in).isEqualTo(want);
      List<Integer> rules = new ArrayList<>();
      for (Rule r : want.matched()) {
        rules.add(r.number());
      }
      boolean listed = i >= 0 && i < 2 * n && i % 2 == 0;
      assertThat(rules).contains(listed ? 1 : 2).doesNotContain(listed ? 2 : 1);
    }
    Map<String, Object> absent = new HashMap<>();
    absent.put("g", null);
    absent.put("x", null);
    assertThat(Tables.explain(c, absent)).isEqualTo(Tables.interpret(t, absent));
    Map<String, Object> foreign = Map.of("g", "410102009999", "x", 1);
    assertThat(Tables.explain(c, foreign)).isEqualTo(Tables.interpret(t, foreign));
    assertThat(c.evaluate(foreign).hasErrors()).isTrue();
  }

  @Test
  void theFastPathSettersMatchTheObjectSetter() {
    DecisionTable t = numbers("< 0.1", "[0.1..5)", ">= 5");
    CompiledTable c = t.compile();
    int[] into = new int[3];
    InputRow row = c.newRow();
    for (double x : new double[] {-1, 0.1, 0.09999999999999999, 4.999999, 5, 1e300}) {
      int n = c.match(row.setNumber(0, x), into);
      assertThat(n).isEqualTo(1);
      int viaObject = c.match(c.newRow().set(0, x), new int[3]);
      assertThat(viaObject).isEqualTo(1);
    }
    assertThat(c.match(row.setNumber(0, 5L), into)).isEqualTo(1);
    assertThat(into[0]).isEqualTo(2);
  }

  @Test
  void wideTablesUseSeveralBitsetWords() {
    DecisionTable.Builder b =
        DecisionTable.builder("wide")
            .hitPolicy(HitPolicy.UNIQUE)
            .input("x", ValueType.NUMBER)
            .output(OutputClause.of("y", ValueType.NUMBER));
    for (int i = 0; i < 150; i++) {
      b.rule(List.of("[" + i + ".." + (i + 1) + ")"), List.of(i));
    }
    DecisionTable t = b.build();
    CompiledTable c = t.compile();
    InputRow row = c.newRow();
    for (int i = 0; i < 150; i++) {
      assertThat(c.select(row.setNumber(0, i + 0.5))).isEqualTo(i);
      agree(t, i + 0.5);
    }
    assertThat(c.select(row.setNumber(0, 150))).isEqualTo(CompiledTable.NO_MATCH);
    DecisionTable first =
        new DecisionTable(
            "wide", "wide", HitPolicy.FIRST, Aggregation.NONE, t.inputs(), t.outputs(), overlap(t));
    CompiledTable f = first.compile();
    assertThat(f.select(f.newRow().setNumber(0, 140.5))).isEqualTo(0);
  }

  /** The same rules with the first one widened to match everything from 0 up. */
  private static List<Rule> overlap(DecisionTable t) {
    List<Rule> rules = new ArrayList<>(t.rules());
    Rule r = rules.get(0);
    rules.set(
        0,
        new Rule(
            r.id(), 0, List.of(UnaryTests.parse(">= 0", ValueType.NUMBER)), r.outputEntries(), ""));
    return rules;
  }

  @Test
  void codedStringColumnsAndOtherStrings() {
    DecisionTable t =
        DecisionTable.builder("s")
            .hitPolicy(HitPolicy.FIRST)
            .input("scope", ValueType.STRING)
            .output(OutputClause.of("y", ValueType.STRING))
            .rule(List.of("\"grid\", \"street\""), List.of("local"))
            .rule(List.of("not(\"district\")"), List.of("not district"))
            .rule(List.of("-"), List.of("rest"))
            .build();
    CompiledTable c = t.compile();
    assertThat(c.evaluate(Map.of("scope", "street")).value()).contains("local");
    assertThat(c.evaluate(Map.of("scope", "moon")).value()).contains("not district");
    assertThat(c.evaluate(Map.of("scope", "district")).value()).contains("rest");
    assertThat(c.evaluate(Map.of("scope", "other")).value()).contains("not district");
    InputRow row = c.newRow();
    assertThat(c.select(row.setString(0, new String("street")))).isZero(); // not the same instance
    assertThat(c.select(row.setString(0, "dis" + "trict".substring(0)))).isEqualTo(2);
    assertThat(c.select(row.setString(0, null))).isEqualTo(1);
    for (String s : List.of("grid", "street", "district", "moon", "other", "")) {
      assertThat(Tables.explain(c, Map.of("scope", s)))
          .isEqualTo(Tables.interpret(t, Map.of("scope", s)));
    }
  }

  @Test
  void orderedStringsDatesDateTimesAndDurations() {
    DecisionTable t =
        DecisionTable.builder("t")
            .hitPolicy(HitPolicy.COLLECT)
            .input("s", ValueType.STRING)
            .input("d", ValueType.DATE)
            .input("at", ValueType.DATE_TIME)
            .input("late", ValueType.DURATION)
            .output(OutputClause.of("n", ValueType.NUMBER))
            .rule(List.of("< \"m\"", "-", "-", "-"), List.of(1))
            .rule(
                List.of("-", "[date(\"2026-01-01\")..date(\"2026-01-02\")]", "-", "-"), List.of(2))
            .rule(List.of("-", "-", "> date and time(\"2026-01-01T12:00:00Z\")", "-"), List.of(3))
            .rule(List.of("-", "-", "-", ">= duration(\"PT4H\")"), List.of(4))
            .build();
    CompiledTable c = t.compile();
    List<Map<String, Object>> inputs =
        List.of(
            Map.of("s", "apple", "d", LocalDate.of(2026, 1, 2)),
            Map.of("s", "m", "d", LocalDate.of(2026, 1, 3)),
            Map.of("at", OffsetDateTime.of(2026, 1, 1, 20, 0, 0, 0, ZoneOffset.ofHours(8))),
            Map.of("at", Instant.parse("2026-01-01T12:00:01Z")),
            Map.of("at", LocalDateTime.of(2026, 1, 1, 12, 0)),
            Map.of("late", Duration.ofHours(4)),
            Map.of("late", Duration.ofMinutes(239)));
    for (Map<String, Object> in : inputs) {
      assertThat(Tables.explain(c, in)).as("%s", in).isEqualTo(Tables.interpret(t, in));
    }
    assertThat(c.evaluate(inputs.get(0)).value())
        .contains(List.of(BigDecimal.ONE, new BigDecimal("2")));
    assertThat(c.evaluate(inputs.get(2)).value()).contains(List.of());
    assertThat(c.evaluate(inputs.get(3)).value()).contains(List.of(new BigDecimal("3")));
  }

  @Test
  void selectNeedsASingleHitPolicyAndItsOwnRows() {
    CompiledTable c = numbers("< 1").compile();
    assertThatThrownBy(() -> c.select(c.newRow()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("use match()");
    CompiledTable other = numbers("< 1").compile();
    assertThatThrownBy(() -> c.match(other.newRow(), new int[1]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> c.slot("nope")).hasMessageContaining("has no input 'nope'");
  }

  @Test
  void rowsRecoverFromRejectedValues() {
    CompiledTable c =
        DecisionTable.builder("r")
            .hitPolicy(HitPolicy.FIRST)
            .input("x", ValueType.NUMBER, "[0..10]")
            .output(OutputClause.of("y", ValueType.NUMBER))
            .rule(List.of("-"), List.of(1))
            .build()
            .compile();
    InputRow row = c.newRow();
    assertThat(c.select(row.setNumber(0, 11))).isEqualTo(CompiledTable.INVALID_INPUT);
    assertThat(row.problems(c.table()).get(0).code()).isEqualTo("INPUT_NOT_ALLOWED");
    assertThat(c.select(row.setNumber(0, 3))).isZero();
    assertThat(c.select(row.set(0, "3"))).isEqualTo(CompiledTable.INVALID_INPUT);
    assertThat(c.select(row.clear())).isZero();
    assertThat(c.output(0, 0)).isEqualTo(BigDecimal.ONE);
    assertThat(c.outputs(0)).containsEntry("y", BigDecimal.ONE);
  }

  @Test
  void tablesWithoutInputsOrRules() {
    DecisionTable noInputs =
        DecisionTable.builder("k")
            .hitPolicy(HitPolicy.UNIQUE)
            .output(OutputClause.of("y", ValueType.STRING))
            .rule(List.of(), List.of("always"))
            .build();
    assertThat(noInputs.compile().evaluate(Map.of()).value()).contains("always");
    DecisionTable noRules =
        DecisionTable.builder("e")
            .input("x", ValueType.BOOLEAN)
            .output(OutputClause.of("y", ValueType.STRING))
            .build();
    CompiledTable c = noRules.compile();
    assertThat(c.select(c.newRow().setBoolean(0, true))).isEqualTo(CompiledTable.NO_MATCH);
  }
}
