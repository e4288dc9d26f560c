package org.gridgov.credit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.zip.CRC32C;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Gens;
import org.gridgov.testkit.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exact-layout path of {@link CreditBalances} (lines in the store's own layout, read eight
 * bytes at a time) gives exactly what the general scanner gives: the same balances for every line
 * shape the general scanner accepts, the same error for every damaged line.
 */
class CreditBalancesExactTest {
  @TempDir Path dir;

  private static final CreditScheme SCHEME = CreditPropertiesTest.SCHEME;
  private static final ReplayOptions OPTIONS = ReplayOptions.defaults();

  private int files;

  Gen<List<Long>> moves() {
    return Gens.lists(Gens.longs(), 0, 80);
  }

  /** Ids of every length from 1 to 40: printable ASCII, Chinese, mixed, with quotes. */
  static List<String> ids() {
    List<String> ids = new ArrayList<>();
    for (int n = 1; n <= 40; n++) {
      StringBuilder ascii = new StringBuilder();
      StringBuilder chinese = new StringBuilder();
      StringBuilder mixed = new StringBuilder();
      for (int i = 0; i < n; i++) {
        ascii.append((char) ('!' + (i * 7 + n) % 94 == '"' ? 'q' : '!' + (i * 7 + n) % 94));
        chinese.append((char) (0x5c45 + i % 3));
        mixed.append(i % 3 == 0 ? '居' : i % 3 == 1 ? 'x' : '"');
      }
      ids.add(ascii.toString().replace('\\', '/'));
      ids.add(chinese.toString());
      ids.add(mixed.toString());
      ids.add("r" + "0123456789012345678901234567890123456789".substring(0, n - 1));
    }
    return ids;
  }

  private Path journal(List<Entry> entries, long seed) {
    Path file = dir.resolve(++files + ".journal");
    Random rnd = new Random(seed);
    try (FileJournalStore store = FileJournalStore.open(file)) {
      int i = 0;
      while (i < entries.size()) {
        int n = Math.min(entries.size() - i, 1 + rnd.nextInt(4));
        store.append(entries.subList(i, i + n));
        i += n;
      }
    }
    return file;
  }

  /** The balances and entries, or the error, of one scan. */
  private static String outcome(Path file, boolean exact, int buffer) {
    try {
      CreditBalances b = CreditBalances.scan(file, SCHEME, Optional.empty(), exact, buffer);
      return b.entries() + " entries " + b.toMap();
    } catch (LedgerCorruptException e) {
      return "line " + e.line() + " byte " + e.byteOffset() + ": " + e.reason();
    }
  }

  private static CreditBalances exact(Path file) {
    return CreditBalances.scan(file, SCHEME, Optional.empty(), true, CreditBalances.DEFAULT_BUFFER);
  }

  private static CreditBalances general(Path file) {
    return CreditBalances.scan(
        file, SCHEME, Optional.empty(), false, CreditBalances.DEFAULT_BUFFER);
  }

  /** The ledger with its residents renamed to ids of any length and some evidence added. */
  private static List<Entry> renamed(List<Entry> ledger, long seed) {
    Random rnd = new Random(seed);
    List<String> ids = ids();
    Collections.shuffle(ids, rnd);
    Map<String, String> names = new HashMap<>();
    String[] evidence = {"photo 12", "居民 证明", "say \"hi\"", "tab\there", "a\\b", "\uD83D\uDE00"};
    List<Entry> out = new ArrayList<>();
    for (Entry e : ledger) {
      String id = names.computeIfAbsent(e.resident(), r -> ids.get(names.size()));
      Optional<String> ev =
          rnd.nextInt(3) == 0 ? Optional.of(evidence[rnd.nextInt(evidence.length)]) : e.evidence();
      out.add(
          new Entry(e.seq(), e.at(), id, e.kind(), e.rule(), e.points(), e.by(), e.refersTo(), ev));
    }
    return out;
  }

