package org.gridgov.credit;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.gridgov.core.GridId;

/**
 * Where residents live: the grid of each resident's household, so that the ledger service ({@link
 * CreditLedger}) can check that a recogniser acts over the resident's grid and that a reader's
 * scope covers the resident. Implementations are immutable or thread-safe; {@link #of(Map)} is
 * immutable.
 */
public interface ResidentGrids {
  /**
   * The grid a resident lives in.
   *
   * @param resident the resident's id
   * @return the grid, or empty when the resident is unknown
   */
  Optional<GridId> gridOf(String resident);

  /**
   * Every known resident and their grid, residents in id order (for aggregates over a community).
   *
   * @return the map
   */
  Map<String, GridId> asMap();

  /**
   * An immutable directory from a map.
   *
   * @param grids the grid of each resident
   * @return the directory
   */
  static ResidentGrids of(Map<String, GridId> grids) {
    Map<String, GridId> copy = new TreeMap<>();
    grids.forEach(
        (resident, grid) ->
            copy.put(Objects.requireNonNull(resident, "resident"), Objects.requireNonNull(grid)));
    Map<String, GridId> frozen = java.util.Collections.unmodifiableMap(copy);
    return new ResidentGrids() {
      @Override
      public Optional<GridId> gridOf(String resident) {
        return Optional.ofNullable(frozen.get(Objects.requireNonNull(resident, "resident")));
      }

      @Override
      public Map<String, GridId> asMap() {
        return frozen;
      }

      @Override
      public String toString() {
        return "ResidentGrids" + frozen;
      }
    };
  }
}
