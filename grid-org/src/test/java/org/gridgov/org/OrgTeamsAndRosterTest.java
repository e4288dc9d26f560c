package org.gridgov.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.gridgov.core.GridId;
import org.junit.jupiter.api.Test;

class OrgTeamsAndRosterTest {
  static final GridId GRID = GridId.of("G1");
  static final GridId COMMUNITY = GridId.of("C1");
  static final LocalDate DAY = LocalDate.of(2025, 6, 30);

  @Test
  void teamsOfAGridOnADay() {
    OrgDirectory org =
        OrgDirectory.builder()
            .post(Post.onGrid("w", PostKind.FULL_TIME_GRID_WORKER, GRID, DAY.minusYears(1)))
            .post(Post.onGrid("w", PostKind.GRID_CHIEF, GRID, DAY.minusYears(1)))
            .post(Post.onGrid("p", PostKind.SUNK_STAFF, GRID, DAY).withDepartment("police"))
            .post(Post.onGrid("v", PostKind.VOLUNTEER, GRID, DAY.plusDays(1)))
            .post(Post.onGrid("u", PostKind.UNIT_CHIEF, GRID, DAY.minusYears(2)).until(DAY))
            .post(Post.onGrid("s", PostKind.SECRETARY, GRID, DAY))
            .build();
    GridTeams t = GridTeams.of(org, GRID, DAY);
    assertThat(t.gridWorkers()).containsExactly("w");
    assertThat(t.professionals()).containsExactly("p");
    assertThat(t.auxiliaries()).containsExactly("u");
    assertThat(t.members(Team.NONE)).isEmpty();
    assertThat(t.complete()).isTrue();
    GridTeams later = GridTeams.of(org, GRID, DAY.plusDays(1));
    assertThat(later.auxiliaries()).containsExactly("v");
    assertThat(GridTeams.of(org, GRID, DAY.minusYears(3)).complete()).isFalse();
  }

  @Test
  void theRosterNamesWhoIsRegisteredWithTheCommunityOnTheDay() {
    OrgDirectory org =
        OrgDirectory.builder()
            .person(new Person("m1", "Member one", Person.Membership.FULL))
            .person(new Person("m2", "Member two", Person.Membership.PROBATIONARY))
            .person(new Person("n", "Not a member", Person.Membership.NONE))
            .registrations(
                List.of(
                    reg(Registrant.person("m1"), DAY.minusYears(1), Optional.empty()),
                    reg(Registrant.person("m2"), DAY, Optional.empty()),
                    reg(Registrant.person("n"), DAY, Optional.empty()),
                    reg(Registrant.organisation("unit-1"), DAY, Optional.empty()),
                    reg(Registrant.person("m1"), DAY.minusYears(2), Optional.of(DAY)),
                    reg(Registrant.person("old"), DAY.minusYears(2), Optional.of(DAY.minusDays(1))),
                    new Registration(
                        Registrant.person("elsewhere"), GridId.of("C2"), DAY, Optional.empty())))
            .build();
    ReportingRoster roster = ReportingRoster.of(org);
    assertThat(roster.registeredWith(COMMUNITY, DAY))
        .containsExactly(
            Registrant.person("m1"),
            Registrant.person("m2"),
            Registrant.person("n"),
            Registrant.organisation("unit-1"));
    assertThat(roster.partyMembersRegisteredWith(COMMUNITY, DAY))
        .extracting(Person::id)
        .containsExactly("m1", "m2");
    assertThat(roster.registeredWith(COMMUNITY, DAY.minusDays(1)))
        .containsExactly(Registrant.person("m1"), Registrant.person("old"));
    assertThat(roster.registeredWith(GridId.of("nowhere"), DAY)).isEmpty();
  }

  private static Registration reg(Registrant r, LocalDate from, Optional<LocalDate> to) {
    return new Registration(r, COMMUNITY, from, to);
  }
}
