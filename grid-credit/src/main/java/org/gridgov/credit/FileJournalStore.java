package org.gridgov.credit;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.gridgov.credit.StoreChecks.checkArgument;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * The embedded {@link LedgerStore}: an append-only file journal, one record per line, each with its
 * sequence number and a CRC32C checksum (the line format is in docs/credit-storage.md, "The
 * journal").
 *
 * <p><b>Durability.</b> An append writes all its records with one write and forces them to the disk
 * ({@link FileChannel#force}) before it returns: an append of many entries costs one fsync (group
 * commit), and an append that returned survives a crash of the process or the machine.
 *
 * <p><b>All or nothing.</b> Every record says which part of its append it is ({@code k/n}). When
 * the store is opened, recovery reads the records up to the first torn or bad one and keeps the
 * complete appends before it. A torn tail — a bad record, or an incomplete append, with no valid
 * record after it, which is what a crash during an append leaves — is removed and reported in
 * {@link #recovery()}. A bad record with a valid record after it, or a record whose checksum holds
 * but whose content is wrong, is corruption: {@link #open} refuses with a {@link
 * LedgerCorruptException} that gives the line and byte offset; nothing is ever skipped.
 *
 * <p><b>One writer.</b> The store holds an exclusive {@link FileLock} on the journal while it is
 * open, so a second writer (another process, or another store in this one) is refused with a {@link
 * JournalLockedException}. Within the process the store is thread-safe: appends are serialised,
 * reads see every append that returned and need no lock.
 *
 * <p>The store keeps in memory the byte offset of every 256th record (8 bytes per 256 entries: 3–6
 * MB for 100 million), not the entries; a read from any seq starts at the offset before it, skips
 * at most 255 lines and decodes the rest from the file. A journal holds at most {@code
 * Integer.MAX_VALUE - 8} entries.
 */
public final class FileJournalStore implements LedgerStore {
  private static final int MAX_ENTRIES = Integer.MAX_VALUE - 8;
  private static final int BLOCK = 1 << 16;

  /** log2 of how many records one offset of the index stands for. */
  static final int INDEX_SHIFT = 8;

  private static final int INDEX_MASK = (1 << INDEX_SHIFT) - 1;

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;
  private final JournalRecovery recovery;
  private final ReentrantLock writeLock = new ReentrantLock();
  private volatile State state;
  private boolean broken; // guarded by writeLock
  private volatile boolean closed;

  /**
   * A committed view: {@code index[k]} is the offset of the record of seq {@code k * 256 + 1}, for
   * every such record of the first {@code count}; {@code length} is the committed end. Appends
   * write index slots past the ones an older view reads, so views share the array.
   */
  private record State(long[] index, int count, long length) {}

  private FileJournalStore(Path file, FileChannel channel, FileLock lock) throws IOException {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
    Scan scan = scan();
    this.state = new State(scan.index, scan.count, scan.committedEnd);
    this.recovery =
        new JournalRecovery(file, scan.count, scan.committedEnd, Optional.ofNullable(scan.torn));
    if (scan.torn != null) {
      channel.truncate(scan.committedEnd);
      channel.force(true);
    }
  }

  /**
   * Opens the journal in {@code file}, creating an empty one when there is none, and recovers it: a
   * torn tail left by a crash is removed and reported in {@link #recovery()}.
   *
   * @param file the journal file; its directory must exist
   * @return the open store, holding the journal's lock until {@link #close()}
   * @throws LedgerCorruptException when the journal is damaged other than by a torn tail
   * @throws JournalLockedException when another writer has the journal open
   * @throws UncheckedIOException when the file cannot be read or written
   */
  public static FileJournalStore open(Path file) {
    return openLocked(
        file, "credit journal", (channel, lock) -> new FileJournalStore(file, channel, lock));
  }

  /** Builds an append-only file's object on its open, locked channel (and recovers it). */
  @FunctionalInterface
  interface LockedOpen<T> {
    T open(FileChannel channel, FileLock lock) throws IOException;
  }

  /**
   * Opens {@code file} for reading and appending under an exclusive lock, creating it (and making
   * its directory entry durable) when there is none, and builds the object on it; the channel is
   * closed when that fails. Shared by the journal and the read audit log.
   *
   * @param file the file; its directory must exist
   * @param what what the file is, for the error message
   * @param make builds the object (and recovers the file)
   * @throws JournalLockedException when another writer has the file open
   * @throws UncheckedIOException when the file cannot be read or written
   */
  static <T> T openLocked(Path file, String what, LockedOpen<T> make) {
    Objects.requireNonNull(file, "file");
    FileChannel channel = null;
    try {
      boolean existed = Files.exists(file);
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        throw new JournalLockedException(file.toString());
      }
      if (!existed) {
        forceDirectory(file.toAbsolutePath().getParent());
      }
      return make.open(channel, lock);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new UncheckedIOException(file + ": cannot open the " + what, e);
    } catch (RuntimeException e) {
      closeQuietly(channel);
      throw e;
    }
  }

  /**
   * The journal file.
   *
   * @return the file
   */
  public Path file() {
    return file;
  }

  /**
   * What recovery found when the store was opened.
   *
   * @return the recovery result
   */
  public JournalRecovery recovery() {
    return recovery;
  }

  @Override
  public long nextSeq() {
    return state.count + 1L;
  }

  @Override
  public void append(List<Entry> entries) {
    long first = StoreChecks.checkBatch(entries);
    byte[] bytes = encode(entries);
    writeLock.lock();
    try {
      checkOpen();
      if (broken) {
        throw new IllegalStateException(
            file + ": an earlier write failed and could not be undone; reopen the journal");
      }
      State s = state;
      long next = s.count + 1L;
      if (first != next) {
        throw new ConcurrentAppendException(first, next);
      }
      checkArgument(
          s.count + (long) entries.size() <= MAX_ENTRIES,
          "the journal is full: at most %s entries",
          MAX_ENTRIES);
      long[] index = indexFor(s.index, s.count + entries.size());
      long pos = s.length;
      int at = 0;
      for (int i = 0; i < entries.size(); i++) {
        indexRecord(index, s.count + i, pos + at);
        while (bytes[at] != '\n') {
          at++;
        }
        at++;
      }
      try {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer, pos + buffer.position());
        }
        channel.force(true);
      } catch (IOException e) {
        undo(s.length);
        throw new UncheckedIOException(file + ": the append was not committed", e);
      }
      state = new State(index, s.count + entries.size(), pos + bytes.length);
    } finally {
      writeLock.unlock();
    }
  }

  /** The index array, grown (doubling) when it has no slot for some of the first {@code count}. */
  private static long[] indexFor(long[] index, int count) {
    int slots = (int) (((long) count + INDEX_MASK) >>> INDEX_SHIFT);
    return slots <= index.length ? index : Arrays.copyOf(index, Math.max(16, 2 * slots));
  }

  /** Keeps the offset of the record of seq {@code n + 1} when it is one the index holds. */
  private static void indexRecord(long[] index, int n, long offset) {
    if ((n & INDEX_MASK) == 0) {
      index[n >>> INDEX_SHIFT] = offset;
    }
  }

  private void undo(long length) {
    try {
      channel.truncate(length);
      channel.force(true);
    } catch (IOException | RuntimeException e) {
      broken = true;
    }
  }

  @Override
  public List<Entry> entries() {
    return entriesFrom(1);
  }

  @Override
  public List<Entry> entriesFrom(long fromSeq) {
    List<Entry> out = new ArrayList<>();
    read(fromSeq, out::add);
    return List.copyOf(out);
  }

  /**
   * Streams the committed entries from {@code fromSeq} on, in sequence, without holding them all in
   * memory: for replaying a large journal.
   *
   * @param fromSeq the first sequence number wanted, at least 1
   * @param action called with each entry
   * @throws LedgerCorruptException when the file was changed behind the store's back
   */
  public void read(long fromSeq, Consumer<? super Entry> action) {
    checkArgument(fromSeq >= 1, "fromSeq must be at least 1, not %s", fromSeq);
    Objects.requireNonNull(action, "action");
    checkOpen();
    State s = state;
    if (fromSeq > s.count) {
      return;
    }
    long seq = fromSeq;
    try {
      int n = (int) (fromSeq - 1);
      LineReader lines = new LineReader(s.index[n >>> INDEX_SHIFT], s.length);
      for (int skip = n & INDEX_MASK; skip > 0; skip--) {
        long at = lines.pos;
        if (!lines.skip()) {
          throw new LedgerCorruptException(
              file.toString(),
              fromSeq - skip,
              at,
              "the committed records end early: the file was changed behind the store's back");
        }
      }
      for (Line line = lines.next(); line != null; line = lines.next(), seq++) {
        Parsed p = parse(line, seq);
        if (p.bad != null) {
          throw new LedgerCorruptException(file.toString(), seq, line.offset, p.bad);
        }
        action.accept(p.entry);
      }
    } catch (ClosedChannelException e) {
      throw new IllegalStateException(file + ": the journal store is closed", e);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot read the credit journal", e);
    }
  }

  @Override
  public void close() {
    writeLock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      try {
        lock.release();
      } catch (IOException e) {
        // closing the channel releases the lock too
      }
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot close the credit journal", e);
    } finally {
      writeLock.unlock();
    }
  }

  @Override
  public String toString() {
    return "FileJournalStore[" + file + ", next seq " + nextSeq() + "]";
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException(file + ": the journal store is closed");
    }
  }

  // ---- the line format ------------------------------------------------------------------------

  /** {@code <crc32c, 8 hex> <seq> <k>/<n> <json>\n}; the checksum covers the bytes after it. */
  private static byte[] encode(List<Entry> entries) {
    int n = entries.size();
    List<byte[]> lines = new ArrayList<>(n);
    int total = 0;
    for (int i = 0; i < n; i++) {
      Entry e = entries.get(i);
      byte[] head = (e.seq() + " " + (i + 1) + "/" + n + " ").getBytes(US_ASCII);
      byte[] json = EntryCodec.encode(e);
      CRC32C crc = new CRC32C();
      crc.update(head);
      crc.update(json);
      byte[] line = new byte[9 + head.length + json.length + 1];
      byte[] hex = String.format("%08x ", crc.getValue()).getBytes(US_ASCII);
      System.arraycopy(hex, 0, line, 0, 9);
      System.arraycopy(head, 0, line, 9, head.length);
      System.arraycopy(json, 0, line, 9 + head.length, json.length);
      line[line.length - 1] = '\n';
      lines.add(line);
      total += line.length;
    }
    byte[] out = new byte[total];
    int at = 0;
    for (byte[] line : lines) {
      System.arraycopy(line, 0, out, at, line.length);
      at += line.length;
    }
    return out;
  }

  /** One line of the file: its bytes without the newline, where it starts, whether it ended. */
  private record Line(byte[] bytes, long offset, boolean terminated) {}

  /** A parsed line: the entry and its part, or why it is bad and whether its checksum holds. */
  private record Parsed(Entry entry, int part, int parts, String bad, boolean checksumHolds) {
    static Parsed bad(String reason, boolean checksumHolds) {
      return new Parsed(null, 0, 0, reason, checksumHolds);
    }
  }

  /** Whether a line {@code <crc32c, 8 hex> <rest>} carries the checksum of its rest. */
  static boolean checksumHolds(byte[] b) {
    if (b.length < 10 || b[8] != ' ') {
      return false;
    }
    long expected = 0;
    for (int i = 0; i < 8; i++) {
      int d = Character.digit(b[i], 16);
      if (d < 0 || Character.isUpperCase(b[i])) {
        return false;
      }
      expected = expected << 4 | d;
    }
    CRC32C crc = new CRC32C();
    crc.update(b, 9, b.length - 9);
    return crc.getValue() == expected;
  }

  /** Parses a line that must hold entry {@code seq}. */
  private static Parsed parse(Line line, long seq) {
    byte[] b = line.bytes;
    if (!checksumHolds(b)) {
      return Parsed.bad(
          b.length == 0 ? "empty line" : "the checksum does not match the record", false);
    }
    if (!line.terminated) {
      return Parsed.bad("the record has no end of line", false);
    }
    int sp1 = indexOf(b, ' ', 9);
    int sp2 = sp1 < 0 ? -1 : indexOf(b, ' ', sp1 + 1);
    if (sp2 < 0) {
      return Parsed.bad("the record has no '<seq> <k>/<n> ' head", true);
    }
    String seqText = new String(b, 9, sp1 - 9, US_ASCII);
    String partText = new String(b, sp1 + 1, sp2 - sp1 - 1, US_ASCII);
    int slash = partText.indexOf('/');
    long recordSeq;
    int part;
    int parts;
    try {
      recordSeq = Long.parseLong(seqText);
      part = Integer.parseInt(partText.substring(0, Math.max(0, slash)));
      parts = Integer.parseInt(partText.substring(slash + 1));
    } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
      return Parsed.bad("the record's head '" + seqText + " " + partText + "' is malformed", true);
    }
    if (recordSeq != seq) {
      return Parsed.bad("the record has seq " + recordSeq + " where seq " + seq + " belongs", true);
    }
    if (part < 1 || part > parts) {
      return Parsed.bad("the record's part " + partText + " is out of range", true);
    }
    Entry entry;
    try {
      entry = EntryCodec.decode(b, sp2 + 1, b.length - sp2 - 1);
    } catch (EntryCodec.DecodeException e) {
      return Parsed.bad("entry " + seq + ": " + e.getMessage(), true);
    }
    if (entry.seq() != seq) {
      return Parsed.bad("the entry has seq " + entry.seq() + " in a record of seq " + seq, true);
    }
    return new Parsed(entry, part, parts, null, true);
  }

  private static int indexOf(byte[] b, char c, int from) {
    for (int i = from; i < b.length; i++) {
      if (b[i] == c) {
        return i;
      }
    }
    return -1;
  }

  // ---- recovery -------------------------------------------------------------------------------

  private static final class Scan {
    long[] index = new long[16];
    int count;
    long committedEnd;
    JournalRecovery.TornTail torn;
  }

  private Scan scan() throws IOException {
    Scan scan = new Scan();
    long size = channel.size();
    LineReader lines = new LineReader(0, size);
    long[] pending = new long[16];
    int pendingCount = 0;
    int expectedPart = 1;
    int groupParts = 0;
    long lineNo = 0;
    long badLine = 0;
    long badOffset = -1;
    String badReason = null;
    for (Line line = lines.next(); line != null; line = lines.next()) {
      lineNo++;
      if (badReason != null) {
        if (line.terminated && checksumHolds(line.bytes)) {
          throw new LedgerCorruptException(
              file.toString(),
              badLine,
              badOffset,
              badReason
                  + ", and a valid record follows at line "
                  + lineNo
                  + ": the journal is damaged, not torn by a crash");
        }
        continue;
      }
      long seq = (long) scan.count + pendingCount + 1;
      Parsed p = parse(line, seq);
      if (p.bad == null
          && (p.part != expectedPart || (expectedPart > 1 && p.parts != groupParts))) {
        p =
            Parsed.bad(
                "the record is part "
                    + p.part
                    + "/"
                    + p.parts
                    + " where part "
                    + expectedPart
                    + (expectedPart > 1 ? "/" + groupParts : "")
                    + " of an append belongs",
                true);
      }
      if (p.bad != null) {
        if (p.checksumHolds && line.terminated) {
          throw new LedgerCorruptException(file.toString(), lineNo, line.offset, p.bad);
        }
        badLine = lineNo;
        badOffset = line.offset;
        badReason = "line " + lineNo + " (byte " + line.offset + "): " + p.bad;
        continue;
      }
      if (scan.count + pendingCount >= MAX_ENTRIES) {
        throw new LedgerCorruptException(
            file.toString(), lineNo, line.offset, "more than " + MAX_ENTRIES + " entries");
      }
      if (pendingCount == pending.length) {
        pending = Arrays.copyOf(pending, pending.length * 2);
      }
      pending[pendingCount++] = line.offset;
      groupParts = p.parts;
      if (p.part == p.parts) {
        scan.index = indexFor(scan.index, scan.count + pendingCount);
        for (int j = 0; j < pendingCount; j++) {
          indexRecord(scan.index, scan.count + j, pending[j]);
        }
        scan.count += pendingCount;
        pendingCount = 0;
        expectedPart = 1;
        scan.committedEnd = line.offset + line.bytes.length + 1;
      } else {
        expectedPart++;
      }
    }
    if (badReason == null && expectedPart > 1) {
      badReason =
          "the append of "
              + groupParts
              + " records that begins at line "
              + (scan.count + 1)
              + " ends after "
              + (expectedPart - 1);
    }
    if (scan.committedEnd < size) {
      scan.torn =
          new JournalRecovery.TornTail(
              scan.count + 1L,
              scan.committedEnd,
              size - scan.committedEnd,
              badReason == null ? "unexpected bytes after the last record" : badReason);
    }
    return scan;
  }

  /** Reads the lines of [from, to) of the file with positional reads (safe beside appends). */
  private final class LineReader {
    private final long to;
    private final ByteBuffer block = ByteBuffer.allocate(BLOCK);
    private long blockStart;
    private long pos;

    LineReader(long from, long to) {
      this.to = to;
      this.pos = from;
      this.blockStart = from;
      block.limit(0);
    }

    /** Moves past the next line without keeping its bytes; false when no newline comes first. */
    boolean skip() throws IOException {
      while (pos < to) {
        if (nextByte() == '\n') {
          return true;
        }
      }
      return false;
    }

    /** The byte at {@code pos}, which must be before {@code to}; moves past it. */
    private byte nextByte() throws IOException {
      int i = (int) (pos - blockStart);
      if (i >= block.limit()) {
        fill();
        i = 0;
      }
      pos++;
      return block.get(i);
    }

    private void fill() throws IOException {
      block.clear();
      blockStart = pos;
      block.limit((int) Math.min(BLOCK, to - pos));
      while (block.hasRemaining()) {
        if (channel.read(block, blockStart + block.position()) < 0) {
          throw new IOException(
              file + ": the file ended early at byte " + (blockStart + block.position()));
        }
      }
      block.flip();
    }

    Line next() throws IOException {
      if (pos >= to) {
        return null;
      }
      long start = pos;
      byte[] acc = new byte[64];
      int len = 0;
      while (pos < to) {
        byte c = nextByte();
        if (c == '\n') {
          return new Line(Arrays.copyOf(acc, len), start, true);
        }
        if (len == acc.length) {
          acc = Arrays.copyOf(acc, len * 2);
        }
        acc[len++] = c;
      }
      return new Line(Arrays.copyOf(acc, len), start, false);
    }
  }

  static void forceDirectory(Path dir) {
    if (dir == null) {
      return;
    }
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // some platforms cannot open or force a directory; the file's own force still holds
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