  /** Whether the store writes an entry in the layout the exact path reads. */
  private static boolean exactLayout(Entry e) {
    return printableAscii(e.resident())
        && e.rule().map(CreditBalancesExactTest::noEscapes).orElse(true)
        && noEscapes(e.by())
        && e.by().charAt(0) > ' '
        && e.by().charAt(0) < 0x7f
        && e.evidence().map(CreditBalancesExactTest::noEscapes).orElse(true);
  }

  private static boolean printableAscii(String s) {
    return s.chars().allMatch(c -> c >= 0x20 && c < 0x7f) && s.charAt(0) != ' ';
  }

  private static boolean noEscapes(String s) {
    return s.chars()
        .allMatch(c -> c >= 0x20 && c != '"' && c != '\\' && !Character.isSurrogate((char) c));
  }

  @Property(tries = 120)
  void theExactPathGivesTheGeneralScannersAndTheReplaysBalances(@ForAll("moves") List<Long> moves) {
    long seed = moves.isEmpty() ? 0 : moves.get(0);
    List<Entry> ledger = renamed(CreditPropertiesTest.ledger(moves), seed);
    Path file = journal(ledger, seed);
    CreditBalances fast = exact(file);
    CreditBalances general = general(file);
    assertThat(fast.entries()).isEqualTo(ledger.size());
    assertThat(fast.toMap()).isEqualTo(general.toMap());
    assertThat(general.generalLines).isEqualTo(ledger.size());
    // every line in the store's layout took the exact path, the others the general scanner
    assertThat(fast.generalLines).isEqualTo(ledger.stream().filter(e -> !exactLayout(e)).count());
    CreditBook book = CreditReplay.replay(SCHEME, ledger, OPTIONS);
    Map<String, Long> expected = new HashMap<>();
    book.accounts().forEach(a -> expected.put(a.resident(), a.balance()));
    assertThat(fast.toMap()).isEqualTo(expected);
    book.accounts()
        .forEach(
            a -> assertThat(fast.balance(a.resident())).as(a.resident()).isEqualTo(a.balance()));

    // the same entries with reordered members and whitespace: the general scanner reads every
    // line, and the balances are the same
    Path reordered = reserialised(file, seed);
    CreditBalances other = exact(reordered);
    assertThat(other.toMap()).isEqualTo(expected);
    assertThat(other.entries()).isEqualTo(ledger.size());
    assertThat(other.generalLines).isEqualTo(ledger.size());
    // and any buffer size, so that lines lie across the buffer's boundaries
    int buffer = 64 + new Random(seed).nextInt(400);
    assertThat(outcome(file, true, buffer)).isEqualTo(outcome(file, false, buffer));
    assertThat(CreditBalances.scan(file, SCHEME, Optional.empty(), true, buffer).toMap())
        .isEqualTo(expected);
  }

  @Test
  void idsOfEveryLengthAndNumbersAtTheirLimitsKeepTheirBalances() {
    List<Entry> ledger = new ArrayList<>();
    Map<String, Long> expected = new LinkedHashMap<>();
    Instant t = CreditFixtures.at("2026-03-02T09:00:00");
    long[] limits = {
      1,
      -1,
      0,
      9,
      -9,
      10,
      99_999_999_999_999_999L,
      999_999_999_999_999_999L,
      -999_999_999_999_999_999L,
      1_000_000_000_000_000_000L,
      -1_000_000_000_000_000_000L,
      Long.MAX_VALUE,
      Long.MIN_VALUE,
      Long.MAX_VALUE - SCHEME.start()
    };
    int k = 0;
    for (String id : ids()) {
      for (int twice = 0; twice < 2; twice++) {
        long points = limits[k++ % limits.length];
        ledger.add(
            new Entry(
                ledger.size() + 1L,
                t,
                id,
                EntryKind.REDEEM,
                Optional.empty(),
                points,
                "shop",
                OptionalLong.empty(),
                Optional.empty()));
        expected.merge(id, SCHEME.start() + points, (a, b) -> a + b - SCHEME.start());
      }
    }
    Path file = journal(ledger, 11);
    CreditBalances fast = exact(file);
    assertThat(fast.toMap()).isEqualTo(new java.util.TreeMap<>(expected));
    expected.forEach((id, b) -> assertThat(fast.balance(id)).as(id).isEqualTo(b));
    assertThat(fast.toMap()).isEqualTo(general(file).toMap());
    // 40 printable-ASCII and 40 "r0123…" ids, twice each, less the 19-digit numbers' lines
    assertThat(fast.generalLines).isLessThan(ledger.size());
    assertThat(ledger.size() - fast.generalLines).isGreaterThan(100);
    for (int buffer = 64; buffer < 700; buffer += 37) {
      assertThat(outcome(file, true, buffer))
          .as("buffer " + buffer)
          .isEqualTo(outcome(file, false, buffer));
    }
  }

