package org.gridgov.core.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gridgov.core.Grid;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.GridId;
import org.gridgov.core.HierarchyProblem;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.access.Principal;
import org.gridgov.core.cases.Case;
import org.gridgov.core.internal.CoreCodec;
import org.gridgov.core.io.Json;
import org.gridgov.core.io.JsonDocument;
import org.gridgov.core.io.JsonLines;
import org.gridgov.core.io.JsonNodeAt;
import org.gridgov.core.io.Problems;
import org.gridgov.core.time.TimeLimitTable;
import org.gridgov.core.time.WorkCalendar;

/**
 * The front door for reading and writing core types as JSON (formats in {@code docs/formats.md}).
 *
 * <p>Reading is all-or-nothing: a document either loads completely or fails with an {@link
 * InvalidInputException} naming the file, the line and column and the JSON pointer of the offending
 * value; a document's problems are collected and reported together ({@link
 * InvalidInputException#problems()}), a JSON Lines file stops at its first bad record. Duplicate
 * keys and unknown fields are refused (with a "did you mean"), so typos do not pass silently. The
 * size limits are those of the GridGov I/O toolkit (docs/formats.md, "Limits").
 *
 * <p>Names: {@code readX(Path)}, {@code readX(InputStream, sourceName)} and {@code writeX(x,
 * OutputStream)} for each document type X; {@code toJson(x)} for text.
 *
 * <p>Stateless and thread-safe.
 */
public final class GridGovJson {

  private GridGovJson() {}

  /**
   * A new {@link ObjectMapper} with {@link GridGovModule} and GridGov's strict settings: duplicate
   * keys and trailing tokens are errors, output is indented.
   *
   * @return a mapper the caller may configure further
   */
  public static ObjectMapper newMapper() {
    ObjectMapper m = Json.newMapper();
    m.disable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    m.registerModule(new GridGovModule());
    return m;
  }

  // ------------------------------------------------------------------ hierarchy

  /**
   * Reads and builds a hierarchy document.
   *
   * @param file the document
   * @return the hierarchy
   * @throws InvalidInputException for malformed JSON, a bad value, or structural problems (all of
   *     them listed, each with its pointer)
   */
  public static GridHierarchy readHierarchy(Path file) {
    return build(readHierarchyDocument(file), file.toString());
  }

  /**
   * Reads and builds a hierarchy document from a stream.
   *
   * @param in the stream, read to its end, not closed
   * @param source the name used in errors
   * @return the hierarchy
   */
  public static GridHierarchy readHierarchy(InputStream in, String source) {
    return build(readHierarchyDocument(in, source), source);
  }

  /**
   * Reads a hierarchy document without building it, so that structural problems can be listed.
   *
   * @param file the document
   * @return the ladder and grids
   * @throws InvalidInputException for malformed JSON or a bad value
   */
  public static HierarchyDocument readHierarchyDocument(Path file) {
    return hierarchyDocument(Json.parse(file));
  }

  /**
   * Reads a hierarchy document from a stream without building it.
   *
   * @param in the stream, not closed
   * @param source the name used in errors
   * @return the ladder and grids
   */
  public static HierarchyDocument readHierarchyDocument(InputStream in, String source) {
    return hierarchyDocument(Json.parse(in, source));
  }

  private static HierarchyDocument hierarchyDocument(JsonDocument json) {
    CoreCodec.HierarchyDoc doc = json.read(Problems.Mode.ALL_ERRORS, CoreCodec::readHierarchy);
    return new HierarchyDocument(doc.ladder(), doc.grids());
  }

  /**
   * Writes a hierarchy document.
   *
   * @param hierarchy the hierarchy
   * @param out the stream, not closed
   */
  public static void writeHierarchy(GridHierarchy hierarchy, OutputStream out) {
    Json.writePretty(CoreCodec.writeHierarchy(hierarchy.ladder(), hierarchy.grids()), out);
  }

