package org.gridgov.rules.lists;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.gridgov.core.GridLevel;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.time.TimeLimit;
import org.gridgov.core.time.TimeLimits;
import org.gridgov.rules.internal.JsonIn;

/**
 * Reads and writes the lists document ({@code lists.json}) described in {@code docs/lists.md}: one
 * JSON object holding {@code departments}, {@code items}, {@code authorities}, {@code access} and
 * {@code prohibited}.
 *
 * <p>Reading is strict and all-or-nothing: unknown members, wrong types, bad dates, levels, codes
 * or time limits fail with an {@link InvalidInputException} naming the source and the JSON pointer
 * (such as {@code lists.json: /items/3/timeLimits/normal: ...}); nothing is returned then.
 * Consistency between the lists (duplicates, dangling references) is not a reading error: run a
 * {@link ListConsistencyChecker} on the result.
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
    String source = file.toString();
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
    JsonIn json = new JsonIn(source);
    return new Reader(json).lists(json.parse(in), "");
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
    return JsonIn.pretty(toTree(Objects.requireNonNull(lists, "lists"))) + "\n";
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

  /** Reads one document; turns record validation failures into pointer-located errors. */
  private static final class Reader {
    private final JsonIn json;

    Reader(JsonIn json) {
      this.json = json;
    }

    GovernanceLists lists(JsonNode node, String at) {
      ObjectNode root = json.object(node, at);
      json.onlyFields(root, at, TOP);
      Optional<String> format = json.optText(root, at, "format");
      if (format.isPresent() && !format.get().equals(FORMAT)) {
        throw json.fail(
            JsonIn.child(at, "format"),
            "unsupported format '" + format.get() + "'; this reader reads " + FORMAT);
      }
      GovernanceLists.Builder b = GovernanceLists.builder();
      each(root, at, "departments", (o, p) -> b.department(department(o, p)));
      each(root, at, "items", (o, p) -> b.item(item(o, p)));
      each(root, at, "authorities", (o, p) -> b.authority(authority(o, p)));
      each(root, at, "access", (o, p) -> b.access(access(o, p)));
      each(root, at, "prohibited", (o, p) -> b.prohibited(prohibited(o, p)));
      return b.build();
    }

    private interface ElementReader {
      void read(ObjectNode element, String pointer);
    }

    private void each(ObjectNode root, String at, String name, ElementReader reader) {
      List<JsonNode> elements = json.optArray(root, at, name);
      for (int i = 0; i < elements.size(); i++) {
        String p = JsonIn.child(at, name) + "/" + i;
        ObjectNode o = json.object(elements.get(i), p);
        try {
          reader.read(o, p);
        } catch (IllegalArgumentException | NullPointerException e) {
          throw json.fail(p, e.getMessage() == null ? e.toString() : e.getMessage());
        }
      }
    }

    private Department department(ObjectNode o, String p) {
      json.onlyFields(o, p, DEPARTMENT);
      return new Department(
          json.text(o, p, "id"),
          json.text(o, p, "name"),
          json.level(o, p, "level"),
          json.bool(o, p, "jointDuty", false));
    }

    private Item item(ObjectNode o, String p) {
      json.onlyFields(o, p, ITEM);
      String code = json.text(o, p, "code");
      String name = json.text(o, p, "name");
      json.require(o, p, "category");
      List<String> category = json.optTexts(o, p, "category");
      if (category.isEmpty()) {
        throw json.fail(JsonIn.child(p, "category"), "needs at least the category");
      }
      return new Item(
          code,
          name,
          category,
          json.level(o, p, "level"),
          json.bool(o, p, "autoDispatch", false),
          timeLimits(o, p),
          json.optText(o, p, "department"),
          json.optText(o, p, "filingCriteria").orElse(""),
          json.optText(o, p, "closingCriteria").orElse(""));
    }

    private TimeLimits timeLimits(ObjectNode item, String p) {
      json.require(item, p, "timeLimits");
      String at = JsonIn.child(p, "timeLimits");
      ObjectNode o = json.object(item.get("timeLimits"), at);
      json.onlyFields(o, at, LIMITS);
      TimeLimit normal = limit(json.text(o, at, "normal"), JsonIn.child(at, "normal"));
      Optional<String> urgent = json.optText(o, at, "urgent");
      return new TimeLimits(
          normal, urgent.isEmpty() ? normal : limit(urgent.get(), JsonIn.child(at, "urgent")));
    }

    private TimeLimit limit(String text, String at) {
      try {
        return TimeLimit.parse(text);
      } catch (IllegalArgumentException e) {
        throw json.fail(at, e.getMessage());
      }
    }

    private AuthorityEntry authority(ObjectNode o, String p) {
      json.onlyFields(o, p, AUTHORITY);
      json.require(o, p, "departments");
      return new AuthorityEntry(
          json.text(o, p, "item"),
          json.level(o, p, "level"),
          json.optTexts(o, p, "departments"),
          json.enumValue(o, p, "powerType", PowerType.class),
          json.optText(o, p, "legalBasis").orElse(""),
          json.optTexts(o, p, "duties"));
    }

    private AccessEntry access(ObjectNode o, String p) {
      json.onlyFields(o, p, ACCESS);
      String item = json.text(o, p, "item");
      GridLevel level = json.level(o, p, "level");
      String requesting = json.text(o, p, "requestingDepartment");
      String approving = json.text(o, p, "approvingAgency");
      LocalDate from = json.date(o, p, "effectiveFrom");
      Optional<LocalDate> to = json.optDate(o, p, "effectiveTo");
      if (to.isPresent() && to.get().isBefore(from)) {
        throw json.fail(
            JsonIn.child(p, "effectiveTo"),
            "expiry " + to.get() + " is before effectiveFrom " + from);
      }
      boolean temporary = json.bool(o, p, "temporary", false);
      if (temporary && to.isEmpty()) {
        throw json.fail(
            JsonIn.child(p, "effectiveTo"), "a temporary admission needs an expiry date");
      }
      return new AccessEntry(
          item,
          level,
          requesting,
          approving,
          from,
          to,
          temporary,
          json.bool(o, p, "announced", false));
    }

    private ProhibitedEntry prohibited(ObjectNode o, String p) {
      json.onlyFields(o, p, PROHIBITED);
      List<String> names = json.optTexts(o, p, "levels");
      List<GridLevel> levels = new ArrayList<>(names.size());
      for (int i = 0; i < names.size(); i++) {
        levels.add(json.level(names.get(i), JsonIn.child(p, "levels") + "/" + i));
      }
      return new ProhibitedEntry(
          json.text(o, p, "item"),
          json.optText(o, p, "name").orElse(""),
          new java.util.LinkedHashSet<>(levels),
          json.optText(o, p, "reason").orElse(""));
    }
  }
}
