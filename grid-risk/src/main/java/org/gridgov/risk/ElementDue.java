package org.gridgov.risk;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.GridId;
import org.gridgov.core.risk.ElementType;
import org.gridgov.core.risk.RiskColour;

/**
 * One coloured element against its control plan on a date: one row of {@code gridgov risk due}.
 *
 * @param element the element id
 * @param grid its grid
 * @param type its type
 * @param colour its colour on the date
 * @param lastVisit the local date of its last visit on or before the date, empty when never
 * @param due the date the next visit is due
 * @param status ok, due or overdue
 * @param daysOverdue calendar days from {@code due} to the date when overdue, else 0
 * @param post the responsible post of the plan in force
 */
public record ElementDue(
    String element,
    GridId grid,
    ElementType type,
    RiskColour colour,
    Optional<LocalDate> lastVisit,
    LocalDate due,
    DueStatus status,
    int daysOverdue,
    String post) {
  /**
   * Checks the fields.
   *
   * @param element the element id
   * @param grid the grid
   * @param type the type
   * @param colour the colour
   * @param lastVisit the last visit
   * @param due the due date
   * @param status the status
   * @param daysOverdue days overdue
   * @param post the post
   */
  public ElementDue {
    Objects.requireNonNull(element, "element");
    Objects.requireNonNull(grid, "grid");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(colour, "colour");
    Objects.requireNonNull(lastVisit, "lastVisit");
    Objects.requireNonNull(due, "due");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(post, "post");
    if (daysOverdue < 0 || (status == DueStatus.OVERDUE) != (daysOverdue > 0)) {
      throw new IllegalArgumentException(
          "element " + element + ": status " + status + " with " + daysOverdue + " days overdue");
    }
  }

  /** The type's name in the formats (docs/risk.md): {@code person}, {@code place}, … */
  public String typeName() {
    return RiskNames.type(type);
  }

  /**
   * The colour's name in the formats: {@code red}, {@code orange}, {@code yellow}, {@code blue}.
   */
  public String colourName() {
    return RiskNames.colour(colour);
  }

  /** The status's name in {@code gridgov risk due}: {@code ok}, {@code due} or {@code overdue}. */
  public String statusName() {
    return status.name().toLowerCase(java.util.Locale.ROOT);
  }
}
