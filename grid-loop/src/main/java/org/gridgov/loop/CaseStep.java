package org.gridgov.loop;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.cases.Case;
import org.gridgov.core.cases.Holder;
import org.gridgov.rules.dispatch.EscalationAction;
import org.gridgov.rules.dispatch.HandlerTier;

/**
 * What one step of {@link CaseService} did: the case after it, who holds the case now, by when they
 * must act, and why.
 *
 * @param current the case after the step
 * @param holder the unit that holds the case now, empty before dispatch
 * @param tier the tier of that unit, empty before dispatch
 * @param deadline by when the holder must act: the handling deadline after a dispatch, the
 *     reporting deadline (报到) after a whistle; empty when the step set none
 * @param escalation what the escalation ladder said, for {@link CaseService#review}; {@link
 *     EscalationAction#NONE} for other steps
 * @param ruleId the id of the dispatch- or escalation-table rule that decided, empty when no table
 *     was asked
 * @param explanation one line for a person, such as {@code rule d07: community; grid workers
 *     refused (NOT_ON_ACCESS_LIST), the department handles it}
 */
public record CaseStep(
    Case current,
    Optional<Holder> holder,
    Optional<HandlerTier> tier,
    Optional<Instant> deadline,
    EscalationAction escalation,
    String ruleId,
    String explanation) {
  /**
   * Checks the fields.
   *
   * @param current the case
   * @param holder the holder
   * @param tier the tier
   * @param deadline the deadline
   * @param escalation the ladder's action
   * @param ruleId the rule id
   * @param explanation the explanation
   */
  public CaseStep {
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(holder, "holder");
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(escalation, "escalation");
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(explanation, "explanation");
  }

  /**
   * Whether the step blew the whistle.
   *
   * @return true when the ladder said {@link EscalationAction#WHISTLE}
   */
  public boolean whistled() {
    return escalation == EscalationAction.WHISTLE;
  }
}
