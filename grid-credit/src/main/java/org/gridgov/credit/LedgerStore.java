package org.gridgov.credit;

import java.util.List;

/**
 * Durable storage of the credit ledger: append-only, all-or-nothing per append, never loses a
 * committed entry. An append commits only when the caller's view of the ledger is current (an
 * optimistic sequence check), so concurrent writers never interleave or overwrite: the loser gets a
 * {@link ConcurrentAppendException}, re-reads and retries.
 *
 * <p>Implementations are thread-safe. Two ship with GridGov: an append-only file journal (the
 * embedded default) and a JDBC store.
 */
public interface LedgerStore extends AutoCloseable {
  /**
   * The sequence number the next entry must carry: one more than the last committed entry's (1 for
   * an empty ledger).
   *
   * @return the next sequence number
   */
  long nextSeq();

  /**
   * Commits entries, atomically and durably (on return they survive a crash of the process), when
   * the first carries {@link #nextSeq()} and the others follow without gaps.
   *
   * @param entries the entries, in sequence
   * @throws ConcurrentAppendException when the first entry's seq is not {@link #nextSeq()} (another
   *     writer committed first); nothing is written
   * @throws IllegalArgumentException when the entries' sequence numbers have gaps
   * @throws java.io.UncheckedIOException when the storage fails; nothing is committed
   */
  void append(List<Entry> entries);

  /**
   * Every committed entry, in sequence.
   *
   * @return the entries
   */
  List<Entry> entries();

  /**
   * Every committed entry with a sequence number of at least {@code fromSeq}, in sequence.
   *
   * @param fromSeq the first sequence number wanted
   * @return the entries
   */
  List<Entry> entriesFrom(long fromSeq);

  /** Releases the storage; committed entries stay. */
  @Override
  void close();
}