  @Test
  void linesAcrossEveryBufferBoundaryGiveTheSameBalances() {
    List<Long> moves = new ArrayList<>();
    Random rnd = new Random(7);
    for (int i = 0; i < 400; i++) {
      moves.add(rnd.nextLong());
    }
    List<Entry> ledger = renamed(CreditPropertiesTest.ledger(moves), 7);
    Path file = journal(ledger, 7);
    String expected = outcome(file, false, CreditBalances.DEFAULT_BUFFER);
    for (int buffer = 64; buffer <= 1200; buffer += 13) {
      assertThat(outcome(file, true, buffer)).as("buffer " + buffer).isEqualTo(expected);
    }
  }

  /**
   * Changes of a record that keep its checksum valid: each is read as the general scanner reads it.
   */
  @Test
  void damagedRecordsWithValidChecksumsGiveTheGeneralScannersError() throws IOException {
    List<Entry> ledger = CreditBalancesTest.workedExample();
    Path file = journal(ledger, 1);
    List<String> lines = Files.readAllLines(file, UTF_8);
    String[][] changes = {
      {"\"kind\":\"CORRECT\"", "\"kind\":\"CORRECTS\""},
      {"\"kind\":\"CORRECT\"", "\"kind\":\"\""},
      {",\"refersTo\":1", ""},
      {",\"refersTo\":1", ",\"refersTo\":3"},
      {",\"refersTo\":1", ",\"refersTo\":0"},
      {",\"refersTo\":1", ",\"refersTo\":01"},
      {"\"by\":\"s-1\"", "\"by\":\"\""},
      {"\"by\":\"s-1\"", "\"by\":\" \""},
      {"\"by\":\"s-1\"", "\"by\":\" s\""},
      {"\"by\":\"s-1\"", "\"by\":\"s\\u002d1\""},
      {"\"resident\":\"r-1\"", "\"resident\":\"\""},
      {"\"resident\":\"r-1\"", "\"resident\":\" \""},
      {"\"resident\":\"r-1\"", "\"resident\":\" r-1\""},
      {"\"resident\":\"r-1\"", "\"resident\":\"r-\\u0031\""},
      {"\"points\":3", "\"points\":03"},
      {"\"points\":3", "\"points\":-"},
      {"\"points\":3", "\"points\":-0"},
      {"\"points\":3", "\"points\":3.0"},
      {"\"points\":3", "\"points\":9223372036854775808"},
      {"\"points\":3", "\"points\":9223372036854775807"},
      {"\"points\":3", "\"points\":\"3\""},
      {"\"points\":3", "\"points\":-03"},
      {"\"points\":3", "\"points\":--3"},
      {"\"points\":3", "\"points\":-1234567"},
      {"\"points\":3", "\"points\":-12345678"},
      {"\"points\":3", "\"points\":1234567"},
      {"\"points\":3", "\"points\":12345678"},
      {"\"points\":3", "\"points\":0123456"},
      {",\"refersTo\":1", ",\"refersTo\":-1"},
      {",\"refersTo\":1", ",\"refersTo\":1x"},
      {"\"seq\":3", "\"seq\":4"},
      {"\"seq\":3", "\"seq\":03"},
      {"{\"seq\":3", "{ \"seq\":3"},
      {"}", "} "},
      {"}", "}}"},
      {"}", ""},
      {"\"at\":\"", "\"at\":\"\u0001"},
      {"\"at\":\"", "\"at\":\"\u007f"},
      {"\"at\":\"", "\"at\":\"é"},
      {"\"at\":\"2026", "\"at\":\"x2026"},
      {"\"rule\":", "\"rules\":"},
      {",\"by\"", ",\"by\":\"x\",\"by\""},
    };
    int tried = 0;
    for (String[] change : changes) {
      for (int n = 0; n < lines.size(); n++) {
        String line = lines.get(n);
        if (!line.contains(change[0])) {
          continue;
        }
        List<String> damaged = new ArrayList<>(lines);
        damaged.set(
            n,
            withChecksum(line.substring(9).replaceFirst(quoteRe(change[0]), quoteRepl(change[1]))));
        Path bad = dir.resolve(++files + ".journal");
        Files.writeString(bad, String.join("\n", damaged) + "\n", UTF_8);
        assertThat(outcome(bad, true, CreditBalances.DEFAULT_BUFFER))
            .as(change[0] + " -> " + change[1] + " on line " + (n + 1))
            .isEqualTo(outcome(bad, false, CreditBalances.DEFAULT_BUFFER));
        tried++;
      }
    }
    // heads: a seq with a leading zero, parts out of place
    for (String head : new String[] {"07 1/1 ", "7 0/1 ", "7 2/1 ", "7 1/01 ", "+7 1/1 "}) {
      List<String> damaged = new ArrayList<>(lines);
      String line = damaged.get(6);
      String json = line.substring(line.indexOf('{'));
      damaged.set(6, withChecksum(head + json));
      Path bad = dir.resolve(++files + ".journal");
      Files.writeString(bad, String.join("\n", damaged) + "\n", UTF_8);
      assertThat(outcome(bad, true, CreditBalances.DEFAULT_BUFFER))
          .as(head)
          .isEqualTo(outcome(bad, false, CreditBalances.DEFAULT_BUFFER));
      tried++;
    }
    assertThat(tried).isGreaterThan(40);
  }

