package org.gridgov.core;

/** Whether a grid tiles the territory or overlays it (docs/domain.md §1). */
public enum GridKind {
  /**
   * A territorial grid (地域网格): part of the nested tiling, with exactly one parent unless it is a
   * root.
   */
  TERRITORIAL,
  /**
   * An exclusive grid (专属网格) for a mall, market, school or enterprise: one administrative owner and
   * coverage links to the territorial grids it touches, never several parents.
   */
  EXCLUSIVE
}
