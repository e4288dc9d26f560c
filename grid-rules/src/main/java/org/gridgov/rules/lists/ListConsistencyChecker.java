package org.gridgov.rules.lists;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.gridgov.core.Findings;
import org.gridgov.core.GridLevel;
import org.gridgov.core.LevelLadder;
import org.gridgov.rules.lists.ListFinding.Kind;

/**
 * Checks the three lists against each other and against the hierarchy's level ladder, returning
 * every inconsistency as a {@link ListFinding} (see {@link ListFinding.Kind} for the kinds).
 *
 * <p>Some findings depend on the day of the check: an access entry that expired before it no longer
 * counts as admitting its item, and an expired temporary admission counts as "still in use" when
 * the item is handled at the entry's level and nothing else admits it there on that day.
 *
 * <p>Findings come in a fixed order: departments, items, authority, access, then prohibited
 * entries, each in list order. Immutable and thread-safe.
 */
public final class ListConsistencyChecker {
  private static final ListConsistencyChecker DEFAULT =
      new ListConsistencyChecker(LevelLadder.defaults());

  private final LevelLadder ladder;

  private ListConsistencyChecker(LevelLadder ladder) {
    this.ladder = ladder;
  }

  /**
   * A checker for a ladder.
   *
   * @param ladder the hierarchy's levels
   * @return the checker
   */
  public static ListConsistencyChecker of(LevelLadder ladder) {
    return new ListConsistencyChecker(Objects.requireNonNull(ladder, "ladder"));
  }

  /**
   * A checker for {@link LevelLadder#defaults()}.
   *
   * @return the checker
   */
  public static ListConsistencyChecker defaults() {
    return DEFAULT;
  }

  /**
   * Checks the lists as of a day.
   *
   * @param lists the lists
   * @param asOf the day of the check
   * @return the findings, empty when consistent
   */
  public List<ListFinding> check(GovernanceLists lists, LocalDate asOf) {
    Objects.requireNonNull(lists, "lists");
    Objects.requireNonNull(asOf, "asOf");
    return new Run(lists, asOf).run();
  }

  /**
   * Checks the lists on a day and returns the findings as grid-core {@link Findings} (the same
   * findings as {@link #check}, with {@link Findings#hasErrors()} and by-severity views).
   *
   * @param lists the lists
   * @param asOf the day of the check
   * @return the findings, empty when consistent
   */
  public Findings findings(GovernanceLists lists, LocalDate asOf) {
    return Findings.of(check(lists, asOf));
  }

  /** The state of one check. */
  private final class Run {
    private final GovernanceLists lists;
    private final LocalDate asOf;
    private final List<ListFinding> out = new ArrayList<>();

    Run(GovernanceLists lists, LocalDate asOf) {
      this.lists = lists;
      this.asOf = asOf;
    }

    List<ListFinding> run() {
      checkDepartments();
      checkItems();
      checkAuthorities();
      checkAccess();
      checkProhibited();
      return List.copyOf(out);
    }

    private void checkDepartments() {
      Map<String, Integer> first = new HashMap<>();
      List<Department> ds = lists.departments();
      for (int i = 0; i < ds.size(); i++) {
        Department d = ds.get(i);
        String at = "/departments/" + i;
        Integer prev = first.putIfAbsent(d.id(), i);
        if (prev != null) {
          report(
              Kind.DUPLICATE_DEPARTMENT_ID,
              null,
              at,
              "department id " + d.id() + " is already used by /departments/" + prev);
        }
        level(d.level(), null, at + "/level", "department " + d.id());
      }
    }

    private void checkItems() {
      Map<String, Integer> first = new HashMap<>();
      Set<String> withAuthority = new HashSet<>();
      lists.authorities().forEach(a -> withAuthority.add(a.itemCode()));
      List<Item> items = lists.items();
      for (int i = 0; i < items.size(); i++) {
        Item item = items.get(i);
        String at = "/items/" + i;
        Integer prev = first.putIfAbsent(item.code(), i);
        if (prev != null) {
          report(
              Kind.DUPLICATE_ITEM_CODE,
              item.code(),
              at + "/code",
              "item code " + item.code() + " is already used by /items/" + prev);
        }
        level(item.level(), item.code(), at + "/level", "item " + item.code());
        item.defaultDepartment()
            .ifPresent(d -> department(d, item.code(), at + "/department", "item " + item.code()));
        if (item.autoDispatch() && !withAuthority.contains(item.code())) {
          report(
              Kind.AUTO_DISPATCH_WITHOUT_AUTHORITY,
              item.code(),
              at,
              "item "
                  + item.code()
                  + " is dispatched automatically but no authority entry names who is"
                  + " responsible for it");
        }
      }
    }

