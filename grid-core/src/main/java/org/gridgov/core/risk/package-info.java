/**
 * Typed marks other modules attach to grids and cases: the red / yellow / blue risk colours and the
 * six governance elements (docs/domain.md §1 and §5).
 */
package org.gridgov.core.risk;
