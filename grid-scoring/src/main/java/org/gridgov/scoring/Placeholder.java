package org.gridgov.scoring;

/** Temporary placeholder until the module has its API. */
public final class Placeholder {
  private Placeholder() {}
}
