package org.gridgov.core.access;

import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.GridId;
import org.gridgov.core.cases.Case;

/**
 * Graded authorisation (分级授权) over a grid hierarchy: a principal may use a permission on a target
 * only when its role grants the permission and the target's grid lies in the subtree of one of its
 * bindings. Exclusive grids count as inside their owner's subtree. Deny is the default: unknown
 * grids, unlocated cases and missing permissions are denied, each with its reason.
 *
 * <p>Each check is O(bindings) thanks to {@link GridHierarchy#isWithin(int, int)}. Immutable and
 * thread-safe.
 */
public final class AccessControl {
  private final GridHierarchy hierarchy;

  private AccessControl(GridHierarchy hierarchy) {
    this.hierarchy = hierarchy;
  }

  /**
   * Access control over a hierarchy.
   *
   * @param hierarchy the grids
   * @return the access control
   */
  public static AccessControl over(GridHierarchy hierarchy) {
    return new AccessControl(Objects.requireNonNull(hierarchy, "hierarchy"));
  }

  /**
   * May the principal use the permission on the grid?
   *
   * @param who the principal
   * @param what the permission
   * @param grid the target grid
   * @return the decision with its reason
   */
  public AccessDecision check(Principal who, Permission what, GridId grid) {
    if (!who.role().permissions().contains(what)) {
      return deny(who.id() + " has role " + who.role().name() + ", which does not grant " + what);
    }
    var target = hierarchy.ordinalOf(grid);
    if (target.isEmpty()) {
      return deny("grid " + grid + " is not in the hierarchy");
    }
    for (GridId b : who.bindings()) {
      var bound = hierarchy.ordinalOf(b);
      if (bound.isPresent() && hierarchy.isWithin(target.getAsInt(), bound.getAsInt())) {
        return new AccessDecision(
            true,
            who.id() + " may " + what + " grid " + grid + " as it lies within bound grid " + b,
            Optional.of(b));
      }
    }
    return deny(
        "grid " + grid + " lies outside every grid " + who.id() + " is bound to " + who.bindings());
  }

  /**
   * May the principal use the permission on the case? Decided by the case's grid.
   *
   * @param who the principal
   * @param what the permission
   * @param target the case
   * @return the decision with its reason
   */
  public AccessDecision check(Principal who, Permission what, Case target) {
    return target
        .grid()
        .map(g -> check(who, what, g))
        .orElseGet(() -> deny("case " + target.id() + " is not located in a grid"));
  }

  /**
   * May the principal use the permission on a record that lives in a grid?
   *
   * @param who the principal
   * @param what the permission
   * @param target the record
   * @return the decision with its reason
   */
  public AccessDecision check(Principal who, Permission what, GridScoped target) {
    return target
        .scopeGrid()
        .map(g -> check(who, what, g))
        .orElseGet(() -> deny("the record is not located in a grid"));
  }

  private static AccessDecision deny(String reason) {
    return new AccessDecision(false, reason, Optional.empty());
  }
}
