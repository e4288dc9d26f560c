package org.gridgov.rules.lists;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.gridgov.core.GridLevel;
import org.gridgov.core.InputCode;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.io.Json;
import org.gridgov.core.io.JsonNodeAt;
import org.gridgov.core.io.Problems;
import org.gridgov.core.io.Suggestions;
import org.gridgov.core.time.TimeLimit;
import org.gridgov.core.time.TimeLimits;

/**
 * Reads and writes the lists document ({@code lists.json}) described in {@code docs/lists.md}: one
 * JSON object holding {@code departments}, {@code items}, {@code authorities}, {@code access} and
 * {@code prohibited}.
 *
 * <p>Reading is strict and all-or-nothing, and reports every problem at once: unknown members (with
 * a "did you mean"), wrong types, duplicate member names, bad dates, levels, codes or time limits
 * are collected and thrown as one {@link InvalidInputException} whose {@link
 * InvalidInputException#problems()} names each with the source, line, column and JSON pointer (such
 * as {@code lists.json:12:20: /items/3/timeLimits/normal: ...}); nothing is returned then. The
 * document limits of grid-core's {@link Json} apply. Consistency between the lists (duplicates,
 * dangling references) is not a reading error: run a {@link ListConsistencyChecker} on the result.
 *
 * <p>Thread-safe: all methods are static and keep no state.
 */
public final class ListsJson {
  /** The value of the optional {@code format} member. */
  public static final String FORMAT = "gridgov-lists/1";

  private static final Set<String> TOP =
      Set.of("format", "departments", "items", "authorities", "access", "prohibited");
  private static final Set<String> DEPARTMENT = Set.of("id", "name", "level", "jointDuty");
  private static final Set<String> ITEM =
      Set.of(
          "code",
          "name",
          "category",
          "level",
          "autoDispatch",
          "timeLimits",
          "department",
          "filingCriteria",
          "closingCriteria");
  private static final Set<String> LIMITS = Set.of("normal", "urgent");
  private static final Set<String> AUTHORITY =
      Set.of("item", "level", "departments", "powerType", "legalBasis", "duties");
  private static final Set<String> ACCESS =
      Set.of(
          "item",
          "level",
          "requestingDepartment",
          "approvingAgency",
          "effectiveFrom",
          "effectiveTo",
          "temporary",
          "announced");
  private static final Set<String> PROHIBITED = Set.of("item", "name", "levels", "reason");

  private ListsJson() {}

