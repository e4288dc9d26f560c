package org.gridgov.core;

/** Temporary. */
public final class Placeholder {
  private Placeholder() {}

  /**
   * Answers.
   *
   * @return 42
   */
  public static int answer() {
    return 42;
  }
}
