package org.gridgov.core.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.gridgov.core.GeoPoint;
import org.gridgov.core.Grid;
import org.gridgov.core.GridId;
import org.gridgov.core.GridKind;
import org.gridgov.core.GridLevel;
import org.gridgov.core.InputCode;
import org.gridgov.core.LevelLadder;
import org.gridgov.core.access.Permission;
import org.gridgov.core.access.Principal;
import org.gridgov.core.access.Role;
import org.gridgov.core.cases.Assessment;
import org.gridgov.core.cases.Case;
import org.gridgov.core.cases.CaseAction;
import org.gridgov.core.cases.CaseId;
import org.gridgov.core.cases.CaseState;
import org.gridgov.core.cases.Holder;
import org.gridgov.core.cases.Rating;
import org.gridgov.core.cases.SourceChannel;
import org.gridgov.core.cases.Transition;
import org.gridgov.core.io.JsonNodeAt;
import org.gridgov.core.io.Pointers;
import org.gridgov.core.io.Problems;
import org.gridgov.core.io.Suggestions;
import org.gridgov.core.risk.ElementType;
import org.gridgov.core.risk.RiskColour;
import org.gridgov.core.time.TimeLimit;
import org.gridgov.core.time.TimeLimitTable;
import org.gridgov.core.time.TimeLimitUnit;
import org.gridgov.core.time.TimeLimits;
import org.gridgov.core.time.WorkCalendar;

/** Reads and writes the core types as JSON trees; the formats are documented in docs/formats.md. */
public final class CoreCodec {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private static final Set<String> GRID_FIELDS =
      Set.of(
          "id",
          "name",
          "level",
          "kind",
          "parent",
          "owner",
          "coverage",
          "households",
          "population",
          "validFrom",
          "validTo",
          "attributes");
  private static final Set<String> CASE_FIELDS =
      Set.of(
          "id",
          "item",
          "lon",
          "lat",
          "grid",
          "channel",
          "reporter",
          "reportedAt",
          "urgent",
          "state",
          "assignee",
          "deadline",
          "rating",
          "risk",
          "element",
          "trail",
          "attributes",
          "version",
          "assessment");
  private static final Set<String> STEP_FIELDS =
      Set.of("action", "from", "to", "actor", "at", "note", "assignee", "holder");
  private static final Set<String> HOLDER_FIELDS = Set.of("kind", "level");

  private CoreCodec() {}

  /** A hierarchy document: its ladder and grids, not yet built. */
  public record HierarchyDoc(LevelLadder ladder, List<Grid> grids) {}

  // ---------------------------------------------------------------- grids and hierarchies

  /**
   * Reads a hierarchy document.
   *
   * @param doc the document root
   * @return the ladder and grids
   */
  public static HierarchyDoc readHierarchy(JsonNodeAt doc) {
    doc.onlyKeys(Set.of("format", "ladder", "grids"));
    LevelLadder ladder = LevelLadder.defaults();
    if (doc.has("ladder")) {
      List<GridLevel> levels = doc.list("ladder", n -> n.asParsed("grid level", GridLevel::of));
      ladder = doc.get("ladder").guard(() -> LevelLadder.of(levels));
    }
    return new HierarchyDoc(ladder, doc.get("grids").elements(CoreCodec::readGrid));
  }

  /**
   * Writes a hierarchy document.
   *
   * @param ladder the ladder
   * @param grids the grids
   * @return the document
   */
  public static ObjectNode writeHierarchy(LevelLadder ladder, List<Grid> grids) {
    ObjectNode o = F.objectNode();
    o.put("format", "gridgov.hierarchy/1");
    ArrayNode l = o.putArray("ladder");
    ladder.levels().forEach(x -> l.add(x.name()));
    ArrayNode a = o.putArray("grids");
    grids.forEach(g -> a.add(writeGrid(g)));
    return o;
  }