  /**
   * Reads a lists document from a file.
   *
   * @param file the file
   * @return the lists
   * @throws InvalidInputException when the file cannot be read or is not a valid lists document
   */
  public static GovernanceLists read(Path file) {
    String source = Objects.requireNonNull(file, "file").toString();
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, source);
    } catch (IOException e) {
      String why = e instanceof NoSuchFileException ? "no such file" : e.getMessage();
      throw new InvalidInputException(source, 0, 0, "", "cannot read: " + why, e);
    }
  }

  /**
   * Reads a lists document from a stream.
   *
   * @param in the stream, read fully and not closed
   * @param source the name used in error messages, such as the file name
   * @return the lists
   * @throws InvalidInputException when the document is not a valid lists document
   */
  public static GovernanceLists read(InputStream in, String source) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(source, "source");
    return Json.read(in, source, Problems.Mode.ALL_ERRORS, ListsJson::read);
  }

  /**
   * Writes the lists to a file as a pretty-printed UTF-8 document that {@link #read} reads back
   * equal.
   *
   * @param lists the lists
   * @param file the file, replaced if it exists
   * @throws UncheckedIOException if the file cannot be written
   */
  public static void write(GovernanceLists lists, Path file) {
    Objects.requireNonNull(file, "file");
    try {
      Files.writeString(file, toJson(lists), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes the lists as a pretty-printed UTF-8 document that {@link #read} reads back equal.
   *
   * @param lists the lists
   * @param out the stream, not closed
   * @throws UncheckedIOException if the stream fails
   */
  public static void write(GovernanceLists lists, OutputStream out) {
    try {
      out.write(toJson(lists).getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The lists as a pretty-printed JSON text.
   *
   * @param lists the lists
   * @return the text, ending with a newline
   */
  public static String toJson(GovernanceLists lists) {
    return Json.pretty(toTree(Objects.requireNonNull(lists, "lists"))) + "\n";
  }

  /**
   * The lists as a JSON tree.
   *
   * @param lists the lists
   * @return a new object node
   */
  static ObjectNode toTree(GovernanceLists lists) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    root.put("format", FORMAT);
    ArrayNode ds = root.putArray("departments");
    for (Department d : lists.departments()) {
      ObjectNode o = ds.addObject();
      o.put("id", d.id()).put("name", d.name()).put("level", d.level().name());
      o.put("jointDuty", d.jointDuty());
    }
    ArrayNode is = root.putArray("items");
    for (Item i : lists.items()) {
      ObjectNode o = is.addObject();
      o.put("code", i.code()).put("name", i.name());
      ArrayNode c = o.putArray("category");
      i.categoryPath().forEach(c::add);
      o.put("level", i.level().name()).put("autoDispatch", i.autoDispatch());
      o.putObject("timeLimits")
          .put("normal", i.timeLimits().normal().toString())
          .put("urgent", i.timeLimits().urgent().toString());
      i.defaultDepartment().ifPresent(d -> o.put("department", d));
      putIfNotEmpty(o, "filingCriteria", i.filingCriteria());
      putIfNotEmpty(o, "closingCriteria", i.closingCriteria());
    }
    ArrayNode as = root.putArray("authorities");
    for (AuthorityEntry a : lists.authorities()) {
      ObjectNode o = as.addObject();
      o.put("item", a.itemCode()).put("level", a.level().name());
      ArrayNode d = o.putArray("departments");
      a.departments().forEach(d::add);
      o.put("powerType", a.powerType().name());
      putIfNotEmpty(o, "legalBasis", a.legalBasis());
      if (!a.duties().isEmpty()) {
        ArrayNode du = o.putArray("duties");
        a.duties().forEach(du::add);
      }
    }
    ArrayNode ac = root.putArray("access");
    for (AccessEntry a : lists.access()) {
      ObjectNode o = ac.addObject();
      o.put("item", a.itemCode())
          .put("level", a.level().name())
          .put("requestingDepartment", a.requestingDepartment())
          .put("approvingAgency", a.approvingAgency())
          .put("effectiveFrom", a.effectiveFrom().toString());
      a.effectiveTo().ifPresent(t -> o.put("effectiveTo", t.toString()));
      o.put("temporary", a.temporary()).put("announced", a.announced());
    }
    ArrayNode ps = root.putArray("prohibited");
    for (ProhibitedEntry p : lists.prohibited()) {
      ObjectNode o = ps.addObject();
      o.put("item", p.itemCode());
      putIfNotEmpty(o, "name", p.name());
      if (!p.levels().isEmpty()) {
        ArrayNode l = o.putArray("levels");
        p.levels().forEach(v -> l.add(v.name()));
      }
      putIfNotEmpty(o, "reason", p.reason());
    }
    return root;
  }

  private static void putIfNotEmpty(ObjectNode o, String name, String value) {
    if (!value.isEmpty()) {
      o.put(name, value);
    }
  }

  /**
   * Reads a lists document from a located tree, reporting every problem to the tree's collector; an
   * element with a problem is left out and the others are still read.
   *
   * @param root the document's root
   * @return the lists (incomplete when problems were recorded)
   */
  static GovernanceLists read(JsonNodeAt root) {
    root.onlyKeys(TOP);
    root.opt("format")
        .ifPresent(
            f -> {
              String format = f.asString();
              if (!format.equals(FORMAT)) {
                throw f.fail(
                    "unsupported format "
                        + Problems.quote(format)
                        + "; this reader reads "
                        + FORMAT);
              }
            });
    GovernanceLists.Builder b = GovernanceLists.builder();
    Problems problems = root.problems();
    problems
        .attempt(() -> root.list("departments", ListsJson::department))
        .ifPresent(l -> l.forEach(b::department));
    problems.attempt(() -> root.list("items", ListsJson::item)).ifPresent(l -> l.forEach(b::item));
    problems
        .attempt(() -> root.list("authorities", ListsJson::authority))
        .ifPresent(l -> l.forEach(b::authority));
    problems
        .attempt(() -> root.list("access", ListsJson::access))
        .ifPresent(l -> l.forEach(b::access));
    problems
        .attempt(() -> root.list("prohibited", ListsJson::prohibited))
        .ifPresent(l -> l.forEach(b::prohibited));
    return root.guard(b::build);
  }

  private static Department department(JsonNodeAt o) {
    o.onlyKeys(DEPARTMENT);
    String id = text(o, "id");
    String name = text(o, "name");
    GridLevel level = level(o);
    boolean jointDuty = o.bool("jointDuty", false);
    return o.guard(() -> new Department(id, name, level, jointDuty));
  }

  private static Item item(JsonNodeAt o) {
    int errors = o.problems().errorCount();
    o.onlyKeys(ITEM);
    String code = text(o, "code");
    String name = text(o, "name");
    JsonNodeAt categories = o.get("category");
    List<String> category = categories.elements(JsonNodeAt::asString);
    if (categories.node().isEmpty()) {
      throw o.fail("category", "needs at least the category");
    }
    GridLevel level = level(o);
    boolean auto = o.bool("autoDispatch", false);
    TimeLimits limits = timeLimits(o.object("timeLimits"));
    Optional<String> department = o.optString("department");
    String filing = o.optString("filingCriteria").orElse("");
    String closing = o.optString("closingCriteria").orElse("");
    if (o.problems().errorCount() > errors) {
      return null; // a part was left out and its problem recorded: do not build a partial entry
    }
    return o.guard(
        () -> new Item(code, name, category, level, auto, limits, department, filing, closing));
  }

  private static TimeLimits timeLimits(JsonNodeAt o) {
    o.onlyKeys(LIMITS);
    TimeLimit normal = o.parsed("normal", "time limit", TimeLimit::parse);
    Optional<TimeLimit> urgent = o.optParsed("urgent", "time limit", TimeLimit::parse);
    return o.guard(() -> new TimeLimits(normal, urgent.orElse(normal)));
  }

  private static AuthorityEntry authority(JsonNodeAt o) {
    int errors = o.problems().errorCount();
    o.onlyKeys(AUTHORITY);
    String item = text(o, "item");
    GridLevel level = level(o);
    List<String> departments = o.get("departments").elements(JsonNodeAt::asString);
    PowerType power = powerType(o.get("powerType"));
    String legalBasis = o.optString("legalBasis").orElse("");
    List<String> duties = o.list("duties", JsonNodeAt::asString);
    if (o.problems().errorCount() > errors) {
      return null; // a part was left out and its problem recorded: do not build a partial entry
    }
    return o.guard(() -> new AuthorityEntry(item, level, departments, power, legalBasis, duties));
  }

  /** A power type by its exact upper-case name, as written ({@code PENALTY}). */
  private static PowerType powerType(JsonNodeAt n) {
    String s = n.asString();
    List<String> names = new ArrayList<>();
    for (PowerType t : PowerType.values()) {
      if (t.name().equals(s)) {
        return t;
      }
      names.add(t.name());
    }
    throw n.problems()
        .fail(
            InputCode.UNKNOWN_NAME,
            n.pointer(),
            "unknown power type " + Problems.quote(s) + Suggestions.hint(s, names));
  }

  private static AccessEntry access(JsonNodeAt o) {
    o.onlyKeys(ACCESS);
    String item = text(o, "item");
    GridLevel level = level(o);
    String requesting = text(o, "requestingDepartment");
    String approving = text(o, "approvingAgency");
    LocalDate from = o.parsed("effectiveFrom", "date", LocalDate::parse);
    Optional<LocalDate> to = o.optParsed("effectiveTo", "date", LocalDate::parse);
    if (to.isPresent() && to.get().isBefore(from)) {
      throw o.fail("effectiveTo", "expiry " + to.get() + " is before effectiveFrom " + from);
    }
    boolean temporary = o.bool("temporary", false);
    if (temporary && to.isEmpty()) {
      throw o.fail("effectiveTo", "a temporary admission needs an expiry date");
    }
    boolean announced = o.bool("announced", false);
    return o.guard(
        () -> new AccessEntry(item, level, requesting, approving, from, to, temporary, announced));
  }

  private static ProhibitedEntry prohibited(JsonNodeAt o) {
    int errors = o.problems().errorCount();
    o.onlyKeys(PROHIBITED);
    List<GridLevel> levels = o.list("levels", n -> n.asParsed("level", GridLevel::of));
    String item = text(o, "item");
    String name = o.optString("name").orElse("");
    String reason = o.optString("reason").orElse("");
    if (o.problems().errorCount() > errors) {
      return null; // a part was left out and its problem recorded: do not build a partial entry
    }
    return o.guard(() -> new ProhibitedEntry(item, name, new LinkedHashSet<>(levels), reason));
  }

  private static GridLevel level(JsonNodeAt o) {
    return o.parsed("level", "level", GridLevel::of);
  }

  /** A required string member that must not be blank. */
  private static String text(JsonNodeAt o, String name) {
    String s = o.string(name);
    if (s.isBlank()) {
      throw o.fail(name, "must not be blank");
    }
    return s;
  }
}
