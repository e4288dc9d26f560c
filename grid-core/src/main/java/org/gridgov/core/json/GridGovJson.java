package org.gridgov.core.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
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
import org.gridgov.core.internal.JsonProblem;
import org.gridgov.core.time.TimeLimitTable;
import org.gridgov.core.time.WorkCalendar;

/**
 * The front door for reading and writing core types as JSON (formats in {@code docs/formats.md}).
 *
 * <p>Reading is all-or-nothing: a document either loads completely or fails with an {@link
 * InvalidInputException} naming the file, the line and column (for malformed JSON or a JSON Lines
 * record) and the JSON pointer of the offending value. Duplicate keys and unknown fields are
 * refused, so typos do not pass silently.
 *
 * <p>Stateless and thread-safe.
 */
public final class GridGovJson {
  private static final ObjectMapper MAPPER = newMapper();

  private GridGovJson() {}

  /**
   * A new {@link ObjectMapper} with {@link GridGovModule} and GridGov's strict settings: duplicate
   * keys and trailing tokens are errors, output is indented.
   *
   * @return a mapper the caller may configure further
   */
  public static ObjectMapper newMapper() {
    return JsonMapper.builder()
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .addModule(new GridGovModule())
        .build();
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
    try (InputStream in = Files.newInputStream(file)) {
      return readHierarchyDocument(in, file.toString());
    } catch (IOException e) {
      throw unreadable(file, e);
    }
  }

  /**
   * Reads a hierarchy document from a stream without building it.
   *
   * @param in the stream, not closed
   * @param source the name used in errors
   * @return the ladder and grids
   */
  public static HierarchyDocument readHierarchyDocument(InputStream in, String source) {
    CoreCodec.HierarchyDoc doc = decode(parse(in, source), source, 0, CoreCodec::readHierarchy);
    return new HierarchyDocument(doc.ladder(), doc.grids());
  }

  /**
   * Writes a hierarchy document.
   *
   * @param hierarchy the hierarchy
   * @param out the stream, not closed
   */
  public static void writeHierarchy(GridHierarchy hierarchy, OutputStream out) {
    write(CoreCodec.writeHierarchy(hierarchy.ladder(), hierarchy.grids()), out);
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
   * Reads one case from a JSON object.
   *
   * @param json the JSON text
   * @return the case
   * @throws InvalidInputException with the pointer of a bad value
   */
  public static Case readCase(String json) {
    return decode(parse(json, ""), "", 0, n -> CoreCodec.readCase(n, ""));
  }

  /**
   * Writes one case as a single-line JSON object (a JSON Lines record).
   *
   * @param c the case
   * @return the JSON text, without a line break
   */
  public static String toJsonLine(Case c) {
    try {
      return MAPPER
          .writer()
          .without(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(CoreCodec.writeCase(c));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Reads a JSON Lines file of cases, all or nothing. Blank lines are skipped.
   *
   * @param file the file
   * @return the cases, in file order
   * @throws InvalidInputException naming the line and pointer of the first bad record
   */
  public static List<Case> readCases(Path file) {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return readCases(r, file.toString());
    } catch (IOException e) {
      throw unreadable(file, e);
    }
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
    forEachCase(in, source, out::add);
    return out;
  }

  /**
   * Streams JSON Lines of cases to a consumer, one record at a time, for inputs too large to hold;
   * stops at the first bad record with its line number (records before it were delivered).
   *
   * @param in the reader, not closed
   * @param source the name used in errors
   * @param sink receives each case
   */
  public static void forEachCase(Reader in, String source, Consumer<Case> sink) {
    BufferedReader br = in instanceof BufferedReader b ? b : new BufferedReader(in);
    int lineNo = 0;
    try {
      for (String line = br.readLine(); line != null; line = br.readLine()) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode n;
        try {
          n = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
          throw new InvalidInputException(
              source, lineNo, column(e.getLocation()), "", cleanMessage(e), e);
        }
        sink.accept(decode(n, source, lineNo, x -> CoreCodec.readCase(x, "")));
      }
    } catch (IOException e) {
      throw new InvalidInputException(source, lineNo, 0, "", "cannot read: " + e.getMessage(), e);
    }
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
    return decode(parse(file), file.toString(), 0, CoreCodec::readCalendar);
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
    return decode(parse(file), file.toString(), 0, CoreCodec::readTimeLimitTable);
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
    return decode(parse(json, ""), "", 0, n -> CoreCodec.readPrincipal(n, ""));
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

  private static JsonNode parse(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in, file.toString());
    } catch (IOException e) {
      throw unreadable(file, e);
    }
  }

  private static JsonNode parse(InputStream in, String source) {
    return parse(() -> MAPPER.readTree(in), source);
  }

  private static JsonNode parse(String json, String source) {
    return parse(() -> MAPPER.readTree(json), source);
  }

  private static JsonNode parse(TreeSource tree, String source) {
    try {
      JsonNode n = tree.read();
      if (n == null || n.isMissingNode()) {
        throw new InvalidInputException(source, 0, 0, "", "the document is empty", null);
      }
      return n;
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(
          source, line(e.getLocation()), column(e.getLocation()), "", cleanMessage(e), e);
    } catch (IOException e) {
      throw new InvalidInputException(source, 0, 0, "", "cannot read: " + e.getMessage(), e);
    }
  }

  @FunctionalInterface
  private interface TreeSource {
    JsonNode read() throws IOException;
  }

  /** Applies a codec to a parsed tree, turning its pointer problems into located exceptions. */
  private static <T> T decode(JsonNode root, String source, int line, Function<JsonNode, T> codec) {
    try {
      return codec.apply(root);
    } catch (JsonProblem p) {
      throw located(source, line, p);
    }
  }

  private static InvalidInputException located(String source, int line, JsonProblem p) {
    return new InvalidInputException(source, line, 0, p.pointer(), p.reason(), null);
  }

  private static InvalidInputException unreadable(Path file, IOException e) {
    return new InvalidInputException(
        file.toString(),
        0,
        0,
        "",
        "cannot read: " + e.getClass().getSimpleName() + " " + e.getMessage(),
        e);
  }

  private static int line(JsonLocation l) {
    return l == null ? 0 : Math.max(0, l.getLineNr());
  }

  private static int column(JsonLocation l) {
    return l == null ? 0 : Math.max(0, l.getColumnNr());
  }

  /** Jackson's message without its location suffix, which we render ourselves. */
  static String cleanMessage(JsonProcessingException e) {
    String m = e.getOriginalMessage();
    if (m == null) {
      return "malformed JSON";
    }
    int nl = m.indexOf('\n');
    return "malformed JSON: " + (nl >= 0 ? m.substring(0, nl) : m);
  }

  private static void write(JsonNode node, OutputStream out) {
    try {
      MAPPER.writeValue(new NonClosingOutputStream(out), node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final class NonClosingOutputStream extends java.io.FilterOutputStream {
    NonClosingOutputStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
