package org.gridgov.core;

/** Base class of every exception GridGov throws on purpose; unchecked, like Guava's. */
public class GridGovException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what went wrong
   */
  public GridGovException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and a cause.
   *
   * @param message what went wrong
   * @param cause the underlying failure
   */
  public GridGovException(String message, Throwable cause) {
    super(message, cause);
  }
}
