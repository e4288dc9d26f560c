package org.gridgov.org;

/**
 * The three teams a grid assembles, "1 + A + B" (Dongping): the grid-worker team, the professional
 * team sent by departments and the auxiliary team.
 */
public enum Team {
  /** "1": grid workers, grid chiefs and their assistants. */
  GRID_WORKERS,
  /**
   * "A": professionals from departments — police, legal adviser, fire, enforcement, work safety.
   */
  PROFESSIONALS,
  /** "B": auxiliaries — volunteers, party activists, building and unit chiefs, social workers. */
  AUXILIARIES,
  /** Posts that belong to an organisation's leadership rather than a grid team. */
  NONE
}
