package org.gridgov.core.internal;

/** A problem at a JSON pointer, found while reading a tree; front doors add the source and line. */
public final class JsonProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String pointer;
  private final String reason;

  /**
   * Creates the problem.
   *
   * @param pointer where
   * @param reason what
   */
  public JsonProblem(String pointer, String reason) {
    super(pointer + ": " + reason, null, false, false);
    this.pointer = pointer;
    this.reason = reason;
  }

  /**
   * Where.
   *
   * @return the pointer
   */
  public String pointer() {
    return pointer;
  }

  /**
   * What.
   *
   * @return the reason
   */
  public String reason() {
    return reason;
  }
}
