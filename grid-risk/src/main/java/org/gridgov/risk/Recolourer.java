package org.gridgov.risk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gridgov.core.Findings;
import org.gridgov.core.io.Suggestions;
import org.gridgov.core.risk.RiskColour;

/**
 * Runs colour rules over facts against a register (docs/risk.md, "Colour rules"). Package-private:
 * {@link RiskControl#recolour} is the door.
 */
final class Recolourer {
  /** Unknown ids beyond this many get no "did you mean" (each costs a pass over every id). */
  private static final int MAX_SUGGESTIONS = 20;

  private Recolourer() {}

  static Recolouring recolour(
      ElementRegister register,
      ColourRules rules,
      Collection<ElementFacts> facts,
      LocalDate asOf,
      String by) {
    String rulesId = rules.id();
    List<ElementFacts> sorted = new ArrayList<>(facts);
    sorted.sort(Comparator.comparing(ElementFacts::element)); // stable: duplicates keep order
    Findings.Builder problems = Findings.builder();
    List<ColourChange> changes = new ArrayList<>();
    List<ColourChange> held = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int suggested = 0;
    int evaluated = 0;
    for (ElementFacts f : sorted) {
      String id = f.element();
      if (!seen.add(id)) {
        problems.error(
            Recolouring.Problem.DUPLICATE_FACTS,
            "element " + id + ": facts given twice; give one set of facts per element",
            id);
        continue;
      }
      if (register.versions(id).isEmpty()) {
        String hint =
            suggested++ < MAX_SUGGESTIONS
                ? Suggestions.didYouMean(id, register.ids())
                    .map(s -> " (did you mean '" + s + "'?)")
                    .orElse("")
                : "";
        problems.error(
            Recolouring.Problem.UNKNOWN_ELEMENT,
            "facts for unknown element '" + id + "'" + hint,
            id);
        continue;
      }
      Optional<Element> element = register.element(id, asOf);
      if (element.isEmpty()) {
        problems.error(
            Recolouring.Problem.NOT_IN_FORCE,
            "facts for element " + id + ", which is not in force on " + asOf,
            id);
        continue;
      }
      if (f.at().isPresent() && f.at().get().isAfter(asOf)) {
        problems.error(
            Recolouring.Problem.FACTS_AFTER_AS_OF,
            "element " + id + ": facts observed on " + f.at().get() + ", after " + asOf,
            id);
        continue;
      }
      evaluated++;
      Optional<ColourDecision> decision;
      try {
        decision = rules.decide(element.get(), f);
      } catch (ColourRuleException e) {
        problems.error(Recolouring.Problem.RULE_ERROR, "element " + id + ": " + e.getMessage(), id);
        continue;
      }
      if (decision.isPresent()) {
        apply(register, element.get(), f, decision.get(), rulesId, asOf, by, changes, held);
      }
    }
    Findings findings = problems.build();
    if (findings.hasErrors()) {
      return new Recolouring(
          rulesId, asOf, by, evaluated, List.of(), List.of(), findings, register);
    }
    // The marks go in through the register's incremental path: one element's event costs about
    // the square root of the register, not a copy of it.
    List<RegisterChange> marks = new ArrayList<>(changes.size());
    for (ColourChange c : changes) {
      marks.add(RegisterChange.mark(c.element().id(), c.mark()));
    }
    ElementRegister next = register.with(marks);
    return new Recolouring(rulesId, asOf, by, evaluated, changes, held, findings, next);
  }

  /** Decides one element's change under the manual-mark policy. */
  private static void apply(
      ElementRegister register,
      Element element,
      ElementFacts facts,
      ColourDecision decision,
      String rulesId,
      LocalDate asOf,
      String by,
      List<ColourChange> changes,
      List<ColourChange> held) {
    ColourMark inForce = null;
    ColourMark manual = null;
    for (ColourMark m : register.marks(element.id())) {
      if (m.from().isAfter(asOf)) {
        break;
      }
      inForce = m;
      if (m.source() == MarkSource.MANUAL) {
        manual = m;
      }
    }
    Optional<RiskColour> current = inForce == null ? Optional.empty() : inForce.colour();
    Optional<RiskColour> target = decision.colour();
    boolean binding =
        manual != null && (manual.review().isEmpty() || manual.review().get().isAfter(asOf));
    if (!binding) {
      if (!target.equals(current)) {
        changes.add(
            change(element, current, target, rulesId, decision, decision.reason(), asOf, by));
      }
      return;
    }
    String manualText =
        "the manual mark of "
            + manual.from()
            + " ("
            + ColourDecision.name(manual.colour())
            + ", by "
            + manual.by()
            + ")";
    if (facts.at().isPresent() && facts.at().get().isBefore(manual.from())) {
      if (!target.equals(current)) {
        held.add(
            change(
                element,
                current,
                target,
                rulesId,
                decision,
                decision.reason()
                    + "; held: the facts of "
                    + facts.at().get()
                    + " predate "
                    + manualText,
                asOf,
                by));
      }
      return;
    }
    Optional<RiskColour> floor = manual.colour();
    Optional<RiskColour> effective = target;
    if (ColourDecision.severity(target) < ColourDecision.severity(floor)) {
      effective = floor;
      held.add(
          change(
              element,
              current,
              target,
              rulesId,
              decision,
              decision.reason() + "; held: rules never lower " + manualText,
              asOf,
              by));
    }
    if (!effective.equals(current)) {
      String reason =
          effective.equals(target)
              ? decision.reason()
              : decision.reason() + "; kept at " + ColourDecision.name(floor) + " by " + manualText;
      changes.add(change(element, current, effective, rulesId, decision, reason, asOf, by));
    }
  }

  private static ColourChange change(
      Element element,
      Optional<RiskColour> from,
      Optional<RiskColour> to,
      String rulesId,
      ColourDecision decision,
      String reason,
      LocalDate asOf,
      String by) {
    return new ColourChange(element, from, to, rulesId, decision.rule(), reason, asOf, by);
  }
}
