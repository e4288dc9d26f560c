/**
 * The six elements and three-colour risk control (docs/risk.md).
 *
 * <p><b>Start with</b> {@link org.gridgov.risk.RiskControl}: built from an {@link
 * org.gridgov.risk.ElementRegister} (the elements and their colour marks, effective-dated), a
 * {@link org.gridgov.risk.PlanSet} (the control plan per element type and colour), a {@link
 * org.gridgov.risk.VisitLog} and a working calendar; it answers which elements are due or overdue,
 * compliance per grid and worker, and a worker's day as a walking route.
 *
 * <p>Nothing in this package accepts or returns {@code null}; values are immutable and services
 * thread-safe.
 */
package org.gridgov.risk;
