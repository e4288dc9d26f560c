package org.gridgov.org;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.gridgov.core.GridId;
import org.gridgov.core.io.Json;

/**
 * The fast path of {@link OrgDirectories}' reader: one pass over the tokens of a {@code
 * gridgov.org/1} document straight into the model, with no tree and no located wrappers. It accepts
 * only documents the located reader accepts, and reads them to an equal directory; at anything
 * unusual — a syntax error or limit, an unknown or duplicate member, a {@code null}, a value of the
 * wrong type or out of range, a duplicate id — it gives up and the caller reads the document again
 * with the located reader, which reports every problem with its line, column and pointer. So a
 * valid file is read once, quickly, and an invalid one is reported exactly as before. Stateless;
 * each call has its own caches.
 */
final class FastOrgReader {
  private static final JsonFactory FACTORY = Json.newFactory();

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
  private final Map<String, GridId> gridIds = new HashMap<>();
  private final Map<String, LocalDate> dates = new HashMap<>();

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
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      switch (name) {
        case "format" -> {
          expect(OrgDirectories.FORMAT.equals(string()));
          format = true;
        }
        case "organisations" -> {
          organisations = new ArrayList<>();
          Set<String> ids = new HashSet<>();
          startArray();
          while (p.nextToken() != JsonToken.END_ARRAY) {
            Organisation o = organisation();
            expect(ids.add(o.id()));
            organisations.add(o);
          }
        }
        case "people" -> {
          people = new ArrayList<>();
          Set<String> ids = new HashSet<>();
          startArray();
          while (p.nextToken() != JsonToken.END_ARRAY) {
            Person o = person();
            expect(ids.add(o.id()));
            people.add(o);
          }
        }
        case "posts" -> {
          posts = new ArrayList<>();
          startArray();
          while (p.nextToken() != JsonToken.END_ARRAY) {
            posts.add(post());
          }
        }
        case "registrations" -> {
          registrations = new ArrayList<>();
          startArray();
          while (p.nextToken() != JsonToken.END_ARRAY) {
            registrations.add(registration());
          }
        }
        case "services" -> {
          services = new ArrayList<>();
          startArray();
          while (p.nextToken() != JsonToken.END_ARRAY) {
            services.add(service());
          }
        }
        case "ratings" -> {
          ratings = new ArrayList<>();
          startArray();
          while (p.nextToken() != JsonToken.END_ARRAY) {
            ratings.add(rating());
          }
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
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      p.nextToken();
      switch (key) {
        case "id" -> id = nonBlank();
        case "type" -> type = constant(ORG_TYPES);
        case "name" -> name = nonBlank();
        case "parent" -> parent = Optional.of(nonBlank());
        case "ledBy" -> ledBy = Optional.of(nonBlank());
        case "grids" -> {
          startArray();
          List<GridId> g = new ArrayList<>(1);
          while (p.nextToken() != JsonToken.END_ARRAY) {
            g.add(gridId());
          }
          grids = g;
        }
        case "members" -> {
          expect(p.currentToken() == JsonToken.START_OBJECT);
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String m = p.currentName();
            p.nextToken();
            switch (m) {
              case "full" -> full = count();
              case "probationary" -> probationary = count();
              default -> throw UNUSUAL;
            }
          }
        }
        case "committee" -> committee = count();
        case "electedOn" -> electedOn = Optional.of(date());
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
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
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
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      p.nextToken();
      switch (key) {
        case "person" -> person = nonBlank();
        case "post" -> kind = constant(POST_KINDS);
        case "grid" -> grid = Optional.of(gridId());
        case "organisation" -> organisation = Optional.of(nonBlank());
        case "department" -> department = Optional.of(nonBlank());
        case "team" -> team = constant(TEAMS);
        case "from" -> from = date();
        case "to" -> to = Optional.of(date());
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
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
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
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      p.nextToken();
      switch (key) {
        case "person" -> who = registrant(who, true);
        case "organisation" -> who = registrant(who, false);
        case "community" -> community = gridId();
        case "date" -> date = date();
        case "hours" -> hours = number();
        case "kind" -> kind = constant(SERVICE_KINDS);
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
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      p.nextToken();
      switch (key) {
        case "person" -> who = registrant(who, true);
        case "organisation" -> who = registrant(who, false);
        case "community" -> community = gridId();
        case "year" -> year = integer();
        case "grade" -> grade = constant(GRADES);
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

  private static void expect(boolean condition) {
    if (!condition) {
      throw UNUSUAL;
    }
  }

  private static boolean notBefore(Optional<LocalDate> to, LocalDate from) {
    return to.isEmpty() || !to.get().isBefore(from);
  }

  private void startArray() {
    expect(p.currentToken() == JsonToken.START_ARRAY);
  }

  private String string() throws java.io.IOException {
    expect(p.currentToken() == JsonToken.VALUE_STRING);
    return p.getText();
  }

  private String nonBlank() throws java.io.IOException {
    String s = string();
    expect(!s.isBlank());
    return s;
  }

  private GridId gridId() throws java.io.IOException {
    String s = nonBlank();
    GridId g = gridIds.get(s);
    if (g == null) {
      g = GridId.of(s);
      gridIds.put(s, g);
    }
    return g;
  }

  private LocalDate date() throws java.io.IOException {
    String s = string();
    LocalDate d = dates.get(s);
    if (d == null) {
      d = LocalDate.parse(s);
      dates.put(s, d);
    }
    return d;
  }

  private <E> E constant(Map<String, E> byName) throws java.io.IOException {
    E e = byName.get(string());
    expect(e != null);
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
