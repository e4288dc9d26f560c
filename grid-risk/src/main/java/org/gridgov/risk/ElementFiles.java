package org.gridgov.risk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.gridgov.core.Finding;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.SourceLocation;
import org.gridgov.core.io.AtomicFiles;
import org.gridgov.core.io.Csv;
import org.gridgov.core.io.CsvHeader;
import org.gridgov.core.io.CsvReader;
import org.gridgov.core.io.CsvRow;
import org.gridgov.core.io.Json;
import org.gridgov.core.io.JsonLines;
import org.gridgov.core.io.JsonNodeAt;
import org.gridgov.core.io.Problems;
import org.gridgov.core.risk.ElementType;

/**
 * Reads and writes element registers as files: the elements JSON Lines format of {@code
 * docs/risk.md} and its CSV form (a file whose name ends in {@code .csv}; header {@code
 * id,type,grid,lon,lat,colour,colouredOn,name,from,personal,...} plus one {@code attr.KEY} column
 * per attribute).
 *
 * <p>Reading is all or nothing per file: every problem is collected, located (file, line, JSON
 * pointer or CSV column) with "did you mean" for unknown members, columns, types, colours, flags,
 * kinds and grids, and thrown together as one {@link InvalidInputException}. A line's {@code
 * colour} and {@code colouredOn} become a {@link MarkSource#MANUAL} colour mark with the reason
 * {@code imported from FILE:LINE} (unless the line gives {@code colourReason}).
 *
 * <p>A line's {@code from} defaults to {@link #DEFAULT_FROM} on the first line of its id (never to
 * {@code colouredOn}); a later line of the same id must give it.
 *
 * <p>Writing goes through {@link AtomicFiles}: either every version and colour mark (reading the
 * file back gives the same register), or the register as of a date (one line per element then in
 * force, with its colour then; the plain format other systems read). Both leave out a {@code from}
 * the reader would default to. Stateless and thread-safe.
 */
public final class ElementFiles {
  private ElementFiles() {}

  /** The prefix of a CSV column that holds an attribute: {@code attr.household}. */
  public static final String ATTRIBUTE_COLUMN_PREFIX = "attr.";

  /** What separates the field names of the CSV {@code personal} column: {@code ;}. */
  public static final String PERSONAL_SEPARATOR = ";";

  /** The CSV columns other than attributes, in the order the writer writes them. */
  public static final List<String> CSV_COLUMNS =
      ElementLines.MEMBERS.stream().filter(m -> !m.equals(ElementLines.ATTRIBUTES)).toList();

  /**
   * The register's beginning, 2000-01-01: the date an id's first line without {@code from} is in
   * force from. Never the line's {@code colouredOn} — an element's existence and its colour are
   * different facts, so a coloured element exists, without a colour, before its colour date. The
   * writers leave {@code from} out of an id's first line when it is this date.
   */
  public static final LocalDate DEFAULT_FROM = ElementLines.DEFAULT_FROM;

  // ------------------------------------------------------------------ reading

  /**
   * Reads a file: CSV when its name ends in {@code .csv} (any case), else JSON Lines. Every line
   * names its grid.
   *
   * @param file the file
   * @return the register
   * @throws InvalidInputException listing every problem, located
   */
  public static ElementRegister read(Path file) {
    return read(file, ElementReadOptions.defaults());
  }

  /**
   * Reads a file: CSV when its name ends in {@code .csv} (any case), else JSON Lines.
   *
   * @param file the file
   * @param options the locator and the hierarchy to check grids against
   * @return the register
   * @throws InvalidInputException listing every problem, located (also for an unreadable file)
   */
  public static ElementRegister read(Path file, ElementReadOptions options) {
    Objects.requireNonNull(options, "options");
    boolean csv = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
    try (InputStream in = Files.newInputStream(file)) {
      return csv
          ? readCsv(in, file.toString(), options)
          : readJsonLines(in, file.toString(), options);
    } catch (IOException e) {
      throw new InvalidInputException(
          file.toString(), 0, 0, "", "cannot read the file: " + e.getMessage(), e);
    }
  }

