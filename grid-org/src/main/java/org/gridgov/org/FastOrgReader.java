package org.gridgov.org;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.gridgov.core.GridId;
import org.gridgov.core.io.Json;

/**
 * The fast path of {@link OrgDirectories}' reader: one pass over the tokens of a {@code
 * gridgov.org/1} document straight into the model, with no tree and no located wrappers. It accepts
 * only documents the located reader accepts, and reads them to an equal directory; at anything
 * unusual — a syntax error or limit, an unknown or duplicate member, a {@code null}, a value of the
 * wrong type or out of range, a duplicate id — it gives up and the caller reads the document again
 * with the located reader, which reports every problem with its line, column and pointer. So a
 * valid file is read once, quickly, and an invalid one is reported exactly as before. Each call has
 * its own tables: a text repeated in the document (a grid id, a date, an organisation reference) is
 * one string, one {@code GridId}, one {@code Optional}, made the first time it is seen.
 */
final class FastOrgReader {
  /**
   * The toolkit's factory (same limits) without Jackson's duplicate-member detection, which keeps a
   * set of names per object; {@link #once} detects duplicates instead, from one bit per name.
   */
  private static final JsonFactory FACTORY =
      Json.newFactory().rebuild().disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private static final Map<String, OrgType> ORG_TYPES = constants(OrgType.class);
  private static final Map<String, PostKind> POST_KINDS = constants(PostKind.class);
  private static final Map<String, Team> TEAMS = constants(Team.class);
  private static final Map<String, ServiceKind> SERVICE_KINDS = constants(ServiceKind.class);
  private static final Map<String, ReportingRating.Grade> GRADES =
      constants(ReportingRating.Grade.class);