  /** The checksum's eight hex digits, read at once, against a byte-by-byte reading. */
  @Test
  void checksumDigitsAreReadEightAtATime() {
    Random rnd = new Random(7);
    byte[] hex = "0123456789abcdef".getBytes(UTF_8);
    for (int t = 0; t < 40_000; t++) {
      byte[] b = new byte[8];
      for (int i = 0; i < 8; i++) {
        b[i] = hex[rnd.nextInt(16)];
      }
      if (t % 2 == 1) { // one byte anything, often a near miss
        byte[] near =
            "/09:@AFG`afgGz \u00ff".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        b[rnd.nextInt(8)] = t % 4 == 1 ? (byte) rnd.nextInt(256) : near[rnd.nextInt(near.length)];
      }
      long expected = 0;
      for (byte c : b) {
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        if (d < 0) {
          expected = -1;
          break;
        }
        expected = expected << 4 | d;
      }
      long w = java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
      assertThat(CreditBalances.hex8(w)).as(Arrays.toString(b)).isEqualTo(expected);
    }
  }

  @Test
  void digitsAreCountedAndReadEightAtATime() {
    Random rnd = new Random(3);
    for (int t = 0; t < 20_000; t++) {
      byte[] b = new byte[8];
      rnd.nextBytes(b);
      int n = rnd.nextInt(9);
      long value = 0;
      for (int i = 0; i < n; i++) {
        b[i] = (byte) ('0' + rnd.nextInt(10));
        value = value * 10 + (b[i] - '0');
      }
      int expected = n;
      while (expected < 8 && b[expected] >= '0' && b[expected] <= '9') {
        value = value * 10 + (b[expected] - '0');
        expected++;
      }
      long w = java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
      assertThat(CreditBalances.digits(w)).as(Arrays.toString(b)).isEqualTo(expected);
      assertThat(CreditBalances.digitsValue(w, expected)).as(Arrays.toString(b)).isEqualTo(value);
    }
  }

