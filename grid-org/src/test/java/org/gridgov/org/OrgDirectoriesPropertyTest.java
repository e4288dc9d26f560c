package org.gridgov.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.gridgov.core.GridId;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Property;
import org.gridgov.testkit.Source;

/** Any directory the model can hold is written and read back equal. */
class OrgDirectoriesPropertyTest {
  @Property(tries = 200)
  void readingWhatWasWrittenGivesTheSameDirectory(@ForAll("directories") OrgDirectory d) {
    String text = OrgDirectories.toJson(d);
    OrgDirectory back = OrgDirectories.fromJson(text, "generated");
    assertThat(back).isEqualTo(d);
    assertThat(OrgDirectories.toJson(back)).isEqualTo(text);
  }

  @Property(tries = 200)
  void theFastPathReadsWhatWasWrittenToWhatTheLocatedReaderReads(
      @ForAll("directories") OrgDirectory d) {
    byte[] bytes = OrgDirectories.toJson(d).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(FastOrgReader.read(bytes)).contains(d);
    assertThat(OrgDirectories.readLocated(bytes, "generated")).isEqualTo(d);
  }

  static Gen<OrgDirectory> directories() {
    return src -> {
      OrgDirectory.Builder b = OrgDirectory.builder();
      int orgs = src.ints(0, 6);
      for (int i = 0; i < orgs; i++) {
        OrgType type = pick(src, OrgType.values());
        Organisation.Builder o = Organisation.builder("O" + i, type, text(src, "Org " + i));
        if (src.booleans()) {
          o.parent("O" + src.ints(0, 9));
        }
        if (src.booleans()) {
          o.ledBy("O" + src.ints(0, 9));
        }
        o.grids(grids(src));
        o.members(src.ints(0, 120), src.ints(0, 5));
        o.committee(src.ints(0, 9));
        Organisation base = o.build();
        Optional<LocalDate> elected = src.booleans() ? Optional.of(day(src)) : Optional.empty();
        OptionalInt years = src.booleans() ? OptionalInt.of(src.ints(1, 10)) : OptionalInt.empty();
        List<String> units = new ArrayList<>();
        for (int u = src.ints(0, 3); u > 0; u--) {
          units.add(text(src, "unit " + u));
        }
        b.organisation(
            new Organisation(
                base.id(),
                base.type(),
                base.name(),
                base.parent(),
                base.ledBy(),
                base.grids(),
                base.fullMembers(),
                base.probationaryMembers(),
                base.committee(),
                elected,
                years,
                units));
      }
      int people = src.ints(0, 6);
      for (int i = 0; i < people; i++) {
        b.person(
            new Person("P" + i, text(src, "Name " + i), pick(src, Person.Membership.values())));
      }
      for (int i = src.ints(0, 8); i > 0; i--) {
        PostKind kind = pick(src, PostKind.values());
        boolean onGrid = src.booleans();
        LocalDate from = day(src);
        b.post(
            new Post(
                "P" + src.ints(0, 9),
                kind,
                onGrid ? Optional.of(GridId.of("G" + src.ints(0, 5))) : Optional.empty(),
                onGrid ? Optional.empty() : Optional.of("O" + src.ints(0, 9)),
                src.booleans() ? Optional.of(text(src, "dept")) : Optional.empty(),
                src.booleans() ? pick(src, Team.values()) : kind.defaultTeam(),
                from,
                src.booleans() ? Optional.of(from.plusDays(src.ints(0, 900))) : Optional.empty()));
      }
      List<Registration> registrations = new ArrayList<>();
      List<ServiceRecord> services = new ArrayList<>();
      List<ReportingRating> ratings = new ArrayList<>();
      for (int i = src.ints(0, 4); i > 0; i--) {
        LocalDate from = day(src);
        registrations.add(
            new Registration(
                registrant(src),
                GridId.of("C" + src.ints(0, 3)),
                from,
                src.booleans() ? Optional.of(from.plusDays(src.ints(0, 400))) : Optional.empty()));
        double hours =
            switch (src.ints(0, 3)) {
              case 0 -> src.ints(0, 12);
              case 1 -> src.ints(0, 24) / 4.0;
              case 2 -> 0.1 * src.ints(0, 30);
              default -> 1e-3 * src.ints(0, 5000);
            };
        services.add(
            new ServiceRecord(
                registrant(src),
                GridId.of("C" + src.ints(0, 3)),
                day(src),
                hours,
                pick(src, ServiceKind.values())));
        ratings.add(
            new ReportingRating(
                registrant(src),
                GridId.of("C1"),
                src.ints(2020, 2030),
                pick(src, ReportingRating.Grade.values())));
      }
      return b.registrations(registrations).services(services).ratings(ratings).build();
    };
  }

  private static Registrant registrant(Source src) {
    return src.booleans()
        ? Registrant.organisation("O" + src.ints(0, 9))
        : Registrant.person("P" + src.ints(0, 9));
  }

  private static List<GridId> grids(Source src) {
    List<GridId> out = new ArrayList<>();
    for (int i = src.ints(0, 3); i > 0; i--) {
      out.add(GridId.of("G" + src.ints(0, 5)));
    }
    return out;
  }

  /** Names with the characters a writer must escape, Chinese and quotes among them. */
  private static String text(Source src, String plain) {
    return switch (src.ints(0, 3)) {
      case 0 -> plain;
      case 1 -> plain + " 党支部";
      case 2 -> plain + " \"quoted\" \\ /";
      default -> plain + "\t\u00e9\uD83D\uDE00";
    };
  }

  private static LocalDate day(Source src) {
    return LocalDate.of(2020, 1, 1).plusDays(src.ints(0, 3000));
  }

  private static <T> T pick(Source src, T[] values) {
    return values[src.ints(0, values.length - 1)];
  }
}
