package org.gridgov.rules.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.gridgov.core.InvalidInputException;
import org.gridgov.rules.table.internal.DmnTables;
import org.gridgov.rules.table.internal.JsonTables;

/**
 * The front door for reading and writing decision tables: the JSON format of
 * docs/decision-tables.md and DMN 1.3–1.5 XML (through {@link DmnReader}), chosen by file
 * extension. Also the JSON conversion of inputs and results used by command lines.
 *
 * <p>Readers are all or nothing: a problem throws {@link InvalidInputException} naming the file and
 * the JSON pointer (or line), rule number and column. Stateless and thread-safe.
 */
public final class DecisionTables {
  private DecisionTables() {}

  /**
   * Reads the table of a file: {@code .dmn} (or {@code .xml}) as DMN, which must then hold exactly
   * one decision table, anything else as JSON.
   *
   * @param file the file
   * @return the table
   * @throws InvalidInputException if the file cannot be read or is malformed, or a DMN file holds
   *     several decision tables
   */
  public static DecisionTable read(Path file) {
    if (isDmn(file)) {
      DmnTables dmn = DmnTables.parse(DmnReader.defaults().bytes(file), file.toString());
      List<String> names = dmn.tableNames();
      if (names.size() > 1) {
        throw InvalidInputException.at(
            file.toString(), "", "the file has several decision tables " + names + "; name one");
      }
      return dmn.all().get(0);
    }
    return readJson(file);
  }

  /**
   * Reads a named table of a file: for DMN the decision with that name or id; for JSON the file's
   * table, which must have that name or id.
   *
   * @param file the file
   * @param decision the decision name or id
   * @return the table
   * @throws InvalidInputException if the file is malformed or has no such decision
   */
  public static DecisionTable read(Path file, String decision) {
    if (isDmn(file)) {
      return DmnReader.defaults().read(file, decision);
    }
    DecisionTable t = readJson(file);
    if (!t.name().equals(decision) && !t.id().equals(decision)) {
      throw InvalidInputException.at(
          file.toString(), "/name", "the table is '" + t.name() + "', not '" + decision + "'");
    }
    return t;
  }

  /**
   * Reads a JSON table file.
   *
   * @param file the file
   * @return the table
   */
  public static DecisionTable readJson(Path file) {
    byte[] bytes = DmnReader.defaults().bytes(file);
    return JsonTables.read(JsonTables.parse(bytes, file.toString()), file.toString(), "");
  }

  /**
   * Reads a JSON table from a stream (bounded like {@link DmnReader#DEFAULT_MAX_BYTES}).
   *
   * @param in the stream, not closed
   * @param sourceName the name used in messages
   * @return the table
   */
  public static DecisionTable readJson(InputStream in, String sourceName) {
    byte[] bytes = DmnReader.defaults().bytes(in, sourceName);
    return JsonTables.read(JsonTables.parse(bytes, sourceName), sourceName, "");
  }

  /**
   * Reads a JSON table from text.
   *
   * @param json the JSON text
   * @param sourceName the name used in messages
   * @return the table
   */
  public static DecisionTable readJson(String json, String sourceName) {
    return JsonTables.read(
        JsonTables.parse(json.getBytes(StandardCharsets.UTF_8), sourceName), sourceName, "");
  }

  /**
   * Reads a table embedded in a larger JSON document (a policy set, say).
   *
   * @param node the table object
   * @param sourceName the document's name, for messages
   * @param pointer the JSON pointer of {@code node} in the document, prefixed to error pointers
   * @return the table
   */
  public static DecisionTable fromJson(JsonNode node, String sourceName, String pointer) {
    return JsonTables.read(node, sourceName, pointer);
  }

  /**
   * Every decision table of a DMN file.
   *
   * @param file the file
   * @return the tables
   */
  public static List<DecisionTable> readDmn(Path file) {
    return DmnReader.defaults().readAll(file);
  }

  /**
   * The table as a JSON tree in the documented format; {@link #fromJson} reads it back equal.
   *
   * @param table the table
   * @return the tree
   */
  public static ObjectNode toJsonTree(DecisionTable table) {
    return JsonTables.write(table);
  }

  /**
   * The table as indented JSON text.
   *
   * @param table the table
   * @return the text
   */
  public static String toJson(DecisionTable table) {
    try {
      return JsonTables.MAPPER.writeValueAsString(JsonTables.write(table));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes the table to a JSON file.
   *
   * @param table the table
   * @param file the file, replaced if it exists
   * @throws UncheckedIOException if the file cannot be written
   */
  public static void writeJson(DecisionTable table, Path file) {
    try {
      Files.writeString(file, toJson(table) + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Converts a JSON object of input values (keys are input names) to a {@link DecisionInput},
   * typing each value by the table's input clause: JSON strings, numbers and booleans, ISO text
   * ({@code "2026-01-01"}, {@code "PT4H"}) for temporal inputs. A value that does not convert is
   * kept as is, so evaluation reports it as an error naming the input.
   *
   * @param table the table
   * @param object the JSON object
   * @return the input
   * @throws InvalidInputException if {@code object} is not a JSON object
   */
  public static DecisionInput inputFromJson(DecisionTable table, JsonNode object) {
    return JsonTables.input(table, object, "", "");
  }

  /**
   * Converts a result value ({@link DecisionResult#value()}), an output value or an output map to
   * JSON: numbers exactly, temporal values as ISO text, maps as objects, lists as arrays.
   *
   * @param value the value, may be {@code null} (JSON null)
   * @return the JSON value
   */
  public static JsonNode valueToJson(Object value) {
    return JsonTables.toJson(value);
  }

  private static boolean isDmn(Path file) {
    String n = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
    return n.endsWith(".dmn") || n.endsWith(".xml");
  }
}