  @Test
  void stringEndsAreFoundEightBytesAtATime() {
    Random rnd = new Random(5);
    byte[] alphabet = "ab \"\\\u0001\n\u007f".getBytes(UTF_8);
    for (int t = 0; t < 20_000; t++) {
      byte[] b = new byte[48];
      int len = 1 + rnd.nextInt(32);
      for (int i = 0; i < b.length; i++) {
        b[i] =
            rnd.nextInt(4) == 0 ? alphabet[rnd.nextInt(alphabet.length)] : (byte) rnd.nextInt(256);
      }
      for (boolean ascii : new boolean[] {true, false}) {
        int expected = -1;
        for (int i = 0; i < len; i++) {
          int c = b[i] & 0xff;
          if (c == '"') {
            expected = i;
            break;
          }
          if (c < 0x20 || c == '\\' || (ascii && c >= 0x7f)) {
            break;
          }
        }
        assertThat(CreditBalances.Scanner.stringEnd(b, 0, len, ascii))
            .as(Arrays.toString(b) + " " + len + " " + ascii)
            .isEqualTo(expected);
      }
    }
  }

  private static String quoteRe(String s) {
    return java.util.regex.Pattern.quote(s);
  }

  private static String quoteRepl(String s) {
    return java.util.regex.Matcher.quoteReplacement(s);
  }

  private static String withChecksum(String body) {
    CRC32C crc = new CRC32C();
    crc.update(body.getBytes(UTF_8));
    return String.format("%08x ", crc.getValue()) + body;
  }

  /** Every record re-written with its members in a random order and whitespace around them. */
  private Path reserialised(Path file, long seed) {
    Random rnd = new Random(seed);
    List<String> out = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(file, UTF_8)) {
        int brace = line.indexOf('{');
        byte[] json = line.substring(brace).getBytes(UTF_8);
        Entry e = EntryCodec.decode(json, 0, json.length);
        List<String[]> members = new ArrayList<>();
        members.add(new String[] {"seq", Long.toString(e.seq())});
        members.add(new String[] {"at", quote(e.at().toString(), rnd)});
        members.add(new String[] {"resident", quote(e.resident(), rnd)});
        members.add(new String[] {"kind", quote(e.kind().name(), rnd)});
        e.rule().ifPresent(r -> members.add(new String[] {"rule", quote(r, rnd)}));
        members.add(new String[] {"points", Long.toString(e.points())});
        members.add(new String[] {"by", quote(e.by(), rnd)});
        e.refersTo().ifPresent(r -> members.add(new String[] {"refersTo", Long.toString(r)}));
        e.evidence().ifPresent(v -> members.add(new String[] {"evidence", quote(v, rnd)}));
        Collections.shuffle(members, rnd);
        StringBuilder b = new StringBuilder("{ ");
        for (int i = 0; i < members.size(); i++) {
          b.append(i == 0 ? "" : rnd.nextBoolean() ? ", " : ",")
              .append('"')
              .append(members.get(i)[0])
              .append(rnd.nextBoolean() ? "\": " : "\":")
              .append(members.get(i)[1]);
        }
        b.append(rnd.nextBoolean() ? " }" : "}");
        out.add(withChecksum(line.substring(9, brace) + b));
      }
      Path r = dir.resolve(++files + "-reordered.journal");
      Files.writeString(r, String.join("\n", out) + (out.isEmpty() ? "" : "\n"), UTF_8);
      return r;
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    } catch (EntryCodec.DecodeException ex) {
      throw new AssertionError(ex);
    }
  }

  /** A JSON string, some characters escaped at random. */
  private static String quote(String s, Random rnd) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20 || Character.isSurrogate(c) || rnd.nextInt(10) == 0) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }
}
