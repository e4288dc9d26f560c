package org.gridgov.credit;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_16BE;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.ObjLongConsumer;
import java.util.zip.CRC32C;

/**
 * Every resident's balance (and level) computed straight from a file journal, without {@link Entry}
 * objects or statements: the fast path for replaying a large ledger whose entries were checked when
 * they were written (the ledger service checks every entry against the replayed state before it
 * appends it). Immutable and thread-safe.
 *
 * <p>{@link #fromJournal(Path, CreditScheme)} scans the journal file (docs/credit-storage.md, "The
 * journal") with a byte scanner over a 256 KB read buffer: it verifies every record's CRC32C, its
 * head ({@code <seq> <k>/<n>}, seq without gaps, appends complete) and the JSON members it uses,
 * and keeps only primitive state — residents interned to {@code int} indexes, per seq one {@code
 * long} (what a recognition, deduction or redemption and the repairs and corrections that concern
 * it count now, or a repair's or correction's root entry). It applies the effective rules of {@link
 * CreditReplay} exactly: balance = the scheme's {@code start} + what every entry counts; a repair
 * restores all that remains of its deduction unless its {@code points} says less; a correction
 * counts its points; a voided or expired entry counts zero from then on, and so do its repairs and
 * corrections. It does <em>not</em> re-check the scheme's rules (ranges, caps, appeal windows, the
 * floor): use {@link CreditReplay} to check a ledger, or for statements.
 *
 * <p>A line in exactly the layout {@link FileJournalStore} writes is read on an exact path (its
 * fixed parts, checksum, numbers and strings eight bytes at a time, residents looked up in
 * batches); any other line — other member order, whitespace, escapes, damage — is read by a general
 * scanner that accepts members in any order and hands what it cannot read in place to the store's
 * decoder. Both give the same result for every line (CreditBalancesExactTest).
 *
 * <p>A damaged record — a checksum that does not hold, a malformed head or JSON, a seq out of
 * place, a last record without its newline, an incomplete last append — is refused with a {@link
 * LedgerCorruptException} giving its line and byte offset, as the store's recovery does; nothing is
 * skipped. A torn tail left by a crash is refused too (opening the journal with {@link
 * FileJournalStore#open} removes it).
 */
public final class CreditBalances {
  private final CreditScheme scheme;
  private final Optional<Instant> asOf;
  private final long entries;
  private final Residents residents;

  /** How many lines the store's decoder read (escapes, non-ASCII ids): for tests. */
  final long slowLines;

  /** How many lines the general scanner read (not the store's exact layout): for tests. */
  final long generalLines;

  /**
   * The system property that, set to {@code true}, turns the exact-layout path off so every line
   * goes through the general scanner: for the same-run baseline in benchmarks/.
   */
  static final String GENERAL_SCANNER_PROPERTY = "gridgov.credit.balances.generalScanner";

  private CreditBalances(CreditScheme scheme, Optional<Instant> asOf, Scanner s) {
    this.scheme = scheme;
    this.asOf = asOf;
    this.entries = s.count;
    this.residents = s.residents;
    this.slowLines = s.slowLines;
    this.generalLines = s.generalLines;
  }

  /**
   * Every resident's balance after the whole journal.
   *
   * @param journal the journal file (it may be open in a {@link FileJournalStore}: the scan reads
   *     the bytes committed when it starts)
   * @param scheme the scheme the entries were made under ({@code start} and levels)
   * @return the balances
   * @throws LedgerCorruptException at the first damaged record, with its line and byte offset
   * @throws UncheckedIOException when the file cannot be read
   */
  public static CreditBalances fromJournal(Path journal, CreditScheme scheme) {
    return fromJournal(journal, scheme, Optional.empty());
  }

  /**
   * Every resident's balance as of an instant: the scan stops before the first entry made after
   * {@code asOf}, as {@link CreditReplay#replay(CreditScheme, EntryLog, ReplayOptions)} does.
   *
   * @param journal the journal file
   * @param scheme the scheme the entries were made under
   * @param asOf when given, only the entries made at or before it count
   * @return the balances
   * @throws LedgerCorruptException at the first damaged record, with its line and byte offset
   * @throws UncheckedIOException when the file cannot be read
   */
  public static CreditBalances fromJournal(
      Path journal, CreditScheme scheme, Optional<Instant> asOf) {
    Objects.requireNonNull(journal, "journal");
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(asOf, "asOf");
    return scan(
        journal, scheme, asOf, !Boolean.getBoolean(GENERAL_SCANNER_PROPERTY), DEFAULT_BUFFER);
  }

  /**
   * The scan, with the exact-layout path on or off and the largest read buffer: for tests (lines
   * across buffer boundaries) and the benchmark's baseline.
   */
  static CreditBalances scan(
      Path journal, CreditScheme scheme, Optional<Instant> asOf, boolean exact, int buffer) {
    try (FileChannel ch = FileChannel.open(journal, StandardOpenOption.READ)) {
      Scanner s = new Scanner(journal.toString(), scheme.start(), asOf, exact, buffer);
      s.scan(ch);
      return new CreditBalances(scheme, asOf, s);
    } catch (IOException e) {
      throw new UncheckedIOException(journal + ": cannot read the credit journal", e);
    }
  }

  /**
   * How many entries count (all the journal's, or those up to {@code asOf}).
   *
   * @return the number of entries replayed
   */
  public long entries() {
    return entries;
  }

  /**
   * The instant the balances are as of, when one was given.
   *
   * @return the instant
   */
  public Optional<Instant> asOf() {
    return asOf;
  }

  /**
   * How many residents have at least one entry.
   *
   * @return the number of residents
   */
  public int residents() {
    return residents.size;
  }

  /**
   * Whether a resident has at least one entry.
   *
   * @param resident the resident's id
   * @return true when the resident has entries
   */
  public boolean has(String resident) {
    Objects.requireNonNull(resident, "resident");
    byte[] key = Residents.key(resident);
    return residents.find(key, 0, key.length) >= 0;
  }

  /**
   * A resident's balance.
   *
   * @param resident the resident's id
   * @return the balance, the scheme's {@code start} for a resident without entries
   */
  public long balance(String resident) {
    Objects.requireNonNull(resident, "resident");
    return residents.balance(Residents.key(resident), scheme.start());
  }

  /**
   * A resident's level ({@link CreditScheme#levelOf}).
   *
   * @param resident the resident's id
   * @return the level of the resident's balance
   */
  public CreditLevel level(String resident) {
    return scheme.levelOf(balance(resident));
  }

  /**
   * Calls an action with every resident that has entries and the resident's balance, in no
   * particular order.
   *
   * @param action called with each resident's id and balance
   */
  public void forEach(ObjLongConsumer<String> action) {
    Objects.requireNonNull(action, "action");
    long[] table = residents.table;
    for (int s = 0; s < table.length; s += 2) {
      if (table[s] != 0) {
        action.accept(residents.name(s), table[s + 1]);
      }
    }
  }

