package org.gridgov.org;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.gridgov.core.GridId;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.io.Json;
import org.gridgov.core.io.JsonNodeAt;
import org.gridgov.core.io.Problems;

/**
 * Reads the organisation format {@code gridgov.org/1} (docs/org.md) into an {@link OrgDirectory}.
 *
 * <p>PLACEHOLDER of the org-check branch: a minimal reader of the documented members, so that
 * {@code gridgov org check} compiles and runs; the format helper's full reader (strict keys,
 * located errors for every rule of the format) replaces this file at merge.
 */
public final class OrgDirectories {
  /** The value of the {@code format} member. */
  public static final String FORMAT = "gridgov.org/1";

  private OrgDirectories() {}

  /**
   * Reads an organisation file, all or nothing.
   *
   * @param file the JSON file
   * @return the directory
   * @throws InvalidInputException listing the problems, located
   */
  public static OrgDirectory read(Path file) {
    Objects.requireNonNull(file, "file");
    return Json.parse(file).read(Problems.Mode.ALL_ERRORS, OrgDirectories::directory);
  }

  private static OrgDirectory directory(JsonNodeAt root) {
    root.requireObject();
    Problems p = root.problems();
    String format = root.string("format");
    if (!format.equals(FORMAT)) {
      p.error(
          org.gridgov.core.InputCode.BAD_VALUE,
          root.at("format"),
          "unknown format " + Problems.quote(format) + "; expected '" + FORMAT + "'");
    }
    List<Organisation> orgs = root.list("organisations", OrgDirectories::organisation);
    List<Person> people = root.list("people", OrgDirectories::person);
    List<Post> posts = root.list("posts", OrgDirectories::post);
    List<Registration> regs = root.list("registrations", OrgDirectories::registration);
    List<ReportingRating> ratings = root.list("ratings", OrgDirectories::rating);
    if (p.hasErrors()) {
      return null;
    }
    return root.guard(
        () ->
            OrgDirectory.builder()
                .organisations(orgs)
                .people(people)
                .posts(posts)
                .registrations(regs)
                .ratings(ratings)
                .build());
  }

  private static LocalDate date(JsonNodeAt n, String name) {
    return n.parsed(name, "date", LocalDate::parse);
  }

  private static Optional<LocalDate> optDate(JsonNodeAt n, String name) {
    return n.optParsed(name, "date", LocalDate::parse);
  }

  private static Organisation organisation(JsonNodeAt n) {
    n.requireObject();
    Optional<JsonNodeAt> members = n.optObject("members");
    List<GridId> grids = n.list("grids", e -> GridId.of(e.asString()));
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
                n.optInt("termYears").isPresent()
                    ? OptionalInt.of(n.optInt("termYears").getAsInt())
                    : OptionalInt.empty(),
                n.list("units", JsonNodeAt::asString)));
  }

  private static Person person(JsonNodeAt n) {
    n.requireObject();
    boolean member = n.bool("partyMember");
    boolean probationary = n.bool("probationary", false);
    return n.guard(
        () ->
            new Person(
                n.string("id"),
                n.string("name"),
                !member
                    ? Person.Membership.NONE
                    : probationary ? Person.Membership.PROBATIONARY : Person.Membership.FULL));
  }

  private static Post post(JsonNodeAt n) {
    n.requireObject();
    PostKind kind = n.enumValue("post", PostKind.class);
    return n.guard(
        () ->
            new Post(
                n.string("person"),
                kind,
                n.optString("grid").map(GridId::of),
                n.optString("organisation"),
                n.optString("department"),
                n.optEnum("team", Team.class).orElse(kind.defaultTeam()),
                date(n, "from"),
                optDate(n, "to")));
  }

  private static Registrant registrant(JsonNodeAt n) {
    return n.optString("person")
        .map(Registrant::person)
        .orElseGet(() -> Registrant.organisation(n.string("organisation")));
  }

  private static Registration registration(JsonNodeAt n) {
    n.requireObject();
    return n.guard(
        () ->
            new Registration(
                registrant(n),
                GridId.of(n.string("community")),
                date(n, "from"),
                optDate(n, "to")));
  }

  private static ReportingRating rating(JsonNodeAt n) {
    n.requireObject();
    return n.guard(
        () ->
            new ReportingRating(
                registrant(n),
                GridId.of(n.string("community")),
                n.integer("year"),
                n.enumValue("grade", ReportingRating.Grade.class)));
  }
}
