/**
 * Cases (事件) and their closed loop (事件闭环): {@link org.gridgov.core.cases.Case}, its states, the
 * steps between them and the audit trail every step appends to; {@link
 * org.gridgov.core.cases.Holder} is who a dispatch or a whistle sends a case to, typed.
 *
 * <p><b>Start with</b> {@link org.gridgov.core.cases.Case#report}: a builder for the reported case;
 * every later step ({@code apply}, {@code dispatch}, {@code escalate}, {@code evaluate}) returns a
 * new immutable case and refuses a step the lifecycle does not allow with an {@link
 * org.gridgov.core.cases.IllegalTransitionException}. Cases are read and written as JSON Lines by
 * {@code GridGovJson.readCases} / {@code writeCases} (package {@code org.gridgov.core.json}).
 *
 * <pre>{@code
 * Instant now = Instant.parse("2026-03-02T01:00:00Z");
 * GridId grid = GridId.of("34188100100101");             // a compound grid (14 digits)
 * Case c = Case.report(CaseId.of("K-1"), "01001", SourceChannel.PATROL, now)
 *     .grid(grid)
 *     .build()
 *     .apply(CaseAction.FILE, "centre", now, "")
 *     .dispatch("centre", now, Holder.grid(grid, GridLevel.COMPOUND), "small matters stay in the grid");
 * c.holder();  // grid 34188100100101 (compound)
 * c.state();   // DISPATCHED
 * c.trail();   // every step, who, when, why
 * }</pre>
 *
 * <p>Null-safe throughout.
 */
package org.gridgov.core.cases;
