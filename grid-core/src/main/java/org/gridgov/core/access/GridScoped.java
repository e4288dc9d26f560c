package org.gridgov.core.access;

import java.util.Optional;
import org.gridgov.core.GridId;

/**
 * Anything that lives in a grid (a record of the six elements, a case, a report), so that {@link
 * AccessControl} can check access to it.
 */
public interface GridScoped {
  /**
   * The grid it lives in.
   *
   * @return the grid, or empty when it is not located (then only access to nothing is granted)
   */
  Optional<GridId> scopeGrid();
}
