package org.gridgov.risk;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.CRC32C;
import org.gridgov.core.io.Json;
import org.gridgov.core.io.JsonNodeAt;
import org.gridgov.core.io.Problems;

/**
 * The file under the durable risk stores: an append-only file of checksummed lines {@code <crc32c>
 * <json>\n} (the CRC32C of the JSON's UTF-8 bytes as 8 lowercase hexadecimal digits), held under an
 * exclusive lock, with the recovery rule of docs/risk.md ("Durable storage"). Not thread-safe: its
 * owner serialises writes.
 */
final class JournalFile implements AutoCloseable {
  /** Lines longer than this are not read (their checksum cannot be checked); 64 MiB. */
  static final int MAX_LINE_BYTES = 64 << 20;

  private static final int BLOCK = 1 << 16;
  private static final byte[] HEX = "0123456789abcdef".getBytes(US_ASCII);

  /** Reads the records of a file in order; what they mean is the owner's business. */
  interface Records {
    /**
     * Takes the next whole record.
     *
     * @param record the record's JSON, located for messages
     * @return whether this record completes a commit (everything read so far is committed)
     * @throws RuntimeException when the record is wrong; the scan reports it as corruption
     */
    boolean accept(JsonNodeAt record);

    /**
     * Why the records taken since the last completed commit do not form a commit, called at the end
     * of the file when there are some.
     *
     * @return the reason
     */
    String unfinished();
  }

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;

