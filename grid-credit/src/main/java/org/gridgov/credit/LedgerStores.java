package org.gridgov.credit;

import java.nio.file.Path;
import javax.sql.DataSource;

/**
 * The front door to the two {@link LedgerStore}s GridGov ships: the file journal (the embedded
 * default) and the JDBC store.
 */
public final class LedgerStores {
  private LedgerStores() {}

  /**
   * Opens (or creates) the append-only file journal in {@code file}, recovering a torn tail left by
   * a crash; see {@link FileJournalStore#open(Path)}.
   *
   * @param file the journal file; its directory must exist
   * @return the open store
   * @throws LedgerCorruptException when the journal is damaged other than by a torn tail
   * @throws JournalLockedException when another writer has the journal open
   */
  public static FileJournalStore openJournal(Path file) {
    return FileJournalStore.open(file);
  }

  /**
   * Opens the JDBC store on {@code dataSource}, creating its table when there is none; see {@link
   * JdbcLedgerStore#open(DataSource)}.
   *
   * @param dataSource where to get connections (H2 or PostgreSQL)
   * @return the open store
   */
  public static JdbcLedgerStore jdbc(DataSource dataSource) {
    return JdbcLedgerStore.open(dataSource);
  }
}
