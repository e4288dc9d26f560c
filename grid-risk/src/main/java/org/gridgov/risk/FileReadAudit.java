package org.gridgov.risk;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.gridgov.core.io.Json;
import org.gridgov.core.io.JsonNodeAt;

/**
 * The durable {@link ReadAudit}: an append-only file, one {@link ReadRecord} per line with its
 * sequence number and a CRC32C checksum, in the line format of the {@link RegisterJournal}
 * (docs/risk.md, "Durable storage"), so the same recovery rule holds: a torn last line is removed
 * and reported in {@link #recovery()}, anything else damaged refuses to open with a {@link
 * RiskStoreCorruptException}.
 *
 * <p><b>Guarantee.</b> {@link #record} returns only when its line is forced to the disk: every read
 * that returned is in the audit after a crash. Concurrent callers share fsyncs (group commit): a
 * caller whose line was forced by another caller's fsync does not force again, so many readers pay
 * far fewer than one fsync each. A call that throws may still leave its line in the audit (an extra
 * record, never a missing one).
 *
 * <p>Holds an exclusive lock on its file while open ({@link RiskStoreLockedException} for a second
 * writer). Thread-safe.
 */
public final class FileReadAudit implements ReadAudit, AutoCloseable {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final List<String> KEYS =
      List.of("seq", "at", "principal", "role", "element", "shown", "masked");

  private final JournalFile file;
  private final StoreRecovery recovery;
  private final Object writeLock = new Object();
  private final Object syncLock = new Object();
  private long count; // guarded by writeLock
  private volatile long written; // bytes written; changed under writeLock
  private long durable; // bytes forced; guarded by syncLock
  private boolean closed; // guarded by writeLock

  private FileReadAudit(JournalFile file) {
    this.file = file;
    Reader r = new Reader(false);
    this.recovery = file.recover(r);
    this.count = r.count;
    this.written = recovery.bytes();
    this.durable = recovery.bytes();
  }

  /**
   * Opens the audit in {@code file}, creating an empty one when there is none, and recovers it.
   *
   * @param file the audit file; its directory must exist
   * @return the open audit, holding the file's lock until {@link #close()}
   * @throws RiskStoreCorruptException when the file is damaged other than by a torn last line
   * @throws RiskStoreLockedException when another writer has the file open
   * @throws UncheckedIOException when the file cannot be read or written
   */
  public static FileReadAudit open(Path file) {
    JournalFile f = JournalFile.open(file);
    try {
      return new FileReadAudit(f);
    } catch (RuntimeException e) {
      f.close();
      throw e;
    }
  }

  /**
   * What recovery found when the audit was opened.
   *
   * @return the recovery result
   */
  public StoreRecovery recovery() {
    return recovery;
  }

  /**
   * Records one read durably: when this returns, the record is on the disk.
   *
   * @param record the read
   * @throws UncheckedIOException when the record cannot be written or forced
   * @throws IllegalStateException when the audit is closed
   */
  @Override
  public void record(ReadRecord record) {
    Objects.requireNonNull(record, "record");
    long end;
    synchronized (writeLock) {
      if (closed) {
        throw new IllegalStateException(file.file() + ": the read audit is closed");
      }
      byte[] bytes = JournalFile.frame(List.of(Json.compact(encode(record, count + 1))));
      try {
        file.write(bytes, written);
      } catch (IOException e) {
        throw new UncheckedIOException(file.file() + ": the read was not recorded", e);
      }
      count++;
      end = written + bytes.length;
      written = end;
    }
    synchronized (syncLock) {
      if (durable >= end) {
        return; // another caller's fsync covered this line
      }
      long upTo = written; // every byte before it is written
      try {
        file.force();
      } catch (IOException e) {
        throw new UncheckedIOException(file.file() + ": the read was not forced to the disk", e);
      }
      durable = upTo;
    }
  }

  /**
   * How many reads the audit holds.
   *
   * @return the count
   */
  public long size() {
    synchronized (writeLock) {
      return count;
    }
  }

  /**
   * Reads the audit back from the file, oldest first.
   *
   * @return the records
   * @throws RiskStoreCorruptException when the file no longer reads
   */
  public List<ReadRecord> records() {
    long length;
    synchronized (writeLock) {
      if (closed) {
        throw new IllegalStateException(file.file() + ": the read audit is closed");
      }
      length = written;
    }
    Reader r = new Reader(true);
    file.read(length, r);
    return List.copyOf(r.records);
  }

  @Override
  public void close() {
    synchronized (writeLock) {
      if (!closed) {
        closed = true;
        file.close();
      }
    }
  }

  @Override
  public String toString() {
    return "FileReadAudit[" + file.file() + "]";
  }

  private static ObjectNode encode(ReadRecord r, long seq) {
    ObjectNode o = F.objectNode();
    o.put("seq", seq);
    o.put("at", r.at().toString());
    o.put("principal", r.principal());
    o.put("role", r.role());
    o.put("element", r.element());
    o.set("shown", sorted(r.shown()));
    o.set("masked", sorted(r.masked()));
    return o;
  }

  private static ArrayNode sorted(Set<String> fields) {
    ArrayNode a = F.arrayNode();
    new TreeSet<>(fields).forEach(a::add);
    return a;
  }

  /** Reads records in sequence; each line is a commit of its own. */
  private static final class Reader implements JournalFile.Records {
    private final List<ReadRecord> records;
    private long count;

    Reader(boolean keep) {
      this.records = keep ? new ArrayList<>() : null;
    }

    @Override
    public boolean accept(JsonNodeAt o) {
      o.onlyKeys(KEYS);
      long seq = o.longValue("seq");
      if (seq != count + 1) {
        throw new IllegalArgumentException(
            "the record has seq " + seq + " where seq " + (count + 1) + " belongs");
      }
      ReadRecord r =
          new ReadRecord(
              o.parsed("at", "ISO instant", Instant::parse),
              o.string("principal"),
              o.string("role"),
              o.string("element"),
              Set.copyOf(o.list("shown", JsonNodeAt::asString)),
              Set.copyOf(o.list("masked", JsonNodeAt::asString)));
      count++;
      if (records != null) {
        records.add(r);
      }
      return true;
    }

    @Override
    public String unfinished() {
      throw new AssertionError("every record completes its commit");
    }
  }
}
