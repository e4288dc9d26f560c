package org.gridgov.risk;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.gridgov.core.InputCode;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.io.AtomicFiles;
import org.gridgov.core.io.Json;
import org.gridgov.core.io.JsonDocument;
import org.gridgov.core.io.JsonNodeAt;
import org.gridgov.core.io.Problems;
import org.gridgov.core.io.Suggestions;
import org.gridgov.core.risk.ElementType;
import org.gridgov.core.risk.RiskColour;

/**
 * Control plans as data: reads and writes plan sets in the JSON format {@code gridgov.risk-plans/1}
 * (docs/risk.md, "Control plans"), and ships cited presets. Reading is all or nothing: every
 * problem is reported at once with the file, line, column and JSON pointer, and unknown members,
 * types, colours, units and actions get a "did you mean". Reading checks the shape of each plan;
 * whether the set is sound (one plan per type × colour on every date, intervals shrinking as the
 * colour worsens, known posts and checks) is {@link PlanSet#verify()}, or both at once with {@link
 * #readVerified(Path)}. Stateless and thread-safe.
 */
public final class RiskPlans {
  /** The value of the {@code format} member. */
  public static final String FORMAT = "gridgov.risk-plans/1";

  /**
   * The posts a plan may name when its document declares no {@code posts} (docs/risk.md): the
   * grid's own people (after grid-org's post kinds and grid-core's role names), the community and
   * street, the police and the departments.
   */
  public static final List<String> BUILT_IN_POSTS =
      List.of(
          "grid_worker",
          "grid_leader",
          "building_chief",
          "unit_chief",
          "party_instructor",
          "liaison",
          "sunk_staff",
          "volunteer",
          "community_staff",
          "street_staff",
          "mediator",
          "police",
          "police_branches",
          "department",
          "joint_departments",
          "safety_inspector",
          "enterprise");

  /** The checks a plan may name when its document declares no {@code checks} (docs/risk.md). */
  public static final List<String> BUILT_IN_CHECKS =
      List.of(
          "home_visit",
          "phone_call",
          "video_call",
          "talk",
          "population_check",
          "rental_check",
          "living_conditions",
          "fire_safety",
          "gas_safety",
          "electrical_safety",
          "hazard_inspection",
          "licence_check",
          "site_inspection",
          "risk_assessment",
          "component_inspection",
          "device_check",
          "dispute_screening",
          "mediation",
          "follow_up",
          "revisit",
          "case_plan",
          "joint_handling");

  /** The presets {@link #preset(String)} knows, in the order listed by {@link #presetNames()}. */
  private static final List<String> PRESETS =
      List.of("key-persons", "dispute-warning", "work-safety", "sample-town");

  private static final String PRESET_DIR = "/org/gridgov/risk/plans/";

  private static final List<String> ROOT_KEYS =
      List.of("format", "name", "source", "illustrative", "posts", "checks", "plans");
  private static final List<String> PLAN_KEYS =
      List.of(
          "type", "colour", "every", "post", "checks", "feedbackWithin", "onOverdue", "from", "to");
  private static final List<String> INTERVAL_KEYS = List.of("amount", "unit");
  private static final List<String> ACTION_KEYS = List.of("action", "afterDays", "points");
  private static final List<String> ACTIONS = List.of("urge", "escalate", "deduct");

  private static final Map<String, PlanSet> PRESET_CACHE = new ConcurrentHashMap<>();

  private RiskPlans() {}

  // ------------------------------------------------------------------ reading

  /**
   * Reads a plans document.
   *
   * @param file the JSON file
   * @return the plan set, not yet verified
   * @throws InvalidInputException listing every problem, located; also when the file cannot be read
   */
  public static PlanSet read(Path file) {
    Objects.requireNonNull(file, "file");
    return read(Json.parse(file));
  }