  /**
   * The balances as a map sorted by resident id (one boxed entry per resident: for tests and small
   * ledgers).
   *
   * @return resident id → balance, unmodifiable
   */
  public Map<String, Long> toMap() {
    Map<String, Long> out = new TreeMap<>();
    forEach(out::put);
    return Collections.unmodifiableMap(out);
  }

  @Override
  public String toString() {
    return "CreditBalances[" + entries + " entries, " + residents.size + " residents]";
  }

  // ------------------------------------------------------------------ residents

  /**
   * Residents in an open-addressing table of {@code long} pairs {@code [key, balance]}, so that
   * finding a resident and changing its balance touch one cache line. A resident's id bytes are its
   * id when the id is printable ASCII, else a 0 byte and the id's UTF-16 code units (so the id
   * bytes of a JSON string without escapes are its raw bytes). An id of at most 8 printable ASCII
   * bytes is its own key (the bytes packed, little-endian); a longer one is kept in a byte array
   * and its key is a mark bit, 23 bits of its hash and its offset there.
   */
  static final class Residents {
    private static final long LONG_ID = 1L << 63;
    private static final long OFFSET = (1L << 40) - 1;
    private static final long TAG = ~OFFSET;

    int size;
    long[] table = new long[2 << 10];

    /** 64 − log2(the table's pairs): a key's home pair is the top bits of its spread hash. */
    int shift = 64 - 10;

    byte[] names = new byte[1024];
    int namesLength;

    static byte[] key(String id) {
      boolean ascii = true;
      for (int i = 0; i < id.length() && ascii; i++) {
        char c = id.charAt(i);
        ascii = c >= 0x20 && c < 0x7f;
      }
      if (ascii) {
        return id.getBytes(US_ASCII);
      }
      byte[] utf16 = id.getBytes(UTF_16BE);
      byte[] k = new byte[utf16.length + 1];
      System.arraycopy(utf16, 0, k, 1, utf16.length);
      return k;
    }

    /** The packed key of a short printable-ASCII id, or 0. */
    private static long packed(byte[] b, int from, int to) {
      if (to - from > 8) {
        return 0;
      }
      long k = 0;
      for (int i = to - 1; i >= from; i--) {
        int c = b[i];
        if (c < 0x20 || c >= 0x7f) {
          return 0;
        }
        k = k << 8 | c;
      }
      return k;
    }

    private static int hash(byte[] b, int from, int to) {
      int h = 1;
      for (int i = from; i < to; i++) {
        h = 31 * h + b[i];
      }
      return (int) (spread(h) >>> 32);
    }

    /**
     * A 64-bit hash whose top bits depend on every bit of {@code x}; a key's home pair in the table
     * is its top bits. (The hash before, the low bits of {@code x * φ} folded once, ignored the
     * packed key's last byte, so ids that differ only in their last character — {@code r1234560} …
     * {@code r1234569} — shared a home and the probes ran through their clusters.)
     */
    static long spread(long x) {
      x *= 0x9E3779B97F4A7C15L;
      x ^= x >>> 32;
      return x * 0xD6E8FEB86659FD93L;
    }

    /** The index in {@link #table} of the home pair of a spread hash. */
    int home(long spread) {
      return (int) (spread >>> shift) << 1;
    }

    /** The balance of a resident, or {@code absent}. */
    long balance(byte[] id, long absent) {
      int s = find(id, 0, id.length);
      return s < 0 ? absent : table[s + 1];
    }

    /** The index in {@link #table} of a resident's key, or -1. */
    int find(byte[] b, int from, int to) {
      int mask = table.length - 2;
      long k = packed(b, from, to);
      if (k != 0) {
        for (int s = home(spread(k)); ; s = (s + 2) & mask) {
          long v = table[s];
          if (v == k) {
            return s;
          }
          if (v == 0) {
            return -1;
          }
        }
      }
      int h = hash(b, from, to);
      long tag = LONG_ID | (long) (h & 0x7FFFFF) << 40;
      for (int s = home(spread(h)); ; s = (s + 2) & mask) {
        long v = table[s];
        if (v == 0) {
          return -1;
        }
        if ((v & TAG) == tag && same((int) (v & OFFSET), b, from, to)) {
          return s;
        }
      }
    }

    private boolean same(int at, byte[] b, int from, int to) {
      int len = readInt(at);
      return len == to - from && Arrays.equals(names, at + 4, at + 4 + len, b, from, to);
    }

    private int readInt(int at) {
      return (names[at] & 0xff) << 24
          | (names[at + 1] & 0xff) << 16
          | (names[at + 2] & 0xff) << 8
          | (names[at + 3] & 0xff);
    }

    /**
     * The index in {@link #table} of a resident's key, the resident added with balance {@code
     * start} when new. The index holds until the next call.
     */
    int intern(byte[] b, int from, int to, long start) {
      int s = find(b, from, to);
      if (s >= 0) {
        return s;
      }
      if ((size + 1) * 8L > (table.length / 2) * 5L) { // load over 5/8
        rehash();
      }
      long k = packed(b, from, to);
      int mask = table.length - 2;
      int at;
      if (k != 0) {
        at = home(spread(k));
      } else {
        int h = hash(b, from, to);
        int len = to - from;
        if (namesLength + 4L + len > Integer.MAX_VALUE - 8) {
          throw new IllegalStateException("resident ids over 2 GB in all");
        }
        if (namesLength + 4 + len > names.length) {
          names =
              Arrays.copyOf(
                  names,
                  (int)
                      Math.min(
                          Integer.MAX_VALUE - 8,
                          Math.max(names.length * 2L, namesLength + 4L + len)));
        }
        names[namesLength] = (byte) (len >>> 24);
        names[namesLength + 1] = (byte) (len >>> 16);
        names[namesLength + 2] = (byte) (len >>> 8);
        names[namesLength + 3] = (byte) len;
        System.arraycopy(b, from, names, namesLength + 4, len);
        k = LONG_ID | (long) (h & 0x7FFFFF) << 40 | namesLength;
        namesLength += 4 + len;
        at = home(spread(h));
      }
      while (table[at] != 0) {
        at = (at + 2) & mask;
      }
      table[at] = k;
      table[at + 1] = start;
      size++;
      return at;
    }

    /** Grows the table now so that {@code n} more residents fit without a rehash. */
    void reserve(int n) {
      while ((size + (long) n) * 8L > (table.length / 2) * 5L) {
        rehash();
      }
    }

    /**
     * The index in {@link #table} of the resident with a packed key (a short printable-ASCII id),
     * added with balance {@code start} when new; {@link #reserve} must have made room.
     */
    int internPacked(long k, long start) {
      long[] t = table;
      int mask = t.length - 2;
      for (int s = home(spread(k)); ; s = (s + 2) & mask) {
        long v = t[s];
        if (v == k) {
          return s;
        }
        if (v == 0) {
          t[s] = k;
          t[s + 1] = start;
          size++;
          return s;
        }
      }
    }

