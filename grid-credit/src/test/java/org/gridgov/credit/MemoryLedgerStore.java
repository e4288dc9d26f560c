package org.gridgov.credit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A ledger store in memory for the service tests, honouring the optimistic sequence check. An
 * optional pause inside {@link #append} (before the check) widens the race window, so concurrent
 * writers really collide.
 */
final class MemoryLedgerStore implements LedgerStore {
  private final List<Entry> entries = new ArrayList<>();
  private final long pauseNanos;
  private final AtomicLong refused = new AtomicLong();

  MemoryLedgerStore() {
    this(0);
  }

  MemoryLedgerStore(long pauseNanos) {
    this.pauseNanos = pauseNanos;
  }

  @Override
  public synchronized long nextSeq() {
    return entries.size() + 1L;
  }

  @Override
  public void append(List<Entry> batch) {
    if (pauseNanos > 0) {
      LockSupport.parkNanos(pauseNanos);
    }
    synchronized (this) {
      if (batch.isEmpty()) {
        return;
      }
      long next = entries.size() + 1L;
      if (batch.get(0).seq() != next) {
        refused.incrementAndGet();
        throw new ConcurrentAppendException(batch.get(0).seq(), next);
      }
      for (int i = 1; i < batch.size(); i++) {
        if (batch.get(i).seq() != batch.get(i - 1).seq() + 1) {
          throw new IllegalArgumentException("gap at " + batch.get(i).seq());
        }
      }
      entries.addAll(batch);
    }
  }

  @Override
  public synchronized List<Entry> entries() {
    return List.copyOf(entries);
  }

  @Override
  public synchronized List<Entry> entriesFrom(long fromSeq) {
    int from = (int) Math.max(0, Math.min(entries.size(), fromSeq - 1));
    return List.copyOf(entries.subList(from, entries.size()));
  }

  @Override
  public void close() {}

  /** How many appends the sequence check refused. */
  long refused() {
    return refused.get();
  }
}
