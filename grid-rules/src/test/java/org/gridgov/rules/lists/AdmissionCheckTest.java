package org.gridgov.rules.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.rules.lists.Fixtures.access;
import static org.gridgov.rules.lists.Fixtures.base;
import static org.gridgov.rules.lists.Fixtures.prohibited;
import static org.gridgov.rules.lists.Fixtures.temporary;
import static org.gridgov.rules.lists.Fixtures.unannounced;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gridgov.core.GridLevel;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Gens;
import org.gridgov.testkit.Property;
import org.junit.jupiter.api.Test;

class AdmissionCheckTest {
  private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

  private static Admission check(GovernanceLists lists, String code, GridLevel level, String dept) {
    return lists.admission().check(code, level, dept, DAY);
  }

  @Test
  void anAnnouncedEntryInForceAdmits() {
    AccessEntry e = access("01001", GridLevel.COMMUNITY, "CG", "2024-01-01", null);
    GovernanceLists lists = base().access(e).build();
    Admission a = check(lists, "01001", GridLevel.COMMUNITY, "CG");
    assertThat(a.allowed()).isTrue();
    assertThat(a.reason()).isEqualTo(AdmissionReason.ADMITTED);
    assertThat(a.decidingEntry()).contains(e);
    assertThat(a.explanation()).contains("/access/0");
  }

  @Test
  void theProhibitedListWinsOverAnEntryInForce() {
    ProhibitedEntry p = prohibited("01001", GridLevel.COMMUNITY);
    GovernanceLists lists =
        base()
            .access(access("01001", GridLevel.COMMUNITY, "CG", "2024-01-01", null))
            .prohibited(p)
            .build();
    Admission a = check(lists, "01001", GridLevel.COMMUNITY, "CG");
    assertThat(a.allowed()).isFalse();
    assertThat(a.reason()).isEqualTo(AdmissionReason.PROHIBITED);
    assertThat(a.decidingEntry()).contains(p);
    assertThat(a.explanation()).contains("/prohibited/0");
  }

  @Test
  void aProhibitionAtAnotherLevelDoesNotApply() {
    GovernanceLists lists =
        base()
            .access(access("01001", GridLevel.COMMUNITY, "CG", "2024-01-01", null))
            .prohibited(prohibited("01001", GridLevel.COMPOUND, GridLevel.MICRO))
            .build();
    assertThat(check(lists, "01001", GridLevel.COMMUNITY, "CG").allowed()).isTrue();
    assertThat(check(lists, "01001", GridLevel.MICRO, "CG").reason())
        .isEqualTo(AdmissionReason.PROHIBITED);
  }

  @Test
  void aProhibitionWithoutLevelsAppliesEverywhereEvenToCodesOffTheItemList() {
    GovernanceLists lists = base().prohibited(prohibited("J0001")).build();
    for (GridLevel l : List.of(GridLevel.STREET, GridLevel.COMMUNITY, GridLevel.MICRO)) {
      assertThat(check(lists, "J0001", l, "CG").reason()).isEqualTo(AdmissionReason.PROHIBITED);
    }
  }

  @Test
  void anItemOffTheItemListIsDenied() {
    GovernanceLists lists =
        base().access(access("09999", GridLevel.COMMUNITY, "CG", "2024-01-01", null)).build();
    Admission a = check(lists, "09999", GridLevel.COMMUNITY, "CG");
    assertThat(a.reason()).isEqualTo(AdmissionReason.UNKNOWN_ITEM);
    assertThat(a.decidingEntry()).isEmpty();
  }

  @Test
  void anEntryForAnotherLevelDoesNotAdmit() {
    GovernanceLists lists =
        base().access(access("01001", GridLevel.COMMUNITY, "CG", "2024-01-01", null)).build();
    Admission a = check(lists, "01001", GridLevel.COMPOUND, "CG");
    assertThat(a.reason()).isEqualTo(AdmissionReason.NOT_ON_ACCESS_LIST);
    assertThat(a.decidingEntry()).isEmpty();
  }

  @Test
  void anotherDepartmentsEntryDoesNotAdmit() {
    AccessEntry e = access("01001", GridLevel.COMMUNITY, "HB", "2024-01-01", null);
    GovernanceLists lists = base().access(e).build();
    Admission a = check(lists, "01001", GridLevel.COMMUNITY, "CG");
    assertThat(a.reason()).isEqualTo(AdmissionReason.OTHER_DEPARTMENT);
    assertThat(a.decidingEntry()).contains(e);
    assertThat(a.explanation()).contains("HB").contains("CG");
  }

  @Test
  void anUnannouncedEntryDoesNotAdmit() {
    AccessEntry e = unannounced("01001", GridLevel.COMMUNITY, "CG", "2024-01-01");
    GovernanceLists lists = base().access(e).build();
    Admission a = check(lists, "01001", GridLevel.COMMUNITY, "CG");
    assertThat(a.reason()).isEqualTo(AdmissionReason.NOT_ANNOUNCED);
    assertThat(a.decidingEntry()).contains(e);
  }

  @Test
  void anEntryTakesEffectOnItsFirstDay() {
    GovernanceLists lists =
        base().access(access("01001", GridLevel.COMMUNITY, "CG", "2026-03-03", null)).build();
    AdmissionCheck c = lists.admission();
    assertThat(c.check("01001", GridLevel.COMMUNITY, "CG", DAY).reason())
        .isEqualTo(AdmissionReason.NOT_YET_EFFECTIVE);
    assertThat(c.check("01001", GridLevel.COMMUNITY, "CG", DAY.plusDays(1)).allowed()).isTrue();
  }

