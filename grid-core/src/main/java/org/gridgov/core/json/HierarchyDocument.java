package org.gridgov.core.json;

import java.util.List;
import org.gridgov.core.Grid;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.HierarchyProblem;
import org.gridgov.core.LevelLadder;

/**
 * A hierarchy document as read, before the hierarchy is built: lets a tool list every structural
 * problem ({@link #problems()}) instead of stopping at an exception.
 *
 * @param ladder the level ladder of the document (the default ladder when it names none)
 * @param grids the grids, in document order
 */
public record HierarchyDocument(LevelLadder ladder, List<Grid> grids) {
  /**
   * Copies the grids.
   *
   * @param ladder the ladder
   * @param grids the grids
   */
  public HierarchyDocument {
    grids = List.copyOf(grids);
  }

  /**
   * Every structural problem of the grids.
   *
   * @return the problems, empty when {@link #build()} will succeed
   */
  public List<HierarchyProblem> problems() {
    return builder().problems();
  }

  /**
   * Builds the hierarchy.
   *
   * @return the hierarchy
   * @throws org.gridgov.core.HierarchyException listing every problem
   */
  public GridHierarchy build() {
    return builder().build();
  }

  private GridHierarchy.Builder builder() {
    return GridHierarchy.builder(ladder).addAll(grids);
  }
}
