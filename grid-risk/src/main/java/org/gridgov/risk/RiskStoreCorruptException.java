package org.gridgov.risk;

import java.util.Objects;
import org.gridgov.core.GridGovException;

/**
 * A durable risk store's file is damaged in a way a crash cannot explain: a bad record with a whole
 * record after it, or a record whose checksum holds but whose content is wrong (a gap in the
 * sequence, an unreadable change, a mark for an unknown element). The store refuses to open rather
 * than skip anything; the accessors say where. Restore the file from a backup or repair it by hand.
 */
public final class RiskStoreCorruptException extends GridGovException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final long line;
  private final long byteOffset;
  private final String reason;

  /**
   * An exception.
   *
   * @param file the file
   * @param line the 1-based line of the bad record
   * @param byteOffset the byte offset where the bad record begins
   * @param reason what is wrong
   */
  public RiskStoreCorruptException(String file, long line, long byteOffset, String reason) {
    super(file + ":" + line + " (byte " + byteOffset + "): " + reason);
    this.file = Objects.requireNonNull(file, "file");
    this.line = line;
    this.byteOffset = byteOffset;
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /**
   * The damaged file.
   *
   * @return the file name
   */
  public String file() {
    return file;
  }

  /**
   * The 1-based line of the bad record.
   *
   * @return the line
   */
  public long line() {
    return line;
  }

  /**
   * The byte offset where the bad record begins.
   *
   * @return the offset
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
