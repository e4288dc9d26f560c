/**
 * Dispatch (派遣) and escalation (吹哨报到) as decision tables with typed front doors (docs/domain.md
 * §4): {@link org.gridgov.rules.dispatch.Dispatcher} routes a case to a {@link
 * org.gridgov.rules.dispatch.HandlerTier}; {@link org.gridgov.rules.dispatch.EscalationLadder} says
 * who blows the whistle, who must report and by when, and provably terminates.
 *
 * <p>The default tables are JSON resources in this package ({@code dispatch-2024.json}, {@code
 * dispatch-2026.json}, {@code escalation.json}), described in {@code docs/dispatch-escalation.md}.
 * Nothing here accepts or returns {@code null}.
 */
package org.gridgov.rules.dispatch;