  /**
   * Reads elements JSON Lines.
   *
   * @param in UTF-8 bytes, read to the end, not closed
   * @param source the name used in messages and in imported marks' reasons
   * @param options the locator and hierarchy
   * @return the register
   * @throws InvalidInputException listing every problem, located
   */
  public static ElementRegister readJsonLines(
      InputStream in, String source, ElementReadOptions options) {
    ElementLines lines = new ElementLines(source, options);
    Problems all = Problems.allErrors(source);
    try {
      JsonLines.forEachLine(
          in,
          source,
          (line, text) -> {
            JsonNode node;
            try {
              node = Json.parseLine(text, source, line);
            } catch (InvalidInputException e) {
              all.add(e);
              return;
            }
            // every unknown member of a line is reported, then the first problem of its values
            Problems here = Problems.allErrors(source);
            JsonNodeAt root = JsonNodeAt.of(node, "", here);
            Optional<ElementLines.Parsed> p =
                here.attempt(
                    () -> {
                      root.onlyKeys(ElementLines.MEMBERS);
                      return lines.decode(new JsonFields(root), line);
                    });
            if (here.hasErrors()) {
              for (Finding f : here.findings().errors()) {
                SourceLocation l = f.location().orElse(SourceLocation.UNKNOWN);
                all.add(new InvalidInputException(source, line, 0, l.pointer(), f.message(), null));
              }
            } else {
              p.ifPresent(parsed -> lines.accept(parsed, line));
            }
          });
    } catch (InvalidInputException e) {
      all.add(e);
    }
    all.throwIfErrors();
    return lines.build();
  }

  /**
   * Reads the CSV form (docs/risk.md, "Elements as CSV").
   *
   * @param in UTF-8 bytes, read to the end, not closed
   * @param source the name used in messages and in imported marks' reasons
   * @param options the locator and hierarchy
   * @return the register
   * @throws InvalidInputException listing every problem, located
   */
  public static ElementRegister readCsv(InputStream in, String source, ElementReadOptions options) {
    ElementLines lines = new ElementLines(source, options);
    Problems all = Problems.allErrors(source);
    try (CsvReader reader = CsvReader.of(in, source)) {
      Optional<CsvRow> first = reader.next();
      if (first.isEmpty()) {
        return lines.build(); // an empty file is an empty register
      }
      List<String> optional = new ArrayList<>(CSV_COLUMNS);
      for (String f : first.get().fields()) {
        String n = f.strip();
        if (n.startsWith(ATTRIBUTE_COLUMN_PREFIX)) {
          if (n.length() == ATTRIBUTE_COLUMN_PREFIX.length()) {
            throw first.get().error(n, "an attribute column names its key: attr.KEY");
          }
          optional.add(n);
        }
      }
      CsvHeader header = CsvHeader.read(first.get(), List.of(ElementLines.ID), optional);
      for (Optional<CsvRow> r = reader.next(); r.isPresent(); r = reader.next()) {
        CsvRow row = r.get();
        try {
          header.checkWidth(row);
          ElementLines.Parsed p = lines.decode(new CsvFields(header, row), row.line());
          lines.accept(p, row.line());
        } catch (InvalidInputException e) {
          all.add(e);
        }
      }
    } catch (InvalidInputException e) {
      all.add(e);
    }
    all.throwIfErrors();
    return lines.build();
  }

  /** A JSON line's members. */
  private record JsonFields(JsonNodeAt root) implements ElementLines.Fields {
    @Override
    public boolean has(String member) {
      return root.has(member);
    }

    @Override
    public Optional<String> text(String member) {
      return root.opt(member).map(JsonNodeAt::asString);
    }

    @Override
    public Optional<Double> number(String member) {
      return root.opt(member).map(JsonNodeAt::asDouble);
    }

