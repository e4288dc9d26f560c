/**
 * Graded authorisation (分级授权, docs/domain.md §1): a {@link org.gridgov.core.access.Principal} bound
 * to grids may read or act only inside the subtrees it is bound to; {@link
 * org.gridgov.core.access.AccessControl} answers allow or deny with the reason.
 */
package org.gridgov.core.access;
