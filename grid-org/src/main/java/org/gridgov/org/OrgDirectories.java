package org.gridgov.org;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.gridgov.core.GridId;
import org.gridgov.core.InputCode;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.io.AtomicFiles;
import org.gridgov.core.io.Json;
import org.gridgov.core.io.JsonDocument;
import org.gridgov.core.io.JsonNodeAt;
import org.gridgov.core.io.Problems;
import org.gridgov.core.io.Suggestions;

/**
 * Reads and writes {@link OrgDirectory}s in the JSON format {@code gridgov.org/1} (docs/org.md),
 * all or nothing: every problem of a file is reported at once, each with the file, line, column and
 * JSON pointer; unknown members and unknown enum values get a "did you mean". Duplicate ids, {@code
 * to} before {@code from}, negative counts, {@code probationary} without {@code partyMember} and
 * both or neither of {@code grid}/{@code organisation} ({@code person}/{@code organisation}) are
 * errors at the member that breaks them. References that do not resolve (a post naming an unknown
 * person or grid) are not load errors: the checks report them. Stateless and thread-safe.
 *
 * <p>A file or text is first read in one pass over its tokens ({@link FastOrgReader}: no tree, no
 * located wrappers); only when that pass meets anything unusual is it read again by the located
 * reader, which reports the problems. Valid documents read to the same directory either way.
 */
public final class OrgDirectories {
  /** The value of the {@code format} member. */
  public static final String FORMAT = "gridgov.org/1";

  private static final List<String> ROOT_KEYS =
      List.of("format", "organisations", "people", "posts", "registrations", "services", "ratings");
  private static final List<String> ORG_KEYS =
      List.of(
          "id",
          "type",
          "name",
          "parent",
          "ledBy",
          "grids",
          "members",
          "committee",
          "electedOn",
          "termYears",
          "units");
  private static final List<String> MEMBER_KEYS = List.of("full", "probationary");
  private static final List<String> PERSON_KEYS =
      List.of("id", "name", "partyMember", "probationary");
  private static final List<String> POST_KEYS =
      List.of("person", "post", "grid", "organisation", "department", "team", "from", "to");
  private static final List<String> REGISTRATION_KEYS =
      List.of("person", "organisation", "community", "from", "to");
  private static final List<String> SERVICE_KEYS =
      List.of("person", "organisation", "community", "date", "hours", "kind");
  private static final List<String> RATING_KEYS =
      List.of("person", "organisation", "community", "year", "grade");

  /** Every member name of the format, each once, in the order of the key lists above. */
  static final List<String> MEMBER_NAMES =
      Stream.of(
              ROOT_KEYS,
              ORG_KEYS,
              MEMBER_KEYS,
              PERSON_KEYS,
              POST_KEYS,
              REGISTRATION_KEYS,
              SERVICE_KEYS,
              RATING_KEYS)
          .flatMap(List::stream)
          .distinct()
          .toList();

  private OrgDirectories() {}

  // ------------------------------------------------------------------ reading

  /**
   * Reads an organisation file.
   *
   * @param file the JSON file (UTF-8)
   * @return the directory
   * @throws InvalidInputException listing every problem, located; also when the file cannot be read
   *     or is not UTF-8
   */
  public static OrgDirectory read(Path file) {
    Objects.requireNonNull(file, "file");
    byte[] bytes = null;
    try {
      long size = Files.size(file);
      if (size <= Json.MAX_DOCUMENT_BYTES) {
        // a valid file streamed through the fast path; anything else read whole and located
        Optional<OrgDirectory> fast = FastOrgReader.read(file, size);
        if (fast.isPresent()) {
          return fast.get();
        }
        bytes = Files.readAllBytes(file);
      }
    } catch (IOException e) {
      // Json.parse below reports it as it always has
    }
    if (bytes == null) {
      return read(Json.parse(file));
    }
    return read(bytes, file.toString());
  }

  /**
   * A valid document is read by the fast path; anything it finds unusual is read again by the
   * located reader, which reports every problem (see {@link FastOrgReader}).
   */
  private static OrgDirectory read(byte[] bytes, String source) {
    Optional<OrgDirectory> fast = FastOrgReader.read(bytes);
    return fast.isPresent() ? fast.get() : read(Json.parse(bytes, source));
  }

