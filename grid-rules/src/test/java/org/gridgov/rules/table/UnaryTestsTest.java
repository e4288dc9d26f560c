package org.gridgov.rules.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.gridgov.core.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnaryTestsTest {

  private static boolean num(String text, String value) {
    return UnaryTests.parse(text, ValueType.NUMBER)
        .matches(value == null ? null : new BigDecimal(value));
  }

  @ParameterizedTest(name = "{0} on {1} -> {2}")
  @CsvSource({
    "5, 5, true",
    "5, 5.00, true",
    "5, 6, false",
    "< 5, 4.99, true",
    "< 5, 5, false",
    "<= 5, 5, true",
    "> 5, 5, false",
    ">5, 5.01, true",
    ">= 5, 5, true",
    "= 5, 5, true",
    "!= 5, 5, false",
    "!= 5, 4, true",
    "-5, -5, true",
    "< -2.5, -3, true",
    ".5, 0.5, true",
    "1e2, 100, true",
  })
  void comparisons(String text, String value, boolean expected) {
    assertThat(num(text, value)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} on {1} -> {2}")
  @CsvSource({
    "[1..10], 1, true",
    "[1..10], 10, true",
    "[1..10], 10.0001, false",
    "(1..10), 1, false",
    "(1..10), 1.0001, true",
    "(1..10), 10, false",
    "]1..10[, 1, false",
    "]1..10[, 9.9, true",
    "]1..10[, 10, false",
    "[1..10), 10, false",
    "[1..10), 1, true",
    "(1..10], 10, true",
    "[1..10[, 10, false",
    "]1..10], 10, true",
    "[ -5 .. 5 ], 0, true",
    "[10..1], 5, false",
  })
  void intervals(String text, String value, boolean expected) {
    assertThat(num(text, value)).isEqualTo(expected);
  }

  @Test
  void disjunctionsAndNegation() {
    assertThat(num("1, 2, [5..6]", "5.5")).isTrue();
    assertThat(num("1, 2, [5..6]", "3")).isFalse();
    assertThat(num("< 0, > 100", "101")).isTrue();
    assertThat(num("not(1, 2)", "3")).isTrue();
    assertThat(num("not(1, 2)", "2")).isFalse();
    assertThat(num("not( [1..5] )", "6")).isTrue();
    UnaryTests s = UnaryTests.parse("\"grid\",\"street\"", ValueType.STRING);
    assertThat(s.matches("grid")).isTrue();
    assertThat(s.matches("district")).isFalse();
    assertThat(s.literals()).contains(List.of("grid", "street"));
    assertThat(UnaryTests.parse("not(\"grid\")", ValueType.STRING).matches("street")).isTrue();
  }

  @Test
  void anyMatchesEverythingIncludingNull() {
    UnaryTests any = UnaryTests.parse("-", ValueType.NUMBER);
    assertThat(any.isAny()).isTrue();
    assertThat(any.matches(null)).isTrue();
    assertThat(any.matches(BigDecimal.TEN)).isTrue();
    assertThat(any).isEqualTo(UnaryTests.any());
  }

  /** FEEL three-valued logic: equality with null is false, order tests with null are null. */
  @Test
  void nullSemantics() {
    assertThat(num("null", null)).isTrue();
    assertThat(num("null", "1")).isFalse();
    assertThat(num("not(null)", "1")).isTrue();
    assertThat(num("not(null)", null)).isFalse();
    assertThat(num("5", null)).isFalse();
    assertThat(num("not(5)", null)).isTrue();
    assertThat(num("< 5", null)).isFalse();
    assertThat(num("not(< 5)", null)).isFalse(); // not(null) is null: no match
    assertThat(num("not([1..5])", null)).isFalse();
    assertThat(num("not(5, < 3)", null)).isFalse(); // false or null = null
    assertThat(num("null, < 3", null)).isTrue();
    assertThat(num("!= 5", null)).isTrue();
  }

  @Test
  void stringsWithEscapesAndOrder() {
    UnaryTests t = UnaryTests.parse("\"say \\\"hi\\\"\\n\", \"\\u7f51\"", ValueType.STRING);
    assertThat(t.matches("say \"hi\"\n")).isTrue();
    assertThat(t.matches("网")).isTrue();
    assertThat(UnaryTests.parse("< \"m\"", ValueType.STRING).matches("apple")).isTrue();
    assertThat(UnaryTests.parse("[\"a\"..\"c\")", ValueType.STRING).matches("c")).isFalse();
    assertThat(UnaryTests.parse("\"网格\"", ValueType.STRING).matches("网格")).isTrue();
  }

  @Test
  void temporalLiterals() {
    UnaryTests d = UnaryTests.parse("[date(\"2026-01-01\")..date(\"2026-12-31\")]", ValueType.DATE);
    assertThat(d.matches(LocalDate.of(2026, 6, 1))).isTrue();
    assertThat(d.matches(LocalDate.of(2027, 1, 1))).isFalse();
    assertThat(
            UnaryTests.parse("@\"2026-01-01\"", ValueType.DATE).matches(LocalDate.of(2026, 1, 1)))
        .isTrue();
    UnaryTests dt =
        UnaryTests.parse(">= date and time(\"2026-01-01T08:00:00+08:00\")", ValueType.DATE_TIME);
    assertThat(dt.matches(LocalDateTime.of(2026, 1, 1, 0, 0))).isTrue(); // 08:00+08 is 00:00Z
    assertThat(dt.matches(LocalDateTime.of(2025, 12, 31, 23, 59))).isFalse();
    UnaryTests dur = UnaryTests.parse("> duration(\"PT4H\"), @\"P2D\"", ValueType.DURATION);
    assertThat(dur.matches(Duration.ofHours(5))).isTrue();
    assertThat(dur.matches(Duration.ofDays(2))).isTrue();
    assertThat(dur.matches(Duration.ofHours(4))).isFalse();
  }

  @Test
  void booleans() {
    assertThat(UnaryTests.parse("true", ValueType.BOOLEAN).matches(true)).isTrue();
    assertThat(UnaryTests.parse("false", ValueType.BOOLEAN).matches(true)).isFalse();
    assertThat(UnaryTests.parse("not(true)", ValueType.BOOLEAN).matches(false)).isTrue();
  }

  @Test
  void textIsKeptAndRendered() {
    assertThat(UnaryTests.parse("[1..10)", ValueType.NUMBER).text()).isEqualTo("[1..10)");
    assertThat(UnaryTests.anyOf(ValueType.STRING, List.of("a", "b")).text())
        .isEqualTo("\"a\", \"b\"");
    assertThat(UnaryTests.anyOf(ValueType.NUMBER, List.of(1, 2.5)).text()).isEqualTo("1, 2.5");
  }

  @ParameterizedTest(name = "{0}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "[1..10         | 7  | expected ']', ')' or '[' closing the interval but found end of text",
        "< 5 6          | 5  | expected end of entry",
        "grid           | 1  | names are not supported ('grid'); quote string literals",
        "5 <            | 3  | expected end of entry",
        "not(1          | 6  | expected ')' closing not(",
        "1..2           | 2  | expected end of entry",
        "5, \"x\"       | 4  | expected a number literal but found string \"x\"",
        "< null         | 3  | null cannot be compared",
        "date(\"2026-02-30\") | 1 | invalid date \"2026-02-30\"",
        "''             | 1  | empty entry; write - to match any value",
        "- 5            | 1  | expected a number but found '- 5'",
        "time(\"10:00\")  | 1 | time values are not supported",
      })
  void syntaxErrorsNameTheColumn(String text, int column, String message) {
    assertThatThrownBy(() -> UnaryTests.parse(text, ValueType.NUMBER))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("at character " + column + ": ")
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(((InvalidInputException) e).column()).hasValue(column));
  }

  @Test
  void typeErrorsForStringsPointAtTheLiteral() {
    assertThatThrownBy(() -> UnaryTests.parse("\"a\", 5", ValueType.STRING))
        .hasMessageContaining("at character 6: expected a string literal but found number 5")
        .hasMessageContaining("string literals are quoted");
    assertThatThrownBy(() -> UnaryTests.parse("< true", ValueType.BOOLEAN))
        .hasMessageContaining("boolean values have no order");
    assertThatThrownBy(() -> UnaryTests.parse("@\"P1Y\"", ValueType.DURATION))
        .hasMessageContaining("year-month durations are not supported");
  }
}
