package org.gridgov.risk;

/** Who set a colour mark. */
public enum MarkSource {
  /** A person: a grid worker, the community, an import from another system. */
  MANUAL,
  /** A colour rule (a decision table over the element's facts). */
  RULE
}