  /**
   * Reads one grid.
   *
   * @param in the grid object
   * @return the grid
   */
  public static Grid readGrid(JsonNodeAt in) {
    in.onlyKeys(GRID_FIELDS);
    GridId id = in.parsed("id", "grid id", GridId::of);
    GridLevel level = in.parsed("level", "grid level", GridLevel::of);
    GridKind kind = in.optEnum("kind", GridKind.class).orElse(GridKind.TERRITORIAL);
    Grid.Builder b = Grid.builder(id, level, kind);
    in.optString("name").ifPresent(b::name);
    in.optParsed("parent", "grid id", GridId::of).ifPresent(b::parent);
    in.optParsed("owner", "grid id", GridId::of).ifPresent(b::owner);
    b.coverage(in.list("coverage", n -> n.asParsed("grid id", GridId::of)));
    in.optInt("households").ifPresent(b::households);
    in.optInt("population").ifPresent(b::population);
    in.optParsed("validFrom", "date", LocalDate::parse).ifPresent(b::validFrom);
    in.optParsed("validTo", "date", LocalDate::parse).ifPresent(b::validTo);
    b.attributes(in.stringMap("attributes"));
    return in.guard(b::build);
  }

  /**
   * Writes one grid.
   *
   * @param g the grid
   * @return the node
   */
  public static ObjectNode writeGrid(Grid g) {
    ObjectNode o = F.objectNode();
    o.put("id", g.id().value());
    if (!g.name().isEmpty()) {
      o.put("name", g.name());
    }
    o.put("level", g.level().name());
    o.put("kind", lower(g.kind()));
    g.parent().ifPresent(p -> o.put("parent", p.value()));
    g.owner().ifPresent(p -> o.put("owner", p.value()));
    if (!g.coverage().isEmpty()) {
      ArrayNode c = o.putArray("coverage");
      g.coverage().forEach(x -> c.add(x.value()));
    }
    g.households().ifPresent(h -> o.put("households", h));
    g.population().ifPresent(h -> o.put("population", h));
    g.validFrom().ifPresent(d -> o.put("validFrom", d.toString()));
    g.validTo().ifPresent(d -> o.put("validTo", d.toString()));
    if (!g.attributes().isEmpty()) {
      ObjectNode at = o.putObject("attributes");
      g.attributes().forEach(at::put);
    }
    return o;
  }

  // ---------------------------------------------------------------- cases

  /**
   * Reads one case, in format version 1 (no {@code version} member; assessment facts as attributes)
   * or 2 ({@code "version": 2}, facts in {@code assessment}).
   *
   * @param in the case object
   * @return the case
   */
  public static Case readCase(JsonNodeAt in) {
    in.onlyKeys(CASE_FIELDS);
    int version = in.opt("version").map(JsonNodeAt::asInt).orElse(1);
    if (version != 1 && version != 2) {
      throw in.fail(
          "version", "unsupported case format version " + version + "; this reader knows 1 and 2");
    }
    if (version == 1 && in.has("assessment")) {
      throw in.fail("assessment", "the 'assessment' member needs \"version\": 2");
    }
    CaseId id = in.parsed("id", "case id", CaseId::of);
    String item = in.string("item");
    SourceChannel channel = in.enumValue("channel", SourceChannel.class);
    Instant reportedAt = in.parsed("reportedAt", "timestamp", CoreCodec::instant);
    Optional<GeoPoint> location = Optional.empty();
    if (in.has("lon") || in.has("lat")) {
      if (!in.has("lon") || !in.has("lat")) {
        throw in.fail(in.has("lon") ? "lat" : "lon", "lon and lat come together");
      }
      double lon = in.number("lon");
      double lat = in.number("lat");
      JsonNodeAt bad = in.get(lon < -180 || lon > 180 ? "lon" : "lat");
      location = Optional.of(bad.guard(() -> GeoPoint.of(lon, lat)));
    }
    List<Transition> trail = in.list("trail", CoreCodec::readStep);
    CaseState last = trail.isEmpty() ? CaseState.REPORTED : trail.get(trail.size() - 1).to();
    CaseState state = in.optEnum("state", CaseState.class).orElse(last);
    Optional<String> assignee = in.optString("assignee");
    if (assignee.isEmpty()) {
      for (Transition t : trail) {
        if (t.assignee().isPresent()) {
          assignee = t.assignee();
        }
      }
    }
    boolean whistled = trail.stream().anyMatch(t -> t.action() == CaseAction.ESCALATE);
    Map<String, String> attributes = in.stringMap("attributes");
    Assessment assessment;
    if (version == 1) {
      Map<String, String> free = new TreeMap<>(attributes);
      assessment = assessmentV1(in, id, free, whistled);
      attributes = free;
      for (String key : free.keySet()) {
        refuseNearMissOfFact(in, key, near -> "'" + near + "'");
      }
    } else {
      for (String key : attributes.keySet()) {
        if (Assessment.ATTRIBUTE_NAMES.contains(key)) {
          in.problems()
              .error(
                  InputCode.UNKNOWN_NAME,
                  Pointers.child(in.at("attributes"), key),
                  "'"
                      + key
                      + "' is an assessment fact; in version 2 it goes in /assessment/"
                      + V2_NAMES.get(key));
        } else {
          refuseNearMissOfFact(in, key, near -> "/assessment/" + V2_NAMES.get(near));
        }
      }
      assessment =
          in.optObject("assessment")
              .map(a -> assessmentV2(a, id, whistled))
              .orElse(Assessment.NONE);
    }
    Optional<String> finalAssignee = assignee;
    Map<String, String> finalAttributes = attributes;
    Optional<GeoPoint> finalLocation = location;
    Optional<GridId> grid = in.optParsed("grid", "grid id", GridId::of);
    String reporter = in.optString("reporter").orElse("");
    boolean urgent = in.bool("urgent", false);
    Optional<Instant> deadline = in.optParsed("deadline", "timestamp", CoreCodec::instant);
    Optional<Rating> rating = in.optEnum("rating", Rating.class);
    Optional<RiskColour> risk = in.optEnum("risk", RiskColour.class);
    Optional<ElementType> element = in.optEnum("element", ElementType.class);
    return JsonNodeAt.of(in.node(), in.pointer() + "/trail", in.problems())
        .guard(
            () ->
                new Case(
                    id,
                    item,
                    finalLocation,
                    grid,
                    channel,
                    reporter,
                    reportedAt,
                    urgent,
                    state,
                    finalAssignee,
                    deadline,
                    rating,
                    risk,
                    element,
                    trail,
                    finalAttributes,
                    assessment));
  }

