package org.gridgov.risk;

/**
 * Where reads of personal fields are recorded. Implementations are thread-safe; a durable one
 * writes each record before the read returns.
 */
public interface ReadAudit {
  /**
   * Records one read.
   *
   * @param record the read
   */
  void record(ReadRecord record);
}
