package org.gridgov.core;

/** How serious a {@link Finding} or an evaluation message is, in increasing order. */
public enum Severity {
  /** Worth knowing; nothing is wrong. */
  INFO,
  /** Suspicious; the data can still be used. */
  WARNING,
  /** Wrong; strict consumers refuse the data. */
  ERROR
}