  /** The version-2 member name of each version-1 attribute name. */
  private static final Map<String, String> V2_NAMES =
      Map.of(
          Assessment.WORKER, "worker",
          Assessment.DEPARTMENT, "department",
          Assessment.COMMUNITY, "community",
          Assessment.STREET, "street",
          Assessment.FOLLOW_UP, "followUp",
          Assessment.CONTACTED, "contacted",
          Assessment.RESOLVED, "resolved",
          Assessment.REVERSE_GRADE, "reverseGrade");

  private static final Set<String> ASSESSMENT_FIELDS = Set.copyOf(V2_NAMES.values());

  /**
   * A free-form attribute that is a near miss of an assessment fact name is an error: the fact
   * would otherwise silently be missing (a misspelled department scored to the dispatch assignee).
   *
   * @param meant how the format spells the fact the key looks like
   */
  private static void refuseNearMissOfFact(
      JsonNodeAt in, String key, Function<String, String> meant) {
    Suggestions.didYouMean(key, Assessment.ATTRIBUTE_NAMES)
        .ifPresent(
            near ->
                in.problems()
                    .error(
                        InputCode.UNKNOWN_NAME,
                        Pointers.child(in.at("attributes"), key),
                        "attribute "
                            + Problems.quote(key)
                            + " looks like the assessment fact '"
                            + near
                            + "' (did you mean "
                            + meant.apply(near)
                            + "?); rename it if it is free-form"));
  }

  private static Assessment assessmentV2(JsonNodeAt a, CaseId id, boolean whistled) {
    a.onlyKeys(ASSESSMENT_FIELDS);
    Assessment.Builder b = Assessment.builder();
    a.optString("worker").ifPresent(v -> b.worker(nonBlank(a, "worker", v)));
    a.optString("department").ifPresent(v -> b.department(nonBlank(a, "department", v)));
    a.optString("community").ifPresent(v -> b.community(nonBlank(a, "community", v)));
    a.optString("street").ifPresent(v -> b.street(nonBlank(a, "street", v)));
    a.optEnum("followUp", Assessment.FollowUp.class).ifPresent(b::followUp);
    a.optBool("contacted").ifPresent(b::contacted);
    a.optBool("resolved").ifPresent(b::resolved);
    a.optInt("reverseGrade")
        .ifPresent(
            g -> {
              if (g < 0 || g > 100) {
                throw a.fail(
                    "reverseGrade", "case " + id + ": reverse grade " + g + " is outside 0–100");
              }
              if (!whistled) {
                throw a.fail("reverseGrade", needsWhistle(id));
              }
              b.reverseGrade(g);
            });
    return b.build();
  }

