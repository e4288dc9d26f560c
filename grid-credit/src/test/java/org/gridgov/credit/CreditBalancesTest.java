package org.gridgov.credit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.credit.CreditFixtures.about;
import static org.gridgov.credit.CreditFixtures.redeem;
import static org.gridgov.credit.CreditFixtures.ruled;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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

/** The balances-only fast path over a file journal agrees with {@link CreditReplay}. */
class CreditBalancesTest {
  @TempDir Path dir;

  private static final CreditScheme SCHEME = CreditPropertiesTest.SCHEME;
  private static final ReplayOptions OPTIONS = ReplayOptions.defaults();

  Gen<List<Long>> moves() {
    return Gens.lists(Gens.longs(), 0, 80);
  }

  /** Writes entries to a new journal in appends of 1 to 4 entries. */
  private int journals;

  private Path journal(String name, List<Entry> entries, long seed) {
    Path file = dir.resolve(++journals + "-" + name);
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

  private static void assertSameBalances(CreditBalances fast, CreditBook book, CreditScheme s) {
    assertThat(fast.residents()).isEqualTo(book.accounts().size());
    Map<String, Long> expected = new HashMap<>();
    for (CreditAccount a : book.accounts()) {
      expected.put(a.resident(), a.balance());
      assertThat(fast.balance(a.resident())).as(a.resident()).isEqualTo(a.balance());
      assertThat(fast.level(a.resident()).name()).as(a.resident()).isEqualTo(a.level());
      assertThat(fast.has(a.resident())).isTrue();
    }
    assertThat(fast.toMap()).isEqualTo(expected);
    assertThat(fast.balance("nobody")).isEqualTo(s.start());
    assertThat(fast.has("nobody")).isFalse();
  }

  @Property(tries = 150)
  void theFastBalancesAreTheReplaysForEveryResident(@ForAll("moves") List<Long> moves) {
    List<Entry> ledger = CreditPropertiesTest.ledger(moves);
    long seed = moves.isEmpty() ? 0 : moves.get(0);
    Path file = journal("p.journal", ledger, seed);
    CreditBalances fast = CreditBalances.fromJournal(file, SCHEME);
    assertThat(fast.entries()).isEqualTo(ledger.size());
    assertThat(fast.slowLines).isZero(); // the byte scanner read every line
    assertSameBalances(fast, CreditReplay.replay(SCHEME, ledger, OPTIONS), SCHEME);
    // as of the instant of a random entry: the entries made after it do not count
    if (!ledger.isEmpty()) {
      Instant asOf = ledger.get(new Random(seed).nextInt(ledger.size())).at();
      CreditBook book = CreditReplay.replay(SCHEME, ledger, OPTIONS.withAsOf(asOf));
      CreditBalances fastAsOf = CreditBalances.fromJournal(file, SCHEME, Optional.of(asOf));
      assertThat(fastAsOf.entries()).isEqualTo(book.entries());
      assertThat(fastAsOf.asOf()).contains(asOf);
      assertSameBalances(fastAsOf, book, SCHEME);
    }
  }

  /** Every kind, repairs all and in part, corrections of a repair, ids that need JSON escapes. */
  static List<Entry> workedExample() {
    String q = "a\"b\\c";
    return List.of(
        ruled(1, "2026-01-05T09:00:00", "r-1", EntryKind.RECOGNISE, "G02", 10, "w-1"), // 110
        ruled(2, "2026-01-06T09:00:00", "r-1", EntryKind.DEDUCT, "D01", -5, "w-1"), // 105
        about(3, "2026-01-07T09:00:00", "r-1", EntryKind.CORRECT, 1, 3, "s-1"), // 108
        about(4, "2026-02-10T09:00:00", "r-1", EntryKind.REPAIR, 2, 2, "s-1"), // 110
        about(5, "2026-02-11T09:00:00", "r-1", EntryKind.CORRECT, 4, -1, "s-1"), // 109
        about(6, "2026-02-12T09:00:00", "r-1", EntryKind.REPAIR, 2, 0, "s-1"), // +3 left: 112
        about(7, "2026-07-10T09:00:00", "r-1", EntryKind.EXPIRE, 2, 0, "s-1"), // -5+2-1+3: 113
        ruled(8, "2026-07-10T10:00:00", "r-2", EntryKind.RECOGNISE, "G02", 20, "w-1"), // 120
        about(9, "2026-07-10T11:00:00", "r-2", EntryKind.APPEAL_FILED, 8, 0, "r-2"),
        about(10, "2026-07-13T11:00:00", "r-2", EntryKind.APPEAL_VOIDED, 8, 0, "s-1"), // 100
        redeem(11, "2026-07-14T09:00:00", "r-2", -30), // 70
        ruled(12, "2026-07-14T10:00:00", "居民-3", EntryKind.RECOGNISE, "V01", 2, "网格员"), // 102
        new Entry(
            13,
            CreditFixtures.at("2026-07-14T11:00:00"),
            q,
            EntryKind.REDEEM,
            Optional.empty(),
            -1,
            "shop\n1",
            OptionalLong.empty(),
            Optional.of("receipt \uD83D\uDE00")), // 99
        about(14, "2026-07-15T11:00:00", q, EntryKind.CORRECT, 13, -2, q)); // 97
  }

  @Test
  void theWorkedExample() {
    CreditScheme scheme = CreditFixtures.scheme();
    List<Entry> ledger = workedExample();
    Path file = journal("example.journal", ledger, 1);
    CreditBalances fast = CreditBalances.fromJournal(file, scheme);
    assertThat(fast.entries()).isEqualTo(14);
    // ids that are not printable ASCII (lines 12-14) go through the store's decoder
    assertThat(fast.slowLines).isEqualTo(3);
    assertThat(fast.toMap())
        .containsExactly(
            Map.entry("a\"b\\c", 97L),
            Map.entry("r-1", 113L),
            Map.entry("r-2", 70L),
            Map.entry("居民-3", 102L));
    assertThat(fast.level("r-1").name()).isEqualTo("AA");
    assertThat(fast.level("r-2").name()).isEqualTo("B");
    assertThat(fast.level("a\"b\\c").name()).isEqualTo("A");
    List<String> seen = new ArrayList<>();
    fast.forEach((r, b) -> seen.add(r));
    assertThat(seen).containsExactlyInAnyOrder("r-1", "r-2", "居民-3", "a\"b\\c");
    // the same as the checked replay
    assertSameBalances(fast, CreditReplay.replay(scheme, ledger, OPTIONS), scheme);
    // as of the end of 2026-02-11: entries 1-5
    CreditBalances early =
        CreditBalances.fromJournal(
            file, scheme, Optional.of(CreditFixtures.at("2026-02-11T23:59:59")));
    assertThat(early.entries()).isEqualTo(5);
    assertThat(early.toMap()).containsExactly(Map.entry("r-1", 109L));
  }

  private static long[] lineStarts(byte[] b) {
    long[] starts = new long[b.length + 1];
    int n = 0;
    starts[n++] = 0;
    for (int i = 0; i < b.length; i++) {
      if (b[i] == '\n' && i + 1 < b.length) {
        starts[n++] = i + 1;
      }
    }
    return Arrays.copyOf(starts, n);
  }

  @Test
  void aLineWhoseChecksumFailsIsRefusedWithItsLineAndByte() throws IOException {
    Path file = journal("bad.journal", workedExample(), 2);
    byte[] b = Files.readAllBytes(file);
    long[] starts = lineStarts(b);
    int at = (int) starts[6] + 40; // inside line 7's JSON
    b[at] = (byte) (b[at] == '1' ? '2' : '1');
    Files.write(file, b);
    assertThatThrownBy(() -> CreditBalances.fromJournal(file, CreditFixtures.scheme()))
        .isInstanceOfSatisfying(
            LedgerCorruptException.class,
            e -> {
              assertThat(e.line()).isEqualTo(7);
              assertThat(e.byteOffset()).isEqualTo(starts[6]);
              assertThat(e.reason()).contains("checksum");
              assertThat(e.source()).isEqualTo(file.toString());
            });
  }

  @Test
  void aRecordWithAValidChecksumButBadJsonIsRefusedWithItsLine() throws IOException {
    Path file = journal("json.journal", workedExample(), 3);
    String text = Files.readString(file, UTF_8);
    String[] lines = text.split("\n");
    String body = "3 1/1 {\"seq\":3,\"at\":\"2026-01-06T23:00:00Z\",\"resident\":\"r-1\"}";
    CRC32C crc = new CRC32C();
    crc.update(body.getBytes(UTF_8));
    lines[2] = String.format("%08x ", crc.getValue()) + body;
    // line 3 was the second of an append or the first: keep the parts valid by writing 1/1 only
    // when line 3 starts an append; else the part check refuses it, also at line 3
    Files.writeString(file, String.join("\n", lines) + "\n", UTF_8);
    assertThatThrownBy(() -> CreditBalances.fromJournal(file, CreditFixtures.scheme()))
        .isInstanceOfSatisfying(
            LedgerCorruptException.class, e -> assertThat(e.line()).isEqualTo(3));
  }

  @Test
  void aTornTailIsRefusedNotSkipped() throws IOException {
    Path file = journal("torn.journal", workedExample(), 4);
    byte[] b = Files.readAllBytes(file);
    long[] starts = lineStarts(b);
    Files.write(file, Arrays.copyOf(b, b.length - 1)); // the last newline is missing
    assertThatThrownBy(() -> CreditBalances.fromJournal(file, CreditFixtures.scheme()))
        .isInstanceOfSatisfying(
            LedgerCorruptException.class,
            e -> {
              assertThat(e.line()).isEqualTo(14);
              assertThat(e.byteOffset()).isEqualTo(starts[13]);
              assertThat(e.reason()).contains("no end of line");
            });
  }

  @Test
  void thousandsOfResidentsWithShortAndLongIdsEachKeepTheirBalance() {
    CreditScheme scheme = CreditFixtures.scheme();
    List<Entry> ledger = new ArrayList<>();
    Map<String, Long> expected = new HashMap<>();
    Instant t = CreditFixtures.at("2026-03-02T09:00:00");
    for (int i = 0; i < 6000; i++) {
      String id = i % 3 == 0 ? "r" + i : i % 3 == 1 ? "community-07/resident-" + i : "居民" + i;
      long points = -1 - i % 50;
      ledger.add(
          new Entry(
              i + 1L,
              t,
              id,
              EntryKind.REDEEM,
              Optional.empty(),
              points,
              "shop",
              OptionalLong.empty(),
              Optional.empty()));
      expected.put(id, scheme.start() + points);
    }
    Path file = journal("many.journal", ledger, 5);
    CreditBalances fast = CreditBalances.fromJournal(file, scheme);
    assertThat(fast.residents()).isEqualTo(6000);
    assertThat(fast.toMap()).isEqualTo(expected);
    expected.forEach((id, b) -> assertThat(fast.balance(id)).as(id).isEqualTo(b));
    assertThat(fast.slowLines).isEqualTo(2000);
  }

  @Test
  void theNewlineSearchFindsTheFirstNewlineAtEveryPosition() {
    for (int len = 0; len < 40; len++) {
      for (int at = -1; at < len; at++) {
        byte[] b = new byte[len];
        Arrays.fill(b, (byte) 'x');
        if (at >= 0) {
          b[at] = '\n';
          if (at + 3 < len) {
            b[at + 3] = '\n';
          }
        }
        for (int from = 0; from <= Math.max(0, at); from++) {
          assertThat(CreditBalances.Scanner.newline(b, from, len)).isEqualTo(at);
        }
      }
    }
  }

  @Test
  void anEmptyJournalHasNoResidents() throws IOException {
    Path file = dir.resolve("empty.journal");
    Files.write(file, new byte[0]);
    CreditBalances fast = CreditBalances.fromJournal(file, SCHEME);
    assertThat(fast.entries()).isZero();
    assertThat(fast.residents()).isZero();
    assertThat(fast.balance("r-1")).isEqualTo(SCHEME.start());
  }
}
