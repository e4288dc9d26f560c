package org.gridgov.credit;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What opening a {@link FileJournalStore} found: how many committed entries the journal holds and,
 * when the last append was cut short by a crash, the torn tail that recovery removed. Immutable.
 *
 * @param file the journal file
 * @param entries the number of committed entries kept
 * @param bytes the journal's length after recovery, in bytes
 * @param tornTail the torn tail removed, if there was one
 */
public record JournalRecovery(Path file, long entries, long bytes, Optional<TornTail> tornTail) {
  /**
   * Checks the fields.
   *
   * @throws IllegalArgumentException when a count is negative
   */
  public JournalRecovery {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(tornTail, "tornTail");
    if (entries < 0 || bytes < 0) {
      throw new IllegalArgumentException(
          "entries and bytes must not be negative: " + entries + ", " + bytes);
    }
  }

  /**
   * Whether the journal was whole: nothing was removed.
   *
   * @return true when there was no torn tail
   */
  public boolean clean() {
    return tornTail.isEmpty();
  }

  /**
   * The end of a journal left by an append that never returned (the process died while writing it):
   * the records from {@code line} on, which recovery removed. They were never committed: an append
   * commits only when all its records are written and forced to the disk.
   *
   * @param line the 1-based line where the removed tail began
   * @param byteOffset the byte offset where the removed tail began (the journal's new length)
   * @param bytesRemoved how many bytes were removed
   * @param reason what was wrong, with the line of the first bad record
   */
  public record TornTail(long line, long byteOffset, long bytesRemoved, String reason) {
    /**
     * Checks the fields.
     *
     * @throws IllegalArgumentException when a number is out of range
     */
    public TornTail {
      Objects.requireNonNull(reason, "reason");
      if (line < 1 || byteOffset < 0 || bytesRemoved < 1) {
        throw new IllegalArgumentException(
            "torn tail at line " + line + ", byte " + byteOffset + ", " + bytesRemoved + " bytes");
      }
    }
  }
}
