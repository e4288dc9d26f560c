package org.gridgov.rules.dispatch;

/**
 * Who must report (报到) when a level blows the whistle (吹哨), following Zhengzhou's ladder
 * (docs/domain.md §4): community whistles, party members report; street whistles, departments
 * report; district whistles, city departments report; above that the city co-ordinates joint-duty
 * departments (市委统筹; Tongcheng's 22 joint-duty departments).
 */
public enum Reporter {
  /** Nobody: no whistle was blown. */
  NONE,
  /** Party members registered with the community (社区吹哨、党员报到). */
  PARTY_MEMBERS,
  /** District departments and their stations (街道吹哨、部门报到). */
  DEPARTMENTS,
  /** City departments (区县吹哨、市直报到). */
  CITY_DEPARTMENTS,
  /** The joint-duty departments dispatched by the city grid centre (大联勤). */
  JOINT_DEPARTMENTS
}
