package org.gridgov.rules.lists;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.GridLevel;

/**
 * One entry of the access list (准入清单): a department may assign an item to the grid workers of a
 * level from a date, once the grid agency has approved it and the list has been announced.
 *
 * <p>The rule (docs/domain.md §7, Zhejiang-style regulations on grid service management): a
 * department applies to the grid agency at the same level, the agency reviews and approves, the
 * list is published before it takes effect; urgent tasks may be admitted temporarily for an
 * approved term. Hence a temporary entry must have an expiry date.
 *
 * <p>Both dates are inclusive: the entry is in force from the first moment of {@code effectiveFrom}
 * to the last moment of {@code effectiveTo}.
 *
 * @param itemCode the item admitted
 * @param level the grid level whose workers may receive it
 * @param requestingDepartment id of the department that applied and must send resources with it
 * @param approvingAgency id of the grid agency that approved it
 * @param effectiveFrom first day in force
 * @param effectiveTo last day in force, empty for an open-ended entry
 * @param temporary whether it is a temporary admission of an urgent task (临时准入)
 * @param announced whether the entry has been published (公布); unpublished entries are not in force
 */
public record AccessEntry(
    String itemCode,
    GridLevel level,
    String requestingDepartment,
    String approvingAgency,
    LocalDate effectiveFrom,
    Optional<LocalDate> effectiveTo,
    boolean temporary,
    boolean announced)
    implements ListEntry {
  /**
   * Validates the entry.
   *
   * @param itemCode the item
   * @param level the level
   * @param requestingDepartment the requesting department
   * @param approvingAgency the approving agency
   * @param effectiveFrom the first day
   * @param effectiveTo the last day, if any
   * @param temporary whether temporary
   * @param announced whether announced
   * @throws IllegalArgumentException when the term ends before it starts, or a temporary entry has
   *     no expiry
   */
  public AccessEntry {
    itemCode = Texts.requireCode(itemCode, "item code");
    Objects.requireNonNull(level, "level");
    requestingDepartment = Texts.requireCode(requestingDepartment, "requesting department");
    approvingAgency = Texts.requireCode(approvingAgency, "approving agency");
    Objects.requireNonNull(effectiveFrom, "effectiveFrom");
    Objects.requireNonNull(effectiveTo, "effectiveTo");
    if (effectiveTo.isPresent() && effectiveTo.get().isBefore(effectiveFrom)) {
      throw new IllegalArgumentException(
          "access entry for item "
              + itemCode
              + " expires on "
              + effectiveTo.get()
              + ", before it takes effect on "
              + effectiveFrom);
    }
    if (temporary && effectiveTo.isEmpty()) {
      throw new IllegalArgumentException(
          "temporary access entry for item " + itemCode + " needs an expiry date (effectiveTo)");
    }
  }

  /**
   * Whether the entry admits its item on a date: announced, already effective and not expired.
   *
   * @param date the date
   * @return true when in force
   */
  public boolean inForceOn(LocalDate date) {
    return announced && !date.isBefore(effectiveFrom) && !expiredOn(date);
  }

  /**
   * Whether the entry has expired by a date (the date is after its last day).
   *
   * @param date the date
   * @return true when expired
   */
  public boolean expiredOn(LocalDate date) {
    return effectiveTo.isPresent() && date.isAfter(effectiveTo.get());
  }
}
