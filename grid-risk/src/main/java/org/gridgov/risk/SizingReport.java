package org.gridgov.risk;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.GridId;

/**
 * The sizing check ({@code RiskControl.sizing}): per grid, whether a worker can sweep every
 * household in the time the standard allows (about two hours).
 *
 * @param asOf the date the register was read on
 * @param options the speed, minutes per household and limit used
 * @param grids one row per grid asked about, sorted by grid id
 */
public record SizingReport(LocalDate asOf, SizingOptions options, List<GridSizing> grids) {
  /**
   * Checks and copies the fields.
   *
   * @param asOf the date
   * @param options the options
   * @param grids the rows
   */
  public SizingReport {
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(options, "options");
    grids = List.copyOf(grids);
  }

  /** The grids whose sweep exceeds the limit, sorted by grid id. */
  public List<GridSizing> overLimit() {
    return grids.stream().filter(g -> !g.withinLimit()).toList();
  }

  /**
   * One grid's row.
   *
   * @param grid the grid
   * @return its row, empty when it was not asked about
   */
  public Optional<GridSizing> grid(GridId grid) {
    return grids.stream().filter(g -> g.grid().equals(grid)).findFirst();
  }
}
