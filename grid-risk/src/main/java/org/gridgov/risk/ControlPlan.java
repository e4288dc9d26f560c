package org.gridgov.risk;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.risk.ElementType;
import org.gridgov.core.risk.RiskColour;

/**
 * The control plan for one element type and colour (分色管控措施): how often the element is visited or
 * inspected, which checks are done, which post is responsible, how soon a finding gets feedback,
 * and what happens when a visit is overdue. In force from {@code from} to {@code to} inclusive.
 *
 * @param type the element type
 * @param colour the colour
 * @param every the visit interval
 * @param post the responsible post (e.g. {@code grid_worker}, {@code police})
 * @param checks the checks to perform, by id
 * @param feedbackWithin the feedback deadline after a finding, if the plan sets one
 * @param onOverdue what happens when a visit is overdue, in the order they fire
 * @param from the first date in force
 * @param to the last date in force, empty when open-ended
 */
public record ControlPlan(
    ElementType type,
    RiskColour colour,
    Interval every,
    String post,
    List<String> checks,
    Optional<Interval> feedbackWithin,
    List<OverdueAction> onOverdue,
    LocalDate from,
    Optional<LocalDate> to) {
  /**
   * Checks and copies the fields.
   *
   * @param type the type
   * @param colour the colour
   * @param every the interval
   * @param post the post
   * @param checks the checks
   * @param feedbackWithin the feedback deadline
   * @param onOverdue the overdue actions
   * @param from the first date
   * @param to the last date
   */
  public ControlPlan {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(colour, "colour");
    Objects.requireNonNull(every, "every");
    Objects.requireNonNull(post, "post");
    checks = List.copyOf(checks);
    Objects.requireNonNull(feedbackWithin, "feedbackWithin");
    onOverdue = List.copyOf(onOverdue);
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isPresent() && to.get().isBefore(from)) {
      throw new IllegalArgumentException("plan ends " + to.get() + " before it starts " + from);
    }
  }

  /**
   * Is the plan in force on a date?
   *
   * @param date the date
   * @return whether {@code from <= date <= to}
   */
  public boolean inForce(LocalDate date) {
    return !date.isBefore(from) && (to.isEmpty() || !date.isAfter(to.get()));
  }
}