    @Override
    public boolean flag(String member) {
      return root.opt(member).map(JsonNodeAt::asBoolean).orElse(false);
    }

    @Override
    public Map<String, String> attributes() {
      Map<String, String> out = new LinkedHashMap<>();
      root.optObject(ElementLines.ATTRIBUTES)
          .ifPresent(
              a ->
                  a.members()
                      .forEach(
                          (k, v) -> {
                            JsonNode n = v.node();
                            if (n.isNull()) {
                              return; // null is absent, as for members
                            }
                            if (!(n.isTextual() || n.isNumber() || n.isBoolean())) {
                              throw v.fail(
                                  "an attribute is a string, number or boolean, not "
                                      + JsonNodeAt.describe(n));
                            }
                            out.put(k, n.asText());
                          }));
      return out;
    }

    @Override
    public List<String> personal() {
      return root.opt(ElementLines.PERSONAL)
          .map(p -> p.elements().stream().map(JsonNodeAt::asString).toList())
          .orElse(List.of());
    }

    @Override
    public RuntimeException fail(String member, String reason) {
      return root.fail(member, reason);
    }

    @Override
    public RuntimeException failAttribute(String key, String reason) {
      return root.get(ElementLines.ATTRIBUTES).fail(key, reason);
    }
  }

  /** A CSV record's fields; a blank field is an absent member. */
  private record CsvFields(CsvHeader header, CsvRow row) implements ElementLines.Fields {
    @Override
    public boolean has(String member) {
      if (member.equals(ElementLines.ATTRIBUTES)) {
        return !attributes().isEmpty();
      }
      return header.get(row, member).isPresent();
    }

    @Override
    public Optional<String> text(String member) {
      return header.get(row, member);
    }

    @Override
    public Optional<Double> number(String member) {
      Optional<String> t = text(member);
      if (t.isEmpty()) {
        return Optional.empty();
      }
      try {
        return Optional.of(Double.parseDouble(t.get().strip()));
      } catch (NumberFormatException e) {
        throw fail(member, "expected a number, found '" + t.get() + "'");
      }
    }

    @Override
    public boolean flag(String member) {
      Optional<String> t = text(member);
      if (t.isEmpty() || t.get().strip().equals("false")) {
        return false;
      }
      if (t.get().strip().equals("true")) {
        return true;
      }
      throw fail(member, "expected true or false, found '" + t.get() + "'");
    }

    @Override
    public Map<String, String> attributes() {
      Map<String, String> out = new LinkedHashMap<>();
      for (String column : header.names()) {
        if (column.startsWith(ATTRIBUTE_COLUMN_PREFIX)) {
          header
              .get(row, column)
              .ifPresent(v -> out.put(column.substring(ATTRIBUTE_COLUMN_PREFIX.length()), v));
        }
      }
      return out;
    }

    @Override
    public List<String> personal() {
      List<String> out = new ArrayList<>();
      text(ElementLines.PERSONAL)
          .ifPresent(
              t -> {
                for (String p : t.split(PERSONAL_SEPARATOR, -1)) {
                  if (!p.isBlank()) {
                    out.add(p.strip());
                  }
                }
              });
      return out;
    }

    @Override
    public RuntimeException fail(String member, String reason) {
      String column =
          member.equals(ElementLines.ATTRIBUTES) ? ATTRIBUTE_COLUMN_PREFIX + "*" : member;
      return new InvalidInputException(
          row.source(),
          row.line(),
          header.names().indexOf(column) + 1,
          "column " + column,
          reason,
          null);
    }

    @Override
    public RuntimeException failAttribute(String key, String reason) {
      return fail(ATTRIBUTE_COLUMN_PREFIX + key, reason);
    }
  }

  // ------------------------------------------------------------------ writing

