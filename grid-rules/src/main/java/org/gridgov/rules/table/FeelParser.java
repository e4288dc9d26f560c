package org.gridgov.rules.table;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.gridgov.rules.table.UnaryTest.Operator;

/**
 * A recursive-descent parser for FEEL simple unary tests and literals (DMN 1.3 §10.3.1, grammar
 * rules 7–17 and the literal rules 33–38, plus the {@code @"..."} literal of DMN 1.4 and the
 * operators {@code =} and {@code !=}). Literals are checked against the column type as they are
 * read, so a type error points at the literal.
 *
 * <p>Not thread-safe; each call of the static methods uses its own instance.
 */
final class FeelParser {
  private final String s;
  private final ValueType type;
  private int pos;

  private FeelParser(String s, ValueType type) {
    this.s = s;
    this.type = type;
  }

  /**
   * Parses unary tests.
   *
   * @param text the text
   * @param type the column type, which every literal must have
   * @param emptyIsAny whether blank text means {@code -} (as DMN editors write an empty cell)
   * @return the tests
   * @throws FeelSyntaxException on bad syntax or a literal of the wrong type
   */
  public static UnaryTests parseUnaryTests(String text, ValueType type, boolean emptyIsAny) {
    if (text.isBlank()) {
      if (emptyIsAny) {
        return UnaryTests.any();
      }
      throw new FeelSyntaxException(1, "empty entry; write - to match any value");
    }
    if (text.strip().equals("-")) {
      return text.equals("-") ? UnaryTests.any() : new UnaryTests(text, false, List.of());
    }
    return new FeelParser(text, type).unaryTests();
  }

  /**
   * Parses one literal (an output entry or a default output).
   *
   * @param text the text, such as {@code "grid"}, {@code 24} or {@code date("2026-01-01")}
   * @param type the output type
   * @return the canonical value
   * @throws FeelSyntaxException on bad syntax or a literal of the wrong type
   */
  public static Object parseLiteral(String text, ValueType type) {
    FeelParser p = new FeelParser(text, type);
    p.ws();
    if (p.atEnd()) {
      throw new FeelSyntaxException(1, "empty output entry; write a literal such as \"text\" or 5");
    }
    int start = p.pos;
    if (p.word().equals("null")) {
      throw new FeelSyntaxException(start + 1, "null outputs are not supported; write a literal");
    }
    p.pos = start;
    Object v = p.literal();
    p.ws();
    p.expectEnd();
    return v;
  }

  /**
   * Parses the plain ISO text of a temporal value, as the JSON format writes it: {@code
   * 2026-01-01}, {@code 2026-01-01T08:00:00} (an offset or zone is converted to UTC), {@code PT4H}.
   *
   * @param text the text
   * @param type {@link ValueType#DATE}, {@link ValueType#DATE_TIME} or {@link ValueType#DURATION}
   * @return the canonical value
   * @throws FeelSyntaxException if the text is not such a value
   */
  public static Object plainTemporal(String text, ValueType type) {
    return switch (type) {
      case DATE -> date(text, 0);
      case DATE_TIME -> dateTime(text, 0);
      case DURATION -> duration(text, 0);
      default -> throw new IllegalArgumentException("not a temporal type: " + type);
    };
  }

  private UnaryTests unaryTests() {
    ws();
    int start = pos;
    if (word().equals("not")) {
      ws();
      if (peek() == '(') {
        pos++;
        List<UnaryTest> tests = positives();
        ws();
        expect(')', "')' closing not(");
        ws();
        expectEnd();
        return new UnaryTests(s, true, tests);
      }
    }
    pos = start;
    List<UnaryTest> tests = positives();
    ws();
    expectEnd();
    return new UnaryTests(s, false, tests);
  }

  private List<UnaryTest> positives() {
    List<UnaryTest> tests = new ArrayList<>();
    while (true) {
      tests.add(positive());
      ws();
      if (peek() != ',') {
        return tests;
      }
      pos++;
    }
  }

