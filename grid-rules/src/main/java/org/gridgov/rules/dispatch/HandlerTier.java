package org.gridgov.rules.dispatch;

/**
 * Who handles a dispatched case, bottom up. "Small matters do not leave the grid, big matters do
 * not leave the community" (小事不出网格、大事不出社区, docs/domain.md §4): the dispatch table keeps a case as
 * low as its severity, scope and public attention allow.
 */
public enum HandlerTier {
  /** The grid itself: the grid leader and workers (网格长、网格员). */
  GRID,
  /** The community (社区) with its grid party branches. */
  COMMUNITY,
  /** The street or township with its stations (街道/乡镇及站所), such as comprehensive enforcement. */
  STREET,
  /** A functional department of the district or county (区县职能部门). */
  DISTRICT_DEPARTMENT,
  /** A functional department of the city (市直部门), dispatched by the city grid centre. */
  CITY_DEPARTMENT,
  /**
   * Joint handling by several departments (联动处置), directed by the platform: Dongping's tier for
   * matters of high public attention and great difficulty; Tongcheng's joint handling (联合办理).
   */
  JOINT
}