  private static String nonBlank(JsonNodeAt a, String name, String v) {
    if (v.isBlank()) {
      throw a.fail(name, "the " + name + " id is blank");
    }
    return v;
  }

  /**
   * Moves the version-1 fact attributes out of {@code free} into an assessment, with the checks and
   * messages scoring used to apply (blank means absent, values are trimmed).
   */
  private static Assessment assessmentV1(
      JsonNodeAt in, CaseId id, Map<String, String> free, boolean whistled) {
    Assessment.Builder b = Assessment.builder();
    String at = in.at("attributes");
    Map<String, String> facts = new TreeMap<>();
    for (String name : Assessment.ATTRIBUTE_NAMES) {
      String v = free.remove(name);
      if (v != null && !v.isBlank()) {
        facts.put(name, v.trim());
      }
    }
    Optional.ofNullable(facts.get(Assessment.WORKER)).ifPresent(b::worker);
    Optional.ofNullable(facts.get(Assessment.DEPARTMENT)).ifPresent(b::department);
    Optional.ofNullable(facts.get(Assessment.COMMUNITY)).ifPresent(b::community);
    Optional.ofNullable(facts.get(Assessment.STREET)).ifPresent(b::street);
    String fu = facts.get(Assessment.FOLLOW_UP);
    if (fu != null) {
      switch (fu) {
        case "valid" -> b.followUp(Assessment.FollowUp.VALID);
        case "invalid" -> b.followUp(Assessment.FollowUp.INVALID);
        default ->
            in.problems()
                .error(
                    InputCode.BAD_VALUE,
                    Pointers.child(at, Assessment.FOLLOW_UP),
                    "case "
                        + id
                        + ": follow_up must be 'valid' or 'invalid', not "
                        + Problems.quote(fu));
      }
    }
    flagV1(in, id, at, Assessment.CONTACTED, facts).ifPresent(b::contacted);
    flagV1(in, id, at, Assessment.RESOLVED, facts).ifPresent(b::resolved);
    String g = facts.get(Assessment.REVERSE_GRADE);
    if (g != null) {
      String ptr = Pointers.child(at, Assessment.REVERSE_GRADE);
      int v;
      try {
        v = Integer.parseInt(g);
      } catch (NumberFormatException e) {
        throw in.problems()
            .fail(
                InputCode.BAD_VALUE,
                ptr,
                "case "
                    + id
                    + ": reverse_grade "
                    + Problems.quote(g)
                    + " is not a whole number 0–100");
      }
      if (v < 0 || v > 100) {
        throw in.problems()
            .fail(
                InputCode.BAD_VALUE,
                ptr,
                "case " + id + ": reverse_grade " + v + " is outside 0–100");
      }
      if (!whistled) {
        throw in.problems().fail(InputCode.BAD_VALUE, ptr, needsWhistle(id));
      }
      b.reverseGrade(v);
    }
    return b.build();
  }

  private static Optional<Boolean> flagV1(
      JsonNodeAt in, CaseId id, String at, String name, Map<String, String> facts) {
    String v = facts.get(name);
    if (v == null) {
      return Optional.empty();
    }
    return switch (v) {
      case "true" -> Optional.of(true);
      case "false" -> Optional.of(false);
      default -> {
        in.problems()
            .error(
                InputCode.BAD_VALUE,
                Pointers.child(at, name),
                "case "
                    + id
                    + ": "
                    + name
                    + " must be 'true' or 'false', not "
                    + Problems.quote(v));
        yield Optional.empty();
      }
    };
  }

  private static String needsWhistle(CaseId id) {
    return "case " + id + ": a reverse grade needs a whistle (an ESCALATE step) in the trail";
  }

