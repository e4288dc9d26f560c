/**
 * GridGov rules: the rules of the case loop as data that vendors and researchers can read, check
 * and change (docs/domain.md §2, §4, §7).
 *
 * <p>The front door is {@link org.gridgov.rules.PolicySets}: it reads a {@link
 * org.gridgov.rules.PolicySet} (one version of a city's three lists, dispatch table and escalation
 * ladder) or a {@link org.gridgov.rules.PolicyHistory} of versions, and gives the shipped sample. A
 * {@link org.gridgov.rules.PolicyRegistry} holds the set in use and swaps it atomically.
 *
 * <pre>{@code
 * PolicySet policy = PolicySets.read(Path.of("policy-2026.json"));
 * Admission ok = policy.admission().check("01001", GridLevel.COMMUNITY, "CG", today);
 * DispatchDecision route = policy.dispatcher().decide(DispatchFacts.of(item, severity, 0, scope, false));
 * List<EscalationStep> whistles = policy.escalation().chain(facts);
 * }</pre>
 *
 * <p>The parts live in {@link org.gridgov.rules.lists} (the three lists), {@link
 * org.gridgov.rules.dispatch} (dispatch and escalation) and {@code org.gridgov.rules.table} (the
 * decision-table engine). Nothing in these packages accepts or returns {@code null}.
 */
package org.gridgov.rules;
