package org.gridgov.risk;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.gridgov.core.Finding;
import org.gridgov.core.Findings;

/**
 * The result of running colour rules over elements' facts ({@link RiskControl#recolour}): the
 * changes the rules imply, each audited (rule set, rule, reason, date, who ran it), the decisions a
 * manual mark held back, the problems found, and the next register with a {@link MarkSource#RULE}
 * mark appended for every change — history kept, so the register still answers the old colour for
 * the days before {@link #asOf()}.
 *
 * <p>All or nothing: when {@link #findings()} has errors (facts for an unknown element, facts the
 * rules cannot decide, …) nothing is applied — {@link #changes()} and {@link #held()} are empty and
 * {@link #register()} is the register as it was.
 *
 * @param rules the rule set's id
 * @param asOf the date the new colours start
 * @param by who ran the recolouring
 * @param evaluated how many elements the rules were asked about
 * @param changes the changes applied, by element id
 * @param held what the rules decided but a manual mark held back (or limited), by element id
 * @param findings the problems, each naming its element; errors mean nothing was applied
 * @param register the next register (the same register when nothing changed)
 */
public record Recolouring(
    String rules,
    LocalDate asOf,
    String by,
    int evaluated,
    List<ColourChange> changes,
    List<ColourChange> held,
    Findings findings,
    ElementRegister register) {

  /** The kinds of problem recolouring reports. */
  public enum Problem implements Finding.Code {
    /** Facts name an element the register has never held. */
    UNKNOWN_ELEMENT,
    /** Facts name an element that is not in force (not yet registered, or retired) on the date. */
    NOT_IN_FORCE,
    /** Two sets of facts for the same element in one recolouring. */
    DUPLICATE_FACTS,
    /** Facts observed after the recolouring's date. */
    FACTS_AFTER_AS_OF,
    /** The rules could not decide the element's facts ({@link ColourRuleException}). */
    RULE_ERROR
  }

  /**
   * Checks and copies the fields.
   *
   * @param rules the rule set id
   * @param asOf the date
   * @param by who
   * @param evaluated the number of elements evaluated
   * @param changes the changes
   * @param held the held decisions
   * @param findings the problems
   * @param register the next register
   */
  public Recolouring {
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(by, "by");
    changes = List.copyOf(changes);
    held = List.copyOf(held);
    Objects.requireNonNull(findings, "findings");
    Objects.requireNonNull(register, "register");
  }

  /**
   * Whether the recolouring was applied: no errors.
   *
   * @return whether {@link #findings()} has no errors
   */
  public boolean isApplied() {
    return !findings.hasErrors();
  }

  /**
   * Whether the rules changed any colour.
   *
   * @return whether {@link #changes()} is non-empty
   */
  public boolean hasChanges() {
    return !changes.isEmpty();
  }
}
