package org.gridgov.risk;

/** What kind of public sentiment (情, 民情民意) an element is: the {@code kind} attribute. */
public enum SentimentKind {
  /** An opinion or wish voiced by residents (民意). */
  OPINION,
  /** A dispute between residents, neighbours or with a business (矛盾纠纷). */
  DISPUTE,
  /** A complaint (投诉). */
  COMPLAINT,
  /** A suggestion (建议). */
  SUGGESTION,
  /** Anything else, and the kind of a sentiment that names none. */
  OTHER
}
