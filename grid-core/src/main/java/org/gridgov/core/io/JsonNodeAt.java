package org.gridgov.core.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.gridgov.core.InputCode;

/**
 * A JSON value being read, with its RFC 6901 pointer and the {@link Problems} of the read, so that
 * every problem names where it is (source, pointer, and line and column for documents).
 *
 * <p>Getters come in two forms: {@code string("id")} for a required member (missing, null or of the
 * wrong type is an error that abandons the current value, see {@link Problems}) and {@code
 * optString("id")} for an optional one (absent or {@code null} is empty; the wrong type is an
 * error, and in all-errors mode the getter then returns empty and reading goes on). Numbers refuse
 * NaN and infinities, whole numbers refuse fractions and overflow, enums are written in lower case
 * and matched case-insensitively, unknown names get a "did you mean".
 *
 * <p>Messages follow one style: {@code required field 'id' is missing}, {@code expected a string,
 * found a number}, {@code unknown field 'parnet'; did you mean 'parent'?}, {@code unknown value
 * 'fax'; expected one of [...]}. Input is quoted with {@link Problems#quote(String)}.
 *
 * <p>Immutable view of a tree; the {@link Problems} it reports to is not thread-safe.
 */
public final class JsonNodeAt {
  private final JsonNode node;
  private final String pointer;
  private final Problems problems;

  private JsonNodeAt(JsonNode node, String pointer, Problems problems) {
    this.node = node;
    this.pointer = pointer;
    this.problems = problems;
  }

  /**
   * Wraps a node read elsewhere.
   *
   * @param node the node
   * @param pointer its pointer ({@code ""} for a document root)
   * @param problems where problems go
   * @return the located node
   */
  public static JsonNodeAt of(JsonNode node, String pointer, Problems problems) {
    return new JsonNodeAt(
        Objects.requireNonNull(node, "node"),
        Objects.requireNonNull(pointer, "pointer"),
        Objects.requireNonNull(problems, "problems"));
  }

  /**
   * The Jackson node.
   *
   * @return the node
   */
  public JsonNode node() {
    return node;
  }

  /**
   * The RFC 6901 pointer of this value.
   *
   * @return the pointer, {@code ""} for the root
   */
  public String pointer() {
    return pointer;
  }

  /**
   * The problems of the read.
   *
   * @return the collector
   */
  public Problems problems() {
    return problems;
  }

  /**
   * The pointer of a member of this object.
   *
   * @param name the member name
   * @return the pointer
   */
  public String at(String name) {
    return Pointers.child(pointer, name);
  }

  // ------------------------------------------------------------------ problems

  /**
   * Records an error at this value and returns the exception that abandons it: {@code throw
   * node.fail("...")}.
   *
   * @param reason what is wrong
   * @return the exception to throw
   */
  public RuntimeException fail(String reason) {
    return problems.fail(InputCode.BAD_VALUE, pointer, reason);
  }

  /**
   * Records an error at a member of this object and returns the exception that abandons it.
   *
   * @param name the member name
   * @param reason what is wrong
   * @return the exception to throw
   */
  public RuntimeException fail(String name, String reason) {
    return problems.fail(InputCode.BAD_VALUE, at(name), reason);
  }

  /**
   * Records an error at this value without abandoning it (reading goes on in all-errors mode).
   *
   * @param reason what is wrong
   */
  public void error(String reason) {
    problems.error(InputCode.BAD_VALUE, pointer, reason);
  }

  /**
   * Records a warning at this value.
   *
   * @param reason what is suspicious
   */
  public void warning(String reason) {
    problems.warning(InputCode.BAD_VALUE, pointer, reason);
  }

  /**
   * Runs domain code that checks its arguments: an {@link IllegalArgumentException} (or a date
   * parse failure) becomes an error at this value that abandons it.
   *
   * @param build builds a value, e.g. {@code () -> builder.build()}
   * @param <T> the value type
   * @return the value
   */
  public <T> T guard(Supplier<T> build) {
    try {
      return build.get();
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw fail(String.valueOf(e.getMessage()));
    }
  }

  // ------------------------------------------------------------------ shape

  /**
   * Describes a node's JSON type for messages.
   *
   * @param n the node, may be {@code null}
   * @return e.g. {@code "a number"}
   */
  public static String describe(JsonNode n) {
    if (n == null || n.isMissingNode()) {
      return "nothing";
    }
    return switch (n.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> n.getNodeType().toString().toLowerCase(Locale.ROOT);
    };
  }

