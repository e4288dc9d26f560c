package org.gridgov.rules.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.gridgov.core.GridLevel;
import org.gridgov.core.InvalidInputException;

/**
 * Reads a JSON document with the tree model and turns every problem into an {@link
 * InvalidInputException} naming the source and the JSON pointer. Not part of the API.
 *
 * <p>One instance reads one document; not thread-safe.
 */
public final class JsonIn {
  /** Documents larger than this are refused before parsing (64 MiB). */
  public static final int MAX_DOCUMENT_CHARS = 64 * 1024 * 1024;

  private static final ObjectMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxDocumentLength(MAX_DOCUMENT_CHARS)
                          .maxNestingDepth(64)
                          .build())
                  .build())
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();

  private final String source;

  /**
   * A reader for a named source.
   *
   * @param source the file or stream name used in error messages
   */
  public JsonIn(String source) {
    this.source = source;
  }

  /**
   * Renders a tree as pretty-printed JSON text (the mapper itself is never handed out).
   *
   * @param node the tree
   * @return the text, without a final newline
   */
  public static String pretty(JsonNode node) {
    try {
      return MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render a JSON tree", e);
    }
  }

  /**
   * Renders a tree as compact UTF-8 JSON.
   *
   * @param node the tree
   * @return the bytes
   */
  public static byte[] compact(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render a JSON tree", e);
    }
  }

  /**
   * Places a problem found by a reader of an embedded part (which saw the part as its own document)
   * inside the enclosing document: the part's pointer is prefixed to the problem's.
   *
   * @param e the problem, as the part's reader reported it
   * @param source the enclosing document's name
   * @param at the JSON pointer of the part in the enclosing document
   * @return the relocated problem
   */
  public static InvalidInputException relocate(InvalidInputException e, String source, String at) {
    String inner = e.pointer().orElse("");
    String pointer;
    if (inner.isEmpty() || inner.equals("/")) {
      pointer = at;
    } else if (inner.startsWith("/")) {
      pointer = at + inner;
    } else {
      pointer = at + ": " + inner; // a locator such as "decision 'x', rule 3"
    }
    return new InvalidInputException(
        source, 0, 0, pointer, e.reason(), e.getCause() == null ? e : e.getCause());
  }

  /**
   * Parses a whole document.
   *
   * @param in the stream, read fully and not closed
   * @return the root node
   * @throws InvalidInputException for malformed JSON, with line and column
   */
  public JsonNode parse(InputStream in) {
    try {
      JsonNode root = MAPPER.readTree(in);
      if (root == null || root.isMissingNode()) {
        throw fail("", "the document is empty");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw syntax(e);
    } catch (IOException e) {
      throw new InvalidInputException(source, 0, 0, "", "cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * Parses one line of JSON text.
   *
   * @param text the text
   * @param line the 1-based line number, for messages
   * @return the node
   * @throws InvalidInputException for malformed JSON
   */
  public JsonNode parseLine(String text, int line) {
    try {
      JsonNode node = MAPPER.readTree(text);
      if (node == null || node.isMissingNode()) {
        throw new InvalidInputException(source, line, 0, "", "the line is empty", null);
      }
      return node;
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      int col = loc == null ? 0 : loc.getColumnNr();
      throw new InvalidInputException(
          source, line, Math.max(col, 0), "", "malformed JSON: " + e.getOriginalMessage(), e);
    }
  }

  private InvalidInputException syntax(JsonProcessingException e) {
    JsonLocation loc = e.getLocation();
    int line = loc == null ? 0 : loc.getLineNr();
    int col = loc == null ? 0 : loc.getColumnNr();
    return new InvalidInputException(
        source,
        Math.max(line, 0),
        Math.max(col, 0),
        "",
        "malformed JSON: " + e.getOriginalMessage(),
        e);
  }

  /**
   * An exception at a pointer.
   *
   * @param pointer the JSON pointer
   * @param reason what is wrong
   * @return the exception, to throw
   */
  public InvalidInputException fail(String pointer, String reason) {
    return InvalidInputException.at(source, pointer, reason);
  }

  /**
   * Appends a member name to a pointer, escaping {@code ~} and {@code /} (RFC 6901).
   *
   * @param pointer the parent pointer
   * @param name the member name
   * @return the child pointer
   */
  public static String child(String pointer, String name) {
    return pointer + "/" + name.replace("~", "~0").replace("/", "~1");
  }

  /**
   * Requires an object.
   *
   * @param node the node
   * @param pointer where it is
   * @return the object
   */
  public ObjectNode object(JsonNode node, String pointer) {
    if (!(node instanceof ObjectNode o)) {
      throw fail(pointer, "expected an object but found " + describe(node));
    }
    return o;
  }

  /**
   * Rejects members that are not allowed (typos must not pass silently).
   *
   * @param node the object
   * @param pointer where it is
   * @param allowed the allowed member names
   */
  public void onlyFields(ObjectNode node, String pointer, Set<String> allowed) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String n = names.next();
      if (!allowed.contains(n)) {
        throw fail(
            child(pointer, n),
            "unknown member '" + n + "'; allowed: " + String.join(", ", new TreeSet<>(allowed)));
      }
    }
  }

  /**
   * The elements of an array member, which may be absent (then empty).
   *
   * @param node the object
   * @param pointer where the object is
   * @param name the member name
   * @return the elements
   */
  public List<JsonNode> optArray(ObjectNode node, String pointer, String name) {
    JsonNode v = node.get(name);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof ArrayNode a)) {
      throw fail(child(pointer, name), "expected an array but found " + describe(v));
    }
    List<JsonNode> out = new ArrayList<>(a.size());
    a.forEach(out::add);
    return out;
  }

  /**
   * A required array member.
   *
   * @param node the object
   * @param pointer where the object is
   * @param name the member name
   * @return the elements
   */
  public List<JsonNode> array(ObjectNode node, String pointer, String name) {
    require(node, pointer, name);
    return optArray(node, pointer, name);
  }

  /**
   * A required string member, not blank.
   *
   * @param node the object
   * @param pointer where the object is
   * @param name the member name
   * @return the text
   */
  public String text(ObjectNode node, String pointer, String name) {
    require(node, pointer, name);
    String s = optText(node, pointer, name).orElseThrow();
    if (s.isBlank()) {
      throw fail(child(pointer, name), "must not be blank");
    }
    return s;
  }

  /**
   * An optional string member.
   *
   * @param node the object
   * @param pointer where the object is
   * @param name the member name
   * @return the text, or empty when absent or null
   */
  public Optional<String> optText(ObjectNode node, String pointer, String name) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isTextual()) {
      throw fail(child(pointer, name), "expected a string but found " + describe(v));
    }
    return Optional.of(v.textValue());
  }

  /**
   * An array of strings member, which may be absent (then empty).
   *
   * @param node the object
   * @param pointer where the object is
   * @param name the member name
   * @return the strings
   */
  public List<String> optTexts(ObjectNode node, String pointer, String name) {
    List<JsonNode> a = optArray(node, pointer, name);
    List<String> out = new ArrayList<>(a.size());
    for (int i = 0; i < a.size(); i++) {
      JsonNode v = a.get(i);
      if (!v.isTextual()) {
        throw fail(child(pointer, name) + "/" + i, "expected a string but found " + describe(v));
      }
      out.add(v.textValue());
    }
    return out;
  }

  /**
   * An optional boolean member.
   *
   * @param node the object
   * @param pointer where the object is
   * @param name the member name
   * @param dflt the value when absent
   * @return the boolean
   */
  public boolean bool(ObjectNode node, String pointer, String name, boolean dflt) {
    JsonNode v = node.get(name);
    if (v == null) {
      return dflt;
    }
    if (!v.isBoolean()) {
      throw fail(child(pointer, name), "expected true or false but found " + describe(v));
    }
    return v.booleanValue();
  }

  /**
   * A required ISO date member ({@code 2024-03-01}).
   *
   * @param node the object
   * @param pointer where the object is
   * @param name the member name
   * @return the date
   */
  public LocalDate date(ObjectNode node, String pointer, String name) {
    require(node, pointer, name);
    return optDate(node, pointer, name).orElseThrow();
  }

  /**
   * An optional ISO date member.
   *
   * @param node the object
   * @param pointer where the object is
   * @param name the member name
   * @return the date, or empty when absent or null
   */
  public Optional<LocalDate> optDate(ObjectNode node, String pointer, String name) {
    Optional<String> s = optText(node, pointer, name);
    if (s.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(s.get()));
    } catch (DateTimeParseException e) {
      throw fail(child(pointer, name), "'" + s.get() + "' is not a date like 2024-03-01");
    }
  }

  /**
   * A grid level given by name.
   *
   * @param node the object
   * @param pointer where the object is
   * @param name the member name
   * @return the level
   */
  public GridLevel level(ObjectNode node, String pointer, String name) {
    return level(text(node, pointer, name), child(pointer, name));
  }

  /**
   * A grid level from its name.
   *
   * @param name the level name
   * @param pointer where it is
   * @return the level
   */
  public GridLevel level(String name, String pointer) {
    try {
      return GridLevel.of(name);
    } catch (IllegalArgumentException e) {
      throw fail(pointer, e.getMessage());
    }
  }

  /**
   * An enum constant by its exact name.
   *
   * @param node the object
   * @param pointer where the object is
   * @param name the member name
   * @param type the enum type
   * @param <E> the enum type
   * @return the constant
   */
  public <E extends Enum<E>> E enumValue(
      ObjectNode node, String pointer, String name, Class<E> type) {
    String s = text(node, pointer, name);
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(s)) {
        return e;
      }
    }
    List<String> names = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      names.add(e.name());
    }
    throw fail(child(pointer, name), "'" + s + "' is not one of " + String.join(", ", names));
  }

  /**
   * Fails with a pointer when a member is missing.
   *
   * @param node the object
   * @param pointer where the object is
   * @param name the member name
   */
  public void require(ObjectNode node, String pointer, String name) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      throw fail(child(pointer, name), "required member '" + name + "' is missing");
    }
  }

  /**
   * A short description of a node's type for messages.
   *
   * @param node the node
   * @return such as {@code a number} or {@code null}
   */
  public static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    return switch (node.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