    private long spreadOf(long key) {
      if (key < 0) {
        int at = (int) (key & OFFSET);
        return spread(hash(names, at + 4, at + 4 + readInt(at)));
      }
      return spread(key);
    }

    private void rehash() {
      long[] old = table;
      long[] n = new long[old.length * 2];
      int mask = n.length - 2;
      shift--;
      for (int i = 0; i < old.length; i += 2) {
        long k = old[i];
        if (k != 0) {
          int s = home(spreadOf(k));
          while (n[s] != 0) {
            s = (s + 2) & mask;
          }
          n[s] = k;
          n[s + 1] = old[i + 1];
        }
      }
      table = n;
    }

    /** The id of the resident whose key is at {@code s}. */
    String name(int s) {
      long k = table[s];
      if (k >= 0) {
        byte[] b = new byte[8];
        int len = 0;
        for (; k != 0; k >>>= 8) {
          b[len++] = (byte) k;
        }
        return new String(b, 0, len, US_ASCII);
      }
      int at = (int) (k & OFFSET);
      int len = readInt(at);
      if (len > 0 && names[at + 4] == 0) {
        return new String(names, at + 5, len - 1, UTF_16BE);
      }
      return new String(names, at + 4, len, US_ASCII);
    }
  }

  // ------------------------------------------------------------------ the scan

  /** Member bits, for duplicates and missing members. */
  private static final int SEQ = 1;

  private static final int AT = 2;
  private static final int RESIDENT = 4;
  private static final int KIND = 8;
  private static final int RULE = 16;
  private static final int POINTS = 32;
  private static final int BY = 64;
  private static final int REFERS_TO = 128;
  private static final int EVIDENCE = 256;
  private static final int REQUIRED = SEQ | AT | RESIDENT | KIND | POINTS | BY;

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final EntryKind[] KINDS = EntryKind.values();
  private static final byte[][] KIND_NAMES = new byte[KINDS.length][];

  static {
    for (int i = 0; i < KINDS.length; i++) {
      KIND_NAMES[i] = KINDS[i].name().getBytes(US_ASCII);
    }
  }

  /** Entries per chunk of the per-seq state (8 MB chunks). */
  private static final int CHUNK_BITS = 20;

  private static final int CHUNK = 1 << CHUNK_BITS;
  private static final int MAX_ENTRIES = Integer.MAX_VALUE - 8;

  /**
   * The read buffer (it grows beyond for a longer line). Small enough to stay in the core's L2
   * cache: the kernel's copy into a 16 MB buffer cost twice as much CPU (benchmarks/RESULTS.md,
   * round 3).
   */
  static final int DEFAULT_BUFFER = 256 << 10;

  /** Bytes after the buffer's data, so that 8-byte reads near its end stay inside the array. */
  private static final int SLACK = 16;

  /** Lines read before their residents are looked up together (so that cache misses overlap). */
  private static final int BATCH = 64;

  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long QUOTES = 0x2222222222222222L;
  private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;
  private static final long DELS = 0x7F7F7F7F7F7F7F7FL;

  /** Kinds by their names' length and first and second eight bytes (little-endian, padded 0). */
  private static final int[] KIND_LENGTH = new int[KINDS.length];

  private static final long[] KIND_WORD0 = new long[KINDS.length];
  private static final long[] KIND_WORD1 = new long[KINDS.length];

  /**
   * A kind's index by a perfect hash of its name's first eight bytes ({@code (w0 * multiplier) >>>
   * shift}), -1 in the empty slots; the multiplier is the first odd one that separates the kinds.
   */
  private static final int KIND_HASH_SHIFT = 64 - 6;

  private static final int[] KIND_BY_HASH = new int[1 << 6];
  private static final long KIND_MULTIPLIER;

  // the fixed parts of the store's layout, little-endian
  private static final long SEQ_NAME = word("{\"seq\":"); // 7 bytes
  private static final long AT_NAME = word(",\"at\":\""); // 7 bytes
  private static final long RESIDENT_NAME0 = word(",\"reside"); // 8 bytes
  private static final long RESIDENT_NAME1 = word("nt\":\""); // 5 bytes
  private static final long KIND_NAME = word("\",\"kind\""); // 8 bytes, then :"
  private static final long RULE_NAME = word("\",\"rule\""); // 8 bytes, then :"
  private static final long POINTS_NAME0 = word("\",\"point"); // 8 bytes, then s":
  private static final long BY_NAME = word(",\"by\":\""); // 7 bytes
  private static final long REFERS_NAME0 = word(",\"refers"); // 12 bytes
  private static final long REFERS_NAME1 = word("To\":"); // 4 bytes
  private static final long EVIDENCE_NAME0 = word(",\"eviden"); // 13 bytes
  private static final long EVIDENCE_NAME1 = word("ce\":\""); // 5 bytes

  static {
    for (int k = 0; k < KINDS.length; k++) {
      String n = KINDS[k].name();
      KIND_LENGTH[k] = n.length();
      KIND_WORD0[k] = word(n.substring(0, Math.min(8, n.length())));
      KIND_WORD1[k] = n.length() > 8 ? word(n.substring(8, Math.min(16, n.length()))) : 0;
      if (n.length() > 16) {
        throw new ExceptionInInitializerError("entry kind names longer than 16 bytes");
      }
    }
    long m = 0x9E3779B97F4A7C15L;
    while (!kindHashSeparates(m)) {
      m += 2;
    }
    KIND_MULTIPLIER = m;
    Arrays.fill(KIND_BY_HASH, -1);
    for (int k = 0; k < KINDS.length; k++) {
      KIND_BY_HASH[(int) ((KIND_WORD0[k] * m) >>> KIND_HASH_SHIFT)] = k;
    }
  }

  private static boolean kindHashSeparates(long multiplier) {
    long seen = 0;
    for (long w : KIND_WORD0) {
      long bit = 1L << ((w * multiplier) >>> KIND_HASH_SHIFT);
      if ((seen & bit) != 0) {
        return false;
      }
      seen |= bit;
    }
    return true;
  }

  /**
   * The value of eight lowercase hex digits packed little-endian (the first the most significant),
   * or -1 when a byte is not one.
   */
  static long hex8(long w) {
    // a digit's value is its low nibble, plus 9 for a letter (bit 6 set: 'a' … 'f' are 0x61 … 0x66)
    long v = (w & 0x0F0F0F0F0F0F0F0FL) + ((w >>> 6) & ONES) * 9;
    // every value is 0 … 24 here; spelled back as a lowercase digit, it must be the byte read
    long letters = ((v + 0x7676767676767676L) & HIGHS) >>> 7; // 1 where the value is over 9
    if (v + 0x3030303030303030L + letters * 0x27 != w || (v & 0xF0F0F0F0F0F0F0F0L) != 0) {
      return -1;
    }
    long t = Long.reverseBytes(v);
    t = (t | t >>> 4) & 0x00FF00FF00FF00FFL;
    t = (t | t >>> 8) & 0x0000FFFF0000FFFFL;
    return (t | t >>> 16) & 0xFFFFFFFFL;
  }

