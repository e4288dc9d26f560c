package org.gridgov.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gridgov.core.GeoPoint;
import org.gridgov.core.Grid;
import org.gridgov.core.GridId;
import org.gridgov.core.GridKind;
import org.gridgov.core.GridLevel;
import org.gridgov.core.LevelLadder;
import org.gridgov.core.access.Permission;
import org.gridgov.core.access.Principal;
import org.gridgov.core.access.Role;
import org.gridgov.core.cases.Case;
import org.gridgov.core.cases.CaseAction;
import org.gridgov.core.cases.CaseId;
import org.gridgov.core.cases.CaseState;
import org.gridgov.core.cases.Rating;
import org.gridgov.core.cases.SourceChannel;
import org.gridgov.core.cases.Transition;
import org.gridgov.core.risk.ElementType;
import org.gridgov.core.risk.RiskColour;
import org.gridgov.core.time.TimeLimit;
import org.gridgov.core.time.TimeLimitTable;
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
          "attributes");
  private static final Set<String> STEP_FIELDS =
      Set.of("action", "from", "to", "actor", "at", "note", "assignee");

  private CoreCodec() {}

  /** A hierarchy document: its ladder and grids, not yet built. */
  public record HierarchyDoc(LevelLadder ladder, List<Grid> grids) {}

  // ---------------------------------------------------------------- grids and hierarchies

  /**
   * Reads a hierarchy document.
   *
   * @param root the document
   * @return the ladder and grids
   */
  public static HierarchyDoc readHierarchy(JsonNode root) {
    JsonIn doc = JsonIn.object(root, "");
    doc.onlyFields(Set.of("format", "ladder", "grids"));
    LevelLadder ladder = LevelLadder.defaults();
    if (doc.has("ladder")) {
      List<GridLevel> levels = doc.list("ladder", (n, p) -> level(JsonIn.string(n, p), p));
      try {
        ladder = LevelLadder.of(levels);
      } catch (IllegalArgumentException e) {
        throw new JsonProblem("/ladder", e.getMessage());
      }
    }
    if (!doc.has("grids")) {
      throw new JsonProblem("/grids", "required field 'grids' is missing");
    }
    return new HierarchyDoc(ladder, doc.list("grids", CoreCodec::readGrid));
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
   * @param node the node
   * @param pointer its pointer
   * @return the grid
   */
  public static Grid readGrid(JsonNode node, String pointer) {
    JsonIn in = JsonIn.object(node, pointer);
    in.onlyFields(GRID_FIELDS);
    GridId id = in.req("id", "grid id", GridId::of);
    GridLevel level = in.req("level", "grid level", GridLevel::of);
    GridKind kind = in.optEnum("kind", GridKind.class).orElse(GridKind.TERRITORIAL);
    Grid.Builder b = Grid.builder(id, level, kind);
    in.optText("name").ifPresent(b::name);
    in.opt("parent", "grid id", GridId::of).ifPresent(b::parent);
    in.opt("owner", "grid id", GridId::of).ifPresent(b::owner);
    b.coverage(in.list("coverage", (n, p) -> gridId(JsonIn.string(n, p), p)));
    in.optInt("households").ifPresent(b::households);
    in.optInt("population").ifPresent(b::population);
    in.optDate("validFrom").ifPresent(b::validFrom);
    in.optDate("validTo").ifPresent(b::validTo);
    b.attributes(in.stringMap("attributes"));
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new JsonProblem(pointer, e.getMessage());
    }
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
   * Reads one case.
   *
   * @param node the node
   * @param pointer its pointer
   * @return the case
   */
  public static Case readCase(JsonNode node, String pointer) {
    JsonIn in = JsonIn.object(node, pointer);
    in.onlyFields(CASE_FIELDS);
    CaseId id = in.req("id", "case id", CaseId::of);
    String item = in.text("item");
    SourceChannel channel =
        in.optEnum("channel", SourceChannel.class)
            .orElseThrow(
                () -> new JsonProblem(in.at("channel"), "required field 'channel' is missing"));
    var reportedAt =
        in.optInstant("reportedAt")
            .orElseThrow(
                () ->
                    new JsonProblem(in.at("reportedAt"), "required field 'reportedAt' is missing"));
    Optional<GeoPoint> location = Optional.empty();
    if (in.has("lon") || in.has("lat")) {
      if (!in.has("lon") || !in.has("lat")) {
        throw new JsonProblem(in.at(in.has("lon") ? "lat" : "lon"), "lon and lat come together");
      }
      double lon = in.optDouble("lon").getAsDouble();
      double lat = in.optDouble("lat").getAsDouble();
      try {
        location = Optional.of(GeoPoint.of(lon, lat));
      } catch (IllegalArgumentException e) {
        throw new JsonProblem(in.at(lon < -180 || lon > 180 ? "lon" : "lat"), e.getMessage());
      }
    }
    List<Transition> trail = in.list("trail", CoreCodec::readStep);
    CaseState last = trail.isEmpty() ? CaseState.REPORTED : trail.get(trail.size() - 1).to();
    CaseState state = in.optEnum("state", CaseState.class).orElse(last);
    Optional<String> assignee = in.optText("assignee");
    if (assignee.isEmpty()) {
      for (Transition t : trail) {
        if (t.assignee().isPresent()) {
          assignee = t.assignee();
        }
      }
    }
    try {
      return new Case(
          id,
          item,
          location,
          in.opt("grid", "grid id", GridId::of),
          channel,
          in.optText("reporter").orElse(""),
          reportedAt,
          in.bool("urgent", false),
          state,
          assignee,
          in.optInstant("deadline"),
          in.optEnum("rating", Rating.class),
          in.optEnum("risk", RiskColour.class),
          in.optEnum("element", ElementType.class),
          trail,
          in.stringMap("attributes"));
    } catch (IllegalArgumentException e) {
      throw new JsonProblem(pointer.isEmpty() ? "/trail" : pointer + "/trail", e.getMessage());
    }
  }

  private static Transition readStep(JsonNode node, String pointer) {
    JsonIn in = JsonIn.object(node, pointer);
    in.onlyFields(STEP_FIELDS);
    CaseAction action =
        in.optEnum("action", CaseAction.class)
            .orElseThrow(
                () -> new JsonProblem(in.at("action"), "required field 'action' is missing"));
    CaseState from =
        in.optEnum("from", CaseState.class)
            .orElseThrow(() -> new JsonProblem(in.at("from"), "required field 'from' is missing"));
    CaseState to =
        in.optEnum("to", CaseState.class)
            .orElseThrow(() -> new JsonProblem(in.at("to"), "required field 'to' is missing"));
    var at =
        in.optInstant("at")
            .orElseThrow(() -> new JsonProblem(in.at("at"), "required field 'at' is missing"));
    return new Transition(
        action,
        from,
        to,
        in.optText("actor").orElse(""),
        at,
        in.optText("note").orElse(""),
        in.optText("assignee"));
  }

  /**
   * Writes one case.
   *
   * @param c the case
   * @return the node
   */
  public static ObjectNode writeCase(Case c) {
    ObjectNode o = F.objectNode();
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
      }
    }
    if (!c.attributes().isEmpty()) {
      ObjectNode at = o.putObject("attributes");
      c.attributes().forEach(at::put);
    }
    return o;
  }

  // ---------------------------------------------------------------- time

  /**
   * Reads a time limit, as text ({@code "4 working hours"}) or {@code
   * {"amount":4,"unit":"working_hours"}}.
   *
   * @param n the node
   * @param pointer its pointer
   * @return the limit
   */
  public static TimeLimit readTimeLimit(JsonNode n, String pointer) {
    try {
      if (n != null && n.isTextual()) {
        return TimeLimit.parse(n.textValue());
      }
      JsonIn in = JsonIn.object(n, pointer);
      in.onlyFields(Set.of("amount", "unit"));
      int amount =
          in.optInt("amount")
              .orElseThrow(
                  () -> new JsonProblem(in.at("amount"), "required field 'amount' is missing"));
      var unit =
          in.optEnum("unit", org.gridgov.core.time.TimeLimitUnit.class)
              .orElseThrow(
                  () -> new JsonProblem(in.at("unit"), "required field 'unit' is missing"));
      return new TimeLimit(amount, unit);
    } catch (IllegalArgumentException e) {
      throw new JsonProblem(pointer, e.getMessage());
    }
  }

  /**
   * Reads normal and urgent limits; a single limit applies to both.
   *
   * @param n the node
   * @param pointer its pointer
   * @return the limits
   */
  public static TimeLimits readTimeLimits(JsonNode n, String pointer) {
    if (n != null && n.isTextual()) {
      return TimeLimits.of(readTimeLimit(n, pointer));
    }
    JsonIn in = JsonIn.object(n, pointer);
    in.onlyFields(Set.of("normal", "urgent"));
    TimeLimit normal =
        readTimeLimit(
            in.raw("normal")
                .orElseThrow(
                    () -> new JsonProblem(in.at("normal"), "required field 'normal' is missing")),
            in.at("normal"));
    TimeLimit urgent = in.raw("urgent").map(u -> readTimeLimit(u, in.at("urgent"))).orElse(normal);
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
   * @param root the document
   * @return the table
   */
  public static TimeLimitTable readTimeLimitTable(JsonNode root) {
    JsonIn doc = JsonIn.object(root, "");
    doc.onlyFields(Set.of("format", "limits"));
    JsonIn limits =
        doc.optObject("limits")
            .orElseThrow(() -> new JsonProblem("/limits", "required field 'limits' is missing"));
    Map<String, TimeLimits> out = new LinkedHashMap<>();
    var it = root.get("limits").fields();
    while (it.hasNext()) {
      var e = it.next();
      out.put(e.getKey(), readTimeLimits(e.getValue(), limits.at(e.getKey())));
    }
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
   * @param root the document
   * @return the calendar
   */
  public static WorkCalendar readCalendar(JsonNode root) {
    JsonIn in = JsonIn.object(root, "");
    in.onlyFields(Set.of("format", "zone", "workingDays", "periods", "holidays", "makeUpDays"));
    ZoneId zone = in.opt("zone", "time zone", ZoneId::of).orElse(ZoneId.of("Asia/Shanghai"));
    WorkCalendar.Builder b = WorkCalendar.builder(zone);
    try {
      if (in.has("workingDays")) {
        List<DayOfWeek> days =
            in.list(
                "workingDays", (n, p) -> JsonIn.enumValue(JsonIn.string(n, p), DayOfWeek.class, p));
        b.workingDays(days.isEmpty() ? Set.of() : EnumSet.copyOf(days));
      }
      if (in.has("periods")) {
        List<LocalTime> times = new ArrayList<>();
        in.list(
            "periods",
            (n, p) -> {
              if (n == null || !n.isArray() || n.size() != 2) {
                throw new JsonProblem(p, "a working period is [\"HH:MM\", \"HH:MM\"]");
              }
              times.add(time(n.get(0), p + "/0"));
              times.add(time(n.get(1), p + "/1"));
              return n;
            });
        b.periods(times.toArray(new LocalTime[0]));
      }
      b.holidays(in.list("holidays", (n, p) -> date(n, p)));
      b.makeUpDays(in.list("makeUpDays", (n, p) -> date(n, p)));
    } catch (IllegalArgumentException e) {
      throw new JsonProblem("", e.getMessage());
    }
    return b.build();
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
   * @param node the node
   * @param pointer its pointer
   * @return the principal
   */
  public static Principal readPrincipal(JsonNode node, String pointer) {
    JsonIn in = JsonIn.object(node, pointer);
    in.onlyFields(Set.of("id", "role", "bindings"));
    String id = in.text("id");
    JsonNode r =
        in.raw("role")
            .orElseThrow(() -> new JsonProblem(in.at("role"), "required field 'role' is missing"));
    Role role;
    if (r.isTextual()) {
      role =
          switch (r.textValue()) {
            case "grid_worker" -> Role.GRID_WORKER;
            case "grid_leader" -> Role.GRID_LEADER;
            case "platform_staff" -> Role.PLATFORM_STAFF;
            case "supervisor" -> Role.SUPERVISOR;
            default ->
                throw new JsonProblem(
                    in.at("role"),
                    "unknown role '"
                        + r.textValue()
                        + "'; built-in roles are grid_worker, grid_leader, platform_staff, supervisor");
          };
    } else {
      JsonIn ri = JsonIn.object(r, in.at("role"));
      ri.onlyFields(Set.of("name", "permissions"));
      role =
          new Role(
              ri.text("name"),
              Set.copyOf(
                  ri.list(
                      "permissions",
                      (n, p) -> JsonIn.enumValue(JsonIn.string(n, p), Permission.class, p))));
    }
    List<GridId> bindings = in.list("bindings", (n, p) -> gridId(JsonIn.string(n, p), p));
    try {
      return new Principal(id, role, Set.copyOf(bindings));
    } catch (IllegalArgumentException e) {
      throw new JsonProblem(in.at("bindings"), e.getMessage());
    }
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

  private static GridId gridId(String s, String p) {
    try {
      return GridId.of(s);
    } catch (IllegalArgumentException e) {
      throw new JsonProblem(p, e.getMessage());
    }
  }

  private static GridLevel level(String s, String p) {
    try {
      return GridLevel.of(s);
    } catch (IllegalArgumentException e) {
      throw new JsonProblem(p, e.getMessage());
    }
  }

  private static LocalTime time(JsonNode n, String p) {
    try {
      return LocalTime.parse(JsonIn.string(n, p));
    } catch (java.time.format.DateTimeParseException e) {
      throw new JsonProblem(p, "invalid time '" + n.asText() + "', expected HH:MM");
    }
  }

  private static LocalDate date(JsonNode n, String p) {
    try {
      return LocalDate.parse(JsonIn.string(n, p));
    } catch (java.time.format.DateTimeParseException e) {
      throw new JsonProblem(p, "invalid date '" + n.asText() + "', expected YYYY-MM-DD");
    }
  }
}