  private static Instant instant(String s) {
    return OffsetDateTime.parse(s).toInstant();
  }

  private static Transition readStep(JsonNodeAt in) {
    in.onlyKeys(STEP_FIELDS);
    Optional<String> assignee = in.optString("assignee");
    Optional<Holder> holder = in.optObject("holder").map(h -> readHolder(h, in, assignee));
    return new Transition(
        in.enumValue("action", CaseAction.class),
        in.enumValue("from", CaseState.class),
        in.enumValue("to", CaseState.class),
        in.optString("actor").orElse(""),
        in.parsed("at", "timestamp", CoreCodec::instant),
        in.optString("note").orElse(""),
        assignee,
        holder);
  }

  /** A step's typed holder: its kind and level; its id is the step's assignee. */
  private static Holder readHolder(JsonNodeAt h, JsonNodeAt step, Optional<String> assignee) {
    h.onlyKeys(HOLDER_FIELDS);
    Holder.Kind kind = h.enumValue("kind", Holder.Kind.class);
    GridLevel level = h.parsed("level", "grid level", GridLevel::of);
    if (assignee.isEmpty()) {
      throw step.fail("holder", "a step with a holder needs the holder's id as 'assignee'");
    }
    return h.guard(() -> new Holder(kind, assignee.get(), level));
  }

  /**
   * Writes one case.
   *
   * @param c the case
   * @return the node
   */
  public static ObjectNode writeCase(Case c) {
    ObjectNode o = F.objectNode();
    boolean legacy =
        c.attributes().keySet().stream().anyMatch(Assessment.ATTRIBUTE_NAMES::contains);
    if (legacy && !c.assessment().isEmpty()) {
      throw new IllegalArgumentException(
          "case "
              + c.id()
              + " carries assessment facts both typed and as attributes "
              + c.attributes().keySet().stream()
                  .filter(Assessment.ATTRIBUTE_NAMES::contains)
                  .toList()
              + "; keep them in the Assessment only");
    }
    if (!legacy) {
      o.put("version", 2);
    }
    o.put("id", c.id().value());
    o.put("item", c.itemCode());
    c.location().ifPresent(p -> o.put("lon", p.lon()).put("lat", p.lat()));
    c.grid().ifPresent(g -> o.put("grid", g.value()));
    o.put("channel", lower(c.channel()));
    if (!c.reporter().isEmpty()) {
      o.put("reporter", c.reporter());
    }
    o.put("reportedAt", c.reportedAt().toString());
    if (c.urgent()) {
      o.put("urgent", true);
    }
    o.put("state", lower(c.state()));
    c.assignee().ifPresent(a -> o.put("assignee", a));
    c.deadline().ifPresent(d -> o.put("deadline", d.toString()));
    c.rating().ifPresent(r -> o.put("rating", lower(r)));
    c.risk().ifPresent(r -> o.put("risk", lower(r)));
    c.element().ifPresent(r -> o.put("element", lower(r)));
    if (!c.trail().isEmpty()) {
      ArrayNode a = o.putArray("trail");
      for (Transition t : c.trail()) {
        ObjectNode s = a.addObject();
        s.put("action", lower(t.action()));
        s.put("from", lower(t.from()));
        s.put("to", lower(t.to()));
        s.put("actor", t.actor());
        s.put("at", t.at().toString());
        if (!t.note().isEmpty()) {
          s.put("note", t.note());
        }
        t.assignee().ifPresent(x -> s.put("assignee", x));
        t.holder()
            .ifPresent(
                h ->
                    s.putObject("holder")
                        .put("kind", lower(h.kind()))
                        .put("level", h.level().name()));
      }
    }
    if (!c.attributes().isEmpty()) {
      ObjectNode at = o.putObject("attributes");
      c.attributes().forEach(at::put);
    }
    if (!c.assessment().isEmpty()) {
      o.set("assessment", writeAssessment(c.assessment()));
    }
    return o;
  }