  /** Up to eight ASCII characters packed little-endian. */
  private static long word(String text) {
    long w = 0;
    for (int i = text.length() - 1; i >= 0; i--) {
      w = w << 8 | text.charAt(i);
    }
    return w;
  }

  /** The mask of the low {@code n} bytes of a long, 0 ≤ n ≤ 8. */
  private static long lowBytes(int n) {
    return n >= 8 ? -1L : (1L << (n << 3)) - 1;
  }

  /** The bytes {@code b[i, i+8)} little-endian. */
  private static long word(byte[] b, int i) {
    return (long) LONGS.get(b, i);
  }

  /** Powers of ten up to 10^8. */
  private static final long[] POWERS = {
    1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000
  };

  /** How many of the low bytes of {@code w} are ASCII digits before the first other byte (0–8). */
  static int digits(long w) {
    // a byte's high bit: set when it is above '9' (the addition) or below '0' (the subtraction);
    // a carry or borrow only goes up from such a byte, so the lowest flagged byte is exact
    long other = ((w + 0x4646464646464646L) | (w - 0x3030303030303030L)) & HIGHS;
    return Long.numberOfTrailingZeros(other) >>> 3;
  }

  /** The value of the {@code n} (0–8) ASCII digits in the low bytes of {@code w}. */
  static long digitsValue(long w, int n) {
    if (n == 0) {
      return 0;
    }
    long v = (w << ((8 - n) << 3)) & 0x0F0F0F0F0F0F0F0FL;
    v = (v * 10 + (v >>> 8)) & 0x00FF00FF00FF00FFL;
    v = (v * 100 + (v >>> 16)) & 0x0000FFFF0000FFFFL;
    return (v * 10000 + (v >>> 32)) & 0xFFFFFFFFL;
  }

  /** The high bit of every zero byte of {@code x} (the lowest one exact, higher ones maybe not). */
  private static long zeroBytes(long x) {
    return (x - ONES) & ~x & HIGHS;
  }

  /** The scanner's state: one instance per scan, not thread-safe. */
  static final class Scanner {
    final String source;
    final long start;
    final Optional<Instant> asOf;
    final Residents residents = new Residents();
    final CRC32C crc = new CRC32C();

    /**
     * Per seq: for a repair or correction (bit set in {@link #dependent}) the seq of its root
     * entry; for any other entry what it and its repairs and corrections count now.
     */
    long[][] value = new long[16][];

    long[] dependent = new long[1 << 10];

    /** The sum of the corrections of a root entry's repairs and corrections, by root seq. */
    final LongSums corrected = new LongSums();

    long count;
    long slowLines;
    boolean stopped;
    // the entry being scanned
    long seq;
    int kind;
    long points;
    long refersTo;
    int resident;
    int part;
    int parts;
    int expectedPart = 1;
    int groupParts;
    long committedEntries;
    long groupOffset;

    /** Whether lines in the store's exact layout take the exact path. */
    final boolean exact;

    final int bufferSize;
    long generalLines;

    // the batch of lines read by the exact path whose residents are not looked up yet
    final long[] batchKey = new long[BATCH];
    final int[] batchFrom = new int[BATCH];
    final int[] batchTo = new int[BATCH];
    final int[] batchKind = new int[BATCH];
    final long[] batchPoints = new long[BATCH];
    final long[] batchRef = new long[BATCH];
    final int[] batchSlot = new int[BATCH];
    long batchSeq; // seq of the batch's first line
    long touched; // keeps the touching loads
    int batched;

    Scanner(String source, long start, Optional<Instant> asOf, boolean exact, int bufferSize) {
      this.source = source;
      this.start = start;
      this.asOf = asOf;
      // the exact path does not read 'at': as of an instant, every line takes the general path
      this.exact = exact && asOf.isEmpty();
      this.bufferSize = bufferSize;
    }

    void scan(FileChannel ch) throws IOException {
      long size = ch.size();
      byte[] buf = new byte[(int) Math.max(64, Math.min(bufferSize, size)) + SLACK];
      ByteBuffer bb = ByteBuffer.wrap(buf);
      long bufStart = 0; // file offset of buf[0]
      int len = 0;
      int p = 0;
      int scanFrom = 0; // where to look for the newline of the line at p
      long filePos = 0;
      while (!stopped) {
        if (exact) {
          int q = p;
          for (int next; (next = exactLine(buf, q, len, bufStart)) >= 0; ) {
            q = next;
            if (batched == BATCH) {
              flush(buf);
            }
          }
          if (q != p) {
            p = q;
            scanFrom = q;
          }
          flush(buf);
        }
        int nl = newline(buf, scanFrom, len);
        if (nl < 0) {
          if (filePos >= size) {
            if (p < len) {
              throw corrupt(
                  count + 1,
                  bufStart + p,
                  "the record has no end of line (a torn tail: opening the journal with"
                      + " FileJournalStore removes it)");
            }
            break;
          }
          // keep the partial line, read more
          if (p > 0) {
            System.arraycopy(buf, p, buf, 0, len - p);
            bufStart += p;
            len -= p;
            p = 0;
          }
          if (len == buf.length - SLACK) {
            buf = Arrays.copyOf(buf, (buf.length - SLACK) * 2 + SLACK);
            bb = ByteBuffer.wrap(buf);
          }
          scanFrom = len;
          bb.limit((int) Math.min(buf.length - SLACK, len + (size - filePos)));
          bb.position(len);
          int n = ch.read(bb, filePos);
          if (n < 0) {
            size = filePos; // the file shrank
            continue;
          }
          filePos += n;
          len += n;
          continue;
        }
        generalLines++;
        line(buf, p, nl, bufStart + p);
        p = nl + 1;
        scanFrom = p;
      }
      if (!stopped && expectedPart > 1) {
        throw corrupt(
            committedEntries + 1,
            groupOffset,
            "the append of "
                + groupParts
                + " records that begins at line "
                + (committedEntries + 1)
                + " ends after "
                + (expectedPart - 1)
                + " (a torn tail: opening the journal with FileJournalStore removes it)");
      }
    }