  /** Abandons the fast path; carries no stack trace. */
  private static final class Unusual extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unusual() {
      super(null, null, false, false);
    }
  }

  private static final Unusual UNUSUAL = new Unusual();

  private final JsonParser p;

  /**
   * Organisation references (a post's organisation, parents) and departments: few distinct, met
   * often; the cache: the text as an {@code Optional}.
   */
  private final Interner texts = new Interner(1 << 12);

  /** Names of constants, one table per type; the cache: the constant. */
  private final Interner orgTypes = new Interner(16);

  private final Interner postKinds = new Interner(16);
  private final Interner teams = new Interner(4);
  private final Interner serviceKinds = new Interner(8);
  private final Interner grades = new Interner(4);

  /** Grid ids; the cache: the {@code GridId} as an {@code Optional}. */
  private final Interner grids = new Interner(1 << 12);

  /** Dates; the cache: the {@code LocalDate} as an {@code Optional}. */
  private final Interner dates = new Interner(1 << 10);

  private FastOrgReader(JsonParser p) {
    this.p = p;
  }

  /**
   * Reads a document the fast way.
   *
   * @param bytes the document
   * @return the directory, or empty when the document needs the located reader
   */
  static Optional<OrgDirectory> read(byte[] bytes) {
    try (JsonParser p = FACTORY.createParser(bytes)) {
      return Optional.of(new FastOrgReader(p).directory());
    } catch (Exception e) { // anything unusual, including syntax errors and limits
      return Optional.empty();
    }
  }

  /**
   * Reads a file the fast way, streaming it (the file is not held in memory whole).
   *
   * @param file the file
   * @param size its size in bytes
   * @return the directory, or empty when the document needs the located reader (or the file could
   *     not be read: the located reader reports that too)
   */
  static Optional<OrgDirectory> read(java.nio.file.Path file, long size) {
    try (java.io.InputStream in = java.nio.file.Files.newInputStream(file);
        JsonParser p = FACTORY.createParser(in)) {
      return Optional.of(new FastOrgReader(p).directory());
    } catch (Exception e) { // anything unusual, including syntax errors, limits and I/O errors
      return Optional.empty();
    }
  }

  private OrgDirectory directory() throws java.io.IOException {
    expect(p.nextToken() == JsonToken.START_OBJECT);
    boolean format = false;
    List<Organisation> organisations = List.of();
    List<Person> people = List.of();
    List<Post> posts = List.of();
    List<Registration> registrations = List.of();
    List<ServiceRecord> services = List.of();
    List<ReportingRating> ratings = List.of();
    JsonToken t;
    long seen = 0;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      seen = once(seen, name);
      p.nextToken();
      switch (name) {
        case "format" -> {
          expect(OrgDirectories.FORMAT.equals(string()));
          format = true;
        }
        case "organisations" -> {
          // duplicate ids: the directory's builder throws, and the located reader reports them
          organisations = array(this::organisation);
        }
        case "people" -> {
          people = array(this::person);
        }
        case "posts" -> {
          posts = array(this::post);
        }
        case "registrations" -> {
          registrations = array(this::registration);
        }
        case "services" -> {
          services = array(this::service);
        }
        case "ratings" -> {
          ratings = array(this::rating);
        }
        default -> throw UNUSUAL;
      }
    }
    expect(t == JsonToken.END_OBJECT && format && p.nextToken() == null);
    return OrgDirectory.builder()
        .organisations(organisations)
        .people(people)
        .posts(posts)
        .registrations(registrations)
        .services(services)
        .ratings(ratings)
        .build();
  }

  private Organisation organisation() throws java.io.IOException {
    expect(p.currentToken() == JsonToken.START_OBJECT);
    String id = null;
    OrgType type = null;
    String name = null;
    Optional<String> parent = Optional.empty();
    Optional<String> ledBy = Optional.empty();
    List<GridId> grids = List.of();
    int full = 0;
    int probationary = 0;
    int committee = 0;
    Optional<LocalDate> electedOn = Optional.empty();
    OptionalInt termYears = OptionalInt.empty();
    List<String> units = List.of();
    long seen = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      seen = once(seen, key);
      p.nextToken();
      switch (key) {
        case "id" -> id = nonBlank();
        case "type" -> type = constant(ORG_TYPES, orgTypes);
        case "name" -> name = nonBlank();
        case "parent" -> parent = optionalText();
        case "ledBy" -> ledBy = optionalText();
        case "grids" -> {
          startArray();
          List<GridId> g = new ArrayList<>(1);
          while (p.nextToken() != JsonToken.END_ARRAY) {
            g.add(gridId());
          }
          grids = g.size() == 1 ? List.of(g.get(0)) : g;
        }
        case "members" -> {
          expect(p.currentToken() == JsonToken.START_OBJECT);
          long seenMembers = 0;
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String m = p.currentName();
            seenMembers = once(seenMembers, m);
            p.nextToken();
            switch (m) {
              case "full" -> full = count();
              case "probationary" -> probationary = count();
              default -> throw UNUSUAL;
            }
          }
        }
        case "committee" -> committee = count();
        case "electedOn" -> electedOn = optionalDate();
        case "termYears" -> {
          int years = integer();
          expect(years >= 1);
          termYears = OptionalInt.of(years);
        }
        case "units" -> {
          startArray();
          List<String> u = new ArrayList<>();
          while (p.nextToken() != JsonToken.END_ARRAY) {
            u.add(nonBlank());
          }
          units = u;
        }
        default -> throw UNUSUAL;
      }
    }
    expect(id != null && type != null && name != null);
    return new Organisation(
        id,
        type,
        name,
        parent,
        ledBy,
        grids,
        full,
        probationary,
        committee,
        electedOn,
        termYears,
        units);
  }

  private Person person() throws java.io.IOException {
    expect(p.currentToken() == JsonToken.START_OBJECT);
    String id = null;
    String name = null;
    Boolean member = null;
    boolean probationary = false;
    long seen = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      seen = once(seen, key);
      p.nextToken();
      switch (key) {
        case "id" -> id = nonBlank();
        case "name" -> name = nonBlank();
        case "partyMember" -> member = bool();
        case "probationary" -> probationary = bool();
        default -> throw UNUSUAL;
      }
    }
    expect(id != null && name != null && member != null && (member || !probationary));
    return new Person(
        id,
        name,
        !member
            ? Person.Membership.NONE
            : probationary ? Person.Membership.PROBATIONARY : Person.Membership.FULL);
  }

  private Post post() throws java.io.IOException {
    expect(p.currentToken() == JsonToken.START_OBJECT);
    String person = null;
    PostKind kind = null;
    Optional<GridId> grid = Optional.empty();
    Optional<String> organisation = Optional.empty();
    Optional<String> department = Optional.empty();
    Team team = null;
    LocalDate from = null;
    Optional<LocalDate> to = Optional.empty();
    long seen = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      seen = once(seen, key);
      p.nextToken();
      switch (key) {
        case "person" -> person = nonBlank();
        case "post" -> kind = constant(POST_KINDS, postKinds);
        case "grid" -> grid = optionalGridId();
        case "organisation" -> organisation = optionalText();
        case "department" -> department = optionalText();
        case "team" -> team = constant(TEAMS, teams);
        case "from" -> from = date();
        case "to" -> to = optionalDate();
        default -> throw UNUSUAL;
      }
    }
    expect(person != null && kind != null && from != null && notBefore(to, from));
    return new Post(
        person,
        kind,
        grid,
        organisation,
        department,
        team == null ? kind.defaultTeam() : team,
        from,
        to);
  }

  private Registration registration() throws java.io.IOException {
    expect(p.currentToken() == JsonToken.START_OBJECT);
    Registrant who = null;
    GridId community = null;
    LocalDate from = null;
    Optional<LocalDate> to = Optional.empty();
    long seen = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      seen = once(seen, key);
      p.nextToken();
      switch (key) {
        case "person" -> who = registrant(who, true);
        case "organisation" -> who = registrant(who, false);
        case "community" -> community = gridId();
        case "from" -> from = date();
        case "to" -> to = Optional.of(date());
        default -> throw UNUSUAL;
      }
    }
    expect(who != null && community != null && from != null && notBefore(to, from));
    return new Registration(who, community, from, to);
  }

  private ServiceRecord service() throws java.io.IOException {
    expect(p.currentToken() == JsonToken.START_OBJECT);
    Registrant who = null;
    GridId community = null;
    LocalDate date = null;
    double hours = -1;
    ServiceKind kind = null;
    long seen = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      seen = once(seen, key);
      p.nextToken();
      switch (key) {
        case "person" -> who = registrant(who, true);
        case "organisation" -> who = registrant(who, false);
        case "community" -> community = gridId();
        case "date" -> date = date();
        case "hours" -> hours = number();
        case "kind" -> kind = constant(SERVICE_KINDS, serviceKinds);
        default -> throw UNUSUAL;
      }
    }
    expect(who != null && community != null && date != null && hours >= 0 && kind != null);
    return new ServiceRecord(who, community, date, hours, kind);
  }

  private ReportingRating rating() throws java.io.IOException {
    expect(p.currentToken() == JsonToken.START_OBJECT);
    Registrant who = null;
    GridId community = null;
    int year = 0;
    ReportingRating.Grade grade = null;
    long seen = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      seen = once(seen, key);
      p.nextToken();
      switch (key) {
        case "person" -> who = registrant(who, true);
        case "organisation" -> who = registrant(who, false);
        case "community" -> community = gridId();
        case "year" -> year = integer();
        case "grade" -> grade = constant(GRADES, grades);
        default -> throw UNUSUAL;
      }
    }
    expect(who != null && community != null && year >= 1900 && year <= 9999 && grade != null);
    return new ReportingRating(who, community, year, grade);
  }

  /** The registrant named by {@code person} or {@code organisation}; both given is unusual. */
  private Registrant registrant(Registrant before, boolean person) throws java.io.IOException {
    expect(before == null);
    String id = nonBlank();
    return person ? Registrant.person(id) : Registrant.organisation(id);
  }

  // ------------------------------------------------------------------ values

  /**
   * Marks a member name seen in the current object; a name seen twice is unusual (the located
   * reader reports the duplicate). Names not of the format are left to the caller's {@code
   * default}. Jackson's names are canonical (interned) strings, so a name is usually found by
   * identity in {@link #NAMES}, a small open-addressing table.
   */
  private static long once(long seen, String name) {
    String[] names = NAMES;
    int mask = names.length - 1;
    for (int i = name.hashCode() & mask; ; i = (i + 1) & mask) {
      String at = names[i];
      if (at == null) {
        return seen;
      }
      if (at == name || at.equals(name)) {
        long bit = NAME_BITS[i];
        expect((seen & bit) == 0);
        return seen | bit;
      }
    }
  }

  private static final String[] NAMES = new String[128];
  private static final long[] NAME_BITS = new long[128];

  static {
    // the format's member names, from the located reader's key lists (at most 64: one bit each)
    String[] names = OrgDirectories.MEMBER_NAMES.toArray(String[]::new);
    if (names.length > Long.SIZE) {
      throw new AssertionError("more than 64 member names");
    }
    int mask = NAMES.length - 1;
    for (int b = 0; b < names.length; b++) {
      int i = names[b].hashCode() & mask;
      while (NAMES[i] != null) {
        i = (i + 1) & mask;
      }
      NAMES[i] = names[b];
      NAME_BITS[i] = 1L << b;
    }
  }

  private static void expect(boolean condition) {
    if (!condition) {
      throw UNUSUAL;
    }
  }

  private static boolean notBefore(Optional<LocalDate> to, LocalDate from) {
    return to.isEmpty() || !to.get().isBefore(from);
  }

  /** Reads one element of an array; the parser stands on its first token. */
  @FunctionalInterface
  private interface Element<T> {
    T read() throws java.io.IOException;
  }

  /** The array the parser stands before, each element read by {@code element}. */
  private <T> List<T> array(Element<T> element) throws java.io.IOException {
    List<T> out = new ArrayList<>();
    startArray();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      out.add(element.read());
    }
    return out;
  }

  private void startArray() {
    expect(p.currentToken() == JsonToken.START_ARRAY);
  }

  /** The slot of the current string value in a table (no string made when the text is known). */
  private int slot(Interner table) throws java.io.IOException {
    expect(p.currentToken() == JsonToken.VALUE_STRING);
    return table.slot(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
  }

  private String string() throws java.io.IOException {
    return texts.string(slot(texts));
  }

  /** A non-blank string as an {@code Optional}, one per distinct text. */
  @SuppressWarnings("unchecked")
  private Optional<String> optionalText() throws java.io.IOException {
    int slot = slot(texts);
    Optional<String> o = (Optional<String>) texts.cache(slot);
    if (o == null) {
      String s = texts.string(slot);
      expect(!s.isBlank());
      o = Optional.of(s);
      texts.cache(slot, o);
    }
    return o;
  }

  /**
   * A non-blank string, not interned: ids and names are mostly distinct or met far apart, and
   * looking each up in a table of a million entries costs more (cache misses) than making it.
   */
  private String nonBlank() throws java.io.IOException {
    expect(p.currentToken() == JsonToken.VALUE_STRING);
    String s = p.getText();
    expect(!s.isBlank());
    return s;
  }

  private GridId gridId() throws java.io.IOException {
    return gridId(slot(grids)).get();
  }

  private Optional<GridId> optionalGridId() throws java.io.IOException {
    return gridId(slot(grids));
  }

  @SuppressWarnings("unchecked")
  private Optional<GridId> gridId(int slot) {
    Optional<GridId> g = (Optional<GridId>) grids.cache(slot);
    if (g == null) {
      String s = grids.string(slot);
      expect(!s.isBlank());
      g = Optional.of(GridId.of(s)); // an invalid id throws: the located reader reports it
      grids.cache(slot, g);
    }
    return g;
  }

  private LocalDate date() throws java.io.IOException {
    return date(slot(dates)).get();
  }

  private Optional<LocalDate> optionalDate() throws java.io.IOException {
    return date(slot(dates));
  }

  @SuppressWarnings("unchecked")
  private Optional<LocalDate> date(int slot) {
    Optional<LocalDate> d = (Optional<LocalDate>) dates.cache(slot);
    if (d == null) {
      // a bad date throws: the located reader reports it
      d = Optional.of(LocalDate.parse(dates.string(slot)));
      dates.cache(slot, d);
    }
    return d;
  }

  /** A constant by name; {@code seen} caches the constant of each text met (one table per type). */
  @SuppressWarnings("unchecked")
  private <E> E constant(Map<String, E> byName, Interner seen) throws java.io.IOException {
    int slot = slot(seen);
    E e = (E) seen.cache(slot);
    if (e == null) {
      e = byName.get(seen.string(slot));
      expect(e != null);
      seen.cache(slot, e);
    }
    return e;
  }

  private boolean bool() {
    JsonToken t = p.currentToken();
    expect(t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE);
    return t == JsonToken.VALUE_TRUE;
  }

  /** A whole number in the {@code int} range. */
  private int integer() throws java.io.IOException {
    expect(
        p.currentToken() == JsonToken.VALUE_NUMBER_INT
            && p.getNumberType() == JsonParser.NumberType.INT);
    return p.getIntValue();
  }

  private int count() throws java.io.IOException {
    int v = integer();
    expect(v >= 0);
    return v;
  }

  /** A finite number, converted as the tree reader does (floats through their exact decimal). */
  private double number() throws java.io.IOException {
    double d;
    if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
      JsonParser.NumberType type = p.getNumberType();
      expect(type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG);
      d = p.getLongValue();
    } else {
      expect(p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT);
      d = p.getDecimalValue().doubleValue();
    }
    expect(Double.isFinite(d));
    return d;
  }

  private static <E extends Enum<E>> Map<String, E> constants(Class<E> type) {
    Map<String, E> out = new HashMap<>();
    for (E e : type.getEnumConstants()) {
      out.put(e.name(), e);
    }
    return Map.copyOf(out);
  }
}