  /**
   * The register as JSON Lines: every version (retirements as {@code "retired": true} lines), then
   * each element's colour marks as colour lines, ids in order. Reading the text gives the same
   * register.
   *
   * @param register the register
   * @return the text, one line per version and mark, each ending in LF
   */
  public static String toJsonLines(ElementRegister register) {
    StringBuilder sb = new StringBuilder();
    for (Map<String, String> line : allLines(register)) {
      sb.append(Json.compact(jsonLine(line))).append('\n');
    }
    return sb.toString();
  }

  /**
   * The register as of a date as JSON Lines: one line per element in force, with its colour then.
   *
   * @param register the register
   * @param asOf the date
   * @return the text
   */
  public static String toJsonLines(ElementRegister register, LocalDate asOf) {
    StringBuilder sb = new StringBuilder();
    for (Map<String, String> line : asOfLines(register, asOf)) {
      sb.append(Json.compact(jsonLine(line))).append('\n');
    }
    return sb.toString();
  }

  /**
   * The register as CSV: every version, then the colour marks (see {@link #toJsonLines(
   * ElementRegister)}).
   *
   * @param register the register
   * @return the text, header first
   */
  public static String toCsv(ElementRegister register) {
    return csv(allLines(register));
  }

  /**
   * The register as of a date as CSV.
   *
   * @param register the register
   * @param asOf the date
   * @return the text, header first
   */
  public static String toCsv(ElementRegister register, LocalDate asOf) {
    return csv(asOfLines(register, asOf));
  }

  /**
   * Writes every version and mark, atomically: CSV when the name ends in {@code .csv}, else JSON
   * Lines.
   *
   * @param register the register
   * @param target the file
   * @throws UncheckedIOException when the file cannot be written (it is then unchanged)
   */
  public static void write(ElementRegister register, Path target) {
    write(target, csv(target) ? toCsv(register) : toJsonLines(register));
  }

  /**
   * Writes the register as of a date, atomically: CSV when the name ends in {@code .csv}, else JSON
   * Lines.
   *
   * @param register the register
   * @param asOf the date
   * @param target the file
   * @throws UncheckedIOException when the file cannot be written (it is then unchanged)
   */
  public static void write(ElementRegister register, LocalDate asOf, Path target) {
    write(target, csv(target) ? toCsv(register, asOf) : toJsonLines(register, asOf));
  }

  private static boolean csv(Path target) {
    return target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
  }

  private static void write(Path target, String text) {
    AtomicFiles.writeString(target, text);
  }

  /** A line as member → text; attributes as {@code attr.KEY}; personal joined by {@code ;}. */
  private static List<Map<String, String>> allLines(ElementRegister register) {
    List<Map<String, String>> out = new ArrayList<>();
    for (String id : register.ids()) {
      boolean first = true;
      for (ElementVersion v : register.versions(id)) {
        Map<String, String> line = new LinkedHashMap<>();
        line.put(ElementLines.ID, id);
        if (v.element().isEmpty()) {
          line.put(ElementLines.FROM, v.from().toString());
          line.put(ElementLines.RETIRED, "true");
        } else {
          element(line, v.element().get());
          from(line, v.from(), first);
        }
        first = false;
        out.add(line);
      }
      for (ColourMark m : register.marks(id)) {
        Map<String, String> line = new LinkedHashMap<>();
        line.put(ElementLines.ID, id);
        mark(line, m);
        out.add(line);
      }
    }
    return out;
  }

  private static List<Map<String, String>> asOfLines(ElementRegister register, LocalDate asOf) {
    List<Map<String, String>> out = new ArrayList<>();
    for (String id : register.ids()) {
      Optional<Element> e = register.element(id, asOf);
      if (e.isEmpty()) {
        continue;
      }
      LocalDate from = LocalDate.MIN;
      for (ElementVersion v : register.versions(id)) {
        if (!v.from().isAfter(asOf)) {
          from = v.from();
        }
      }
      Map<String, String> line = new LinkedHashMap<>();
      line.put(ElementLines.ID, id);
      element(line, e.get());
      from(line, from, true);
      register.colour(id, asOf).ifPresent(m -> mark(line, m));
      out.add(line);
    }
    return out;
  }