  /**
   * Requires this value to be an object.
   *
   * @return this
   */
  public JsonNodeAt requireObject() {
    if (!node.isObject()) {
      throw type("an object", pointer, node);
    }
    return this;
  }

  /**
   * Whether this value is a string.
   *
   * @return true for a string
   */
  public boolean isString() {
    return node.isTextual();
  }

  /**
   * Whether this value is an object.
   *
   * @return true for an object
   */
  public boolean isObject() {
    return node.isObject();
  }

  /**
   * Whether this value is an array.
   *
   * @return true for an array
   */
  public boolean isArray() {
    return node.isArray();
  }

  /**
   * Refuses members outside a known set, each with a "did you mean" when a known name is close.
   * Does not abandon the object: in all-errors mode every unknown member is reported.
   *
   * @param allowed the allowed member names
   */
  public void onlyKeys(Collection<String> allowed) {
    requireObject();
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String n = names.next();
      if (!allowed.contains(n)) {
        problems.error(
            InputCode.UNKNOWN_NAME,
            at(n),
            "unknown field " + Problems.quote(n) + Suggestions.hint(n, allowed));
      }
    }
  }

  /**
   * Whether a member is present and not {@code null}.
   *
   * @param name the member name
   * @return true when present
   */
  public boolean has(String name) {
    JsonNode v = node.get(name);
    return v != null && !v.isNull();
  }

  /**
   * A required member of any type.
   *
   * @param name the member name
   * @return the member
   */
  public JsonNodeAt get(String name) {
    return opt(name).orElseThrow(() -> missing(name));
  }

  /**
   * An optional member of any type.
   *
   * @param name the member name
   * @return the member, empty when absent or {@code null}
   */
  public Optional<JsonNodeAt> opt(String name) {
    requireObject();
    JsonNode v = node.get(name);
    return v == null || v.isNull()
        ? Optional.empty()
        : Optional.of(new JsonNodeAt(v, at(name), problems));
  }

  /**
   * A required object member.
   *
   * @param name the member name
   * @return the member
   */
  public JsonNodeAt object(String name) {
    return get(name).requireObject();
  }

  /**
   * An optional object member.
   *
   * @param name the member name
   * @return the member, or empty
   */
  public Optional<JsonNodeAt> optObject(String name) {
    return opt(name).map(JsonNodeAt::requireObject);
  }

  /**
   * The elements of this array.
   *
   * @return the located elements
   */
  public List<JsonNodeAt> elements() {
    if (!node.isArray()) {
      throw type("an array", pointer, node);
    }
    List<JsonNodeAt> out = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      out.add(new JsonNodeAt(node.get(i), Pointers.child(pointer, i), problems));
    }
    return out;
  }

  /**
   * Reads each element of this array; in all-errors mode an element that was abandoned is left out
   * and the others are still read.
   *
   * @param read reads one element
   * @param <T> the element type
   * @return the values read, in order
   */
  public <T> List<T> elements(Function<JsonNodeAt, T> read) {
    List<T> out = new ArrayList<>(node.size());
    for (JsonNodeAt e : elements()) {
      problems.attempt(() -> read.apply(e)).ifPresent(out::add);
    }
    return out;
  }

  /**
   * A required array member.
   *
   * @param name the member name
   * @return the located elements
   */
  public List<JsonNodeAt> array(String name) {
    return get(name).elements();
  }

  /**
   * An optional array member, each element read by a function.
   *
   * @param name the member name
   * @param read reads one element
   * @param <T> the element type
   * @return the values, empty when the member is absent
   */
  public <T> List<T> list(String name, Function<JsonNodeAt, T> read) {
    return opt(name).map(a -> a.elements(read)).orElse(List.of());
  }

  /**
   * The members of this object, in document order.
   *
   * @return the located members by name
   */
  public Map<String, JsonNodeAt> members() {
    requireObject();
    Map<String, JsonNodeAt> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      out.put(e.getKey(), new JsonNodeAt(e.getValue(), at(e.getKey()), problems));
    }
    return out;
  }

  // ------------------------------------------------------------------ strings

  /**
   * This value as a string.
   *
   * @return the text
   */
  public String asString() {
    if (!node.isTextual()) {
      throw type("a string", pointer, node);
    }
    return node.textValue();
  }

  /**
   * A required string member.
   *
   * @param name the member name
   * @return the text
   */
  public String string(String name) {
    return get(name).asString();
  }

  /**
   * The document's {@code format} member, checked: a string equal to {@code expected}. Another
   * value is an error recorded at the member (reading goes on, so the rest of the document is still
   * checked); a missing or non-string member fails like {@link #string(String)}.
   *
   * @param expected the format and version this reader reads, e.g. {@code gridgov.org/1}
   * @return the format as written
   */
  public String requireFormat(String expected) {
    String format = string("format");
    if (!format.equals(expected)) {
      problems.error(
          InputCode.BAD_VALUE,
          at("format"),
          "unknown format " + Problems.quote(format) + "; expected '" + expected + "'");
    }
    return format;
  }

  /**
   * An optional string member.
   *
   * @param name the member name
   * @return the text, or empty when absent, {@code null} or (all-errors mode) of the wrong type
   */
  public Optional<String> optString(String name) {
    return optional(name, JsonNodeAt::asString);
  }

  /**
   * A required member converted by a parser; the parser's {@link IllegalArgumentException} or
   * {@link DateTimeParseException} becomes an error naming what the value should be.
   *
   * @param name the member name
   * @param what what the value is, for the message ({@code "grid id"})
   * @param parse the parser
   * @param <T> the value type
   * @return the value
   */
  public <T> T parsed(String name, String what, Function<String, T> parse) {
    return get(name).asParsed(what, parse);
  }

  /**
   * An optional member converted by a parser.
   *
   * @param name the member name
   * @param what what the value is
   * @param parse the parser
   * @param <T> the value type
   * @return the value, or empty
   */
  public <T> Optional<T> optParsed(String name, String what, Function<String, T> parse) {
    return optional(name, v -> v.asParsed(what, parse));
  }

  /**
   * This string value converted by a parser.
   *
   * @param what what the value is
   * @param parse the parser
   * @param <T> the value type
   * @return the value
   */
  public <T> T asParsed(String what, Function<String, T> parse) {
    String s = asString();
    try {
      return parse.apply(s);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw problems.fail(
          InputCode.BAD_VALUE,
          pointer,
          "invalid " + what + " " + Problems.quote(s) + ": " + e.getMessage());
    }
  }

  /**
   * A required enum member, written in lower case ({@code hotline_12345}).
   *
   * @param name the member name
   * @param type the enum class
   * @param <E> the enum
   * @return the constant
   */
  public <E extends Enum<E>> E enumValue(String name, Class<E> type) {
    return get(name).asEnum(type);
  }

  /**
   * An optional enum member.
   *
   * @param name the member name
   * @param type the enum class
   * @param <E> the enum
   * @return the constant, or empty
   */
  public <E extends Enum<E>> Optional<E> optEnum(String name, Class<E> type) {
    return optional(name, v -> v.asEnum(type));
  }

  /**
   * This string value as an enum constant, matched case-insensitively; an unknown name lists the
   * lower-case names or suggests the closest.
   *
   * @param type the enum class
   * @param <E> the enum
   * @return the constant
   */
  public <E extends Enum<E>> E asEnum(Class<E> type) {
    String text = asString();
    List<String> names = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(text)) {
        return e;
      }
      names.add(e.name().toLowerCase(Locale.ROOT));
    }
    String hint =
        Suggestions.didYouMean(text, names)
            .map(s -> "; did you mean '" + s + "'? expected one of " + names)
            .orElse("; expected one of " + names);
    throw problems.fail(
        InputCode.UNKNOWN_NAME, pointer, "unknown value " + Problems.quote(text) + hint);
  }

  /**
   * An optional object member of strings, numbers or booleans, kept as text in key order.
   *
   * @param name the member name
   * @return the map, empty when absent
   */
  public Map<String, String> stringMap(String name) {
    Optional<JsonNodeAt> o = optObject(name);
    if (o.isEmpty()) {
      return Map.of();
    }
    Map<String, String> out = new TreeMap<>();
    o.get()
        .members()
        .forEach(
            (k, v) -> {
              if (!v.node.isValueNode() || v.node.isNull()) {
                v.error("expected a string, number or boolean, found " + describe(v.node));
              } else {
                out.put(k, v.node.asText());
              }
            });
    return out;
  }

  // ------------------------------------------------------------------ numbers and booleans

  /**
   * This value as a whole number in the {@code int} range.
   *
   * @return the number
   */
  public int asInt() {
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      throw problems.fail(
          InputCode.TYPE,
          pointer,
          "expected a whole number, found " + describe(node) + " " + bounded(node));
    }
    return node.intValue();
  }

  /**
   * A required whole-number member.
   *
   * @param name the member name
   * @return the number
   */
  public int integer(String name) {
    return get(name).asInt();
  }

  /**
   * An optional whole-number member.
   *
   * @param name the member name
   * @return the number, or empty
   */
  public OptionalInt optInt(String name) {
    Optional<Integer> v = optional(name, JsonNodeAt::asInt);
    return v.isPresent() ? OptionalInt.of(v.get()) : OptionalInt.empty();
  }

  /**
   * This value as a whole number in the {@code long} range.
   *
   * @return the number
   */
  public long asLong() {
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      throw problems.fail(
          InputCode.TYPE,
          pointer,
          "expected a whole number, found " + describe(node) + " " + bounded(node));
    }
    return node.longValue();
  }

  /**
   * A required long member.
   *
   * @param name the member name
   * @return the number
   */
  public long longValue(String name) {
    return get(name).asLong();
  }

  /**
   * An optional long member.
   *
   * @param name the member name
   * @return the number, or empty
   */
  public OptionalLong optLong(String name) {
    Optional<Long> v = optional(name, JsonNodeAt::asLong);
    return v.isPresent() ? OptionalLong.of(v.get()) : OptionalLong.empty();
  }

  /**
   * This value as a finite number.
   *
   * @return the number
   */
  public double asDouble() {
    if (!node.isNumber()) {
      throw type("a number", pointer, node);
    }
    double d = node.doubleValue();
    if (!Double.isFinite(d)) {
      throw problems.fail(InputCode.BAD_VALUE, pointer, "number is not finite: " + bounded(node));
    }
    return d;
  }

  /**
   * A required number member.
   *
   * @param name the member name
   * @return the number
   */
  public double number(String name) {
    return get(name).asDouble();
  }

  /**
   * An optional number member.
   *
   * @param name the member name
   * @return the number, or empty
   */
  public OptionalDouble optDouble(String name) {
    Optional<Double> v = optional(name, JsonNodeAt::asDouble);
    return v.isPresent() ? OptionalDouble.of(v.get()) : OptionalDouble.empty();
  }

  /**
   * This value as an exact decimal.
   *
   * @return the decimal
   */
  public BigDecimal asDecimal() {
    if (!node.isNumber()) {
      throw type("a number", pointer, node);
    }
    return node.decimalValue();
  }

  /**
   * A required decimal member.
   *
   * @param name the member name
   * @return the decimal
   */
  public BigDecimal decimal(String name) {
    return get(name).asDecimal();
  }

  /**
   * An optional decimal member.
   *
   * @param name the member name
   * @return the decimal, or empty
   */
  public Optional<BigDecimal> optDecimal(String name) {
    return optional(name, JsonNodeAt::asDecimal);
  }

  /**
   * This value as a boolean.
   *
   * @return the boolean
   */
  public boolean asBoolean() {
    if (!node.isBoolean()) {
      throw problems.fail(
          InputCode.TYPE, pointer, "expected true or false, found " + describe(node));
    }
    return node.booleanValue();
  }

  /**
   * A required boolean member.
   *
   * @param name the member name
   * @return the boolean
   */
  public boolean bool(String name) {
    return get(name).asBoolean();
  }

  /**
   * An optional boolean member with a default.
   *
   * @param name the member name
   * @param otherwise the value when absent
   * @return the boolean
   */
  public boolean bool(String name, boolean otherwise) {
    return optBool(name).orElse(otherwise);
  }

  /**
   * An optional boolean member.
   *
   * @param name the member name
   * @return the boolean, or empty
   */
  public Optional<Boolean> optBool(String name) {
    return optional(name, JsonNodeAt::asBoolean);
  }

  // ------------------------------------------------------------------ plumbing

  /** Reads an optional member; a wrong type is recorded and, in all-errors mode, empty. */
  private <T> Optional<T> optional(String name, Function<JsonNodeAt, T> read) {
    Optional<JsonNodeAt> v = opt(name);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    return problems.attempt(() -> read.apply(v.get()));
  }

  private RuntimeException missing(String name) {
    return problems.fail(InputCode.MISSING, at(name), "required field '" + name + "' is missing");
  }

  private RuntimeException type(String expected, String where, JsonNode found) {
    return problems.fail(
        InputCode.TYPE, where, "expected " + expected + ", found " + describe(found));
  }

  private static String bounded(JsonNode n) {
    String s = n.toString();
    return s.length() <= Problems.MAX_QUOTE_CHARS ? s : Problems.quote(s);
  }

  @Override
  public String toString() {
    return (pointer.isEmpty() ? "(root)" : pointer) + " " + describe(node);
  }
}
