package org.gridgov.core.access;

import java.util.Objects;
import java.util.Set;

/**
 * A role and the permissions it grants inside a principal's bound subtrees. The constants are the
 * usual roles of the sources; cities may define their own.
 *
 * @param name the role name
 * @param permissions what the role may do
 */
public record Role(String name, Set<Permission> permissions) {
  /**
   * Grid worker (网格员): reads and acts in their own grid and sees its residents' personal fields.
   */
  public static final Role GRID_WORKER =
      new Role("grid_worker", Set.of(Permission.READ, Permission.ACT, Permission.READ_PERSONAL));

  /** Grid leader (网格长): like a grid worker, over the grids they lead. */
  public static final Role GRID_LEADER =
      new Role("grid_leader", Set.of(Permission.READ, Permission.ACT, Permission.READ_PERSONAL));

  /** Community or street staff running the platform at their level. */
  public static final Role PLATFORM_STAFF =
      new Role("platform_staff", Set.of(Permission.READ, Permission.ACT));

  /** Supervisor or assessor: reads everything in scope, changes nothing. */
  public static final Role SUPERVISOR = new Role("supervisor", Set.of(Permission.READ));

  /**
   * Checks the fields.
   *
   * @param name the role name
   * @param permissions what the role may do
   */
  public Role {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("role name is blank");
    }
    permissions = Set.copyOf(permissions);
  }
}
