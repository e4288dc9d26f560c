package org.gridgov.org;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.gridgov.core.GridId;
import org.gridgov.core.io.Json;
import org.gridgov.core.io.JsonNodeAt;
import org.gridgov.core.io.Problems;

/**
 * Reads the organisation format {@code gridgov.org/1} (docs/org.md) into an {@link OrgDirectory}.
 *
 * <p>PLACEHOLDER written for the star-rating branch so that {@code gridgov org rate} compiles and
 * runs; the full reader (every check of the format, all errors at once) is written by the format's
 * own branch and replaces this file when the branches are merged. Stateless and thread-safe.
 */
public final class OrgDirectories {
  /** The value of the {@code format} member. */
  public static final String FORMAT = "gridgov.org/1";

  private OrgDirectories() {}

  /**
   * Reads an organisation file.
   *
   * @param file the JSON file
   * @return the directory
   * @throws org.gridgov.core.InvalidInputException located, when the file is not in the format
   */
  public static OrgDirectory read(Path file) {
    Objects.requireNonNull(file, "file");
    return Json.read(file, Problems.Mode.FIRST_ERROR, OrgDirectories::directory);
  }

  private static OrgDirectory directory(JsonNodeAt root) {
    root.requireObject();
    if (!FORMAT.equals(root.string("format"))) {
      throw root.fail("format", "expected '" + FORMAT + "'");
    }
    OrgDirectory.Builder b = OrgDirectory.builder();
    b.organisations(list(root, "organisations", OrgDirectories::organisation));
    b.people(list(root, "people", OrgDirectories::person));
    b.posts(list(root, "posts", OrgDirectories::post));
    b.registrations(list(root, "registrations", OrgDirectories::registration));
    b.services(list(root, "services", OrgDirectories::service));
    b.ratings(list(root, "ratings", OrgDirectories::rating));
    return root.guard(b::build);
  }

  private static <T> List<T> list(
      JsonNodeAt root, String name, java.util.function.Function<JsonNodeAt, T> read) {
    return root.has(name) ? root.list(name, read) : List.of();
  }

  private static LocalDate date(JsonNodeAt n, String name) {
    return n.parsed(name, "date", LocalDate::parse);
  }

  private static Optional<LocalDate> optDate(JsonNodeAt n, String name) {
    return n.optParsed(name, "date", LocalDate::parse);
  }

  private static Organisation organisation(JsonNodeAt n) {
    Optional<JsonNodeAt> members = n.optObject("members");
    List<GridId> grids = n.has("grids") ? n.list("grids", g -> GridId.of(g.asString())) : List.of();
    List<String> units = n.has("units") ? n.list("units", JsonNodeAt::asString) : List.of();
    OptionalInt term = n.optInt("termYears");
    return n.guard(
        () ->
            new Organisation(
                n.string("id"),
                n.enumValue("type", OrgType.class),
                n.string("name"),
                n.optString("parent"),
                n.optString("ledBy"),
                grids,
                members.map(m -> m.optInt("full").orElse(0)).orElse(0),
                members.map(m -> m.optInt("probationary").orElse(0)).orElse(0),
                n.optInt("committee").orElse(0),
                optDate(n, "electedOn"),
                term,
                units));
  }

  private static Person person(JsonNodeAt n) {
    boolean member = n.bool("partyMember");
    boolean probationary = n.bool("probationary", false);
    Person.Membership m =
        !member
            ? Person.Membership.NONE
            : probationary ? Person.Membership.PROBATIONARY : Person.Membership.FULL;
    return n.guard(() -> new Person(n.string("id"), n.string("name"), m));
  }

  private static Post post(JsonNodeAt n) {
    PostKind kind = n.enumValue("post", PostKind.class);
    Team team = n.optEnum("team", Team.class).orElse(kind.defaultTeam());
    return n.guard(
        () ->
            new Post(
                n.string("person"),
                kind,
                n.optString("grid").map(GridId::of),
                n.optString("organisation"),
                n.optString("department"),
                team,
                date(n, "from"),
                optDate(n, "to")));
  }

  private static Registrant registrant(JsonNodeAt n) {
    return n.has("person")
        ? Registrant.person(n.string("person"))
        : Registrant.organisation(n.string("organisation"));
  }

  private static Registration registration(JsonNodeAt n) {
    return n.guard(
        () ->
            new Registration(
                registrant(n),
                GridId.of(n.string("community")),
                date(n, "from"),
                optDate(n, "to")));
  }

  private static ServiceRecord service(JsonNodeAt n) {
    return n.guard(
        () ->
            new ServiceRecord(
                registrant(n),
                GridId.of(n.string("community")),
                date(n, "date"),
                n.number("hours"),
                n.enumValue("kind", ServiceKind.class)));
  }

  private static ReportingRating rating(JsonNodeAt n) {
    return n.guard(
        () ->
            new ReportingRating(
                registrant(n),
                GridId.of(n.string("community")),
                n.integer("year"),
                n.enumValue("grade", ReportingRating.Grade.class)));
  }
}
