package org.gridgov.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A JSON object being read, with its JSON pointer, so that every error names where it is. Errors
 * are {@link JsonProblem}s, turned into located exceptions by the front doors.
 */
public final class JsonIn {
  private final JsonNode node;
  private final String pointer;

  private JsonIn(JsonNode node, String pointer) {
    this.node = node;
    this.pointer = pointer;
  }

  /**
   * Wraps a document root, which must be an object.
   *
   * @param root the root node
   * @param pointer the pointer of the root ({@code ""} for a document)
   * @return the reader
   */
  public static JsonIn object(JsonNode root, String pointer) {
    if (root == null || !root.isObject()) {
      throw new JsonProblem(pointer, "expected a JSON object, found " + kind(root));
    }
    return new JsonIn(root, pointer);
  }

  /**
   * The pointer of this object.
   *
   * @return the pointer
   */
  public String pointer() {
    return pointer;
  }

  /**
   * The pointer of a member.
   *
   * @param field the member name
   * @return the pointer
   */
  public String at(String field) {
    return pointer + "/" + field.replace("~", "~0").replace("/", "~1");
  }

  /**
   * Refuses members outside a known set, to catch typos.
   *
   * @param known the allowed member names
   */
  public void onlyFields(Set<String> known) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String n = names.next();
      if (!known.contains(n)) {
        throw new JsonProblem(
            at(n), "unknown field '" + n + "'; expected one of " + new java.util.TreeSet<>(known));
      }
    }
  }

  /**
   * Whether a member is present and not null.
   *
   * @param field the member name
   * @return true when present
   */
  public boolean has(String field) {
    JsonNode v = node.get(field);
    return v != null && !v.isNull();
  }

  /**
   * A required string member.
   *
   * @param field the member name
   * @return the value
   */
  public String text(String field) {
    return optText(field)
        .orElseThrow(() -> new JsonProblem(at(field), "required field '" + field + "' is missing"));
  }

  /**
   * An optional string member.
   *
   * @param field the member name
   * @return the value, or empty
   */
  public Optional<String> optText(String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isTextual()) {
      throw new JsonProblem(at(field), "expected a string, found " + kind(v));
    }
    return Optional.of(v.textValue());
  }

  /**
   * An optional whole-number member.
   *
   * @param field the member name
   * @return the value, or empty
   */
  public OptionalInt optInt(String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return OptionalInt.empty();
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw new JsonProblem(at(field), "expected a whole number, found " + kind(v) + " " + v);
    }
    return OptionalInt.of(v.intValue());
  }

  /**
   * An optional number member; NaN and infinities are refused.
   *
   * @param field the member name
   * @return the value, or empty
   */
  public OptionalDouble optDouble(String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return OptionalDouble.empty();
    }
    if (!v.isNumber()) {
      throw new JsonProblem(at(field), "expected a number, found " + kind(v));
    }
    double d = v.doubleValue();
    if (!Double.isFinite(d)) {
      throw new JsonProblem(at(field), "number is not finite: " + v);
    }
    return OptionalDouble.of(d);
  }

  /**
   * An optional boolean member.
   *
   * @param field the member name
   * @param otherwise the value when absent
   * @return the value
   */
  public boolean bool(String field, boolean otherwise) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return otherwise;
    }
    if (!v.isBoolean()) {
      throw new JsonProblem(at(field), "expected true or false, found " + kind(v));
    }
    return v.booleanValue();
  }

  /**
   * An optional member converted by a parser; the parser's IllegalArgumentException becomes a
   * located problem.
   *
   * @param field the member name
   * @param what what the value is, for the message
   * @param parse the parser
   * @param <T> the value type
   * @return the value, or empty
   */
  public <T> Optional<T> opt(String field, String what, Function<String, T> parse) {
    Optional<String> s = optText(field);
    if (s.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(parse.apply(s.get()));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new JsonProblem(at(field), "invalid " + what + " '" + s.get() + "': " + e.getMessage());
    }
  }

  /**
   * A required member converted by a parser.
   *
   * @param field the member name
   * @param what what the value is
   * @param parse the parser
   * @param <T> the value type
   * @return the value
   */
  public <T> T req(String field, String what, Function<String, T> parse) {
    return opt(field, what, parse)
        .orElseThrow(() -> new JsonProblem(at(field), "required field '" + field + "' is missing"));
  }

  /**
   * An optional enum member written in lower case ({@code hotline_12345}).
   *
   * @param field the member name
   * @param type the enum class
   * @param <E> the enum
   * @return the value, or empty
   */
  public <E extends Enum<E>> Optional<E> optEnum(String field, Class<E> type) {
    Optional<String> s = optText(field);
    if (s.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(enumValue(s.get(), type, at(field)));
  }

  /**
   * Parses a lower-case enum name.
   *
   * @param text the name
   * @param type the enum class
   * @param pointer where it was found
   * @param <E> the enum
   * @return the constant
   */
  public static <E extends Enum<E>> E enumValue(String text, Class<E> type, String pointer) {
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(text)) {
        return e;
      }
    }
    List<String> names = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      names.add(e.name().toLowerCase(Locale.ROOT));
    }
    throw new JsonProblem(pointer, "unknown value '" + text + "'; expected one of " + names);
  }

  /**
   * An optional date member ({@code 2026-01-31}).
   *
   * @param field the member name
   * @return the date, or empty
   */
  public Optional<LocalDate> optDate(String field) {
    return opt(field, "date", LocalDate::parse);
  }

  /**
   * An optional instant member ({@code 2026-01-31T08:00:00Z} or with an offset).
   *
   * @param field the member name
   * @return the instant, or empty
   */
  public Optional<Instant> optInstant(String field) {
    return opt(field, "timestamp", s -> java.time.OffsetDateTime.parse(s).toInstant());
  }

  /**
   * An optional array member, each element read by a function of (element, pointer).
   *
   * @param field the member name
   * @param read reads one element
   * @param <T> the element type
   * @return the elements, empty when absent
   */
  public <T> List<T> list(String field, ElementReader<T> read) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      throw new JsonProblem(at(field), "expected an array, found " + kind(v));
    }
    List<T> out = new ArrayList<>(v.size());
    for (int i = 0; i < v.size(); i++) {
      out.add(read.read(v.get(i), at(field) + "/" + i));
    }
    return out;
  }

  /**
   * An optional object member of string values.
   *
   * @param field the member name
   * @return the map, empty when absent
   */
  public Map<String, String> stringMap(String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return Map.of();
    }
    if (!v.isObject()) {
      throw new JsonProblem(at(field), "expected an object, found " + kind(v));
    }
    Map<String, String> out = new TreeMap<>();
    var it = v.fields();
    while (it.hasNext()) {
      var e = it.next();
      JsonNode x = e.getValue();
      if (!x.isValueNode() || x.isNull()) {
        throw new JsonProblem(at(field) + "/" + e.getKey(), "expected a string, number or boolean");
      }
      out.put(e.getKey(), x.asText());
    }
    return out;
  }

  /**
   * An object member as a nested reader.
   *
   * @param field the member name
   * @return the nested reader, or empty when absent
   */
  public Optional<JsonIn> optObject(String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    return Optional.of(object(v, at(field)));
  }

  /**
   * The raw member node.
   *
   * @param field the member name
   * @return the node, or empty
   */
  public Optional<JsonNode> raw(String field) {
    return Optional.ofNullable(node.get(field)).filter(n -> !n.isNull());
  }

  /**
   * A string element of an array.
   *
   * @param n the element
   * @param pointer its pointer
   * @return the string
   */
  public static String string(JsonNode n, String pointer) {
    if (n == null || !n.isTextual()) {
      throw new JsonProblem(pointer, "expected a string, found " + kind(n));
    }
    return n.textValue();
  }

  /**
   * Describes a node's type for messages.
   *
   * @param n the node
   * @return e.g. {@code "a number"}
   */
  public static String kind(JsonNode n) {
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
   * Reads one array element.
   *
   * @param <T> the element type
   */
  @FunctionalInterface
  public interface ElementReader<T> {
    /**
     * Reads.
     *
     * @param node the element
     * @param pointer its pointer
     * @return the value
     */
    T read(JsonNode node, String pointer);
  }
}
