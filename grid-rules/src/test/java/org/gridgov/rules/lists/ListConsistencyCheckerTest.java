package org.gridgov.rules.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.rules.lists.Fixtures.access;
import static org.gridgov.rules.lists.Fixtures.base;
import static org.gridgov.rules.lists.Fixtures.dept;
import static org.gridgov.rules.lists.Fixtures.item;
import static org.gridgov.rules.lists.Fixtures.prohibited;
import static org.gridgov.rules.lists.Fixtures.temporary;
import static org.gridgov.rules.lists.Fixtures.unannounced;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.gridgov.core.Finding;
import org.gridgov.core.Findings;
import org.gridgov.core.GridLevel;
import org.gridgov.core.LevelLadder;
import org.gridgov.core.Severity;
import org.gridgov.rules.lists.ListFinding.Kind;
import org.junit.jupiter.api.Test;

class ListConsistencyCheckerTest {
  private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
  private static final ListConsistencyChecker CHECKER = ListConsistencyChecker.defaults();

  private static List<ListFinding> check(GovernanceLists lists) {
    return CHECKER.check(lists, DAY);
  }

  static GovernanceLists sample() throws IOException {
    try (InputStream in =
        ListConsistencyCheckerTest.class.getResourceAsStream(
            "/org/gridgov/rules/sample/lists.json")) {
      return ListsJson.read(in, "sample/lists.json");
    }
  }

  @Test
  void consistentListsHaveNoFindings() {
    GovernanceLists lists =
        base().access(access("01001", GridLevel.COMMUNITY, "CG", "2024-01-01", null)).build();
    assertThat(check(lists)).isEmpty();
  }

  @Test
  void theSampleListsAreConsistentNowAndLater() throws IOException {
    GovernanceLists lists = sample();
    assertThat(CHECKER.check(lists, DAY)).isEmpty();
    assertThat(CHECKER.check(lists, LocalDate.of(2030, 1, 1))).isEmpty();
    assertThat(CHECKER.check(lists, LocalDate.of(2024, 1, 1))).isEmpty();
  }

  @Test
  void theSampleFollowsTongchengsClassification() throws IOException {
    GovernanceLists lists = sample();
    assertThat(lists.items()).hasSize(90);
    assertThat(lists.items().stream().map(Item::category).distinct()).hasSize(9);
    assertThat(lists.items().stream().map(i -> i.categoryPath().subList(0, 2)).distinct())
        .hasSize(32);
    assertThat(lists.departments().stream().filter(Department::jointDuty)).hasSize(22);
    assertThat(lists.items()).allMatch(Item::isStandardCode);
  }

