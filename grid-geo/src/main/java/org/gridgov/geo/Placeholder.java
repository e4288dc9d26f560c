package org.gridgov.geo;

/** Temporary placeholder until the module has its API. */
public final class Placeholder {
  private Placeholder() {}
}
