package org.gridgov.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.TreeMap;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Gens;
import org.gridgov.testkit.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resident table of {@link CreditBalances} (a key's home is the top bits of its spread hash):
 * ids that differ only in their last character get different homes; residents whose hashes share
 * their top bits (so that they pile up in one cluster of the table), deltas beyond an {@code int},
 * long and non-ASCII ids mixed in, voids, expiries, repairs and corrections across residents, and
 * many new residents in one batch keep their balances on the exact path as on the general scanner
 * and in the replay.
 */
class CreditBalancesHashTest {
  @TempDir Path dir;

  private static final CreditScheme SCHEME = CreditPropertiesTest.SCHEME;
  private static final ReplayOptions OPTIONS = ReplayOptions.defaults();
  private static final int[] BUFFERS = {64, 200, 4096, CreditBalances.DEFAULT_BUFFER};

  private int files;

  Gen<List<Long>> moves() {
    return Gens.lists(Gens.longs(), 0, 60);
  }

  /** The spread hash of a short id's packed key. */
  private static long spreadOf(String id) {
    byte[] b = id.getBytes(StandardCharsets.US_ASCII);
    long k = 0;
    for (int i = b.length - 1; i >= 0; i--) {
      k = k << 8 | b[i];
    }
    return CreditBalances.Residents.spread(k);
  }

  /**
   * Short ids whose hashes have the same top 8 bits (0x12), the first half also the same top 16
   * bits (the same home pair in any table of up to 2^16 pairs).
   */
  static List<String> collidingIds(int n) {
    List<String> same16 = new ArrayList<>();
    List<String> sameTop8 = new ArrayList<>();
    for (int i = 0; same16.size() < n / 2 || sameTop8.size() < n / 2; i++) {
      String id = "c" + i;
      long k = 0;
      for (int j = id.length() - 1; j >= 0; j--) {
        k = k << 8 | id.charAt(j);
      }
      long h = CreditBalances.Residents.spread(k);
      if (h >>> 48 == 0x1234 && same16.size() < n / 2) {
        same16.add(id);
      } else if (h >>> 56 == 0x12 && sameTop8.size() < n / 2) {
        sameTop8.add(id);
      }
    }
    List<String> out = new ArrayList<>(same16);
    out.addAll(sameTop8);
    return out;
  }

  private Path journal(List<Entry> entries) {
    Path file = dir.resolve(++files + ".journal");
    try (FileJournalStore store = FileJournalStore.open(file)) {
      for (int i = 0; i < entries.size(); i += 3) {
        store.append(entries.subList(i, Math.min(entries.size(), i + 3)));
      }
    }
    return file;
  }

  private static Map<String, Long> scan(Path file, boolean exact, int buffer) {
    return CreditBalances.scan(file, SCHEME, Optional.empty(), exact, buffer).toMap();
  }

  /**
   * Several valid ledgers interleaved at random, each with its residents renamed to colliding ids
   * (short ids of one cluster, some long or non-ASCII ids), seqs and references renumbered: the
   * balances are the union of the ledgers' replayed balances.
   */
  @Property(tries = 60)
  void collidingResidentsKeepTheReplaysBalances(@ForAll("moves") List<Long> moves) {
    long seed = moves.isEmpty() ? 0 : moves.get(0);
    Random rnd = new Random(seed);
    List<String> ids = collidingIds(20);
    ids.add("long-resident-" + rnd.nextInt(1000));
    ids.add("居民-" + rnd.nextInt(1000));
    java.util.Collections.shuffle(ids, rnd);
    int ledgers = 1 + rnd.nextInt(6);
    List<List<Entry>> parts = new ArrayList<>();
    Map<String, Long> expected = new TreeMap<>();
    for (int l = 0; l < ledgers; l++) {
      List<Long> m = new ArrayList<>();
      for (int i = 0; i < moves.size(); i++) {
        m.add(moves.get(i) * 31 + l);
      }
      List<Entry> ledger = CreditPropertiesTest.ledger(m);
      parts.add(ledger);
      int base = (3 * l) % ids.size();
      for (CreditAccount a : CreditReplay.replay(SCHEME, ledger, OPTIONS).accounts()) {
        expected.put(rename(a.resident(), ids, base), a.balance());
      }
    }
    List<Entry> all = interleave(parts, ids, rnd);
    Path file = journal(all);
    assertThat(scan(file, false, CreditBalances.DEFAULT_BUFFER)).isEqualTo(expected);
    for (int buffer : BUFFERS) {
      assertThat(scan(file, true, buffer)).as("buffer " + buffer).isEqualTo(expected);
    }
  }

  private static String rename(String resident, List<String> ids, int base) {
    int i = Integer.parseInt(resident.substring(resident.indexOf('-') + 1));
    return ids.get((base + i) % ids.size());
  }

  /** The ledgers' entries in a random interleaving, seqs and references renumbered. */
  private static List<Entry> interleave(List<List<Entry>> parts, List<String> ids, Random rnd) {
    List<Entry> out = new ArrayList<>();
    int[] next = new int[parts.size()];
    List<Map<Long, Long>> seqs = new ArrayList<>();
    parts.forEach(p -> seqs.add(new HashMap<>()));
    int left = parts.stream().mapToInt(List::size).sum();
    while (left > 0) {
      int l = rnd.nextInt(parts.size());
      if (next[l] == parts.get(l).size()) {
        continue;
      }
      Entry e = parts.get(l).get(next[l]++);
      long seq = out.size() + 1L;
      seqs.get(l).put(e.seq(), seq);
      OptionalLong ref =
          e.refersTo().isPresent()
              ? OptionalLong.of(seqs.get(l).get(e.refersTo().getAsLong()))
              : OptionalLong.empty();
      out.add(
          new Entry(
              seq,
              e.at(),
              rename(e.resident(), ids, (3 * l) % ids.size()),
              e.kind(),
              e.rule(),
              e.points(),
              e.by(),
              ref,
              e.evidence()));
      left--;
    }
    return out;
  }

  @Test
  void residentsSharingTheirHashsTopBitsAndDeltasBeyondAnIntKeepTheirBalances() {
    List<String> ids = collidingIds(200);
    // all with the same top 8 bits, half of them with the same top 16 bits
    assertThat(ids.stream().map(id -> spreadOf(id) >>> 56).distinct()).containsExactly(0x12L);
    long[] points = {
      1, -1, 0, Integer.MAX_VALUE, Integer.MIN_VALUE, 1L << 31, -(1L << 31) - 1, Long.MAX_VALUE, -7
    };
    Instant t = CreditFixtures.at("2026-03-02T09:00:00");
    List<Entry> ledger = new ArrayList<>();
    Map<String, Long> expected = new TreeMap<>();
    Random rnd = new Random(5);
    for (int i = 0; i < 3000; i++) {
      String id = ids.get(rnd.nextInt(ids.size()));
      long p = points[rnd.nextInt(points.length)];
      ledger.add(
          new Entry(
              i + 1L,
              t,
              id,
              EntryKind.REDEEM,
              Optional.empty(),
              p,
              "shop",
              OptionalLong.empty(),
              Optional.empty()));
      expected.merge(id, SCHEME.start() + p, (a, b) -> a + b - SCHEME.start());
    }
    Path file = journal(ledger);
    assertThat(scan(file, false, CreditBalances.DEFAULT_BUFFER)).isEqualTo(expected);
    for (int buffer : BUFFERS) {
      assertThat(scan(file, true, buffer)).as("buffer " + buffer).isEqualTo(expected);
    }
  }

  @Test
  void idsThatDifferInTheirLastCharacterHaveDifferentHomes() {
    // the hash before this one ignored the eighth byte of a packed id: r1234560 … r1234569 shared
    // one home in every table, and the benchmark's ids are of that form
    for (String prefix : List.of("r123456", "r999999", "c000000")) {
      java.util.Set<Long> homes = new java.util.HashSet<>();
      for (int d = 0; d < 10; d++) {
        homes.add(spreadOf(prefix + d) >>> (64 - 24)); // a table of 2^24 pairs
      }
      assertThat(homes).as(prefix).hasSizeGreaterThanOrEqualTo(9);
    }
  }

  @Test
  void manyNewResidentsKeepTheirBalances() {
    // 20,000 residents, each new: the table grows many times while they are added
    Instant t = CreditFixtures.at("2026-03-02T09:00:00");
    List<Entry> ledger = new ArrayList<>();
    Map<String, Long> expected = new TreeMap<>();
    for (int i = 0; i < 20_000; i++) {
      String id = "n" + i;
      ledger.add(
          new Entry(
              i + 1L,
              t,
              id,
              EntryKind.REDEEM,
              Optional.empty(),
              -(i % 50),
              "shop",
              OptionalLong.empty(),
              Optional.empty()));
      expected.put(id, SCHEME.start() - i % 50);
    }
    Path file = journal(ledger);
    for (int buffer : BUFFERS) {
      CreditBalances b = CreditBalances.scan(file, SCHEME, Optional.empty(), true, buffer);
      assertThat(b.toMap()).as("buffer " + buffer).isEqualTo(expected);
      assertThat(b.residents()).isEqualTo(20_000);
      assertThat(b.has("n19999")).isTrue();
      assertThat(b.has("n20000")).isFalse();
    }
  }
}