    private void checkAuthorities() {
      List<AuthorityEntry> as = lists.authorities();
      for (int i = 0; i < as.size(); i++) {
        AuthorityEntry a = as.get(i);
        String at = "/authorities/" + i;
        String what = "authority entry for item " + a.itemCode();
        knownItem(a.itemCode(), at + "/item", what);
        level(a.level(), a.itemCode(), at + "/level", what);
        for (int j = 0; j < a.departments().size(); j++) {
          department(a.departments().get(j), a.itemCode(), at + "/departments/" + j, what);
        }
      }
    }

    private void checkAccess() {
      List<AccessEntry> as = lists.access();
      // (item, level) pairs admitted by an entry in force today; and the latest-expiring expired
      // temporary entry of each pair.
      Set<String> inForce = new HashSet<>();
      Map<String, Integer> expiredTemporary = new HashMap<>();
      for (int i = 0; i < as.size(); i++) {
        AccessEntry a = as.get(i);
        String at = "/access/" + i;
        String what = "access entry for item " + a.itemCode();
        knownItem(a.itemCode(), at + "/item", what);
        level(a.level(), a.itemCode(), at + "/level", what);
        department(a.requestingDepartment(), a.itemCode(), at + "/requestingDepartment", what);
        department(a.approvingAgency(), a.itemCode(), at + "/approvingAgency", what);
        String key = a.itemCode() + '\u0000' + a.level().name();
        if (a.inForceOn(asOf)) {
          inForce.add(key);
        }
        if (a.temporary() && a.expiredOn(asOf)) {
          expiredTemporary.merge(
              key,
              i,
              (p, q) ->
                  as.get(q)
                          .effectiveTo()
                          .orElseThrow()
                          .isAfter(as.get(p).effectiveTo().orElseThrow())
                      ? q
                      : p);
        }
        if (!a.announced() && !a.effectiveFrom().isAfter(asOf) && !a.expiredOn(asOf)) {
          report(
              Kind.NOT_ANNOUNCED,
              a.itemCode(),
              at + "/announced",
              what + " at " + a.level() + " is effective on " + asOf + " but not announced");
        }
        if (!a.expiredOn(asOf)) {
          prohibition(a.itemCode(), a.level())
              .ifPresent(
                  j ->
                      report(
                          Kind.ADMITTED_AND_PROHIBITED,
                          a.itemCode(),
                          at,
                          what
                              + " admits it at "
                              + a.level()
                              + " but /prohibited/"
                              + j
                              + " prohibits it there"));
        }
      }
      for (int i = 0; i < as.size(); i++) {
        AccessEntry a = as.get(i);
        String key = a.itemCode() + '\u0000' + a.level().name();
        if (expiredTemporary.getOrDefault(key, -1) != i || inForce.contains(key)) {
          continue;
        }
        Optional<Item> item = lists.item(a.itemCode());
        if (item.isPresent() && item.get().level().equals(a.level())) {
          report(
              Kind.EXPIRED_TEMPORARY_IN_USE,
              a.itemCode(),
              "/access/" + i + "/effectiveTo",
              "item "
                  + a.itemCode()
                  + " is still handled at "
                  + a.level()
                  + " but its temporary admission expired after "
                  + a.effectiveTo().orElseThrow()
                  + " and no access entry admits it there on "
                  + asOf);
        }
      }
    }

    private void checkProhibited() {
      List<ProhibitedEntry> ps = lists.prohibited();
      for (int i = 0; i < ps.size(); i++) {
        ProhibitedEntry p = ps.get(i);
        int j = 0;
        for (GridLevel l : p.levels()) {
          level(
              l,
              p.itemCode(),
              "/prohibited/" + i + "/levels/" + j,
              "prohibited entry for item " + p.itemCode());
          j++;
        }
      }
    }

    private Optional<Integer> prohibition(String itemCode, GridLevel level) {
      List<ProhibitedEntry> ps = lists.prohibited();
      for (int j = 0; j < ps.size(); j++) {
        if (ps.get(j).itemCode().equals(itemCode) && ps.get(j).appliesTo(level)) {
          return Optional.of(j);
        }
      }
      return Optional.empty();
    }

    private void knownItem(String code, String at, String what) {
      if (lists.item(code).isEmpty()) {
        report(Kind.UNKNOWN_ITEM, code, at, what + ": item " + code + " is not on the item list");
      }
    }

    private void level(GridLevel level, String itemCode, String at, String what) {
      if (!ladder.contains(level)) {
        report(
            Kind.UNKNOWN_LEVEL,
            itemCode,
            at,
            what + " names level '" + level + "', which is not on the ladder " + ladder);
      }
    }

    private void department(String id, String itemCode, String at, String what) {
      if (lists.department(id).isEmpty()) {
        report(
            Kind.UNKNOWN_DEPARTMENT,
            itemCode,
            at,
            what + " names department " + id + ", which is not in the department list");
      }
    }

    private void report(Kind kind, String itemCode, String pointer, String text) {
      out.add(new ListFinding(kind, Optional.ofNullable(itemCode), pointer, pointer + ": " + text));
    }
  }
}
