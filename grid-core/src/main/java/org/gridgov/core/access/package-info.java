/**
 * Graded authorisation (分级授权, docs/domain.md §1): a {@link org.gridgov.core.access.Principal} bound
 * to grids may read or act only inside the subtrees it is bound to; {@link
 * org.gridgov.core.access.AccessControl} answers allow or deny with the reason.
 *
 * <p><b>Start with</b> {@link org.gridgov.core.access.AccessControl#over}: one per hierarchy,
 * thread-safe, then {@code check} a principal, a {@link org.gridgov.core.access.Permission} and a
 * grid or case.
 *
 * <pre>{@code
 * AccessControl access = AccessControl.over(city);                 // city: a GridHierarchy
 * GridId grid = GridId.of("34188100100101");
 * Principal worker = Principal.of("w-7", Role.GRID_WORKER, grid);
 * AccessDecision may = access.check(worker, Permission.ACT, grid);  // allowed, with the reason
 * }</pre>
 */
package org.gridgov.core.access;
