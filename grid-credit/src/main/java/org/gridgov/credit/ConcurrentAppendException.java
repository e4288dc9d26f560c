package org.gridgov.credit;

/**
 * Another writer committed to the ledger between the caller's read and its append: nothing was
 * written; re-read the ledger (re-check caps and balances) and retry.
 */
public final class ConcurrentAppendException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long expected;
  private final long actual;

  /**
   * An exception.
   *
   * @param expected the seq the caller's first entry carried
   * @param actual the ledger's next seq
   */
  public ConcurrentAppendException(long expected, long actual) {
    super("the ledger moved on: the append starts at seq " + expected + ", the next is " + actual);
    this.expected = expected;
    this.actual = actual;
  }

  /**
   * The seq the caller's first entry carried.
   *
   * @return the seq
   */
  public long expected() {
    return expected;
  }

  /**
   * The ledger's next seq when the append was refused.
   *
   * @return the seq
   */
  public long actual() {
    return actual;
  }
}
