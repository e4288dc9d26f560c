package org.gridgov.rules.dispatch;

/**
 * How far a case reaches: inside one grid, or across grids, communities, streets, districts or
 * departments. The wider the scope, the higher the tier that must co-ordinate it.
 *
 * <p>Cross-boundary cases (三跨: across levels, areas or departments) go to the event centre (事件中心)
 * that co-ordinates them (docs/domain.md §4); {@link #isCrossBoundary()} marks them.
 */
public enum CaseScope {
  /** Inside one grid (网格内). */
  IN_GRID(false),
  /** Across grids of one community (跨网格). */
  CROSS_GRID(false),
  /** Across communities of one street (跨社区). */
  CROSS_COMMUNITY(false),
  /** Across streets of one district (跨街道), a cross-area case. */
  CROSS_STREET(true),
  /** Across districts (跨区县), a cross-area case. */
  CROSS_DISTRICT(true),
  /** Needs several departments (跨部门). */
  CROSS_DEPARTMENT(true);

  private final boolean crossBoundary;

  CaseScope(boolean crossBoundary) {
    this.crossBoundary = crossBoundary;
  }

  /**
   * Whether the scope makes a 三跨 (cross-boundary) case.
   *
   * @return true across streets, districts or departments
   */
  public boolean isCrossBoundary() {
    return crossBoundary;
  }
}