  private JournalFile(Path file, FileChannel channel, FileLock lock) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Opens (creating) a file for reading and appending under an exclusive lock.
   *
   * @throws RiskStoreLockedException when another writer holds the lock
   * @throws UncheckedIOException when the file cannot be opened
   */
  static JournalFile open(Path file) {
    Objects.requireNonNull(file, "file");
    FileChannel channel = null;
    try {
      boolean created = !Files.exists(file);
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null; // another channel of this JVM holds it
      }
      if (lock == null) {
        throw new RiskStoreLockedException(file.toString());
      }
      if (created) {
        syncDirectory(file.toAbsolutePath().getParent());
      }
      return new JournalFile(file, channel, lock);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new UncheckedIOException(file + ": cannot open", e);
    } catch (RuntimeException e) {
      closeQuietly(channel);
      throw e;
    }
  }

  Path file() {
    return file;
  }

  /**
   * Reads the whole file, feeding the whole records to {@code records}, and removes a torn tail.
   *
   * @return what was found
   * @throws RiskStoreCorruptException when the file is damaged other than by a torn tail
   */
  StoreRecovery recover(Records records) {
    try {
      long size = channel.size();
      Scan scan = scan(size, records);
      Optional<StoreRecovery.TornTail> torn = Optional.empty();
      if (scan.committedEnd < size) {
        torn =
            Optional.of(
                new StoreRecovery.TornTail(
                    scan.committedLine + 1,
                    scan.committedEnd,
                    size - scan.committedEnd,
                    scan.firstBad != null ? scan.firstBad : records.unfinished()));
        channel.truncate(scan.committedEnd);
        channel.force(true);
      }
      return new StoreRecovery(file, scan.committedRecords, scan.committedEnd, torn);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot recover", e);
    }
  }

  /**
   * Reads the committed bytes [0, length) again, strictly: anything but whole records ending in a
   * completed commit means the file was changed behind the store's back.
   *
   * @throws RiskStoreCorruptException when the bytes are not exactly the committed records
   */
  void read(long length, Records records) {
    try {
      Scan scan = scan(length, records);
      if (scan.committedEnd < length) {
        throw new RiskStoreCorruptException(
            file.toString(),
            scan.committedLine + 1,
            scan.committedEnd,
            "the file changed after it was opened: "
                + (scan.firstBad != null ? scan.firstBad : records.unfinished()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot read", e);
    }
  }

  /** Writes {@code bytes} at {@code at}; on failure cuts the file back to {@code at}. */
  void write(byte[] bytes, long at) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    try {
      while (buffer.hasRemaining()) {
        channel.write(buffer, at + buffer.position());
      }
    } catch (IOException e) {
      cutBack(at, e);
      throw e;
    }
  }

  /** Forces written bytes and the file's length to the disk. */
  void force() throws IOException {
    channel.force(true);
  }

  /** Cuts the file back to {@code length} after a failed write; records a failure to do so. */
  void cutBack(long length, IOException cause) {
    try {
      channel.truncate(length);
      channel.force(true);
    } catch (IOException | RuntimeException e) {
      cause.addSuppressed(e);
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException e) {
      // closing the channel releases it too
    }
    try {
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot close", e);
    }
  }

  // ---- framing ----------------------------------------------------------------------------------

  /** The lines {@code <crc32c> <json>\n} of the given JSON texts, as one byte array. */
  static byte[] frame(List<String> jsons) {
    byte[][] bodies = new byte[jsons.size()][];
    int total = 0;
    for (int i = 0; i < bodies.length; i++) {
      bodies[i] = jsons.get(i).getBytes(UTF_8);
      total += 10 + bodies[i].length;
    }
    byte[] out = new byte[total];
    int at = 0;
    for (byte[] body : bodies) {
      CRC32C crc = new CRC32C();
      crc.update(body);
      long c = crc.getValue();
      for (int d = 7; d >= 0; d--) {
        out[at++] = HEX[(int) (c >>> (4 * d)) & 0xf];
      }
      out[at++] = ' ';
      System.arraycopy(body, 0, out, at, body.length);
      at += body.length;
      out[at++] = '\n';
    }
    return out;
  }

  /** The JSON of a line whose checksum holds, or null. */
  private static String checkedBody(byte[] line) {
    if (line.length < 10 || line[8] != ' ') {
      return null;
    }
    long expected = 0;
    for (int i = 0; i < 8; i++) {
      int d = Arrays.binarySearch(HEX, line[i]);
      if (d < 0) {
        return null;
      }
      expected = expected << 4 | d;
    }
    CRC32C crc = new CRC32C();
    crc.update(line, 9, line.length - 9);
    return crc.getValue() == expected ? new String(line, 9, line.length - 9, UTF_8) : null;
  }

  // ---- scanning ---------------------------------------------------------------------------------

  private static final class Scan {
    long committedEnd;
    long committedLine;
    long committedRecords;
    String firstBad;
  }

  /**
   * The rule: records are read in order up to the first bad line (cut short, checksum wrong). If a
   * whole line (ended, checksum holding) follows it anywhere, the file is corrupt. A whole line
   * whose content is wrong is corrupt too: the checksum says it was written that way. Otherwise
   * everything after the last completed commit is a torn tail.
   */
  private Scan scan(long size, Records records) throws IOException {
    Scan scan = new Scan();
    LineReader in = new LineReader(size);
    long lineNo = 0;
    long pending = 0;
    long badLine = 0;
    long badOffset = 0;
    for (Line line = in.next(); line != null; line = in.next()) {
      lineNo++;
      String body = line.bytes == null || !line.ended ? null : checkedBody(line.bytes);
      if (scan.firstBad != null) {
        if (body != null) {
          throw new RiskStoreCorruptException(
              file.toString(),
              badLine,
              badOffset,
              scan.firstBad
                  + ", and a whole record follows at line "
                  + lineNo
                  + " (byte "
                  + line.offset
                  + "): the file is damaged, not torn by a crash");
        }
        continue;
      }
      if (body == null) {
        badLine = lineNo;
        badOffset = line.offset;
        String why =
            line.bytes == null
                ? "the line is longer than " + MAX_LINE_BYTES + " bytes"
                : !line.ended
                    ? "the line has no end (a write cut short)"
                    : line.bytes.length == 0 ? "the line is empty" : "the checksum does not match";
        scan.firstBad = "line " + lineNo + " (byte " + line.offset + "): " + why;
        continue;
      }
      boolean completes;
      try {
        Problems problems = Problems.firstError(file.toString());
        JsonNode node = Json.parseLine(body, file.toString(), (int) Math.min(lineNo, 1 << 30));
        completes = records.accept(JsonNodeAt.of(node, "", problems).requireObject());
      } catch (RuntimeException e) {
        throw new RiskStoreCorruptException(
            file.toString(),
            lineNo,
            line.offset,
            "the checksum holds but the record is wrong: " + e.getMessage());
      }
      pending++;
      if (completes) {
        scan.committedRecords += pending;
        pending = 0;
        scan.committedEnd = line.offset + line.bytes.length + 1;
        scan.committedLine = lineNo;
      }
    }
    return scan;
  }

  /** One line: its bytes without the newline (null when too long), where it starts, if it ended. */
  private record Line(byte[] bytes, long offset, boolean ended) {}

  /** Reads the lines of [0, size) with positional reads, which appends do not disturb. */
  private final class LineReader {
    private final long size;
    private final ByteBuffer block = ByteBuffer.allocate(BLOCK);
    private long blockStart;
    private long pos;

    LineReader(long size) {
      this.size = size;
      block.limit(0);
    }

    Line next() throws IOException {
      if (pos >= size) {
        return null;
      }
      long start = pos;
      byte[] acc = new byte[256];
      int len = 0;
      boolean tooLong = false;
      while (pos < size) {
        int i = (int) (pos - blockStart);
        if (i >= block.limit()) {
          fill();
          i = 0;
        }
        byte c = block.get(i);
        pos++;
        if (c == '\n') {
          return new Line(tooLong ? null : Arrays.copyOf(acc, len), start, true);
        }
        if (tooLong) {
          continue;
        }
        if (len == MAX_LINE_BYTES) {
          tooLong = true;
          acc = null;
          continue;
        }
        if (len == acc.length) {
          acc = Arrays.copyOf(acc, (int) Math.min(MAX_LINE_BYTES, 2L * len));
        }
        acc[len++] = c;
      }
      return new Line(tooLong ? null : Arrays.copyOf(acc, len), start, false);
    }

    private void fill() throws IOException {
      block.clear();
      blockStart = pos;
      block.limit((int) Math.min(BLOCK, size - pos));
      while (block.hasRemaining()) {
        if (channel.read(block, blockStart + block.position()) < 0) {
          throw new IOException(file + ": the file ended early at byte " + block.position());
        }
      }
      block.flip();
    }
  }

  private static void syncDirectory(Path dir) {
    if (dir == null) {
      return;
    }
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // not every platform can force a directory; the file's own force still holds
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // already failing
      }
    }
  }
}
