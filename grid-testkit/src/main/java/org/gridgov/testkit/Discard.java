package org.gridgov.testkit;

/**
 * Thrown to discard the current try: an assumption did not hold, a filter gave up, or a generator
 * drew too many choices. The engine counts discards and gives up when there are too many.
 */
final class Discard extends RuntimeException {
  private static final long serialVersionUID = 1L;

  Discard(String reason) {
    super(reason, null, false, false);
  }
}
