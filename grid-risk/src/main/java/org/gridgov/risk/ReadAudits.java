package org.gridgov.risk;

/** Ready-made {@link ReadAudit}s. */
public final class ReadAudits {
  private ReadAudits() {}

  /**
   * A new audit kept in memory.
   *
   * @return an empty audit
   */
  public static InMemoryReadAudit inMemory() {
    return new InMemoryReadAudit();
  }
}
