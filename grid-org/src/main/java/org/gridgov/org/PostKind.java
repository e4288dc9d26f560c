package org.gridgov.org;

/**
 * A post a person holds on a grid or in an organisation. The constant names are the {@code post}
 * values of the organisation format (docs/org.md); more may be added.
 */
public enum PostKind {
  /** Secretary (书记) of a party organisation; on a grid, the grid's secretary. */
  SECRETARY(Team.NONE),
  /** Deputy secretary (副书记). */
  DEPUTY_SECRETARY(Team.NONE),
  /** Committee member (委员). */
  COMMITTEE_MEMBER(Team.NONE),
  /** Part-time committee member (兼职委员), e.g. from the police or a property company. */
  PART_TIME_COMMITTEE_MEMBER(Team.NONE),
  /** Grid chief (网格长) of a grid at any level. */
  GRID_CHIEF(Team.GRID_WORKERS),
  /** Full-time grid worker (专职网格员). */
  FULL_TIME_GRID_WORKER(Team.GRID_WORKERS),
  /** Part-time grid worker (兼职网格员). */
  PART_TIME_GRID_WORKER(Team.GRID_WORKERS),
  /** Party-building instructor (党建指导员), one per micro-grid. */
  PARTY_INSTRUCTOR(Team.AUXILIARIES),
  /** Building chief (楼栋长). */
  BUILDING_CHIEF(Team.AUXILIARIES),
  /** Unit chief (单元长). */
  UNIT_CHIEF(Team.AUXILIARIES),
  /** A department's liaison (联络专员) to an area grid. */
  DEPARTMENT_LIAISON(Team.PROFESSIONALS),
  /** Department staff sunk into a grid (下沉干部). */
  SUNK_STAFF(Team.PROFESSIONALS),
  /** Volunteer (志愿者). */
  VOLUNTEER(Team.AUXILIARIES);

  private final Team team;

  PostKind(Team team) {
    this.team = team;
  }

  /**
   * The team of "1 + A + B" a holder of this post belongs to on the grid, unless the post names
   * another.
   *
   * @return the default team
   */
  public Team defaultTeam() {
    return team;
  }
}
