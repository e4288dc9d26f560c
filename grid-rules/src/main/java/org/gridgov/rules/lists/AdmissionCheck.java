package org.gridgov.rules.lists;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.GridLevel;

/**
 * Answers whether a department may assign an item to the grid workers of a level on a date: the
 * access-list rule of docs/domain.md §7 (准入/禁入).
 *
 * <p>The rule, in the order it is applied:
 *
 * <ol>
 *   <li>a prohibited entry for the item that applies to the level denies ({@link
 *       AdmissionReason#PROHIBITED}); the prohibited list always wins;
 *   <li>an item that is not on the item list is denied;
 *   <li>there must be an access entry for the item at exactly that level (an entry for the
 *       community does not admit the item to compound grids);
 *   <li>the entry must be the requesting department's own: the department that applied is the one
 *       that sends the resources with the matter, so another department cannot ride on its entry;
 *   <li>the entry must be in force on the date: announced, effective, not expired (both dates
 *       inclusive). When several of the department's entries exist and none is in force, the reason
 *       names the most relevant one: the latest that had started by the date, else the next to
 *       start.
 * </ol>
 *
 * <p>Obtain one from {@link GovernanceLists#admission()}. Immutable and thread-safe.
 */
public final class AdmissionCheck {
  private final GovernanceLists lists;
  private final Map<String, List<Integer>> prohibitedByItem = new HashMap<>();
  private final Map<String, Map<GridLevel, List<Integer>>> accessByItem = new HashMap<>();

  AdmissionCheck(GovernanceLists lists) {
    this.lists = lists;
    List<ProhibitedEntry> prohibited = lists.prohibited();
    for (int i = 0; i < prohibited.size(); i++) {
      prohibitedByItem.computeIfAbsent(prohibited.get(i).itemCode(), k -> new ArrayList<>()).add(i);
    }
    List<AccessEntry> access = lists.access();
    for (int i = 0; i < access.size(); i++) {
      AccessEntry e = access.get(i);
      accessByItem
          .computeIfAbsent(e.itemCode(), k -> new HashMap<>())
          .computeIfAbsent(e.level(), k -> new ArrayList<>())
          .add(i);
    }
  }

  /**
   * Decides one assignment.
   *
   * @param itemCode the item to assign
   * @param targetLevel the level of the grid workers who would receive it
   * @param requestingDepartment id of the department that assigns it
   * @param date the day of the assignment
   * @return the admission, with the deciding entry
   */
  public Admission check(
      String itemCode, GridLevel targetLevel, String requestingDepartment, LocalDate date) {
    Objects.requireNonNull(itemCode, "itemCode");
    Objects.requireNonNull(targetLevel, "targetLevel");
    Objects.requireNonNull(requestingDepartment, "requestingDepartment");
    Objects.requireNonNull(date, "date");
    String what = "item " + itemCode + " at level " + targetLevel;
    for (int i : prohibitedByItem.getOrDefault(itemCode, List.of())) {
      ProhibitedEntry p = lists.prohibited().get(i);
      if (p.appliesTo(targetLevel)) {
        return deny(
            AdmissionReason.PROHIBITED,
            p,
            what + " is on the prohibited list (/prohibited/" + i + ")");
      }
    }
    if (lists.item(itemCode).isEmpty()) {
      return new Admission(
          AdmissionReason.UNKNOWN_ITEM,
          Optional.empty(),
          "item " + itemCode + " is not on the item list");
    }
    List<Integer> atLevel =
        accessByItem.getOrDefault(itemCode, Map.of()).getOrDefault(targetLevel, List.of());
    if (atLevel.isEmpty()) {
      return new Admission(
          AdmissionReason.NOT_ON_ACCESS_LIST,
          Optional.empty(),
          what + " is not on the access list");
    }
    int best = -1;
    for (int i : atLevel) {
      AccessEntry e = lists.access().get(i);
      if (!e.requestingDepartment().equals(requestingDepartment)) {
        continue;
      }
      if (e.inForceOn(date)) {
        return new Admission(
            AdmissionReason.ADMITTED,
            Optional.of(e),
            what + " is admitted for " + requestingDepartment + " on " + date + " by /access/" + i);
      }
      if (best < 0 || moreRelevant(e, lists.access().get(best), date)) {
        best = i;
      }
    }
    if (best < 0) {
      int first = atLevel.get(0);
      return deny(
          AdmissionReason.OTHER_DEPARTMENT,
          lists.access().get(first),
          what
              + " is admitted only for other departments (such as "
              + lists.access().get(first).requestingDepartment()
              + " by /access/"
              + first
              + "), not for "
              + requestingDepartment);
    }
    AccessEntry e = lists.access().get(best);
    String where = " (/access/" + best + ")";
    if (!e.announced()) {
      return deny(
          AdmissionReason.NOT_ANNOUNCED, e, what + ": the entry has not been announced" + where);
    }
    if (date.isBefore(e.effectiveFrom())) {
      return deny(
          AdmissionReason.NOT_YET_EFFECTIVE,
          e,
          what + ": the entry takes effect on " + e.effectiveFrom() + where);
    }
    return deny(
        AdmissionReason.EXPIRED,
        e,
        what + ": the entry expired after " + e.effectiveTo().orElseThrow() + where);
  }

  /** The latest entry that has started by the date beats any other; else the next to start. */
  private static boolean moreRelevant(AccessEntry a, AccessEntry b, LocalDate date) {
    boolean aStarted = !a.effectiveFrom().isAfter(date);
    boolean bStarted = !b.effectiveFrom().isAfter(date);
    if (aStarted != bStarted) {
      return aStarted;
    }
    return aStarted
        ? a.effectiveFrom().isAfter(b.effectiveFrom())
        : a.effectiveFrom().isBefore(b.effectiveFrom());
  }

  private static Admission deny(AdmissionReason reason, ListEntry entry, String explanation) {
    return new Admission(reason, Optional.of(entry), explanation);
  }
}