  /**
   * Writes a hierarchy document to a string.
   *
   * @param hierarchy the hierarchy
   * @return the JSON text
   */
  public static String toJson(GridHierarchy hierarchy) {
    return text(CoreCodec.writeHierarchy(hierarchy.ladder(), hierarchy.grids()));
  }

  private static GridHierarchy build(HierarchyDocument doc, String source) {
    List<HierarchyProblem> problems = doc.problems();
    if (problems.isEmpty()) {
      return doc.build();
    }
    Map<GridId, Integer> index = new HashMap<>();
    for (int i = 0; i < doc.grids().size(); i++) {
      index.putIfAbsent(doc.grids().get(i).id(), i);
    }
    String pointer = "/grids/" + index.get(problems.get(0).ids().get(0));
    String all =
        problems.stream()
            .map(p -> "/grids/" + index.get(p.ids().get(0)) + " " + p.message())
            .collect(Collectors.joining("; "));
    throw new InvalidInputException(
        source,
        0,
        0,
        pointer,
        problems.size() + " structural problem" + (problems.size() == 1 ? "" : "s") + ": " + all,
        new org.gridgov.core.HierarchyException(problems));
  }

  // ------------------------------------------------------------------ cases

  /**
   * Reads one case from a JSON object (format version 1 or 2, see docs/formats.md).
   *
   * @param json the JSON text
   * @return the case
   * @throws InvalidInputException with the pointer of a bad value
   */
  public static Case readCase(String json) {
    return decodeText(json, CoreCodec::readCase);
  }

  /**
   * Writes one case as a single-line JSON object (a JSON Lines record), in format version 2 (or
   * version 1 for a case that still carries its assessment facts as attributes).
   *
   * @param c the case
   * @return the JSON text, without a line break
   */
  public static String toJsonLine(Case c) {
    return Json.compact(CoreCodec.writeCase(c));
  }

  /**
   * Reads a JSON Lines file of cases, all or nothing. Blank lines are skipped.
   *
   * @param file the file
   * @return the cases, in file order
   * @throws InvalidInputException naming the line and pointer of the first bad record
   */
  public static List<Case> readCases(Path file) {
    List<Case> out = new ArrayList<>();
    JsonLines.read(file, Problems.Mode.FIRST_ERROR, CoreCodec::readCase, (n, c) -> out.add(c));
    return out;
  }

  /**
   * Reads JSON Lines of cases from a stream of UTF-8 bytes, all or nothing.
   *
   * @param in the stream, not closed
   * @param source the name used in errors
   * @return the cases
   */
  public static List<Case> readCases(InputStream in, String source) {
    List<Case> out = new ArrayList<>();
    readCases(in, source, (n, c) -> out.add(c));
    return out;
  }

  /**
   * Reads JSON Lines of cases from a reader, all or nothing.
   *
   * @param in the reader, not closed
   * @param source the name used in errors
   * @return the cases
   */
  public static List<Case> readCases(Reader in, String source) {
    List<Case> out = new ArrayList<>();
    readCases(in, source, (n, c) -> out.add(c));
    return out;
  }

  /** Receives each case of a JSON Lines input with its line number. */
  @FunctionalInterface
  public interface CaseSink {
    /**
     * Receives one case.
     *
     * @param line the 1-based line it was on
     * @param c the case
     */
    void accept(int line, Case c);
  }

  /**
   * Streams JSON Lines of cases to a sink, one record at a time, for inputs too large to hold;
   * stops at the first bad record with its line number (records before it were delivered). Lines
   * may end with LF, CRLF or CR; a UTF-8 byte order mark is accepted; a record is at most 1 MiB.
   *
   * @param in the stream of UTF-8 bytes, not closed
   * @param source the name used in errors
   * @param sink receives each case and its line
   */
  public static void readCases(InputStream in, String source, CaseSink sink) {
    JsonLines.read(in, source, Problems.Mode.FIRST_ERROR, CoreCodec::readCase, sink::accept);
  }