  @Test
  void duplicateItemCodesAreFoundAtTheSecondOccurrence() {
    GovernanceLists lists = base().item(item("01001", GridLevel.COMMUNITY, false)).build();
    assertThat(check(lists))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.kind()).isEqualTo(Kind.DUPLICATE_ITEM_CODE);
              assertThat(f.code()).isEqualTo("DUPLICATE_ITEM_CODE");
              assertThat(f.severity()).isEqualTo(Severity.ERROR);
              assertThat(f.itemCode()).contains("01001");
              assertThat(f.pointer()).isEqualTo("/items/2/code");
              assertThat(f.message()).contains("/items/0");
              assertThat(f.subjects()).containsExactly("01001");
              assertThat(f.location().orElseThrow().pointer()).isEqualTo("/items/2/code");
            });
    Findings view = CHECKER.findings(lists, DAY);
    assertThat(view.hasErrors()).isTrue();
    assertThat(view.errors()).extracting(Finding::code).containsExactly("DUPLICATE_ITEM_CODE");
    assertThat(CHECKER.findings(base().build(), DAY).hasErrors()).isFalse();
  }

  @Test
  void duplicateDepartmentIdsAreFound() {
    GovernanceLists lists = base().department(dept("HB")).build();
    assertThat(check(lists))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.kind()).isEqualTo(Kind.DUPLICATE_DEPARTMENT_ID);
              assertThat(f.itemCode()).isEmpty();
              assertThat(f.pointer()).isEqualTo("/departments/3");
            });
  }

  @Test
  void anAutoDispatchedItemNeedsAnAuthorityEntry() {
    GovernanceLists lists = base().item(item("01003", GridLevel.COMMUNITY, true)).build();
    assertThat(check(lists))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.kind()).isEqualTo(Kind.AUTO_DISPATCH_WITHOUT_AUTHORITY);
              assertThat(f.itemCode()).contains("01003");
              assertThat(f.pointer()).isEqualTo("/items/2");
            });
  }

  @Test
  void anItemMayNotBeAdmittedAndProhibitedAtOneLevel() {
    GovernanceLists lists =
        base()
            .access(access("01001", GridLevel.COMMUNITY, "CG", "2024-01-01", null))
            .prohibited(prohibited("01001", GridLevel.COMMUNITY))
            .build();
    assertThat(check(lists))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.kind()).isEqualTo(Kind.ADMITTED_AND_PROHIBITED);
              assertThat(f.pointer()).isEqualTo("/access/0");
              assertThat(f.message()).contains("/prohibited/0");
            });
  }

  @Test
  void anExpiredAdmissionMayStandBesideAProhibition() {
    GovernanceLists lists =
        base()
            .access(access("01001", GridLevel.COMMUNITY, "CG", "2024-01-01", null))
            .access(temporary("01001", GridLevel.MICRO, "CG", "2025-01-01", "2025-02-01"))
            .prohibited(prohibited("01001", GridLevel.MICRO))
            .build();
    assertThat(check(lists)).isEmpty();
  }

  @Test
  void levelsMustBeOnTheLadder() {
    GridLevel block = GridLevel.of("block");
    GovernanceLists lists =
        GovernanceLists.builder()
            .department(new Department("CG", "城管", block, true))
            .department(dept("WGZX"))
            .item(item("01001", block, false))
            .authority(
                new AuthorityEntry("01001", block, List.of("CG"), PowerType.SERVICE, "", List.of()))
            .access(access("01001", block, "CG", "2024-01-01", null))
            .prohibited(prohibited("J0001", block))
            .build();
    List<ListFinding> found = check(lists);
    assertThat(found).extracting(ListFinding::kind).containsOnly(Kind.UNKNOWN_LEVEL);
    assertThat(found)
        .extracting(ListFinding::pointer)
        .containsExactly(
            "/departments/0/level",
            "/items/0/level",
            "/authorities/0/level",
            "/access/0/level",
            "/prohibited/0/levels/0");
    // with a ladder that has the level, the same lists are consistent
    LevelLadder withBlock =
        LevelLadder.of(List.of(GridLevel.CITY, GridLevel.STREET, block, GridLevel.MICRO));
    assertThat(ListConsistencyChecker.of(withBlock).check(lists, DAY)).isEmpty();
  }

  @Test
  void anExpiredTemporaryAdmissionStillInUseIsFound() {
    GovernanceLists lists =
        base()
            .access(temporary("01001", GridLevel.COMMUNITY, "CG", "2025-01-01", "2025-06-30"))
            .access(temporary("01001", GridLevel.COMMUNITY, "CG", "2025-07-01", "2025-12-31"))
            .build();
    assertThat(check(lists))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.kind()).isEqualTo(Kind.EXPIRED_TEMPORARY_IN_USE);
              assertThat(f.itemCode()).contains("01001");
              // the latest expired entry is the one named
              assertThat(f.pointer()).isEqualTo("/access/1/effectiveTo");
              assertThat(f.message()).contains("2025-12-31");
            });
    // on its last day it is still in force
    assertThat(CHECKER.check(lists, LocalDate.of(2025, 12, 31))).isEmpty();
  }

  @Test
  void anExpiredTemporaryAdmissionIsNotInUseWhenRenewedOrAtAnotherLevel() {
    GovernanceLists renewed =
        base()
            .access(temporary("01001", GridLevel.COMMUNITY, "CG", "2025-01-01", "2025-06-30"))
            .access(access("01001", GridLevel.COMMUNITY, "HB", "2025-07-01", null))
            .build();
    assertThat(check(renewed)).isEmpty();
    GovernanceLists elsewhere =
        base()
            .access(access("01001", GridLevel.COMMUNITY, "CG", "2024-01-01", null))
            .access(temporary("01001", GridLevel.COMPOUND, "CG", "2025-01-01", "2025-06-30"))
            .build();
    assertThat(check(elsewhere)).isEmpty();
  }

  @Test
  void referencesToUnknownItemsAndDepartmentsAreFound() {
    GovernanceLists lists =
        base()
            .authority(
                new AuthorityEntry(
                    "07777", GridLevel.CITY, List.of("XX"), PowerType.PENALTY, "", List.of()))
            .access(access("01001", GridLevel.COMMUNITY, "YY", "2024-01-01", null))
            .build();
    assertThat(check(lists))
        .extracting(ListFinding::kind, ListFinding::pointer)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Kind.UNKNOWN_ITEM, "/authorities/1/item"),
            org.assertj.core.groups.Tuple.tuple(
                Kind.UNKNOWN_DEPARTMENT, "/authorities/1/departments/0"),
            org.assertj.core.groups.Tuple.tuple(
                Kind.UNKNOWN_DEPARTMENT, "/access/0/requestingDepartment"));
  }

  @Test
  void anEffectiveEntryThatIsNotAnnouncedIsAWarning() {
    GovernanceLists lists =
        base()
            .access(access("01001", GridLevel.COMMUNITY, "CG", "2024-01-01", null))
            .access(unannounced("01001", GridLevel.COMMUNITY, "HB", "2026-01-01"))
            .access(unannounced("01001", GridLevel.COMMUNITY, "HB", "2027-01-01"))
            .build();
    assertThat(check(lists))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.kind()).isEqualTo(Kind.NOT_ANNOUNCED);
              assertThat(f.severity()).isEqualTo(Severity.WARNING);
              assertThat(f.pointer()).isEqualTo("/access/1/announced");
            });
  }

  @Test
  void defaultDepartmentsMustExist() {
    Item orphan =
        Item.builder("01009", "x", GridLevel.STREET, Fixtures.FOUR_HOURS)
            .category("c")
            .defaultDepartment("ZZ")
            .build();
    assertThat(check(base().item(orphan).build()))
        .singleElement()
        .satisfies(f -> assertThat(f.pointer()).isEqualTo("/items/2/department"));
    assertThat(orphan.defaultDepartment()).isEqualTo(Optional.of("ZZ"));
  }
}
