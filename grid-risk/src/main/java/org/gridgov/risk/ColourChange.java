package org.gridgov.risk;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.risk.RiskColour;

/**
 * One colour change that colour rules imply, with its audit: which element, the colour in force
 * before and the colour after, which rule set and rule decided it and why, from which date, and who
 * ran the recolouring. {@link Recolouring#changes()} lists the changes it applied; {@link
 * Recolouring#held()} lists, in the same form, what the rules wanted but a manual mark held back.
 *
 * @param element the element as it stood on the date
 * @param oldColour the colour in force before, empty when none
 * @param newColour the colour from the date, empty when the change clears the colour
 * @param rules the rule set's id ({@link ColourRules#id()})
 * @param rule the deciding rule's id within the set
 * @param reason why, in words a person can read
 * @param on the first date of the new colour (the recolouring's as-of date)
 * @param by who ran the recolouring (a person, a job, an event source)
 */
public record ColourChange(
    Element element,
    Optional<RiskColour> oldColour,
    Optional<RiskColour> newColour,
    String rules,
    String rule,
    String reason,
    LocalDate on,
    String by) {
  /**
   * Checks the fields.
   *
   * @param element the element
   * @param oldColour the colour before
   * @param newColour the colour after
   * @param rules the rule set id
   * @param rule the rule id
   * @param reason why
   * @param on the date
   * @param by who
   */
  public ColourChange {
    Objects.requireNonNull(element, "element");
    Objects.requireNonNull(oldColour, "oldColour");
    Objects.requireNonNull(newColour, "newColour");
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(on, "on");
    Objects.requireNonNull(by, "by");
  }

  /**
   * The qualified rule, {@code rules/rule}: what a rule mark records as its rule.
   *
   * @return the rule set id, a slash and the rule id
   */
  public String qualifiedRule() {
    return rules + "/" + rule;
  }

  /**
   * Whether the change makes the colour more severe (none &lt; blue &lt; yellow &lt; orange &lt;
   * red).
   *
   * @return whether the new colour is worse than the old
   */
  public boolean raises() {
    return ColourDecision.severity(newColour) > ColourDecision.severity(oldColour);
  }

  /**
   * The colour mark that records this change in the register: source {@link MarkSource#RULE}, the
   * qualified rule, the reason, from {@link #on()}, set by {@link #by()}, no review date.
   *
   * @return the mark
   */
  public ColourMark mark() {
    return new ColourMark(
        newColour, reason, MarkSource.RULE, Optional.of(qualifiedRule()), on, Optional.empty(), by);
  }

  /** The change with the element's id, type and grid only ({@link Element#toString()}). */
  @Override
  public String toString() {
    return "ColourChange["
        + element
        + ", "
        + oldColour.map(Enum::name).orElse("none")
        + " -> "
        + newColour.map(Enum::name).orElse("none")
        + ", rule="
        + qualifiedRule()
        + ", reason="
        + reason
        + ", on="
        + on
        + ", by="
        + by
        + "]";
  }
}
