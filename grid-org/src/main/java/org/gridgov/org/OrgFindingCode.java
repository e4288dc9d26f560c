package org.gridgov.org;

import org.gridgov.core.Finding;

/**
 * The codes of the findings of the organisation checks ({@code gridgov org check}); each names the
 * rule it checks (docs/org.md lists them with their rule and source).
 */
public enum OrgFindingCode implements Finding.Code {
  /** A branch has fewer full members than the rules require to form one (3). */
  BRANCH_TOO_SMALL,
  /** A branch has more members than the rules normally allow (50). */
  BRANCH_TOO_LARGE,
  /** An organisation with enough full members (7) has no committee, or one of the wrong size. */
  COMMITTEE_REQUIRED,
  /** An organisation's term has run out (elected on + term years is before the as-of date). */
  TERM_EXPIRED,
  /** A joint branch covers more units than allowed (5). */
  JOINT_BRANCH_TOO_MANY_UNITS,
  /** A grid at a level that must have a party organisation has none covering it. */
  GRID_WITHOUT_ORGANISATION,
  /** A grid has no grid chief on the as-of date. */
  GRID_WITHOUT_CHIEF,
  /** A leaf grid has no full-time grid worker on the as-of date. */
  GRID_WITHOUT_WORKER,
  /** A micro-grid has no party-building instructor on the as-of date. */
  MICRO_GRID_WITHOUT_INSTRUCTOR,
  /** An area grid lacks a liaison from a listed department. */
  AREA_WITHOUT_LIAISON,
  /** An exclusive grid has no joint party organisation covering it. */
  EXCLUSIVE_WITHOUT_JOINT_ORGANISATION,
  /** A post names a grid that is not on the map. */
  POST_ON_UNKNOWN_GRID,
  /** A post, registration, service record or rating names a person who is not in the directory. */
  UNKNOWN_PERSON,
  /**
   * The grid chief of a grid at a level a chief rule names does not hold the rule's party post in
   * an organisation covering the grid (a street's chief is its deputy party secretary).
   */
  CHIEF_WITHOUT_PARTY_POST,
  /** A branch below the committee threshold (7 full members) has a committee. */
  COMMITTEE_NOT_EXPECTED,
  /** A general branch has fewer members than one is formed from (50). */
  GENERAL_BRANCH_TOO_SMALL,
  /**
   * A term ends within the notice period (90 days): the renewal election is due (informational).
   */
  TERM_RENEWAL_DUE,
  /**
   * A post, registration, service record, rating or {@code ledBy} names an organisation that is not
   * in the directory.
   */
  UNKNOWN_ORGANISATION,
  /** An organisation's parent is not in the directory. */
  UNKNOWN_PARENT,
  /** An organisation covers a grid that is not on the map. */
  ORGANISATION_ON_UNKNOWN_GRID,
  /** A registration, service record or rating names a community that is not on the map. */
  UNKNOWN_COMMUNITY,
  /** A dual-reporting registration in force during a finished year has no rating for that year. */
  REGISTRATION_NOT_RATED
}
