package org.gridgov.risk;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.SourceLocation;
import org.gridgov.core.io.AtomicFiles;
import org.gridgov.core.io.Json;
import org.gridgov.core.io.JsonLines;
import org.gridgov.core.io.JsonNodeAt;
import org.gridgov.core.io.Problems;

/**
 * Reads facts files: JSON Lines, one element's facts per line (docs/risk.md, "Facts"):
 *
 * <pre>{@code
 * {"element":"S-0001","facts":{"disputes90d":3,"escalated":true},"at":"2026-05-06"}
 * }</pre>
 *
 * <p>All or nothing: every problem in the file is collected and thrown as one {@link
 * InvalidInputException} naming the file, line and JSON pointer (unknown fields with a "did you
 * mean"); no facts are returned from a file with a problem. Writing ({@link #toJson}, {@link
 * #write}) gives lines the reader reads back to the same facts. Stateless.
 */
public final class FactFiles {
  private static final Set<String> FIELDS = Set.of("element", "facts", "at");

  private FactFiles() {}

  /**
   * Reads a facts file.
   *
   * @param file the file
   * @return the facts, in file order
   * @throws InvalidInputException listing every problem with its line
   */
  public static List<ElementFacts> read(Path file) {
    return readLocated(file).facts();
  }

  /**
   * Reads a facts file and remembers the line of each element's facts, so that a later problem with
   * an element (recolouring's findings) can be placed in the file.
   *
   * @param file the file
   * @return the facts with their lines
   * @throws InvalidInputException listing every problem with its line
   */
  public static Located readLocated(Path file) {
    List<ElementFacts> out = new ArrayList<>();
    Map<String, Integer> firstLine = new HashMap<>();
    JsonLines.read(
        file,
        Problems.Mode.ALL_ERRORS,
        node -> decode(node, firstLine),
        (line, facts) -> {
          firstLine.putIfAbsent(facts.element(), line);
          out.add(facts);
        });
    return new Located(file.toString(), out, firstLine);
  }

  /**
   * The facts of a file with the line of each element's facts.
   *
   * @param source the file name used in messages
   * @param facts the facts, in file order
   * @param lines the 1-based line of each element's facts
   */
  public record Located(String source, List<ElementFacts> facts, Map<String, Integer> lines) {
    /**
     * Copies the fields.
     *
     * @param source the source
     * @param facts the facts
     * @param lines the lines
     */
    public Located {
      Objects.requireNonNull(source, "source");
      facts = List.copyOf(facts);
      lines = Map.copyOf(lines);
    }

    /**
     * Where an element's facts are.
     *
     * @param element the element id
     * @return the file and line, the file alone when the element has no facts here
     */
    public SourceLocation location(String element) {
      Integer line = lines.get(element);
      return line == null ? SourceLocation.at(source, "") : SourceLocation.atLine(source, line);
    }
  }

  /**
   * Reads facts from a stream of UTF-8 bytes.
   *
   * @param in the stream, read to its end, not closed
   * @param source the name used in messages
   * @return the facts, in order
   * @throws InvalidInputException listing every problem with its line
   */
  public static List<ElementFacts> read(InputStream in, String source) {
    List<ElementFacts> out = new ArrayList<>();
    Map<String, Integer> firstLine = new HashMap<>();
    JsonLines.read(
        in,
        source,
        Problems.Mode.ALL_ERRORS,
        node -> decode(node, firstLine),
        (line, facts) -> {
          firstLine.putIfAbsent(facts.element(), line);
          out.add(facts);
        });
    return List.copyOf(out);
  }

  private static ElementFacts decode(JsonNodeAt node, Map<String, Integer> firstLine) {
    node.requireObject();
    node.onlyKeys(FIELDS);
    String element = node.string("element");
    if (element.isBlank()) {
      throw node.fail("element", "element id is blank");
    }
    Integer before = firstLine.get(element);
    if (before != null) {
      throw node.fail(
          "element", "facts for element " + element + " were given on line " + before + " already");
    }
    Map<String, Object> facts = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNodeAt> e : node.object("facts").members().entrySet()) {
      JsonNodeAt v = e.getValue();
      if (e.getKey().isBlank()) {
        v.error("a fact needs a name");
      } else if (v.node().isNumber()) {
        facts.put(e.getKey(), v.asDecimal());
      } else if (v.node().isBoolean()) {
        facts.put(e.getKey(), v.asBoolean());
      } else if (v.node().isTextual()) {
        facts.put(e.getKey(), v.asString());
      } else {
        v.error(
            "fact '"
                + e.getKey()
                + "' is "
                + JsonNodeAt.describe(v.node())
                + "; a fact is a number, a boolean or a string (leave out a fact not known)");
      }
    }
    Optional<LocalDate> at = node.optParsed("at", "ISO date or timestamp", FactFiles::date);
    // a value with a recorded error is not delivered (JsonLines checks the error count)
    return new ElementFacts(element, facts, at);
  }

  /**
   * The JSON line of one element's facts (no line break): {@code element}, {@code facts} by name
   * (numbers as plain decimals: {@code 3}, {@code 0.5}), then {@code at} as an ISO date when known.
   *
   * @param facts the facts
   * @return the JSON text
   */
  public static String toJson(ElementFacts facts) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("element", facts.element());
    ObjectNode f = o.putObject("facts");
    facts
        .facts()
        .forEach(
            (name, v) -> {
              if (v instanceof BigDecimal d) {
                f.put(name, new BigDecimal(d.toPlainString()));
              } else if (v instanceof Boolean b) {
                f.put(name, b);
              } else {
                f.put(name, (String) v);
              }
            });
    facts.at().ifPresent(at -> o.put("at", at.toString()));
    return Json.compact(o);
  }

  /**
   * Writes facts as a JSON Lines file (UTF-8, LF), one {@link #toJson} line each in the order
   * given, replacing the file atomically.
   *
   * @param facts the facts, at most one per element (the reader refuses a second)
   * @param file the file
   * @throws UncheckedIOException when the file cannot be written (it is then unchanged)
   */
  public static void write(List<ElementFacts> facts, Path file) {
    StringBuilder b = new StringBuilder();
    for (ElementFacts f : facts) {
      b.append(toJson(f)).append('\n');
    }
    AtomicFiles.writeString(file, b.toString());
  }

  /** An ISO date, or an ISO timestamp with an offset (its local date as written). */
  private static LocalDate date(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      return OffsetDateTime.parse(text).toLocalDate();
    }
  }
}