  /** A version's {@code from}, left out on an id's first line when the reader defaults to it. */
  private static void from(Map<String, String> line, LocalDate from, boolean firstLineOfId) {
    if (!firstLineOfId || !from.equals(DEFAULT_FROM)) {
      line.put(ElementLines.FROM, from.toString());
    }
  }

  private static void element(Map<String, String> line, Element e) {
    line.put(ElementLines.TYPE, RiskNames.type(e.type()));
    line.put(ElementLines.GRID, e.grid().value());
    e.position()
        .ifPresent(
            p -> {
              line.put(ElementLines.LON, Double.toString(p.lon()));
              line.put(ElementLines.LAT, Double.toString(p.lat()));
            });
    if (!e.name().isEmpty()) {
      line.put(ElementLines.NAME, e.name());
    }
    e.attributes().forEach((k, v) -> line.put(ATTRIBUTE_COLUMN_PREFIX + k, v));
    if (e.type() != ElementType.PEOPLE && !e.personal().isEmpty()) {
      line.put(ElementLines.PERSONAL, String.join(PERSONAL_SEPARATOR, new TreeSet<>(e.personal())));
    }
  }

  private static void mark(Map<String, String> line, ColourMark m) {
    if (m.colour().isPresent()) {
      line.put(ElementLines.COLOUR, RiskNames.colour(m.colour().get()));
    } else {
      line.put(ElementLines.CLEARED, "true");
    }
    line.put(ElementLines.COLOURED_ON, m.from().toString());
    line.put(ElementLines.COLOUR_REASON, m.reason());
    line.put(ElementLines.COLOURED_BY, m.by());
    m.rule().ifPresent(r -> line.put(ElementLines.COLOUR_RULE, r));
    m.review().ifPresent(r -> line.put(ElementLines.REVIEW_ON, r.toString()));
  }

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static ObjectNode jsonLine(Map<String, String> line) {
    ObjectNode o = NODES.objectNode();
    ObjectNode attributes = null;
    for (Map.Entry<String, String> f : line.entrySet()) {
      String k = f.getKey();
      String v = f.getValue();
      if (k.startsWith(ATTRIBUTE_COLUMN_PREFIX)) {
        if (attributes == null) {
          attributes = o.putObject(ElementLines.ATTRIBUTES);
        }
        attributes.put(k.substring(ATTRIBUTE_COLUMN_PREFIX.length()), v);
        continue;
      }
      switch (k) {
        case ElementLines.LON, ElementLines.LAT -> o.put(k, Double.parseDouble(v));
        case ElementLines.RETIRED, ElementLines.CLEARED -> o.put(k, Boolean.parseBoolean(v));
        case ElementLines.PERSONAL -> {
          ArrayNode a = o.putArray(k);
          for (String p : v.split(PERSONAL_SEPARATOR, -1)) {
            a.add(p);
          }
        }
        default -> o.put(k, v);
      }
    }
    return o;
  }

  private static String csv(List<Map<String, String>> lines) {
    TreeSet<String> attributeColumns = new TreeSet<>();
    for (Map<String, String> l : lines) {
      for (String k : l.keySet()) {
        if (k.startsWith(ATTRIBUTE_COLUMN_PREFIX)) {
          attributeColumns.add(k);
        }
      }
    }
    List<String> columns = new ArrayList<>(CSV_COLUMNS);
    columns.addAll(attributeColumns);
    StringBuilder sb = new StringBuilder();
    Csv.writeRow(sb, columns);
    List<String> fields = new ArrayList<>(columns.size());
    for (Map<String, String> l : lines) {
      fields.clear();
      for (String c : columns) {
        fields.add(l.getOrDefault(c, ""));
      }
      Csv.writeRow(sb, fields);
    }
    return sb.toString();
  }
}