  private static ObjectNode writeAssessment(Assessment a) {
    ObjectNode o = F.objectNode();
    a.worker().ifPresent(v -> o.put("worker", v));
    a.department().ifPresent(v -> o.put("department", v));
    a.community().ifPresent(v -> o.put("community", v));
    a.street().ifPresent(v -> o.put("street", v));
    a.followUp().ifPresent(v -> o.put("followUp", lower(v)));
    a.contacted().ifPresent(v -> o.put("contacted", v));
    a.resolved().ifPresent(v -> o.put("resolved", v));
    a.reverseGrade().ifPresent(v -> o.put("reverseGrade", v));
    return o;
  }

  // ---------------------------------------------------------------- time

  /**
   * Reads a time limit, as text ({@code "4 working hours"}) or {@code
   * {"amount":4,"unit":"working_hours"}}.
   *
   * @param n the value
   * @return the limit
   */
  public static TimeLimit readTimeLimit(JsonNodeAt n) {
    if (n.isString()) {
      return n.guard(() -> TimeLimit.parse(n.asString()));
    }
    n.onlyKeys(Set.of("amount", "unit"));
    int amount = n.integer("amount");
    TimeLimitUnit unit = n.enumValue("unit", TimeLimitUnit.class);
    return n.guard(() -> new TimeLimit(amount, unit));
  }

  /**
   * Reads normal and urgent limits; a single limit applies to both.
   *
   * @param n the value
   * @return the limits
   */
  public static TimeLimits readTimeLimits(JsonNodeAt n) {
    if (n.isString()) {
      return TimeLimits.of(readTimeLimit(n));
    }
    n.onlyKeys(Set.of("normal", "urgent"));
    TimeLimit normal = readTimeLimit(n.get("normal"));
    TimeLimit urgent = n.opt("urgent").map(CoreCodec::readTimeLimit).orElse(normal);
    return new TimeLimits(normal, urgent);
  }

  /**
   * Writes normal and urgent limits.
   *
   * @param l the limits
   * @return the node
   */
  public static ObjectNode writeTimeLimits(TimeLimits l) {
    ObjectNode o = F.objectNode();
    o.put("normal", l.normal().toString());
    o.put("urgent", l.urgent().toString());
    return o;
  }

  /**
   * Reads a time-limit table {@code {"limits": {"01001": {...}}}}.
   *
   * @param doc the document root
   * @return the table
   */
  public static TimeLimitTable readTimeLimitTable(JsonNodeAt doc) {
    doc.onlyKeys(Set.of("format", "limits"));
    Map<String, TimeLimits> out = new LinkedHashMap<>();
    doc.object("limits")
        .members()
        .forEach(
            (k, v) ->
                doc.problems().attempt(() -> readTimeLimits(v)).ifPresent(l -> out.put(k, l)));
    return new TimeLimitTable(out);
  }

  /**
   * Writes a time-limit table.
   *
   * @param t the table
   * @return the document
   */
  public static ObjectNode writeTimeLimitTable(TimeLimitTable t) {
    ObjectNode o = F.objectNode();
    o.put("format", "gridgov.time-limits/1");
    ObjectNode l = o.putObject("limits");
    t.limits().forEach((k, v) -> l.set(k, writeTimeLimits(v)));
    return o;
  }

  /**
   * Reads a working calendar.
   *
   * @param in the document root
   * @return the calendar
   */
  public static WorkCalendar readCalendar(JsonNodeAt in) {
    in.onlyKeys(Set.of("format", "zone", "workingDays", "periods", "holidays", "makeUpDays"));
    ZoneId zone = in.optParsed("zone", "time zone", ZoneId::of).orElse(ZoneId.of("Asia/Shanghai"));
    WorkCalendar.Builder b = WorkCalendar.builder(zone);
    JsonNodeAt whole = JsonNodeAt.of(in.node(), "", in.problems());
    if (in.has("workingDays")) {
      List<DayOfWeek> days = in.list("workingDays", n -> n.asEnum(DayOfWeek.class));
      whole.guard(() -> b.workingDays(days.isEmpty() ? Set.of() : EnumSet.copyOf(days)));
    }
    if (in.has("periods")) {
      List<LocalTime> times = new ArrayList<>();
      in.list(
          "periods",
          n -> {
            if (!n.isArray() || n.node().size() != 2) {
              throw n.fail("a working period is [\"HH:MM\", \"HH:MM\"]");
            }
            List<JsonNodeAt> e = n.elements();
            times.add(time(e.get(0)));
            times.add(time(e.get(1)));
            return n;
          });
      whole.guard(() -> b.periods(times.toArray(new LocalTime[0])));
    }
    List<LocalDate> holidays = in.list("holidays", CoreCodec::date);
    List<LocalDate> makeUp = in.list("makeUpDays", CoreCodec::date);
    whole.guard(() -> b.holidays(holidays).makeUpDays(makeUp));
    return whole.guard(b::build);
  }