    /** The index of the first newline in {@code b[from, to)}, or -1; eight bytes at a time. */
    static int newline(byte[] b, int from, int to) {
      int i = from;
      for (; i + 8 <= to; i += 8) {
        long x = (long) LONGS.get(b, i) ^ 0x0A0A0A0A0A0A0A0AL;
        long zero = (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
        if (zero != 0) {
          return i + (Long.numberOfTrailingZeros(zero) >>> 3);
        }
      }
      for (; i < to; i++) {
        if (b[i] == '\n') {
          return i;
        }
      }
      return -1;
    }

    // ---------------------------------------------------------------- the exact layout

    /**
     * Reads the line at {@code p} when it is a valid record in exactly the layout the store writes
     * — {@code <crc> <seq> <k>/<n> {"seq":S,"at":"A","resident":"R","kind":"K"[,"rule":"U"],
     * "points":P,"by":"B"[,"refersTo":F][,"evidence":"E"]}} and a newline before {@code len}, with
     * a resident of printable ASCII, strings without escapes or control characters, plain numbers,
     * its checksum holding, its seq and part where they belong — and adds it to the batch. Returns
     * the index after its newline, or -1 without any effect for any other line (the general scanner
     * then reads it, and reports it when it is damaged). Reads eight bytes at a time where it can;
     * reads past {@code len} (inside the buffer's slack) only look at bytes before the newline it
     * finds, which must be before {@code len}.
     */
    int exactLine(byte[] b, int p, int len, long bufStart) {
      if (p + 9 >= len) {
        return -1;
      }
      // checksum: eight lowercase hex digits and a space
      long expected = hex8(word(b, p));
      if (expected < 0 || b[p + 8] != ' ') {
        return -1;
      }
      // head: <seq> <k>/<n> with seq = the next line, plain digits, eight at a time
      long line = count + 1;
      int seqFrom = p + 9;
      long seqWord0 = word(b, seqFrom);
      int seqDigits = digits(seqWord0);
      long sq;
      long seqWord1 = 0;
      if (seqDigits < 8) {
        sq = digitsValue(seqWord0, seqDigits);
      } else {
        seqWord1 = word(b, seqFrom + 8);
        int more = digits(seqWord1);
        if (more == 8) {
          return -1; // over 16 digits: the general scanner
        }
        sq = digitsValue(seqWord0, 8) * POWERS[more] + digitsValue(seqWord1, more);
        seqDigits += more;
      }
      int i = seqFrom + seqDigits;
      if (seqDigits == 0
          || b[seqFrom] == '0'
          || sq != line
          || line > MAX_ENTRIES
          || i >= len
          || b[i] != ' ') {
        return -1;
      }
      i++;
      long w = word(b, i);
      int kDigits = digits(w);
      int k = (int) digitsValue(w, kDigits);
      i += kDigits;
      if (kDigits == 0 || kDigits == 8 || i >= len || b[i] != '/') {
        return -1;
      }
      i++;
      w = word(b, i);
      int nDigits = digits(w);
      int n = (int) digitsValue(w, nDigits);
      i += nDigits;
      if (nDigits == 0
          || nDigits == 8
          || i >= len
          || b[i] != ' '
          || k < 1
          || k > n
          || k != expectedPart
          || (expectedPart > 1 && n != groupParts)) {
        return -1;
      }
      int json = ++i;
      // {"seq":S, with S the head's digits
      if (i + 7 + seqDigits >= len
          || (word(b, i) & lowBytes(7)) != SEQ_NAME
          || ((word(b, i + 7) ^ seqWord0) & lowBytes(seqDigits)) != 0
          || (seqDigits > 8 && ((word(b, i + 15) ^ seqWord1) & lowBytes(seqDigits - 8)) != 0)) {
        return -1;
      }
      i += 7 + seqDigits;
      // ,"at":"A"
      if (i >= len || (word(b, i) & lowBytes(7)) != AT_NAME) {
        return -1;
      }
      i = stringEnd(b, i + 7, len, true);
      // ","resident":"R"
      if (i < 0 || i + 14 >= len || b[i] != '"') {
        return -1;
      }
      i++;
      if (word(b, i) != RESIDENT_NAME0 || (word(b, i + 8) & lowBytes(5)) != RESIDENT_NAME1) {
        return -1;
      }
      int resFrom = i + 13;
      int resTo = stringEnd(b, resFrom, len, true);
      if (resTo <= resFrom || b[resFrom] == ' ') {
        return -1;
      }
      int resLength = resTo - resFrom;
      long key = resLength <= 8 ? word(b, resFrom) & lowBytes(resLength) : 0;
      // ","kind":"K"
      i = resTo;
      if (i + 10 >= len || word(b, i) != KIND_NAME || b[i + 8] != ':' || b[i + 9] != '"') {
        return -1;
      }
      int kindFrom = i + 10;
      int kindTo = stringEnd(b, kindFrom, len, true);
      if (kindTo < 0) {
        return -1;
      }
      int kindLength = kindTo - kindFrom;
      if (kindLength > 16) {
        return -1;
      }
      long w0 = word(b, kindFrom) & lowBytes(kindLength);
      int kd = KIND_BY_HASH[(int) ((w0 * KIND_MULTIPLIER) >>> KIND_HASH_SHIFT)];
      if (kd < 0
          || KIND_LENGTH[kd] != kindLength
          || KIND_WORD0[kd] != w0
          || KIND_WORD1[kd]
              != (kindLength > 8 ? word(b, kindFrom + 8) & lowBytes(kindLength - 8) : 0)) {
        return -1;
      }
      // [","rule":"U"]","points":P
      i = kindTo;
      if (i + 11 >= len) {
        return -1;
      }
      w = word(b, i);
      if (w == RULE_NAME && b[i + 8] == ':' && b[i + 9] == '"') {
        i = stringEnd(b, i + 10, len, false);
        if (i < 0 || i + 11 >= len) {
          return -1;
        }
        w = word(b, i);
      }
      if (w != POINTS_NAME0 || b[i + 8] != 's' || b[i + 9] != '"' || b[i + 10] != ':') {
        return -1;
      }
      i = plainNumber(b, i + 11, len);
      if (i < 0 || i >= len || b[i] != ',') {
        return -1;
      }
      long pts = number;
      // ,"by":"B" — B starts with a visible ASCII character, so it is not blank
      if (i + 8 >= len
          || (word(b, i) & lowBytes(7)) != BY_NAME
          || b[i + 7] <= ' '
          || b[i + 7] == '"') {
        return -1;
      }
      i = stringEnd(b, i + 7, len, false);
      if (i < 0 || i + 1 >= len) {
        return -1;
      }
      i++; // after the closing quote
      // [,"refersTo":F][,"evidence":"E"]}
      long ref = 0;
      boolean refers = false;
      if (b[i] == ',' && i + 12 < len && word(b, i) == REFERS_NAME0) {
        if ((word(b, i + 8) & lowBytes(4)) != REFERS_NAME1) {
          return -1;
        }
        i = plainNumber(b, i + 12, len);
        if (i < 0 || i >= len) {
          return -1;
        }
        ref = number;
        refers = true;
      }
      if (b[i] == ',') {
        if (i + 14 >= len
            || word(b, i) != EVIDENCE_NAME0
            || (word(b, i + 8) & lowBytes(5)) != EVIDENCE_NAME1) {
          return -1;
        }
        i = stringEnd(b, i + 13, len, false);
        if (i < 0) {
          return -1;
        }
        i++;
      }
      if (i + 1 >= len || b[i] != '}' || b[i + 1] != '\n') {
        return -1;
      }
      if (refers != KINDS[kd].refersToAnEntry() || (refers && (ref < 1 || ref >= line))) {
        return -1;
      }
      crc.reset();
      crc.update(b, p + 9, i + 1 - (p + 9));
      if (crc.getValue() != expected) {
        return -1;
      }
      // the line holds: take it
      if (batched == 0) {
        batchSeq = line;
      }
      int j = batched++;
      batchKey[j] = key;
      batchFrom[j] = resFrom;
      batchTo[j] = resTo;
      batchKind[j] = kd;
      batchPoints[j] = pts;
      batchRef[j] = ref;
      groupParts = n;
      if (k == 1) {
        groupOffset = bufStart + p;
      }
      if (k == n) {
        expectedPart = 1;
        committedEntries = line;
      } else {
        expectedPart++;
      }
      count = line;
      return i + 2;
    }

    /**
     * Looks up the residents of the batch (one after the other, so that their cache misses
     * overlap), then applies its entries in order.
     */
    void flush(byte[] b) {
      int n = batched;
      if (n == 0) {
        return;
      }
      Residents r = residents;
      r.reserve(n);
      // touch every slot first: loads without branches between them, so their misses overlap
      long[] t = r.table;
      long touched = 0;
      for (int j = 0; j < n; j++) {
        touched += t[r.home(Residents.spread(batchKey[j]))];
        long ref = batchRef[j];
        if (ref != 0 && ref < batchSeq) { // an entry of the batch has no state yet
          touched += value[(int) (ref >>> CHUNK_BITS)][(int) (ref & (CHUNK - 1))];
        }
      }
      this.touched = touched;
      for (int j = 0; j < n; j++) {
        long key = batchKey[j];
        batchSlot[j] =
            key != 0 ? r.internPacked(key, start) : r.intern(b, batchFrom[j], batchTo[j], start);
      }
      for (int j = 0; j < n; j++) {
        seq = batchSeq + j;
        kind = batchKind[j];
        points = batchPoints[j];
        refersTo = batchRef[j];
        resident = batchSlot[j];
        apply();
      }
      batched = 0;
    }

    /**
     * The index of the closing quote of a JSON string whose content begins at {@code i}, or -1 when
     * a byte before it is a control character or a backslash (or, with {@code ascii}, not printable
     * ASCII) or no quote comes before {@code len}. Eight bytes at a time.
     */
    static int stringEnd(byte[] b, int i, int len, boolean ascii) {
      for (; i < len; i += 8) {
        long w = word(b, i);
        long quote = zeroBytes(w ^ QUOTES);
        // bytes below 0x20 (the lowest flagged one exact), backslashes
        long bad = ((w - ONES * 0x20) & ~w & HIGHS) | zeroBytes(w ^ BACKSLASHES);
        if (ascii) {
          bad |= (w & HIGHS) | zeroBytes(w ^ DELS);
        }
        if (quote != 0) {
          if ((bad & ((quote & -quote) - 1)) != 0) {
            return -1;
          }
          int end = i + (Long.numberOfTrailingZeros(quote) >>> 3);
          return end < len ? end : -1;
        }
        if (bad != 0) {
          return -1;
        }
      }
      return -1;
    }

    /**
     * A JSON integer in its plain form of at most 18 digits at {@code i}: sets {@link #number},
     * returns the index after it, or -1.
     */
    private int plainNumber(byte[] b, int i, int len) {
      // a number whose end is in the eight bytes read at once; longer ones byte by byte
      long w = word(b, i);
      boolean minus = (w & 0xff) == '-';
      if (minus) {
        w >>>= 8;
      }
      int n = digits(w);
      int end = i + (minus ? 1 : 0) + n;
      if (n > 0 && n < (minus ? 7 : 8) && end < len) {
        if (n > 1 && (w & 0xff) == '0') {
          return -1;
        }
        long v = digitsValue(w, n);
        number = minus ? -v : v;
        return end;
      }
      return plainNumberSlow(b, i, len);
    }

    private int plainNumberSlow(byte[] b, int i, int len) {
      boolean negative = i < len && b[i] == '-';
      if (negative) {
        i++;
      }
      int first = i;
      long v = 0;
      for (int c; i < len && (c = b[i] - '0') >= 0 && c <= 9; i++) {
        v = v * 10 + c;
      }
      int digits = i - first;
      if (digits == 0 || digits > 18 || (b[first] == '0' && digits > 1)) {
        return -1;
      }
      number = negative ? -v : v;
      return i;
    }

    LedgerCorruptException corrupt(long line, long offset, String reason) {
      return new LedgerCorruptException(source, line, offset, reason);
    }

    /** One line, {@code b[from, to)} without its newline, at file offset {@code offset}. */
    void line(byte[] b, int from, int to, long offset) {
      long line = count + 1;
      if (line > MAX_ENTRIES) {
        throw corrupt(line, offset, "more than " + MAX_ENTRIES + " entries");
      }
      if (!checksumHolds(b, from, to)) {
        throw corrupt(
            line, offset, to == from ? "empty line" : "the checksum does not match the record");
      }
      int json = head(b, from + 9, to);
      if (json < 0) {
        json = headSlow(b, from, to, offset);
      }
      if (seq != line) {
        throw corrupt(
            line, offset, "the record has seq " + seq + " where seq " + line + " belongs");
      }
      if (part < 1 || part > parts) {
        throw corrupt(line, offset, "the record's part " + part + "/" + parts + " is out of range");
      }
      if (part != expectedPart || (expectedPart > 1 && parts != groupParts)) {
        throw corrupt(
            line,
            offset,
            "the record is part "
                + part
                + "/"
                + parts
                + " where part "
                + expectedPart
                + (expectedPart > 1 ? "/" + groupParts : "")
                + " of an append belongs");
      }
      if (!entry(b, json, to)) {
        entrySlow(b, json, to, offset);
      }
      if (stopped) {
        return;
      }
      groupParts = parts;
      if (part == 1) {
        groupOffset = offset;
      }
      if (part == parts) {
        expectedPart = 1;
        committedEntries = line;
      } else {
        expectedPart++;
      }
      apply();
      count = line;
    }

    private boolean checksumHolds(byte[] b, int from, int to) {
      if (to - from < 10 || b[from + 8] != ' ') {
        return false;
      }
      long expected = 0;
      for (int i = from; i < from + 8; i++) {
        int c = b[i];
        int d;
        if (c >= '0' && c <= '9') {
          d = c - '0';
        } else if (c >= 'a' && c <= 'f') {
          d = c - 'a' + 10;
        } else {
          return false;
        }
        expected = expected << 4 | d;
      }
      crc.reset();
      crc.update(b, from + 9, to - from - 9);
      return crc.getValue() == expected;
    }

    /** Parses {@code <seq> <k>/<n> } in its plain form; the JSON's start, or -1. */
    private int head(byte[] b, int i, int to) {
      long s = 0;
      int d = 0;
      for (; i < to && b[i] >= '0' && b[i] <= '9' && d < 18; i++, d++) {
        s = s * 10 + (b[i] - '0');
      }
      if (d == 0 || i >= to || b[i] != ' ') {
        return -1;
      }
      i++;
      int k = 0;
      d = 0;
      for (; i < to && b[i] >= '0' && b[i] <= '9' && d < 9; i++, d++) {
        k = k * 10 + (b[i] - '0');
      }
      if (d == 0 || i >= to || b[i] != '/') {
        return -1;
      }
      i++;
      int n = 0;
      d = 0;
      for (; i < to && b[i] >= '0' && b[i] <= '9' && d < 9; i++, d++) {
        n = n * 10 + (b[i] - '0');
      }
      if (d == 0 || i >= to || b[i] != ' ') {
        return -1;
      }
      seq = s;
      part = k;
      parts = n;
      return i + 1;
    }

    /** The store's own reading of a head, for what the plain form does not cover. */
    private int headSlow(byte[] b, int from, int to, long offset) {
      int sp1 = indexOf(b, ' ', from + 9, to);
      int sp2 = sp1 < 0 ? -1 : indexOf(b, ' ', sp1 + 1, to);
      if (sp2 < 0) {
        throw corrupt(count + 1, offset, "the record has no '<seq> <k>/<n> ' head");
      }
      String seqText = new String(b, from + 9, sp1 - from - 9, US_ASCII);
      String partText = new String(b, sp1 + 1, sp2 - sp1 - 1, US_ASCII);
      int slash = partText.indexOf('/');
      try {
        seq = Long.parseLong(seqText);
        part = Integer.parseInt(partText.substring(0, Math.max(0, slash)));
        parts = Integer.parseInt(partText.substring(slash + 1));
      } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
        throw corrupt(
            count + 1, offset, "the record's head '" + seqText + " " + partText + "' is malformed");
      }
      return sp2 + 1;
    }

