package org.gridgov.core.access;

import com.google.common.collect.ImmutableSortedSet;
import java.util.Objects;
import java.util.Set;
import org.gridgov.core.GridId;

/**
 * A person or system acting in GridGov, bound to one or more grids: it may work only inside their
 * subtrees (a worker sees their own grid, a street sees its subtree).
 *
 * @param id the principal id
 * @param role the role
 * @param bindings the grids whose subtrees it may work in, at least one
 */
public record Principal(String id, Role role, Set<GridId> bindings) {
  /**
   * Checks the fields.
   *
   * @param id the principal id
   * @param role the role
   * @param bindings the bound grids
   */
  public Principal {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(role, "role");
    bindings = ImmutableSortedSet.copyOf(bindings);
    if (bindings.isEmpty()) {
      throw new IllegalArgumentException("principal " + id + " is bound to no grid");
    }
  }

  /**
   * A principal bound to grids.
   *
   * @param id the principal id
   * @param role the role
   * @param bindings the bound grids
   * @return the principal
   */
  public static Principal of(String id, Role role, GridId... bindings) {
    return new Principal(id, role, Set.of(bindings));
  }
}
