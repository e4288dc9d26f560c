package org.gridgov.risk;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A read audit kept in memory, for tests, tools and embedders that keep their own trail (a durable
 * one writes to a file). Thread-safe; records are kept in the order they were recorded.
 */
public final class InMemoryReadAudit implements ReadAudit {
  private final ConcurrentLinkedQueue<ReadRecord> records = new ConcurrentLinkedQueue<>();

  InMemoryReadAudit() {}

  @Override
  public void record(ReadRecord record) {
    records.add(Objects.requireNonNull(record, "record"));
  }

  /**
   * Every record so far.
   *
   * @return a snapshot, oldest first
   */
  public List<ReadRecord> records() {
    return List.copyOf(records);
  }
}
