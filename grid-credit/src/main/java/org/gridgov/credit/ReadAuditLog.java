package org.gridgov.credit;

import java.util.List;

/**
 * A durable sink for the ledger service's read audit (every read of a credit file or of a
 * community's aggregates, allowed or refused): "every read of a file is recorded". Given to {@link
 * CreditLedger.Builder#auditLog}, it receives each {@link ReadRecord} before the read is answered;
 * when {@link #append} throws, the read fails and nothing is returned. Implementations are
 * thread-safe; {@link FileReadAuditLog} is the embedded one.
 */
public interface ReadAuditLog extends AutoCloseable {
  /**
   * Records a read durably: when this returns, the record survives a crash.
   *
   * @param read the record
   * @throws java.io.UncheckedIOException when it cannot be stored
   */
  void append(ReadRecord read);

  /**
   * Every record stored, in the order they were appended.
   *
   * @return an immutable list
   */
  List<ReadRecord> records();

  /** Releases the sink; later appends fail. */
  @Override
  void close();
}
