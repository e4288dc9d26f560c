package org.gridgov.core.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.gridgov.core.Grid;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.GridId;
import org.gridgov.core.GridLevel;
import org.gridgov.core.cases.Case;
import org.gridgov.core.cases.CaseId;
import org.gridgov.core.cases.SourceChannel;
import org.junit.jupiter.api.Test;

class AccessControlTest {
  private final GridHierarchy h =
      GridHierarchy.builder()
          .add(Grid.territorial("street", GridLevel.STREET).build())
          .add(Grid.territorial("c1", GridLevel.COMMUNITY).parent("street").build())
          .add(Grid.territorial("c2", GridLevel.COMMUNITY).parent("street").build())
          .add(Grid.territorial("g11", GridLevel.MICRO).parent("c1").build())
          .add(Grid.territorial("g21", GridLevel.MICRO).parent("c2").build())
          .add(Grid.exclusive(GridId.of("school"), GridLevel.COMPOUND, GridId.of("c1")).build())
          .build();
  private final AccessControl access = AccessControl.over(h);

  @Test
  void aWorkerSeesTheirOwnGridOnly() {
    Principal worker = Principal.of("w1", Role.GRID_WORKER, GridId.of("g11"));
    AccessDecision own = access.check(worker, Permission.ACT, GridId.of("g11"));
    assertThat(own.allowed()).isTrue();
    assertThat(own.grantedBy()).contains(GridId.of("g11"));
    AccessDecision other = access.check(worker, Permission.READ, GridId.of("g21"));
    assertThat(other.allowed()).isFalse();
    assertThat(other.reason()).contains("g21").contains("outside");
    assertThat(access.check(worker, Permission.READ, GridId.of("c1")).allowed())
        .as("not upwards either")
        .isFalse();
  }

  @Test
  void aStreetSeesItsSubtreeIncludingExclusiveGridsOfItsCommunities() {
    Principal street = Principal.of("s", Role.PLATFORM_STAFF, GridId.of("street"));
    assertThat(access.check(street, Permission.ACT, GridId.of("g21")).allowed()).isTrue();
    assertThat(access.check(street, Permission.ACT, GridId.of("school")).allowed()).isTrue();
    Principal c2 = Principal.of("c2staff", Role.PLATFORM_STAFF, GridId.of("c2"));
    assertThat(access.check(c2, Permission.READ, GridId.of("school")).allowed()).isFalse();
  }

  @Test
  void rolesLimitWhatMayBeDoneAndUnknownThingsAreDenied() {
    Principal auditor = Principal.of("a", Role.SUPERVISOR, GridId.of("street"));
    assertThat(access.check(auditor, Permission.READ, GridId.of("g11")).allowed()).isTrue();
    AccessDecision act = access.check(auditor, Permission.ACT, GridId.of("g11"));
    assertThat(act.allowed()).isFalse();
    assertThat(act.reason()).contains("supervisor").contains("ACT");
    assertThat(access.check(auditor, Permission.READ, GridId.of("ghost")).reason())
        .contains("not in the hierarchy");
  }

  @Test
  void casesAndRecordsAreJudgedByTheirGrid() {
    Principal worker = Principal.of("w1", Role.GRID_WORKER, GridId.of("g11"), GridId.of("g21"));
    Case unlocated =
        Case.report(CaseId.of("k"), "01001", SourceChannel.PATROL, Instant.EPOCH).build();
    assertThat(access.check(worker, Permission.READ, unlocated).allowed()).isFalse();
    assertThat(
            access.check(worker, Permission.READ, unlocated.locatedIn(GridId.of("g21"))).allowed())
        .isTrue();
    GridScoped record = () -> Optional.of(GridId.of("g11"));
    assertThat(access.check(worker, Permission.ACT, record).allowed()).isTrue();
  }
}