    private static int indexOf(byte[] b, char c, int from, int to) {
      for (int i = from; i < to; i++) {
        if (b[i] == c) {
          return i;
        }
      }
      return -1;
    }

    // number and string scanning state
    private int pos;
    private long number;

    /**
     * Reads the entry's JSON in the compact form the store writes (no whitespace, member names and
     * the resident without escapes, printable ASCII resident); false when the line is in any other
     * form, which {@link #entrySlow} then reads with the store's decoder.
     */
    private boolean entry(byte[] b, int from, int to) {
      if (to - from < 2 || b[from] != '{' || b[to - 1] != '}') {
        return false;
      }
      int i = from + 1;
      int seen = 0;
      long eSeq = 0;
      int eKind = -1;
      long ePoints = 0;
      long eRef = 0;
      int resFrom = 0;
      int resTo = 0;
      int atFrom = 0;
      int atTo = 0;
      int end = to - 1;
      while (true) {
        if (i >= end || b[i] != '"') {
          return false;
        }
        int nameFrom = i + 1;
        int nameTo = nameFrom;
        while (nameTo < end && b[nameTo] != '"' && b[nameTo] != '\\') {
          nameTo++;
        }
        if (nameTo + 1 >= end || b[nameTo] != '"' || b[nameTo + 1] != ':') {
          return false;
        }
        int member = member(b, nameFrom, nameTo - nameFrom);
        if (member == 0 || (seen & member) != 0) {
          return false;
        }
        seen |= member;
        i = nameTo + 2;
        switch (member) {
          case SEQ, POINTS, REFERS_TO -> {
            if (!number(b, i, end)) {
              return false;
            }
            i = pos;
            if (member == SEQ) {
              eSeq = number;
            } else if (member == POINTS) {
              ePoints = number;
            } else {
              eRef = number;
            }
          }
          case RESIDENT -> {
            if (!asciiString(b, i, end)) {
              return false;
            }
            resFrom = i + 1;
            resTo = pos - 1;
            i = pos;
          }
          case AT -> {
            if (!asciiString(b, i, end)) {
              return false;
            }
            atFrom = i + 1;
            atTo = pos - 1;
            i = pos;
          }
          case KIND -> {
            if (!asciiString(b, i, end)) {
              return false;
            }
            eKind = kind(b, i + 1, pos - 1);
            if (eKind < 0) {
              return false;
            }
            i = pos;
          }
          case BY -> {
            if (!skipString(b, i, end, true)) {
              return false;
            }
            i = pos;
          }
          default -> {
            if (!skipString(b, i, end, false)) {
              return false;
            }
            i = pos;
          }
        }
        if (i == end) {
          break;
        }
        if (b[i] != ',') {
          return false;
        }
        i++;
      }
      if ((seen & REQUIRED) != REQUIRED) {
        return false;
      }
      boolean refers = KINDS[eKind].refersToAnEntry();
      if (refers != ((seen & REFERS_TO) != 0)
          || (refers && (eRef < 1 || eRef >= eSeq))
          || eSeq < 1
          || !nonBlank(b, resFrom, resTo)) {
        return false;
      }
      if (eSeq != seq) {
        return false; // the decoder's reading reports it
      }
      if (asOf.isPresent()) {
        Instant at;
        try {
          at = Instant.parse(new String(b, atFrom, atTo - atFrom, US_ASCII));
        } catch (DateTimeParseException e) {
          return false;
        }
        if (at.isAfter(asOf.get())) {
          stopped = true;
          return true;
        }
      }
      kind = eKind;
      points = ePoints;
      refersTo = eRef;
      resident = residents.intern(b, resFrom, resTo, start);
      return true;
    }

