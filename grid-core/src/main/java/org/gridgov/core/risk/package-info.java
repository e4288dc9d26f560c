/**
 * Typed marks other modules attach to grids and cases: the red / yellow / blue risk colours and the
 * six governance elements (docs/domain.md §1 and §5).
 *
 * <p><b>Start with</b> {@link org.gridgov.core.risk.RiskMark}: one element ({@link
 * org.gridgov.core.risk.ElementType}), its subject and its {@link
 * org.gridgov.core.risk.RiskColour}.
 *
 * <pre>{@code
 * RiskMark mark = new RiskMark(ElementType.PLACES, "和平农贸市场", RiskColour.YELLOW);
 * }</pre>
 */
package org.gridgov.core.risk;
