package org.gridgov.lab.gen;

import java.util.List;
import java.util.Objects;
import org.gridgov.core.GridId;

/**
 * A coverage defect planted in a generated city on purpose, for negative tests of validators and
 * locators: the validator must report it.
 *
 * @param kind what was planted
 * @param grids the grids concerned: for a gap the leaf that lost a cell and its parent; for an
 *     overlap the leaf that grew into its sibling and the sibling
 */
public record CityDefect(Kind kind, List<GridId> grids) {
  /** The kinds of planted defect. */
  public enum Kind {
    /** A leaf's polygon leaves out one of its cells: part of the parent is covered by no child. */
    GAP,
    /** A leaf's polygon takes in a cell of a sibling: the two siblings overlap. */
    OVERLAP
  }

  /**
   * Validates and copies.
   *
   * @param kind the kind
   * @param grids the grids, two
   */
  public CityDefect {
    Objects.requireNonNull(kind, "kind");
    grids = List.copyOf(grids);
    if (grids.size() != 2) {
      throw new IllegalArgumentException("a defect names two grids: " + grids);
    }
  }
}
