package org.gridgov.credit;

import java.util.Objects;
import java.util.Set;
import org.gridgov.core.access.Permission;
import org.gridgov.core.access.Role;

/**
 * Who may read what in the ledger service ({@link CreditLedger}): a resident reads their own file
 * (the principal's id is the resident's id); a principal whose role is a <em>file reader</em> (grid
 * workers, grid leaders) reads the files of residents living inside its bound grids; a principal
 * whose role is an <em>aggregate reader</em> (community staff, supervisors) reads only aggregates
 * of communities inside its bound grids, never a personal file. Every such role must also grant
 * {@link Permission#READ}. Roles are matched by name. Immutable.
 *
 * @param fileReaders the names of roles that may read residents' files in their scope
 * @param aggregateReaders the names of roles that may read only aggregates in their scope
 */
public record CreditPrivacy(Set<String> fileReaders, Set<String> aggregateReaders) {
  /** The role of a resident reading their own file: reads, nothing else. */
  public static final Role RESIDENT = new Role("resident", Set.of(Permission.READ));

  /**
   * Checks the fields.
   *
   * @throws IllegalArgumentException when a role is in both sets
   */
  public CreditPrivacy {
    fileReaders = Set.copyOf(fileReaders);
    aggregateReaders = Set.copyOf(aggregateReaders);
    for (String r : fileReaders) {
      CreditArgs.checkArgument(
          !aggregateReaders.contains(r),
          "role %s cannot be both a file reader and an aggregates-only reader",
          r);
    }
  }

  /**
   * The default policy: grid workers and grid leaders read files in their grids; platform
   * (community or street) staff and supervisors read aggregates only.
   *
   * @return the policy
   */
  public static CreditPrivacy defaults() {
    return new CreditPrivacy(
        Set.of(Role.GRID_WORKER.name(), Role.GRID_LEADER.name()),
        Set.of(Role.PLATFORM_STAFF.name(), Role.SUPERVISOR.name()));
  }

  /**
   * Whether a role may read personal files of the residents in its scope.
   *
   * @param role the role
   * @return true when the role is a file reader and grants reading
   */
  public boolean readsFiles(Role role) {
    Objects.requireNonNull(role, "role");
    return fileReaders.contains(role.name()) && role.permissions().contains(Permission.READ);
  }

  /**
   * Whether a role may read aggregates of the communities in its scope.
   *
   * @param role the role
   * @return true when the role is a file or aggregate reader and grants reading
   */
  public boolean readsAggregates(Role role) {
    Objects.requireNonNull(role, "role");
    return (fileReaders.contains(role.name()) || aggregateReaders.contains(role.name()))
        && role.permissions().contains(Permission.READ);
  }
}
