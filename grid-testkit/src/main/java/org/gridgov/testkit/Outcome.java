package org.gridgov.testkit;

/** The result of running a property once: passed, discarded or failed, with the choices drawn. */
record Outcome(Status status, Choices choices, Throwable failure, String discardReason) {

  enum Status {
    PASSED,
    DISCARDED,
    FAILED
  }

  boolean failed() {
    return status == Status.FAILED;
  }
}