  /**
   * Reads an organisation document from a stream of UTF-8 JSON, read to its end and not closed.
   *
   * @param in the stream
   * @param source the name used in errors (a file name), may be empty
   * @return the directory
   * @throws InvalidInputException listing every problem, located
   */
  public static OrgDirectory read(InputStream in, String source) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(source, "source");
    return read(Json.parse(in, source));
  }

  /**
   * Reads an organisation document from text.
   *
   * @param json the JSON text
   * @param source the name used in errors, may be empty
   * @return the directory
   * @throws InvalidInputException listing every problem, located
   */
  public static OrgDirectory fromJson(String json, String source) {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(source, "source");
    return read(json.getBytes(StandardCharsets.UTF_8), source);
  }

  /** The located reader alone, without the fast path (for tests). */
  static OrgDirectory readLocated(byte[] bytes, String source) {
    return read(Json.parse(bytes, source));
  }

  private static OrgDirectory read(JsonDocument doc) {
    return doc.read(Problems.Mode.ALL_ERRORS, OrgDirectories::directory);
  }

  private static OrgDirectory directory(JsonNodeAt root) {
    root.requireObject();
    root.onlyKeys(ROOT_KEYS);
    Problems p = root.problems();
    p.attempt(() -> root.requireFormat(FORMAT));
    List<Organisation> organisations =
        unique(
            root, "organisations", OrgDirectories::organisation, Organisation::id, "organisation");
    List<Person> people = unique(root, "people", OrgDirectories::person, Person::id, "person");
    List<Post> posts = section(root, "posts", OrgDirectories::post);
    List<Registration> registrations = section(root, "registrations", OrgDirectories::registration);
    List<ServiceRecord> services = section(root, "services", OrgDirectories::service);
    List<ReportingRating> ratings = section(root, "ratings", OrgDirectories::rating);
    if (p.hasErrors()) {
      return null;
    }
    return root.guard(
        () ->
            OrgDirectory.builder()
                .organisations(organisations)
                .people(people)
                .posts(posts)
                .registrations(registrations)
                .services(services)
                .ratings(ratings)
                .build());
  }

  /** An optional top-level array (absent: empty), each element read on its own. */
  private static <T> List<T> section(JsonNodeAt root, String name, Function<JsonNodeAt, T> read) {
    return root.problems().attempt(() -> root.list(name, read)).orElse(List.of());
  }

  /** A section whose elements have ids that must be unique; a repeat is an error at its id. */
  private static <T> List<T> unique(
      JsonNodeAt root,
      String name,
      Function<JsonNodeAt, T> read,
      Function<T, String> id,
      String what) {
    Problems p = root.problems();
    Optional<JsonNodeAt> array = root.opt(name);
    if (array.isEmpty()) {
      return List.of();
    }
    List<JsonNodeAt> nodes = p.attempt(() -> array.get().elements()).orElse(List.of());
    List<T> out = new ArrayList<>(nodes.size());
    Map<String, String> first = new HashMap<>();
    for (JsonNodeAt n : nodes) {
      Optional<T> v = p.attempt(() -> read.apply(n));
      if (v.isEmpty()) {
        continue;
      }
      String key = id.apply(v.get());
      String before = first.putIfAbsent(key, n.pointer());
      if (before != null) {
        p.error(
            InputCode.BAD_VALUE,
            n.at("id"),
            what + " id " + Problems.quote(key) + " appears twice (first at " + before + ")");
      } else {
        out.add(v.get());
      }
    }
    return out;
  }

  private static Organisation organisation(JsonNodeAt o) {
    o.requireObject();
    o.onlyKeys(ORG_KEYS);
    Problems p = o.problems();
    int errors = p.errorCount();
    String id = field(p, () -> id(o, "id"));
    OrgType type = field(p, () -> constant(o.get("type"), OrgType.class, "type"));
    String name = field(p, () -> text(o, "name"));
    Optional<String> parent = optId(o, "parent");
    Optional<String> ledBy = optId(o, "ledBy");
    List<GridId> grids = field(p, () -> o.list("grids", OrgDirectories::gridId));
    int[] members = {0, 0};
    o.optObject("members")
        .ifPresent(
            m -> {
              m.onlyKeys(MEMBER_KEYS);
              members[0] = count(m, "full");
              members[1] = count(m, "probationary");
            });
    int committee = count(o, "committee");
    Optional<LocalDate> electedOn = o.optParsed("electedOn", "date", LocalDate::parse);
    OptionalInt termYears = o.optInt("termYears");
    if (termYears.isPresent() && termYears.getAsInt() < 1) {
      p.error(
          InputCode.BAD_VALUE,
          o.at("termYears"),
          "termYears must be at least 1, not " + termYears.getAsInt());
    }
    List<String> units = field(p, () -> o.list("units", u -> nonBlank(u, "a unit")));
    if (p.errorCount() > errors) {
      return null;
    }
    return o.guard(
        () ->
            new Organisation(
                id,
                type,
                name,
                parent,
                ledBy,
                grids,
                members[0],
                members[1],
                committee,
                electedOn,
                termYears,
                units));
  }

  private static Person person(JsonNodeAt o) {
    o.requireObject();
    o.onlyKeys(PERSON_KEYS);
    Problems p = o.problems();
    int errors = p.errorCount();
    String id = field(p, () -> id(o, "id"));
    String name = field(p, () -> text(o, "name"));
    Boolean member = field(p, () -> o.bool("partyMember"));
    boolean probationary = o.optBool("probationary").orElse(false);
    if (probationary && Boolean.FALSE.equals(member)) {
      p.error(
          InputCode.BAD_VALUE,
          o.at("probationary"),
          "'probationary' is true but 'partyMember' is false; only a party member can be"
              + " probationary");
    }
    if (p.errorCount() > errors) {
      return null;
    }
    Person.Membership m =
        !member
            ? Person.Membership.NONE
            : probationary ? Person.Membership.PROBATIONARY : Person.Membership.FULL;
    return o.guard(() -> new Person(id, name, m));
  }

  private static Post post(JsonNodeAt o) {
    o.requireObject();
    o.onlyKeys(POST_KEYS);
    Problems p = o.problems();
    int errors = p.errorCount();
    String person = field(p, () -> id(o, "person"));
    PostKind kind = field(p, () -> constant(o.get("post"), PostKind.class, "post"));
    Optional<GridId> grid = o.opt("grid").flatMap(g -> p.attempt(() -> gridId(g)));
    Optional<String> organisation = optId(o, "organisation");
    exactlyOne(o, "grid", "organisation");
    Optional<String> department = optId(o, "department");
    Optional<Team> team =
        o.opt("team").flatMap(t -> p.attempt(() -> constant(t, Team.class, "team")));
    LocalDate from = field(p, () -> o.parsed("from", "date", LocalDate::parse));
    Optional<LocalDate> to = o.optParsed("to", "date", LocalDate::parse);
    toNotBeforeFrom(o, from, to);
    if (p.errorCount() > errors) {
      return null;
    }
    return o.guard(
        () ->
            new Post(
                person,
                kind,
                grid,
                organisation,
                department,
                team.orElse(kind.defaultTeam()),
                from,
                to));
  }

  private static Registration registration(JsonNodeAt o) {
    o.requireObject();
    o.onlyKeys(REGISTRATION_KEYS);
    Problems p = o.problems();
    int errors = p.errorCount();
    Registrant who = registrant(o);
    GridId community = field(p, () -> gridId(o.get("community")));
    LocalDate from = field(p, () -> o.parsed("from", "date", LocalDate::parse));
    Optional<LocalDate> to = o.optParsed("to", "date", LocalDate::parse);
    toNotBeforeFrom(o, from, to);
    if (p.errorCount() > errors) {
      return null;
    }
    return o.guard(() -> new Registration(who, community, from, to));
  }

  private static ServiceRecord service(JsonNodeAt o) {
    o.requireObject();
    o.onlyKeys(SERVICE_KEYS);
    Problems p = o.problems();
    int errors = p.errorCount();
    Registrant who = registrant(o);
    GridId community = field(p, () -> gridId(o.get("community")));
    LocalDate date = field(p, () -> o.parsed("date", "date", LocalDate::parse));
    Double hours = field(p, () -> o.number("hours"));
    if (hours != null && hours < 0) {
      p.error(InputCode.BAD_VALUE, o.at("hours"), "hours must be at least 0, not " + hours);
    }
    ServiceKind kind = field(p, () -> constant(o.get("kind"), ServiceKind.class, "kind"));
    if (p.errorCount() > errors) {
      return null;
    }
    return o.guard(() -> new ServiceRecord(who, community, date, hours, kind));
  }

  private static ReportingRating rating(JsonNodeAt o) {
    o.requireObject();
    o.onlyKeys(RATING_KEYS);
    Problems p = o.problems();
    int errors = p.errorCount();
    Registrant who = registrant(o);
    GridId community = field(p, () -> gridId(o.get("community")));
    Integer year = field(p, () -> o.integer("year"));
    if (year != null && (year < 1900 || year > 9999)) {
      p.error(InputCode.BAD_VALUE, o.at("year"), "year " + year + " is not between 1900 and 9999");
    }
    ReportingRating.Grade grade =
        field(p, () -> constant(o.get("grade"), ReportingRating.Grade.class, "grade"));
    if (p.errorCount() > errors) {
      return null;
    }
    return o.guard(() -> new ReportingRating(who, community, year, grade));
  }

  /** The {@code person} or {@code organisation} of a registration, service or rating. */
  private static Registrant registrant(JsonNodeAt o) {
    Optional<String> person = optId(o, "person");
    Optional<String> organisation = optId(o, "organisation");
    if (!exactlyOne(o, "person", "organisation")) {
      return null;
    }
    return person
        .map(Registrant::person)
        .or(() -> organisation.map(Registrant::organisation))
        .orElse(null); // a present member that could not be read has recorded its error
  }

  /** Records an error unless exactly one of two members is present; returns whether it is. */
  private static boolean exactlyOne(JsonNodeAt o, String a, String b) {
    boolean hasA = o.has(a);
    boolean hasB = o.has(b);
    if (hasA && hasB) {
      o.problems()
          .error(
              InputCode.BAD_VALUE,
              o.at(b),
              "give exactly one of '" + a + "' and '" + b + "', not both");
      return false;
    }
    if (!hasA && !hasB) {
      o.problems()
          .error(
              InputCode.MISSING,
              o.pointer(),
              "give exactly one of '" + a + "' and '" + b + "'; neither is present");
      return false;
    }
    return true;
  }

  private static void toNotBeforeFrom(JsonNodeAt o, LocalDate from, Optional<LocalDate> to) {
    if (from != null && to.isPresent() && to.get().isBefore(from)) {
      o.problems()
          .error(InputCode.BAD_VALUE, o.at("to"), "'to' " + to.get() + " is before 'from' " + from);
    }
  }

  /** Reads a required part of an element; on error (recorded) returns null and reading goes on. */
  private static <T> T field(Problems p, Supplier<T> read) {
    return p.attempt(read).orElse(null);
  }

  private static String id(JsonNodeAt o, String name) {
    return nonBlank(o.get(name), "'" + name + "'");
  }

  private static Optional<String> optId(JsonNodeAt o, String name) {
    return o.opt(name).flatMap(v -> o.problems().attempt(() -> nonBlank(v, "'" + name + "'")));
  }

  private static String text(JsonNodeAt o, String name) {
    return nonBlank(o.get(name), "'" + name + "'");
  }

  private static String nonBlank(JsonNodeAt v, String what) {
    String s = v.asString();
    if (s.isBlank()) {
      throw v.fail(what + " is blank");
    }
    return s;
  }

  private static GridId gridId(JsonNodeAt v) {
    String s = nonBlank(v, "the grid id");
    return v.asParsed("grid id", x -> GridId.of(s));
  }

  /** An optional count: absent is 0, else a whole number at least 0. */
  private static int count(JsonNodeAt o, String name) {
    OptionalInt v = o.optInt(name);
    if (v.isPresent() && v.getAsInt() < 0) {
      o.problems()
          .error(
              InputCode.BAD_VALUE,
              o.at(name),
              "'" + name + "' must be at least 0, not " + v.getAsInt());
      return 0;
    }
    return v.orElse(0);
  }

  /**
   * An enum constant by its exact name (the format's values are upper case); an unknown one lists
   * the valid names and suggests the closest.
   */
  private static <E extends Enum<E>> E constant(JsonNodeAt v, Class<E> type, String what) {
    String text = v.asString();
    E[] all = type.getEnumConstants();
    List<String> names = new ArrayList<>(all.length);
    for (E e : all) {
      if (e.name().equals(text)) {
        return e;
      }
      names.add(e.name());
    }
    String hint =
        Suggestions.didYouMean(text, names)
            .map(s -> "; did you mean '" + s + "'? expected one of " + names)
            .orElse("; expected one of " + names);
    throw v.problems()
        .fail(
            InputCode.UNKNOWN_NAME,
            v.pointer(),
            "unknown " + what + " " + Problems.quote(text) + hint);
  }

  // ------------------------------------------------------------------ writing

  /**
   * The canonical text of a directory: members in the documented order, optional members left out
   * when absent or at their default, one element per line; ends with a line break. {@link
   * #fromJson} reads it back to an equal directory.
   *
   * @param directory the directory
   * @return the JSON text
   */
  public static String toJson(OrgDirectory directory) {
    Objects.requireNonNull(directory, "directory");
    StringBuilder sb = new StringBuilder(64 + 160 * directory.posts().size());
    sb.append("{\n  \"format\": \"").append(FORMAT).append('"');
    section(sb, "organisations", directory.organisations(), OrgDirectories::tree);
    section(sb, "people", directory.people(), OrgDirectories::tree);
    section(sb, "posts", directory.posts(), OrgDirectories::tree);
    section(sb, "registrations", directory.registrations(), OrgDirectories::tree);
    section(sb, "services", directory.services(), OrgDirectories::tree);
    section(sb, "ratings", directory.ratings(), OrgDirectories::tree);
    return sb.append("\n}\n").toString();
  }

  /**
   * Writes a directory's canonical text ({@link #toJson}) as UTF-8 to a stream, flushed, not
   * closed.
   *
   * @param directory the directory
   * @param out where to write
   * @throws UncheckedIOException when the stream cannot be written
   */
  public static void write(OrgDirectory directory, OutputStream out) {
    Objects.requireNonNull(out, "out");
    try {
      out.write(toJson(directory).getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes a directory's canonical text to a file, replacing it atomically.
   *
   * @param directory the directory
   * @param file the file
   * @throws UncheckedIOException when the file cannot be written
   */
  public static void write(OrgDirectory directory, Path file) {
    Objects.requireNonNull(file, "file");
    AtomicFiles.writeString(file, toJson(directory));
  }

  private static <T> void section(
      StringBuilder sb, String name, List<T> values, Function<T, ObjectNode> tree) {
    if (values.isEmpty()) {
      return;
    }
    sb.append(",\n  \"").append(name).append("\": [");
    for (int i = 0; i < values.size(); i++) {
      sb.append(i == 0 ? "\n    " : ",\n    ").append(Json.compact(tree.apply(values.get(i))));
    }
    sb.append("\n  ]");
  }

  private static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  private static ObjectNode tree(Organisation o) {
    ObjectNode n = object();
    n.put("id", o.id());
    n.put("type", o.type().name());
    n.put("name", o.name());
    o.parent().ifPresent(v -> n.put("parent", v));
    o.ledBy().ifPresent(v -> n.put("ledBy", v));
    if (!o.grids().isEmpty()) {
      ArrayNode a = n.putArray("grids");
      o.grids().forEach(g -> a.add(g.value()));
    }
    if (o.fullMembers() > 0 || o.probationaryMembers() > 0) {
      ObjectNode m = n.putObject("members");
      m.put("full", o.fullMembers());
      if (o.probationaryMembers() > 0) {
        m.put("probationary", o.probationaryMembers());
      }
    }
    if (o.committee() > 0) {
      n.put("committee", o.committee());
    }
    o.electedOn().ifPresent(v -> n.put("electedOn", v.toString()));
    o.termYears().ifPresent(v -> n.put("termYears", v));
    if (!o.units().isEmpty()) {
      ArrayNode a = n.putArray("units");
      o.units().forEach(a::add);
    }
    return n;
  }

  private static ObjectNode tree(Person p) {
    ObjectNode n = object();
    n.put("id", p.id());
    n.put("name", p.name());
    n.put("partyMember", p.partyMember());
    if (p.membership() == Person.Membership.PROBATIONARY) {
      n.put("probationary", true);
    }
    return n;
  }

  private static ObjectNode tree(Post p) {
    ObjectNode n = object();
    n.put("person", p.person());
    n.put("post", p.kind().name());
    p.grid().ifPresent(g -> n.put("grid", g.value()));
    p.organisation().ifPresent(o -> n.put("organisation", o));
    p.department().ifPresent(d -> n.put("department", d));
    if (p.team() != p.kind().defaultTeam()) {
      n.put("team", p.team().name());
    }
    n.put("from", p.from().toString());
    p.to().ifPresent(t -> n.put("to", t.toString()));
    return n;
  }

  private static ObjectNode tree(Registration r) {
    ObjectNode n = registrant(r.registrant());
    n.put("community", r.community().value());
    n.put("from", r.from().toString());
    r.to().ifPresent(t -> n.put("to", t.toString()));
    return n;
  }

  private static ObjectNode tree(ServiceRecord s) {
    ObjectNode n = registrant(s.registrant());
    n.put("community", s.community().value());
    n.put("date", s.date().toString());
    double h = s.hours();
    if (h == Math.rint(h) && Math.abs(h) < 1e15) {
      n.put("hours", (long) h);
    } else {
      n.put("hours", h);
    }
    n.put("kind", s.kind().name());
    return n;
  }

  private static ObjectNode tree(ReportingRating r) {
    ObjectNode n = registrant(r.registrant());
    n.put("community", r.community().value());
    n.put("year", r.year());
    n.put("grade", r.grade().name());
    return n;
  }

  private static ObjectNode registrant(Registrant r) {
    ObjectNode n = object();
    n.put(r.kind() == Registrant.Kind.PERSON ? "person" : "organisation", r.id());
    return n;
  }
}
