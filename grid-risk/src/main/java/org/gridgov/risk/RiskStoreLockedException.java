package org.gridgov.risk;

import org.gridgov.core.GridGovException;

/**
 * A durable risk store's file is already open for writing, by another process or another store
 * object in this one: each file has one writer. Close the other store (or stop the other process)
 * first.
 */
public final class RiskStoreLockedException extends GridGovException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception.
   *
   * @param file the file
   */
  public RiskStoreLockedException(String file) {
    super(file + ": the file is open by another writer (process or store)");
  }
}