    /** Reads a line's JSON with the store's decoder: exact, slower; bad JSON is corruption. */
    private void entrySlow(byte[] b, int from, int to, long offset) {
      slowLines++;
      Entry e;
      try {
        e = EntryCodec.decode(b, from, to - from);
      } catch (EntryCodec.DecodeException x) {
        throw corrupt(count + 1, offset, "entry " + seq + ": " + x.getMessage());
      }
      if (e.seq() != seq) {
        throw corrupt(
            count + 1, offset, "the entry has seq " + e.seq() + " in a record of seq " + seq);
      }
      if (asOf.isPresent() && e.at().isAfter(asOf.get())) {
        stopped = true;
        return;
      }
      kind = e.kind().ordinal();
      points = e.points();
      refersTo = e.refersTo().orElse(0);
      byte[] key = Residents.key(e.resident());
      resident = residents.intern(key, 0, key.length, start);
    }

    private static boolean nonBlank(byte[] b, int from, int to) {
      for (int i = from; i < to; i++) {
        if (b[i] != ' ') {
          return true;
        }
      }
      return false;
    }

    private static int member(byte[] b, int from, int len) {
      switch (len) {
        case 2:
          if (b[from] == 'a' && b[from + 1] == 't') {
            return AT;
          }
          return b[from] == 'b' && b[from + 1] == 'y' ? BY : 0;
        case 3:
          return is(b, from, "seq") ? SEQ : 0;
        case 4:
          if (is(b, from, "kind")) {
            return KIND;
          }
          return is(b, from, "rule") ? RULE : 0;
        case 6:
          return is(b, from, "points") ? POINTS : 0;
        case 8:
          if (is(b, from, "resident")) {
            return RESIDENT;
          }
          if (is(b, from, "refersTo")) {
            return REFERS_TO;
          }
          return is(b, from, "evidence") ? EVIDENCE : 0;
        default:
          return 0;
      }
    }

