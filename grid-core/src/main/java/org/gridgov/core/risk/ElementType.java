package org.gridgov.core.risk;

/** The six governance elements of a grid (人、地、物、事、情、组织, docs/domain.md §1). */
public enum ElementType {
  /** People (人). */
  PEOPLE,
  /** Land and places (地). */
  PLACES,
  /** Objects and facilities (物). */
  OBJECTS,
  /** Events (事). */
  EVENTS,
  /** Public sentiments (情). */
  SENTIMENTS,
  /** Organisations (组织). */
  ORGANISATIONS
}
