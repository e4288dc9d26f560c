package org.gridgov.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exact path of {@link CreditBalances} takes lines in batches of 64 whose residents are looked
 * up together: ledgers that end just before, at and just after a batch's end, entries that void or
 * expire an entry of the same batch or of the batch before, long ids mixed with packed ones in one
 * batch, and the resident table growing while a batch's new residents are added give the balances
 * of the general scanner (which reads line by line).
 */
class CreditBalancesBatchTest {
  @TempDir Path dir;

  private static final CreditScheme SCHEME = CreditPropertiesTest.SCHEME;
  private static final Instant T = CreditFixtures.at("2026-03-02T09:00:00");

  private int files;

  private static Entry entry(long seq, String id, EntryKind kind, long points, long refersTo) {
    return new Entry(
        seq,
        T,
        id,
        kind,
        Optional.empty(),
        points,
        "shop",
        refersTo == 0 ? OptionalLong.empty() : OptionalLong.of(refersTo),
        Optional.empty());
  }

  private Path journal(List<Entry> entries) {
    Path file = dir.resolve(++files + ".journal");
    try (FileJournalStore store = FileJournalStore.open(file)) {
      for (int i = 0; i < entries.size(); i += 5) {
        store.append(entries.subList(i, Math.min(entries.size(), i + 5)));
      }
    }
    return file;
  }

  private static void sameOnBothPaths(Path file, long entries) {
    CreditBalances general =
        CreditBalances.scan(file, SCHEME, Optional.empty(), false, CreditBalances.DEFAULT_BUFFER);
    for (int buffer : new int[] {200, 4096, CreditBalances.DEFAULT_BUFFER}) {
      CreditBalances exact = CreditBalances.scan(file, SCHEME, Optional.empty(), true, buffer);
      assertThat(exact.generalLines).as("lines on the general scanner").isZero();
      assertThat(exact.entries()).isEqualTo(entries);
      assertThat(exact.toMap()).as("buffer " + buffer).isEqualTo(general.toMap());
    }
  }

  /** Redemptions, every third voided or expired 1 to 70 entries later. */
  private static List<Entry> ledger(int n, Random rnd, List<String> ids) {
    List<Entry> out = new ArrayList<>();
    List<Long> open = new ArrayList<>();
    for (long seq = 1; seq <= n; seq++) {
      String id = ids.get(rnd.nextInt(ids.size()));
      if (seq % 3 == 0 && !open.isEmpty()) {
        long ref = open.remove(rnd.nextInt(open.size()));
        EntryKind kind = rnd.nextBoolean() ? EntryKind.EXPIRE : EntryKind.APPEAL_VOIDED;
        out.add(entry(seq, out.get((int) ref - 1).resident(), kind, 0, ref));
      } else {
        out.add(entry(seq, id, EntryKind.REDEEM, -1 - rnd.nextInt(40), 0));
        open.add(seq);
        if (open.size() > 70) {
          open.remove(0);
        }
      }
    }
    return out;
  }

  @Test
  void ledgersEndingAroundABatchsEndKeepTheirBalances() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      ids.add(i % 7 == 0 ? "a-long-resident-id-" + i : "r" + i);
    }
    for (int n : new int[] {1, 63, 64, 65, 127, 128, 129, 200}) {
      Path file = journal(ledger(n, new Random(n), ids));
      sameOnBothPaths(file, n);
    }
  }

  @Test
  void theTableGrowsWhileABatchsNewResidentsAreAdded() {
    // the table starts with 1024 pairs and grows past 640 residents: the batch of lines 577..640
    // holds residents 577..640, the next one 641.., mixed with long ids and old residents
    List<Entry> out = new ArrayList<>();
    java.util.Set<String> residents = new java.util.HashSet<>();
    Random rnd = new Random(16);
    int fresh = 0;
    for (long seq = 1; seq <= 3000; seq++) {
      String id;
      if (seq % 11 == 0 && fresh > 0) {
        id = "r" + rnd.nextInt(fresh);
      } else {
        id = fresh % 5 == 4 ? "resident-with-a-long-id-" + fresh : "r" + fresh;
        fresh++;
      }
      long p = -1 - rnd.nextInt(9);
      out.add(entry(seq, id, EntryKind.REDEEM, p, 0));
      residents.add(id);
    }
    Path file = journal(out);
    sameOnBothPaths(file, 3000);
    assertThat(
            CreditBalances.scan(file, SCHEME, Optional.empty(), true, CreditBalances.DEFAULT_BUFFER)
                .residents())
        .isEqualTo(residents.size());
  }
}