  private UnaryTest positive() {
    ws();
    int start = pos;
    if (word().equals("null")) {
      return new UnaryTest.IsNull();
    }
    pos = start;
    char c = peek();
    Operator op = null;
    if (c == '<' || c == '>') {
      pos++;
      boolean eq = peek() == '=';
      if (eq) {
        pos++;
      }
      op = c == '<' ? (eq ? Operator.LE : Operator.LT) : (eq ? Operator.GE : Operator.GT);
    } else if (c == '=') {
      pos++;
      op = Operator.EQ;
    } else if (c == '!' && pos + 1 < s.length() && s.charAt(pos + 1) == '=') {
      pos += 2;
      op = Operator.NE;
    } else if (c == '[' || c == '(' || c == ']') {
      return interval();
    }
    if (op == null) {
      return new UnaryTest.Compare(Operator.EQ, endpoint());
    }
    ws();
    int at = pos;
    Object v = endpoint();
    if (op.isOrdering() && !type.isOrdered()) {
      throw new FeelSyntaxException(at + 1, type.feelName() + " values have no order; use = tests");
    }
    return new UnaryTest.Compare(op, v);
  }

  private UnaryTest interval() {
    int at = pos;
    boolean lowClosed = s.charAt(pos++) == '[';
    if (!type.isOrdered()) {
      throw new FeelSyntaxException(
          at + 1, type.feelName() + " values have no order; no intervals");
    }
    ws();
    Object low = endpoint();
    ws();
    if (!s.startsWith("..", pos)) {
      throw error("'..' between the ends of the interval");
    }
    pos += 2;
    ws();
    Object high = endpoint();
    ws();
    char end = peek();
    if (end != ']' && end != ')' && end != '[') {
      throw error("']', ')' or '[' closing the interval");
    }
    pos++;
    return new UnaryTest.Range(low, lowClosed, high, end == ']');
  }

  private Object endpoint() {
    int at = pos;
    if (s.startsWith("null", pos) && !isWordChar(pos + 4)) {
      throw new FeelSyntaxException(
          at + 1, "null cannot be compared or used as an interval end; write null or not(null)");
    }
    return literal();
  }

  private Object literal() {
    int at = pos;
    char c = peek();
    Object v;
    if (c == '"') {
      v = string();
    } else if (c == '-' || c == '.' || isDigit(c)) {
      v = number();
    } else if (c == '@') {
      pos++;
      if (peek() != '"') {
        throw error("a string after @");
      }
      v = temporal(string(), at);
    } else if (Character.isLetter(c)) {
      v = named(at);
    } else {
      throw error("a literal (\"text\", a number, true, false, date(...), ...)");
    }
    ValueType got = Values.typeOf(v);
    if (got != type) {
      throw new FeelSyntaxException(
          at + 1,
          "expected a "
              + type.feelName()
              + " literal but found "
              + got.feelName()
              + " "
              + Values.toFeel(v)
              + (type == ValueType.STRING && got != ValueType.STRING
                  ? " (string literals are quoted: \"...\")"
                  : ""));
    }
    return v;
  }

  private Object named(int at) {
    String w = word();
    switch (w) {
      case "true":
        return Boolean.TRUE;
      case "false":
        return Boolean.FALSE;
      case "date":
        {
          int save = pos;
          ws();
          if (word().equals("and")) {
            ws();
            if (word().equals("time")) {
              return dateTime(call("date and time"), at);
            }
          }
          pos = save;
          return date(call("date"), at);
        }
      case "duration":
        return duration(call("duration"), at);
      case "time":
        throw new FeelSyntaxException(at + 1, "time values are not supported");
      default:
        throw new FeelSyntaxException(
            at + 1,
            "names are not supported ('" + w + "'); quote string literals, such as \"" + w + "\"");
    }
  }

  private String call(String fn) {
    ws();
    expect('(', "'(' after " + fn);
    ws();
    if (peek() != '"') {
      throw error("a string argument of " + fn + "(...)");
    }
    String arg = string();
    ws();
    expect(')', "')' closing " + fn + "(...)");
    return arg;
  }

  private Object temporal(String text, int at) {
    String t = text.strip();
    if (t.startsWith("P") || t.startsWith("-P")) {
      return duration(t, at);
    }
    if (t.indexOf('T') > 0) {
      return dateTime(t, at);
    }
    if (t.length() >= 10 && t.charAt(4) == '-') {
      return date(t, at);
    }
    throw new FeelSyntaxException(at + 1, "unsupported temporal literal @\"" + text + "\"");
  }