  @Test
  void aTemporaryAdmissionExpiresAfterItsLastDay() {
    AccessEntry e = temporary("01001", GridLevel.COMMUNITY, "CG", "2026-01-01", "2026-03-02");
    GovernanceLists lists = base().access(e).build();
    AdmissionCheck c = lists.admission();
    assertThat(c.check("01001", GridLevel.COMMUNITY, "CG", DAY).allowed()).isTrue();
    Admission after = c.check("01001", GridLevel.COMMUNITY, "CG", DAY.plusDays(1));
    assertThat(after.reason()).isEqualTo(AdmissionReason.EXPIRED);
    assertThat(after.decidingEntry()).contains(e);
  }

  @Test
  void theLatestStartedEntryExplainsADenial() {
    AccessEntry old = temporary("01001", GridLevel.COMMUNITY, "CG", "2025-01-01", "2025-02-01");
    AccessEntry recent = unannounced("01001", GridLevel.COMMUNITY, "CG", "2026-01-01");
    AccessEntry future = access("01001", GridLevel.COMMUNITY, "CG", "2027-01-01", null);
    GovernanceLists lists = base().access(future).access(old).access(recent).build();
    Admission a = check(lists, "01001", GridLevel.COMMUNITY, "CG");
    assertThat(a.reason()).isEqualTo(AdmissionReason.NOT_ANNOUNCED);
    assertThat(a.decidingEntry()).contains(recent);

    GovernanceLists onlyFuture = base().access(future).access(old).build();
    assertThat(check(onlyFuture, "01001", GridLevel.COMMUNITY, "CG").decidingEntry()).contains(old);
    GovernanceLists notStarted = base().access(future).build();
    assertThat(check(notStarted, "01001", GridLevel.COMMUNITY, "CG").reason())
        .isEqualTo(AdmissionReason.NOT_YET_EFFECTIVE);
  }

  @Test
  void oneEntryInForceIsEnoughAmongExpiredOnes() {
    GovernanceLists lists =
        base()
            .access(temporary("01001", GridLevel.COMMUNITY, "CG", "2025-01-01", "2025-02-01"))
            .access(access("01001", GridLevel.COMMUNITY, "CG", "2025-06-01", null))
            .build();
    Admission a = check(lists, "01001", GridLevel.COMMUNITY, "CG");
    assertThat(a.allowed()).isTrue();
    assertThat(a.explanation()).contains("/access/1");
  }

  // ---- property: the check agrees with a direct reading of the rule ----

  private static final List<String> CODES = List.of("01001", "01002", "09999");
  private static final List<GridLevel> LEVELS =
      List.of(GridLevel.STREET, GridLevel.COMMUNITY, GridLevel.COMPOUND);
  private static final List<String> DEPTS = List.of("CG", "HB");

  record Scenario(GovernanceLists lists, String code, GridLevel level, String dept, LocalDate on) {}

  Gen<Scenario> scenarios() {
    Gen<LocalDate> dates = Gens.integers(0, 60).map(d -> LocalDate.of(2026, 1, 1).plusDays(d));
    Gen<AccessEntry> entries =
        src -> {
          LocalDate from = dates.generate(src);
          Optional<LocalDate> to =
              Gens.optionals(Gens.integers(0, 30).map(from::plusDays)).generate(src);
          boolean temporary = to.isPresent() && Gens.booleans().generate(src);
          return new AccessEntry(
              Gens.elements(CODES).generate(src),
              Gens.elements(LEVELS).generate(src),
              Gens.elements(DEPTS).generate(src),
              "WGZX",
              from,
              to,
              temporary,
              Gens.integers(0, 4).generate(src) > 0);
        };
    Gen<ProhibitedEntry> bans =
        src ->
            new ProhibitedEntry(
                Gens.elements(CODES).generate(src),
                "",
                java.util.Set.copyOf(Gens.lists(Gens.elements(LEVELS), 0, 2).generate(src)),
                "");
    return src -> {
      GovernanceLists.Builder b = base();
      entries.list(0, 6).generate(src).forEach(b::access);
      bans.list(0, 2).generate(src).forEach(b::prohibited);
      return new Scenario(
          b.build(),
          Gens.elements(CODES).generate(src),
          Gens.elements(LEVELS).generate(src),
          Gens.elements(DEPTS).generate(src),
          dates.generate(src));
    };
  }

  @Property(tries = 300)
  void allowedExactlyWhenAnOwnEntryIsInForceAndNothingProhibits(@ForAll("scenarios") Scenario s) {
    GovernanceLists lists = s.lists();
    boolean prohibitedHere =
        lists.prohibited().stream()
            .anyMatch(p -> p.itemCode().equals(s.code()) && p.appliesTo(s.level()));
    List<AccessEntry> own = new ArrayList<>();
    for (AccessEntry e : lists.access()) {
      if (e.itemCode().equals(s.code())
          && e.level().equals(s.level())
          && e.requestingDepartment().equals(s.dept())) {
        own.add(e);
      }
    }
    boolean expected =
        !prohibitedHere
            && lists.item(s.code()).isPresent()
            && own.stream()
                .anyMatch(
                    e ->
                        e.announced()
                            && !s.on().isBefore(e.effectiveFrom())
                            && e.effectiveTo().map(t -> !s.on().isAfter(t)).orElse(true));
    Admission a = lists.admission().check(s.code(), s.level(), s.dept(), s.on());
    assertThat(a.allowed()).as(a.explanation()).isEqualTo(expected);
    if (prohibitedHere) {
      assertThat(a.reason()).isEqualTo(AdmissionReason.PROHIBITED);
    }
    if (a.allowed()) {
      assertThat(a.decidingEntry()).get().isIn(own.toArray());
    }
  }
}
