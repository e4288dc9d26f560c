package org.gridgov.credit;

import org.gridgov.core.GridGovException;

/**
 * A journal is already open for writing, by another process or another {@link FileJournalStore} in
 * this one: a journal has one writer. Close the other store (or stop the other process) first.
 */
public final class JournalLockedException extends GridGovException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception.
   *
   * @param file the journal file
   */
  public JournalLockedException(String file) {
    super(file + ": the credit journal is open by another writer (process or store)");
  }
}
