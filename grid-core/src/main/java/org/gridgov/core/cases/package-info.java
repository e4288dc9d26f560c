/**
 * Cases (事件) and their closed loop (事件闭环): {@link org.gridgov.core.cases.Case}, its states, the
 * steps between them and the audit trail every step appends to.
 *
 * <p>Entry point: {@link org.gridgov.core.cases.Case#report}. Null-safe throughout.
 */
package org.gridgov.core.cases;
