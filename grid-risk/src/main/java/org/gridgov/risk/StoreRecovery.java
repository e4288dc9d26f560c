package org.gridgov.risk;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What opening a durable risk store ({@link RegisterJournal}, {@link FileReadAudit}) found: how
 * many committed records the file holds and, when the process died while writing, the torn tail
 * that recovery removed. A torn tail is never silent: it is reported here with its line, byte
 * offset and reason. Immutable.
 *
 * @param file the file
 * @param records the committed records kept
 * @param bytes the file's length after recovery
 * @param tornTail the torn tail removed, if there was one
 */
public record StoreRecovery(Path file, long records, long bytes, Optional<TornTail> tornTail) {
  /**
   * Checks the fields.
   *
   * @param file the file
   * @param records the records kept
   * @param bytes the length
   * @param tornTail the torn tail
   */
  public StoreRecovery {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(tornTail, "tornTail");
    if (records < 0 || bytes < 0) {
      throw new IllegalArgumentException(
          "records and bytes must not be negative: " + records + ", " + bytes);
    }
  }

  /**
   * Whether the file was whole: recovery removed nothing.
   *
   * @return true when there was no torn tail
   */
  public boolean clean() {
    return tornTail.isEmpty();
  }

  /**
   * The end of a file that a write cut short (the process or machine died before the commit
   * returned): everything from {@code line} on, which recovery removed. None of it was committed.
   *
   * @param line the 1-based line where the removed tail began
   * @param byteOffset the byte offset where it began (the file's length after recovery)
   * @param bytesRemoved how many bytes were removed
   * @param reason what was wrong, naming the line of the first bad record
   */
  public record TornTail(long line, long byteOffset, long bytesRemoved, String reason) {
    /**
     * Checks the fields.
     *
     * @param line the line
     * @param byteOffset the offset
     * @param bytesRemoved the bytes removed
     * @param reason the reason
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
