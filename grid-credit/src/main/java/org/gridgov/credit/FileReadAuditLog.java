package org.gridgov.credit;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * The embedded {@link ReadAuditLog}: an append-only file, one read per line, each line {@code
 * <crc32c> <json>\n} like a journal record (docs/credit-service.md, "The durable read audit"): the
 * CRC32C of the JSON in 8 lowercase hexadecimal digits, then the record as one JSON object with the
 * members {@code at, principal, role, what, subject, asOf, allowed, reason}. Every append is
 * written and forced to the disk (fsync) before it returns.
 *
 * <p>Opening recovers the file as the journal does: a torn last line (no newline, or a checksum
 * that does not hold, with nothing after it) is what a crash during an append leaves; it is removed
 * and reported in {@link #tornTail()}. A bad line with a good one after it is corruption: {@link
 * #open} refuses with a {@link LedgerCorruptException} naming its line and byte offset. The log
 * holds an exclusive lock on the file while open ({@link JournalLockedException} for a second
 * writer). Thread-safe.
 */
public final class FileReadAuditLog implements ReadAuditLog {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;
  private final Optional<JournalRecovery.TornTail> tornTail;
  private long length; // guarded by this
  private long count; // guarded by this
  private boolean closed; // guarded by this

  private FileReadAuditLog(Path file, FileChannel channel, FileLock lock) throws IOException {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
    byte[] all = Files.readAllBytes(file);
    long at = 0;
    long line = 0;
    JournalRecovery.TornTail torn = null;
    while (at < all.length) {
      line++;
      int end = indexOf(all, (int) at);
      boolean terminated = end >= 0;
      int stop = terminated ? end : all.length;
      byte[] b = Arrays.copyOfRange(all, (int) at, stop);
      String bad = null;
      if (!FileJournalStore.checksumHolds(b)) {
        bad = b.length == 0 ? "empty line" : "the checksum does not match the record";
      } else if (!terminated) {
        bad = "the record has no end of line";
      } else {
        try {
          decode(b);
        } catch (RuntimeException | IOException e) {
          throw new LedgerCorruptException(
              file.toString(), line, at, "the record cannot be read: " + e.getMessage());
        }
      }
      if (bad != null) {
        if (terminated && stop + 1 < all.length) {
          throw new LedgerCorruptException(file.toString(), line, at, bad);
        }
        torn = new JournalRecovery.TornTail(line, at, all.length - at, "line " + line + ": " + bad);
        break;
      }
      count++;
      at = stop + 1L;
    }
    this.length = at;
    this.tornTail = Optional.ofNullable(torn);
    if (torn != null) {
      channel.truncate(at);
      channel.force(true);
    }
  }

  /**
   * Opens the audit log in {@code file}, creating an empty one when there is none, and recovers a
   * torn last line.
   *
   * @param file the file; its directory must exist
   * @return the open log, holding the file's lock until {@link #close()}
   * @throws LedgerCorruptException when the file is damaged other than by a torn last line
   * @throws JournalLockedException when another writer has the file open
   * @throws UncheckedIOException when the file cannot be read or written
   */
  public static FileReadAuditLog open(Path file) {
    return FileJournalStore.openLocked(
        file, "read audit log", (channel, lock) -> new FileReadAuditLog(file, channel, lock));
  }

  /**
   * The torn last line recovery removed when the log was opened, if there was one.
   *
   * @return the torn tail
   */
  public Optional<JournalRecovery.TornTail> tornTail() {
    return tornTail;
  }

  /**
   * The file.
   *
   * @return the file
   */
  public Path file() {
    return file;
  }

  /**
   * How many records the log holds.
   *
   * @return the count
   */
  public synchronized long size() {
    return count;
  }

  @Override
  public synchronized void append(ReadRecord read) {
    Objects.requireNonNull(read, "read");
    if (closed) {
      throw new IllegalStateException(file + ": the read audit log is closed");
    }
    byte[] line = encode(read);
    try {
      ByteBuffer buffer = ByteBuffer.wrap(line);
      while (buffer.hasRemaining()) {
        channel.write(buffer, length + buffer.position());
      }
      channel.force(true);
    } catch (IOException e) {
      try {
        channel.truncate(length);
      } catch (IOException ignored) {
        // the next open removes the torn line
      }
      throw new UncheckedIOException(file + ": the read was not recorded", e);
    }
    length += line.length;
    count++;
  }

  @Override
  public synchronized List<ReadRecord> records() {
    if (closed) {
      throw new IllegalStateException(file + ": the read audit log is closed");
    }
    try {
      ByteBuffer buffer = ByteBuffer.allocate((int) length);
      while (buffer.hasRemaining()) {
        if (channel.read(buffer, buffer.position()) < 0) {
          break;
        }
      }
      byte[] all = buffer.array();
      List<ReadRecord> out = new ArrayList<>((int) count);
      int at = 0;
      while (at < all.length) {
        int end = indexOf(all, at);
        out.add(decode(Arrays.copyOfRange(all, at, end)));
        at = end + 1;
      }
      return List.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot read the read audit log", e);
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      lock.release();
    } catch (IOException e) {
      // closing the channel releases the lock too
    }
    try {
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot close the read audit log", e);
    }
  }

  @Override
  public String toString() {
    return "FileReadAuditLog[" + file + "]";
  }

  // ---- the line format ------------------------------------------------------------------------

  static byte[] encode(ReadRecord r) {
    ObjectNode o = JSON.createObjectNode();
    o.put("at", r.at().toString());
    o.put("principal", r.principal());
    o.put("role", r.role());
    o.put("what", r.what().name());
    o.put("subject", r.subject());
    o.put("asOf", r.asOf().toString());
    o.put("allowed", r.allowed());
    o.put("reason", r.reason());
    byte[] json;
    try {
      json = JSON.writeValueAsBytes(o);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    CRC32C crc = new CRC32C();
    crc.update(json);
    byte[] hex = String.format("%08x ", crc.getValue()).getBytes(US_ASCII);
    byte[] line = new byte[hex.length + json.length + 1];
    System.arraycopy(hex, 0, line, 0, hex.length);
    System.arraycopy(json, 0, line, hex.length, json.length);
    line[line.length - 1] = '\n';
    return line;
  }

  private static ReadRecord decode(byte[] line) throws IOException {
    JsonNode n = JSON.readTree(new String(line, 9, line.length - 9, UTF_8));
    return new ReadRecord(
        Instant.parse(text(n, "at")),
        text(n, "principal"),
        text(n, "role"),
        ReadRecord.Subject.valueOf(text(n, "what")),
        text(n, "subject"),
        Instant.parse(text(n, "asOf")),
        n.path("allowed").asBoolean(),
        text(n, "reason"));
  }

  private static String text(JsonNode n, String name) throws IOException {
    JsonNode v = n.get(name);
    if (v == null || !v.isTextual()) {
      throw new IOException("member '" + name + "' is missing or not a string");
    }
    return v.textValue();
  }

  private static int indexOf(byte[] b, int from) {
    for (int i = from; i < b.length; i++) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return -1;
  }
}
