package org.gridgov.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.GridId;
import org.gridgov.core.GridLevel;
import org.gridgov.org.OrgDirectory;
import org.gridgov.org.Person;
import org.gridgov.org.Registrant;
import org.gridgov.org.Registration;
import org.gridgov.rules.dispatch.EscalationFacts;
import org.gridgov.rules.dispatch.EscalationLadder;
import org.gridgov.rules.dispatch.EscalationStep;
import org.gridgov.rules.dispatch.Reporter;
import org.junit.jupiter.api.Test;

/** The shipped ladder's "community whistles, party members report" names the registered members. */
class WhistleRosterTest {
  static final LocalDate DAY = LocalDate.of(2026, 3, 2);
  static final GridHierarchy CITY = CaseServiceTest.city();

  static final OrgDirectory ORG =
      OrgDirectory.builder()
          .person(new Person("m1", "Member one", Person.Membership.FULL))
          .person(new Person("m2", "Member two", Person.Membership.FULL))
          .person(new Person("n1", "Resident", Person.Membership.NONE))
          .registrations(
              List.of(
                  reg("m1", "c1", DAY.minusYears(1)),
                  reg("n1", "c1", DAY.minusYears(1)),
                  reg("m2", "c1", DAY.plusDays(1)),
                  new Registration(
                      Registrant.organisation("unit-1"), GridId.of("c1"), DAY, Optional.empty())))
          .build();

  private static Registration reg(String person, String community, LocalDate from) {
    return new Registration(
        Registrant.person(person), GridId.of(community), from, Optional.empty());
  }

  @Test
  void theCommunityWhistleNamesItsRegisteredPartyMembers() {
    EscalationStep step =
        EscalationLadder.defaults().decide(new EscalationFacts(GridLevel.MICRO, true, 0.1));
    assertThat(step.isWhistle()).isTrue();
    assertThat(step.reporters()).isEqualTo(Reporter.PARTY_MEMBERS);
    WhistleRoster roster = WhistleRoster.of(CITY, ORG);
    assertThat(roster.reporters(step, GridId.of("m1"), DAY))
        .extracting(Person::id)
        .containsExactly("m1");
    assertThat(roster.reporters(step, GridId.of("m1"), DAY.plusDays(1)))
        .extracting(Person::id)
        .containsExactly("m1", "m2");
  }

  @Test
  void otherStepsNameNobody() {
    WhistleRoster roster = WhistleRoster.of(CITY, ORG);
    EscalationStep nothing =
        EscalationLadder.defaults().decide(new EscalationFacts(GridLevel.MICRO, false, 0.1));
    assertThat(nothing.isWhistle()).isFalse();
    assertThat(roster.reporters(nothing, GridId.of("m1"), DAY)).isEmpty();
    EscalationStep street =
        EscalationLadder.defaults().decide(new EscalationFacts(GridLevel.COMMUNITY, true, 0.1));
    assertThat(street.reporters()).isNotEqualTo(Reporter.PARTY_MEMBERS);
    assertThat(roster.reporters(street, GridId.of("m1"), DAY)).isEmpty();
    // a street without communities: no community on the path
    EscalationStep community =
        EscalationLadder.defaults().decide(new EscalationFacts(GridLevel.MICRO, true, 0.1));
    assertThat(roster.reporters(community, GridId.of("s2"), DAY)).isEmpty();
    assertThatThrownBy(() -> roster.reporters(community, GridId.of("nowhere"), DAY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nowhere");
  }
}