  /**
   * Writes a working calendar.
   *
   * @param c the calendar
   * @return the document
   */
  public static ObjectNode writeCalendar(WorkCalendar c) {
    ObjectNode o = F.objectNode();
    o.put("format", "gridgov.calendar/1");
    o.put("zone", c.zone().getId());
    ArrayNode days = o.putArray("workingDays");
    EnumSet.copyOf(c.workingDaysOfWeek()).forEach(d -> days.add(lower(d)));
    ArrayNode ps = o.putArray("periods");
    for (LocalTime[] p : c.periods()) {
      ps.addArray().add(p[0].toString()).add(p[1].toString());
    }
    ArrayNode h = o.putArray("holidays");
    c.holidays().forEach(d -> h.add(d.toString()));
    ArrayNode m = o.putArray("makeUpDays");
    c.makeUpDays().forEach(d -> m.add(d.toString()));
    return o;
  }

  // ---------------------------------------------------------------- access

  /**
   * Reads a principal; {@code role} is a built-in role name or {@code {"name","permissions"}}.
   *
   * @param in the principal object
   * @return the principal
   */
  public static Principal readPrincipal(JsonNodeAt in) {
    in.onlyKeys(Set.of("id", "role", "bindings"));
    String id = in.string("id");
    JsonNodeAt r = in.get("role");
    Role role;
    if (r.isString()) {
      role =
          switch (r.asString()) {
            case "grid_worker" -> Role.GRID_WORKER;
            case "grid_leader" -> Role.GRID_LEADER;
            case "platform_staff" -> Role.PLATFORM_STAFF;
            case "supervisor" -> Role.SUPERVISOR;
            default ->
                throw r.fail(
                    "unknown role "
                        + Problems.quote(r.asString())
                        + "; built-in roles are grid_worker, grid_leader, platform_staff, supervisor");
          };
    } else {
      r.onlyKeys(Set.of("name", "permissions"));
      String name = r.string("name");
      List<Permission> perms = r.list("permissions", n -> n.asEnum(Permission.class));
      role = r.guard(() -> new Role(name, Set.copyOf(perms)));
    }
    List<GridId> bindings = in.list("bindings", n -> n.asParsed("grid id", GridId::of));
    Role finalRole = role;
    return in.opt("bindings")
        .orElse(in)
        .guard(() -> new Principal(id, finalRole, Set.copyOf(bindings)));
  }

  /**
   * Writes a principal.
   *
   * @param p the principal
   * @return the node
   */
  public static ObjectNode writePrincipal(Principal p) {
    ObjectNode o = F.objectNode();
    o.put("id", p.id());
    ObjectNode r = o.putObject("role");
    r.put("name", p.role().name());
    ArrayNode perms = r.putArray("permissions");
    for (Permission x : Permission.values()) { // declaration order: byte-reproducible output
      if (p.role().permissions().contains(x)) {
        perms.add(lower(x));
      }
    }
    ArrayNode b = o.putArray("bindings");
    p.bindings().forEach(g -> b.add(g.value()));
    return o;
  }

  // ---------------------------------------------------------------- helpers

  /**
   * Lower-case enum name, as written in every GridGov format.
   *
   * @param e the constant
   * @return the name in lower case
   */
  public static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }

  private static LocalTime time(JsonNodeAt n) {
    String s = n.asString();
    try {
      return LocalTime.parse(s);
    } catch (DateTimeParseException e) {
      throw n.fail("invalid time " + Problems.quote(s) + ", expected HH:MM");
    }
  }

  private static LocalDate date(JsonNodeAt n) {
    String s = n.asString();
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      throw n.fail("invalid date " + Problems.quote(s) + ", expected YYYY-MM-DD");
    }
  }
}
