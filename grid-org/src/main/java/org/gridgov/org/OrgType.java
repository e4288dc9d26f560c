package org.gridgov.org;

/**
 * The kind of an organisation: the party organisations (党组织) that stand on the grids, and the
 * organisations they lead or ally with (一核统多元). The constant names are the {@code type} values of
 * the organisation format (docs/org.md).
 */
public enum OrgType {
  /** A party committee (党委), e.g. a street's or a grassroots committee from 100 members. */
  PARTY_COMMITTEE(true),
  /** A general party branch (党总支), from 50 members. */
  PARTY_GENERAL_BRANCH(true),
  /** A party branch (党支部): at least 3 full members, normally at most 50. */
  PARTY_BRANCH(true),
  /** A joint party branch (联合党支部) covering several units, normally at most 5. */
  JOINT_PARTY_BRANCH(true),
  /** A party group (党小组), e.g. per building. */
  PARTY_GROUP(true),
  /** A party-member central household (党员中心户). */
  CENTRAL_HOUSEHOLD(true),
  /** A mass organisation (工会, 共青团, 妇联). */
  MASS_ORGANISATION(false),
  /** A social organisation (社会组织). */
  SOCIAL_ORGANISATION(false),
  /** A residents' self-governing organisation (自治组织). */
  SELF_GOVERNING_ORGANISATION(false),
  /** A new economic organisation (新经济组织). */
  NEW_ECONOMIC_ORGANISATION(false),
  /** An enterprise. */
  ENTERPRISE(false),
  /** A property-management company (物业公司). */
  PROPERTY_COMPANY(false),
  /** An owners' committee (业主委员会). */
  OWNERS_COMMITTEE(false),
  /** A volunteer team (志愿服务队). */
  VOLUNTEER_TEAM(false);

  private final boolean party;

  OrgType(boolean party) {
    this.party = party;
  }

  /**
   * Whether this is a party organisation (the first six kinds).
   *
   * @return true for party organisations
   */
  public boolean isParty() {
    return party;
  }

  /**
   * Whether this is a branch-like party organisation that the branch-formation rules apply to
   * (branch and joint branch).
   *
   * @return true for {@link #PARTY_BRANCH} and {@link #JOINT_PARTY_BRANCH}
   */
  public boolean isBranch() {
    return this == PARTY_BRANCH || this == JOINT_PARTY_BRANCH;
  }
}
