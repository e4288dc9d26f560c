/**
 * Dispatch (派遣) and escalation (吹哨报到) as decision tables with typed front doors (docs/domain.md
 * §4): {@link org.gridgov.rules.dispatch.Dispatcher} routes a case to a {@link
 * org.gridgov.rules.dispatch.HandlerTier}; {@link org.gridgov.rules.dispatch.EscalationLadder} says
 * who blows the whistle, who must report and by when, and provably terminates.
 *
 * <p><b>Start with</b> a {@link org.gridgov.rules.PolicySet} ({@code PolicySets.shipped()} or
 * {@code PolicySets.read}), whose {@code dispatcher()} and {@code escalation()} are these front
 * doors; or {@link org.gridgov.rules.dispatch.Dispatcher#defaults()} alone.
 *
 * <pre>{@code
 * Item item = PolicySets.sampleLists().item("01001").orElseThrow();
 * DispatchDecision d = Dispatcher.defaults().decide(
 *     DispatchFacts.of(item, CaseSeverity.SIMPLE, 0, CaseScope.IN_GRID, false));
 * d.tier();          // GRID
 * d.timeLimit();     // 4 working hours
 * d.explanation();   // the rule that fired, and why
 * }</pre>
 *
 * <p>The default tables are JSON resources in this package ({@code dispatch-2024.json}, {@code
 * dispatch-2026.json}, {@code escalation.json}), described in {@code docs/dispatch-escalation.md}.
 * Nothing here accepts or returns {@code null}.
 */
package org.gridgov.rules.dispatch;