    private static boolean is(byte[] b, int from, String name) {
      for (int i = 0; i < name.length(); i++) {
        if (b[from + i] != name.charAt(i)) {
          return false;
        }
      }
      return true;
    }

    private static int kind(byte[] b, int from, int to) {
      for (int k = 0; k < KIND_NAMES.length; k++) {
        byte[] n = KIND_NAMES[k];
        if (n.length == to - from && Arrays.equals(n, 0, n.length, b, from, to)) {
          return k;
        }
      }
      return -1;
    }

    /**
     * A JSON integer that fits a long, in its plain form; sets {@link #pos} and {@link #number}.
     */
    private boolean number(byte[] b, int i, int end) {
      boolean negative = false;
      if (i < end && b[i] == '-') {
        negative = true;
        i++;
      }
      int first = i;
      long v = 0;
      while (i < end && b[i] >= '0' && b[i] <= '9') {
        if (i - first >= 18) {
          return false; // long numbers: the decoder checks their range
        }
        v = v * 10 + (b[i] - '0');
        i++;
      }
      if (i == first || (b[first] == '0' && i - first > 1)) {
        return false;
      }
      if (i < end && b[i] != ',') {
        return false;
      }
      pos = i;
      number = negative ? -v : v;
      return true;
    }

    /** A string of printable ASCII without escapes; sets {@link #pos} after its closing quote. */
    private boolean asciiString(byte[] b, int i, int end) {
      if (i >= end || b[i] != '"') {
        return false;
      }
      i++;
      while (i < end) {
        byte c = b[i];
        if (c == '"') {
          pos = i + 1;
          return true;
        }
        if (c < 0x20 || c >= 0x7f || c == '\\') {
          return false;
        }
        i++;
      }
      return false;
    }

    /**
     * Skips a string the balances do not use: control characters and escapes are left to the
     * decoder; other bytes are not decoded. With {@code nonBlank}, a string of spaces only is left
     * to the decoder too.
     */
    private boolean skipString(byte[] b, int i, int end, boolean nonBlank) {
      if (i >= end || b[i] != '"') {
        return false;
      }
      i++;
      boolean blank = true;
      while (i < end) {
        byte c = b[i];
        if (c == '"') {
          pos = i + 1;
          return !(nonBlank && blank);
        }
        if ((c >= 0 && c < 0x20) || c == '\\') {
          return false;
        }
        if (c > 0x20) {
          blank = false;
        }
        i++;
      }
      return false;
    }

    // ---------------------------------------------------------------- the effective rules

    private long value(long s) {
      long[] chunk = value[(int) (s >>> CHUNK_BITS)];
      return chunk[(int) (s & (CHUNK - 1))];
    }

    private void setValue(long s, long v) {
      int c = (int) (s >>> CHUNK_BITS);
      if (c >= value.length) {
        value = Arrays.copyOf(value, value.length * 2);
      }
      long[] chunk = value[c];
      if (chunk == null) {
        chunk = new long[CHUNK];
        value[c] = chunk;
      }
      chunk[(int) (s & (CHUNK - 1))] = v;
    }

    private void addValue(long s, long d) {
      long[] chunk = value[(int) (s >>> CHUNK_BITS)];
      chunk[(int) (s & (CHUNK - 1))] += d;
    }

    private boolean isDependent(long s) {
      int w = (int) (s >>> 6);
      return w < dependent.length && (dependent[w] & (1L << s)) != 0;
    }

    private void markDependent(long s) {
      int w = (int) (s >>> 6);
      if (w >= dependent.length) {
        dependent = Arrays.copyOf(dependent, Math.max(dependent.length * 2, w + 1));
      }
      dependent[w] |= 1L << s;
    }

    /** The recognition, deduction or redemption whose group an entry is in. */
    private long root(long s) {
      return isDependent(s) ? value(s) : s;
    }

    /** Applies the entry just read (fields seq, kind, points, refersTo, resident). */
    private void apply() {
      residents.table[resident + 1] += effect();
    }

    /**
     * Applies the entry just read (fields seq, kind, points, refersTo) to the per-seq state and
     * returns what it changes its resident's balance by.
     */
    private long effect() {
      long delta;
      switch (KINDS[kind]) {
        case RECOGNISE, DEDUCT, REDEEM -> {
          delta = points;
          setValue(seq, points);
        }
        case CORRECT -> {
          long root = root(refersTo);
          delta = points;
          addValue(root, points);
          corrected.add(root, points);
          setValue(seq, root);
          markDependent(seq);
        }
        case REPAIR -> {
          long root = root(refersTo);
          // remaining = -(deduction's points) - restored = -(what counts - corrections)
          delta = points == 0 ? -(value(root) - corrected.get(root)) : points;
          addValue(root, delta);
          setValue(seq, root);
          markDependent(seq);
        }
        case APPEAL_VOIDED, EXPIRE -> {
          long root = root(refersTo);
          delta = -value(root);
          setValue(root, 0);
          setValue(seq, 0);
        }
        default -> {
          delta = 0;
          setValue(seq, 0);
        }
      }
      return delta;
    }
  }

  /** A sparse map long → long sum (open addressing, keys ≥ 1). */
  static final class LongSums {
    private long[] keys = new long[64];
    private long[] sums = new long[64];
    private int size;

    long get(long key) {
      int mask = keys.length - 1;
      for (int s = slot(key, mask); ; s = (s + 1) & mask) {
        if (keys[s] == key) {
          return sums[s];
        }
        if (keys[s] == 0) {
          return 0;
        }
      }
    }

    void add(long key, long d) {
      int mask = keys.length - 1;
      int s = slot(key, mask);
      while (keys[s] != 0 && keys[s] != key) {
        s = (s + 1) & mask;
      }
      if (keys[s] == 0) {
        keys[s] = key;
        size++;
      }
      sums[s] += d;
      if (size * 2 > keys.length) {
        long[] ok = keys;
        long[] os = sums;
        keys = new long[ok.length * 2];
        sums = new long[ok.length * 2];
        int m = keys.length - 1;
        for (int j = 0; j < ok.length; j++) {
          if (ok[j] != 0) {
            int t = slot(ok[j], m);
            while (keys[t] != 0) {
              t = (t + 1) & m;
            }
            keys[t] = ok[j];
            sums[t] = os[j];
          }
        }
      }
    }

    private static int slot(long key, int mask) {
      long h = key * 0x9E3779B97F4A7C15L;
      return (int) (h ^ (h >>> 32)) & mask;
    }
  }
}