  /**
   * Streams JSON Lines of cases from a reader to a sink; see {@link #readCases(InputStream, String,
   * CaseSink)}.
   *
   * @param in the reader, not closed
   * @param source the name used in errors
   * @param sink receives each case and its line
   */
  public static void readCases(Reader in, String source, CaseSink sink) {
    JsonLines.read(in, source, Problems.Mode.FIRST_ERROR, CoreCodec::readCase, sink::accept);
  }

  /**
   * Writes cases as JSON Lines.
   *
   * @param cases the cases
   * @param out the writer, flushed, not closed
   */
  public static void writeCases(Iterable<Case> cases, Writer out) {
    try {
      for (Case c : cases) {
        out.write(toJsonLine(c));
        out.write('\n');
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ------------------------------------------------------------------ time and access

  /**
   * Reads a working calendar.
   *
   * @param file the document
   * @return the calendar
   */
  public static WorkCalendar readCalendar(Path file) {
    return Json.read(file, Problems.Mode.ALL_ERRORS, CoreCodec::readCalendar);
  }

  /**
   * Reads a working calendar from a stream.
   *
   * @param in the stream, not closed
   * @param source the name used in errors
   * @return the calendar
   */
  public static WorkCalendar readCalendar(InputStream in, String source) {
    return Json.read(in, source, Problems.Mode.ALL_ERRORS, CoreCodec::readCalendar);
  }

  /**
   * Writes a working calendar.
   *
   * @param calendar the calendar
   * @param out the stream, not closed
   */
  public static void writeCalendar(WorkCalendar calendar, OutputStream out) {
    Json.writePretty(CoreCodec.writeCalendar(calendar), out);
  }

  /**
   * Writes a working calendar.
   *
   * @param calendar the calendar
   * @return the JSON text
   */
  public static String toJson(WorkCalendar calendar) {
    return text(CoreCodec.writeCalendar(calendar));
  }

  /**
   * Reads a time-limit table.
   *
   * @param file the document
   * @return the table
   */
  public static TimeLimitTable readTimeLimits(Path file) {
    return Json.read(file, Problems.Mode.ALL_ERRORS, CoreCodec::readTimeLimitTable);
  }

  /**
   * Reads a time-limit table from a stream.
   *
   * @param in the stream, not closed
   * @param source the name used in errors
   * @return the table
   */
  public static TimeLimitTable readTimeLimits(InputStream in, String source) {
    return Json.read(in, source, Problems.Mode.ALL_ERRORS, CoreCodec::readTimeLimitTable);
  }

  /**
   * Writes a time-limit table.
   *
   * @param table the table
   * @param out the stream, not closed
   */
  public static void writeTimeLimits(TimeLimitTable table, OutputStream out) {
    Json.writePretty(CoreCodec.writeTimeLimitTable(table), out);
  }

  /**
   * Writes a time-limit table.
   *
   * @param table the table
   * @return the JSON text
   */
  public static String toJson(TimeLimitTable table) {
    return text(CoreCodec.writeTimeLimitTable(table));
  }

  /**
   * Reads a principal.
   *
   * @param json the JSON text
   * @return the principal
   */
  public static Principal readPrincipal(String json) {
    return decodeText(json, CoreCodec::readPrincipal);
  }

  /**
   * Writes a principal.
   *
   * @param p the principal
   * @return the JSON text
   */
  public static String toJson(Principal p) {
    return text(CoreCodec.writePrincipal(p));
  }

  /**
   * Writes a grid.
   *
   * @param g the grid
   * @return the JSON text
   */
  public static String toJson(Grid g) {
    return text(CoreCodec.writeGrid(g));
  }

  // ------------------------------------------------------------------ plumbing

  /** Decodes one JSON text first-error, located by pointer (and by line for syntax errors). */
  private static <T> T decodeText(String json, Function<JsonNodeAt, T> codec) {
    JsonNode root = Json.parseLine(json, "", 0);
    return codec.apply(JsonNodeAt.of(root, "", Problems.firstError("")));
  }

  private static String text(JsonNode node) {
    return Json.pretty(node);
  }
}
