package org.gridgov.testkit;

/** Temporary placeholder until the module has its API. */
public final class Placeholder {
  private Placeholder() {}
}