  /**
   * Reads a plans document from a stream of UTF-8 JSON, read to its end and not closed.
   *
   * @param in the stream
   * @param source the name used in errors (a file name), may be empty
   * @return the plan set, not yet verified
   * @throws InvalidInputException listing every problem, located
   */
  public static PlanSet read(InputStream in, String source) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(source, "source");
    return read(Json.parse(in, source));
  }

  /**
   * Reads a plans document held in a string.
   *
   * @param json the JSON text
   * @param source the name used in errors, may be empty
   * @return the plan set, not yet verified
   * @throws InvalidInputException listing every problem, located
   */
  public static PlanSet readString(String json, String source) {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(source, "source");
    return read(Json.parse(json.getBytes(StandardCharsets.UTF_8), source));
  }

  /**
   * Reads a plans document and verifies the set: what the command line does before it uses plans.
   * Verification findings become errors of the document, located like reading errors (file, line,
   * column, JSON pointer), each reason starting with its {@link PlanFinding.Code}.
   *
   * @param file the JSON file
   * @return the plan set, sound
   * @throws InvalidInputException listing every reading problem or, when it reads, every finding
   */
  public static PlanSet readVerified(Path file) {
    Objects.requireNonNull(file, "file");
    return verified(Json.parse(file));
  }

  /**
   * Reads a plans document from a stream and verifies the set, as {@link #readVerified(Path)}.
   *
   * @param in the stream, read to its end and not closed
   * @param source the name used in errors
   * @return the plan set, sound
   * @throws InvalidInputException listing every reading problem or every finding
   */
  public static PlanSet readVerified(InputStream in, String source) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(source, "source");
    return verified(Json.parse(in, source));
  }

  private static PlanSet verified(JsonDocument doc) {
    PlanSet set = read(doc);
    List<PlanFinding> findings = set.verify();
    if (!findings.isEmpty()) {
      Problems p = doc.problems(Problems.Mode.ALL_ERRORS);
      for (PlanFinding f : findings) {
        p.error(InputCode.BAD_VALUE, f.pointer(), f.code() + ": " + f.message());
      }
      p.throwIfErrors();
    }
    return set;
  }

  private static PlanSet read(JsonDocument doc) {
    String fallbackName = defaultName(doc.source());
    return doc.read(Problems.Mode.ALL_ERRORS, root -> set(root, fallbackName))
        .readFrom(doc.source());
  }

  private static String defaultName(String source) {
    String s = source.replace('\\', '/');
    s = s.substring(s.lastIndexOf('/') + 1);
    if (s.toLowerCase(Locale.ROOT).endsWith(".json")) {
      s = s.substring(0, s.length() - 5);
    }
    return s.isEmpty() ? "plans" : s;
  }

  private static PlanSet set(JsonNodeAt root, String fallbackName) {
    root.requireObject();
    root.onlyKeys(ROOT_KEYS);
    Problems p = root.problems();
    p.attempt(() -> root.requireFormat(FORMAT));
    String name = p.attempt(() -> root.optString("name")).flatMap(o -> o).orElse(fallbackName);
    if (name.isBlank()) {
      p.error(InputCode.BAD_VALUE, root.at("name"), "the name is blank");
    }
    Optional<String> source = p.attempt(() -> root.optString("source")).flatMap(o -> o);
    boolean illustrative =
        p.attempt(() -> root.optBool("illustrative")).flatMap(o -> o).orElse(false);
    List<String> posts =
        p.attempt(() -> vocabulary(root, "posts", BUILT_IN_POSTS)).orElse(BUILT_IN_POSTS);
    List<String> checks =
        p.attempt(() -> vocabulary(root, "checks", BUILT_IN_CHECKS)).orElse(BUILT_IN_CHECKS);
    List<ControlPlan> plans =
        p.attempt(
                () -> {
                  List<JsonNodeAt> all = root.array("plans");
                  if (all.isEmpty()) {
                    throw root.fail("plans", "a plan set needs at least one plan");
                  }
                  return root.get("plans").elements(RiskPlans::plan);
                })
            .orElse(List.of());
    if (illustrative && source.isEmpty() && !root.has("source")) {
      p.error(
          InputCode.MISSING,
          root.at("illustrative"),
          "an illustrative set says where its numbers come from: add 'source'");
    }
    if (p.hasErrors()) {
      return null;
    }
    PlanSet set = PlanSet.of(name, plans, posts, checks);
    return source.map(s -> set.withCitation(s, illustrative)).orElse(set);
  }

  private static List<String> vocabulary(JsonNodeAt root, String member, List<String> builtIn) {
    Optional<JsonNodeAt> o = root.opt(member);
    if (o.isEmpty()) {
      return builtIn;
    }
    List<String> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (JsonNodeAt e : o.get().elements()) {
      String v = e.asString();
      if (v.isBlank()) {
        e.error("a name in '" + member + "' is blank");
      } else if (!seen.add(v)) {
        e.error(Problems.quote(v) + " appears twice in '" + member + "'");
      } else {
        out.add(v);
      }
    }
    return out;
  }

  private static ControlPlan plan(JsonNodeAt n) {
    n.requireObject();
    n.onlyKeys(PLAN_KEYS);
    Problems p = n.problems();
    int before = p.errorCount();
    Optional<ElementType> type = p.attempt(() -> type(n.get("type")));
    Optional<RiskColour> colour = p.attempt(() -> colour(n.get("colour")));
    Optional<Interval> every = p.attempt(() -> interval(n.object("every")));
    Optional<String> post =
        p.attempt(
            () -> {
              String s = n.string("post");
              if (s.isBlank()) {
                throw n.fail("post", "the post is blank");
              }
              return s;
            });
    Optional<List<String>> checks = p.attempt(() -> checks(n));
    Optional<Optional<Interval>> feedback =
        p.attempt(() -> n.optObject("feedbackWithin").map(RiskPlans::interval));
    Optional<List<OverdueAction>> onOverdue = p.attempt(() -> actions(n));
    Optional<LocalDate> from = p.attempt(() -> n.parsed("from", "date", LocalDate::parse));
    Optional<Optional<LocalDate>> to = p.attempt(() -> n.optParsed("to", "date", LocalDate::parse));
    if (p.errorCount() > before
        || type.isEmpty()
        || colour.isEmpty()
        || every.isEmpty()
        || post.isEmpty()
        || checks.isEmpty()
        || feedback.isEmpty()
        || onOverdue.isEmpty()
        || from.isEmpty()
        || to.isEmpty()) {
      return null;
    }
    if (to.get().isPresent() && to.get().get().isBefore(from.get())) {
      throw n.fail("to", "the plan ends " + to.get().get() + " before it starts " + from.get());
    }
    return n.guard(
        () ->
            new ControlPlan(
                type.get(),
                colour.get(),
                every.get(),
                post.get(),
                checks.get(),
                feedback.get(),
                onOverdue.get(),
                from.get(),
                to.get()));
  }

  private static ElementType type(JsonNodeAt v) {
    String s = v.asString();
    return RiskNames.type(s)
        .orElseThrow(
            () ->
                v.problems()
                    .fail(
                        InputCode.UNKNOWN_NAME,
                        v.pointer(),
                        "unknown element type "
                            + Problems.quote(s)
                            + Suggestions.hint(s, List.of(RiskNames.TYPE_NAMES))));
  }

  private static RiskColour colour(JsonNodeAt v) {
    String s = v.asString();
    List<String> names = new ArrayList<>();
    for (RiskColour c : RiskColour.values()) {
      names.add(RiskNames.colour(c));
    }
    return RiskNames.colour(s)
        .orElseThrow(
            () ->
                v.problems()
                    .fail(
                        InputCode.UNKNOWN_NAME,
                        v.pointer(),
                        "unknown colour " + Problems.quote(s) + Suggestions.hint(s, names)));
  }

  private static Interval interval(JsonNodeAt n) {
    n.onlyKeys(INTERVAL_KEYS);
    Problems p = n.problems();
    Optional<Integer> amount =
        p.attempt(
            () -> {
              int a = n.integer("amount");
              if (a < 1) {
                throw n.fail("amount", "the amount must be at least 1, not " + a);
              }
              return a;
            });
    Optional<IntervalUnit> unit =
        p.attempt(
            () -> {
              JsonNodeAt u = n.get("unit");
              String s = u.asString();
              List<String> names = new ArrayList<>();
              for (IntervalUnit x : IntervalUnit.values()) {
                names.add(RiskNames.unit(x));
              }
              return RiskNames.unit(s)
                  .orElseThrow(
                      () ->
                          p.fail(
                              InputCode.UNKNOWN_NAME,
                              u.pointer(),
                              "unknown unit " + Problems.quote(s) + Suggestions.hint(s, names)));
            });
    if (amount.isEmpty() || unit.isEmpty()) {
      return null; // the problems are recorded; the plan is abandoned for them
    }
    return new Interval(amount.get(), unit.get());
  }

  private static List<String> checks(JsonNodeAt n) {
    Optional<JsonNodeAt> o = n.opt("checks");
    if (o.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (JsonNodeAt e : o.get().elements()) {
      String v = e.asString();
      if (out.contains(v)) {
        throw e.fail("check " + Problems.quote(v) + " appears twice in the plan");
      }
      out.add(v);
    }
    return out;
  }

  private static List<OverdueAction> actions(JsonNodeAt n) {
    Optional<JsonNodeAt> o = n.opt("onOverdue");
    if (o.isEmpty()) {
      return List.of();
    }
    List<OverdueAction> out = o.get().elements(RiskPlans::action);
    for (int i = 1; i < out.size(); i++) {
      if (out.get(i).afterDays() < out.get(i - 1).afterDays()) {
        throw n.problems()
            .fail(
                InputCode.BAD_VALUE,
                o.get().pointer() + "/" + i + "/afterDays",
                "the overdue actions are listed in the order they fire: afterDays "
                    + out.get(i).afterDays()
                    + " comes after "
                    + out.get(i - 1).afterDays());
      }
    }
    return out;
  }

  private static OverdueAction action(JsonNodeAt n) {
    n.requireObject();
    n.onlyKeys(ACTION_KEYS);
    JsonNodeAt a = n.get("action");
    String s = a.asString();
    int index = ACTIONS.indexOf(s);
    if (index < 0) {
      throw a.problems()
          .fail(
              InputCode.UNKNOWN_NAME,
              a.pointer(),
              "unknown action " + Problems.quote(s) + Suggestions.hint(s, ACTIONS));
    }
    OverdueAction.Kind kind = OverdueAction.Kind.values()[index];
    int afterDays = n.optInt("afterDays").orElse(0);
    if (afterDays < 0) {
      throw n.fail("afterDays", "afterDays must be 0 or more, not " + afterDays);
    }
    double points;
    if (kind == OverdueAction.Kind.DEDUCT) {
      points = n.number("points");
      if (!(points > 0)) {
        throw n.fail("points", "a deduction deducts more than 0 points");
      }
    } else {
      if (n.has("points")) {
        throw n.fail("points", "only a deduction has points, not " + s);
      }
      points = 0;
    }
    return new OverdueAction(kind, afterDays, points);
  }

  // ------------------------------------------------------------------ writing

  /**
   * A plan set as a {@code gridgov.risk-plans/1} document, indented, ending with a line break. The
   * {@code posts} and {@code checks} members are left out when they are the built-in lists, so
   * reading the text back gives an equal set.
   *
   * @param set the plan set
   * @return the JSON text
   */
  public static String write(PlanSet set) {
    return Json.pretty(tree(set)) + "\n";
  }

  /**
   * Writes a plan set to a stream, as {@link #write(PlanSet)}.
   *
   * @param set the plan set
   * @param out the stream, flushed, not closed
   * @throws UncheckedIOException when writing fails
   */
  public static void write(PlanSet set, OutputStream out) {
    try {
      out.write(write(set).getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes a plan set to a file, atomically (the file is replaced whole or left unchanged).
   *
   * @param set the plan set
   * @param file the file
   * @throws UncheckedIOException when writing fails
   */
  public static void write(PlanSet set, Path file) {
    AtomicFiles.writeString(file, write(set));
  }

  private static ObjectNode tree(PlanSet set) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    root.put("format", FORMAT);
    root.put("name", set.name());
    set.source().ifPresent(s -> root.put("source", s));
    if (set.illustrative()) {
      root.put("illustrative", true);
    }
    if (!set.posts().equals(Set.copyOf(BUILT_IN_POSTS))) {
      ArrayNode a = root.putArray("posts");
      set.posts().forEach(a::add);
    }
    if (!set.checks().equals(Set.copyOf(BUILT_IN_CHECKS))) {
      ArrayNode a = root.putArray("checks");
      set.checks().forEach(a::add);
    }
    ArrayNode plans = root.putArray("plans");
    for (ControlPlan p : set.plans()) {
      ObjectNode o = plans.addObject();
      o.put("type", RiskNames.type(p.type()));
      o.put("colour", RiskNames.colour(p.colour()));
      o.set("every", interval(p.every()));
      o.put("post", p.post());
      ArrayNode checks = o.putArray("checks");
      p.checks().forEach(checks::add);
      p.feedbackWithin().ifPresent(i -> o.set("feedbackWithin", interval(i)));
      if (!p.onOverdue().isEmpty()) {
        ArrayNode actions = o.putArray("onOverdue");
        for (OverdueAction a : p.onOverdue()) {
          ObjectNode ao = actions.addObject();
          ao.put("action", ACTIONS.get(a.kind().ordinal()));
          ao.put("afterDays", a.afterDays());
          if (a.kind() == OverdueAction.Kind.DEDUCT) {
            double pts = a.points();
            if (pts == Math.rint(pts) && Math.abs(pts) < 1e15) {
              ao.put("points", (long) pts);
            } else {
              ao.put("points", pts);
            }
          }
        }
      }
      o.put("from", p.from().toString());
      p.to().ifPresent(t -> o.put("to", t.toString()));
    }
    return root;
  }

  private static ObjectNode interval(Interval i) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("amount", i.amount());
    o.put("unit", RiskNames.unit(i.unit()));
    return o;
  }

  // ------------------------------------------------------------------ presets

  /**
   * The names of the shipped presets (docs/risk.md, "Presets"): {@code key-persons} (three-colour
   * key-person visits), {@code dispute-warning} (four-colour dispute warning), {@code work-safety}
   * (four-colour work-safety places) and {@code sample-town} (the sample town's people, places and
   * objects in three colours).
   *
   * @return the names
   */
  public static List<String> presetNames() {
    return PRESETS;
  }

  /**
   * A shipped preset, read from the module's resources. Each carries its citation ({@link
   * PlanSet#source()}) and says whether its numbers are illustrative; each verifies clean.
   *
   * @param name one of {@link #presetNames()}
   * @return the plan set
   * @throws IllegalArgumentException for an unknown name, with a "did you mean"
   */
  public static PlanSet preset(String name) {
    Objects.requireNonNull(name, "name");
    if (!PRESETS.contains(name)) {
      throw new IllegalArgumentException(
          "unknown plans preset " + Problems.quote(name) + Suggestions.hint(name, PRESETS));
    }
    return PRESET_CACHE.computeIfAbsent(name, RiskPlans::loadPreset);
  }

  private static PlanSet loadPreset(String name) {
    String resource = PRESET_DIR + name + ".json";
    try (InputStream in = RiskPlans.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return read(in, resource);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
