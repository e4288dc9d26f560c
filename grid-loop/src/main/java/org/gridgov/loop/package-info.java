/**
 * The case loop as a service. Start at {@link org.gridgov.loop.CaseService#builder}: build one per
 * city and policy, then take a reported case through {@code locate → file → dispatch → accept →
 * review (urge / whistle) → feedBack → verify → close}; each step returns a {@link
 * org.gridgov.loop.CaseStep} with the updated case, its typed holder, the deadline and the reason.
 *
 * <pre>{@code
 * CaseService loop = CaseService.builder(map.hierarchy(), policy, calendar).map(map).build();
 * CaseStep located = loop.locate(reported);
 * CaseStep filed = loop.file(located.current(), "intake", at);
 * CaseStep sent = loop.dispatch(filed.current(), CaseSeverity.SIMPLE, 0, CaseScope.IN_GRID, "centre", at);
 * sent.holder();      // e.g. office 341881001002 (community)
 * sent.deadline();    // the dispatch time plus the item's limit, in working time
 * }</pre>
 *
 * <p>{@link org.gridgov.loop.TierMapping} maps a dispatch {@link
 * org.gridgov.rules.dispatch.HandlerTier} to the level and unit that hold the case; see {@code
 * docs/case-loop.md}.
 */
package org.gridgov.loop;