  private static LocalDate date(String text, int at) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeException e) {
      throw new FeelSyntaxException(at + 1, "invalid date \"" + text + "\" (want yyyy-mm-dd)");
    }
  }

  /** Parses a date-time; values with an offset or zone are converted to UTC. */
  static LocalDateTime dateTime(String text, int at) {
    try {
      return LocalDateTime.parse(text);
    } catch (DateTimeException e) {
      // try the forms with an offset or a zone
    }
    try {
      return OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
    } catch (DateTimeException e) {
      // try a zone id
    }
    try {
      String z = text;
      int atSign = z.indexOf('@');
      if (atSign > 0) {
        z = z.substring(0, atSign) + "[" + z.substring(atSign + 1) + "]";
      }
      return ZonedDateTime.parse(z).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    } catch (DateTimeException e) {
      throw new FeelSyntaxException(
          at + 1, "invalid date and time \"" + text + "\" (want yyyy-mm-ddThh:mm:ss)");
    }
  }

  private static Duration duration(String text, int at) {
    try {
      return Duration.parse(text);
    } catch (DateTimeException e) {
      throw new FeelSyntaxException(
          at + 1,
          "invalid days and time duration \""
              + text
              + "\" (want PnDTnHnMnS; year-month durations are not supported)");
    }
  }

  private String string() {
    int at = pos;
    pos++; // opening quote
    StringBuilder sb = new StringBuilder();
    while (pos < s.length()) {
      char c = s.charAt(pos++);
      if (c == '"') {
        return sb.toString();
      }
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      if (pos >= s.length()) {
        break;
      }
      char e = s.charAt(pos++);
      switch (e) {
        case '"', '\\', '\'' -> sb.append(e);
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'u' -> {
          if (pos + 4 > s.length()) {
            throw new FeelSyntaxException(pos - 1, "incomplete \\u escape");
          }
          try {
            sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
          } catch (NumberFormatException ex) {
            throw new FeelSyntaxException(pos - 1, "bad \\u escape");
          }
          pos += 4;
        }
        default -> throw new FeelSyntaxException(pos - 1, "unknown escape \\" + e);
      }
    }
    throw new FeelSyntaxException(at + 1, "unterminated string literal");
  }

  private BigDecimal number() {
    int at = pos;
    if (peek() == '-') {
      pos++;
    }
    int digits = 0;
    while (isDigit(peek())) {
      pos++;
      digits++;
    }
    if (peek() == '.' && pos + 1 < s.length() && isDigit(s.charAt(pos + 1))) {
      pos++;
      while (isDigit(peek())) {
        pos++;
        digits++;
      }
    }
    if (digits == 0) {
      pos = at;
      throw error("a number");
    }
    if (peek() == 'e' || peek() == 'E') {
      int save = pos;
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      if (!isDigit(peek())) {
        pos = save;
      } else {
        while (isDigit(peek())) {
          pos++;
        }
      }
    }
    if (isWordChar(pos)) {
      throw error("a separator after the number");
    }
    try {
      return Values.normalize(new BigDecimal(s.substring(at, pos)));
    } catch (NumberFormatException | ArithmeticException e) {
      throw new FeelSyntaxException(at + 1, "invalid number " + s.substring(at, pos));
    }
  }

  private String word() {
    int start = pos;
    while (isWordChar(pos)) {
      pos++;
    }
    return s.substring(start, pos);
  }

  private boolean isWordChar(int i) {
    return i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_');
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private void ws() {
    while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
      pos++;
    }
  }

  private char peek() {
    return pos < s.length() ? s.charAt(pos) : '\0';
  }

  private boolean atEnd() {
    return pos >= s.length();
  }

  private void expect(char c, String what) {
    if (peek() != c) {
      throw error(what);
    }
    pos++;
  }

  private void expectEnd() {
    if (!atEnd()) {
      throw error("end of entry (separate tests with ',')");
    }
  }

  private FeelSyntaxException error(String expected) {
    String found =
        atEnd() ? "end of text" : "'" + s.substring(pos, Math.min(s.length(), pos + 12)) + "'";
    return new FeelSyntaxException(pos + 1, "expected " + expected + " but found " + found);
  }
}
