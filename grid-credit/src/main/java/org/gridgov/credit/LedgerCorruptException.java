package org.gridgov.credit;

import java.util.Objects;
import org.gridgov.core.GridGovException;

/**
 * Stored ledger data is damaged in a way that is not a torn last append: a bad record followed by
 * good ones in a journal, a record whose checksum holds but whose content is wrong, a gap in the
 * sequence. The store refuses to open or read rather than skip anything; the message and the
 * accessors say where. Restore the journal from a backup or repair it by hand.
 */
public final class LedgerCorruptException extends GridGovException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final long line;
  private final long byteOffset;
  private final String reason;

  /**
   * An exception.
   *
   * @param source the journal file or the table
   * @param line the 1-based line of the bad record in a journal, 0 for a table
   * @param byteOffset the byte offset of the bad record in a journal, -1 for a table
   * @param reason what is wrong
   */
  public LedgerCorruptException(String source, long line, long byteOffset, String reason) {
    super(
        source
            + (line > 0 ? ":" + line : "")
            + (byteOffset >= 0 ? " (byte " + byteOffset + ")" : "")
            + ": "
            + reason);
    this.source = Objects.requireNonNull(source, "source");
    this.line = line;
    this.byteOffset = byteOffset;
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /**
   * The journal file or the table.
   *
   * @return the source
   */
  public String source() {
    return source;
  }

  /**
   * The 1-based line of the bad record in a journal.
   *
   * @return the line, 0 for a table
   */
  public long line() {
    return line;
  }

  /**
   * The byte offset of the bad record in a journal.
   *
   * @return the offset, -1 for a table
   */
  public long byteOffset() {
    return byteOffset;
  }

  /**
   * What is wrong.
   *
   * @return the reason
   */
  public String reason() {
    return reason;
  }
}
