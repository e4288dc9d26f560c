package org.gridgov.risk;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.gridgov.core.GridId;

/**
 * The elements of one grid on a date, as a principal may see them (personal fields masked when the
 * principal's role lacks the permission).
 *
 * @param grid the grid
 * @param date the date
 * @param elements the elements in force in the grid on that date, by id
 */
public record GridElements(GridId grid, LocalDate date, List<ElementView> elements)
    implements GridRead {
  /**
   * Checks and copies the fields.
   *
   * @param grid the grid
   * @param date the date
   * @param elements the elements
   */
  public GridElements {
    Objects.requireNonNull(grid, "grid");
    Objects.requireNonNull(date, "date");
    elements = List.copyOf(elements);
  }
}
