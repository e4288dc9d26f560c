package org.gridgov.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.gridgov.core.GridId;
import org.gridgov.core.access.Principal;
import org.gridgov.core.access.Role;
import org.gridgov.credit.EntryRefusal.Code;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eight threads recognise points for ONE resident under a monthly cap, through one shared service
 * or through eight services over one store (eight processes, as it were): the ledger stays gapless,
 * no committed entry is lost, the cap holds, and every attempt is either committed or refused for
 * the cap.
 */
class CreditLedgerConcurrencyTest {
  private static final int THREADS = 8;
  private static final int ATTEMPTS = 30;
  private static final long CAP = 60;

  /** The test scheme plus a rule of 1..3 points capped at 60 a month. */
  private static final CreditScheme SCHEME = withCappedRange(LedgerWorld.SCHEME);

  private static CreditScheme withCappedRange(CreditScheme s) {
    List<PointRule> rules = new ArrayList<>(s.rules());
    rules.add(
        new PointRule(
            "V05",
            "Neighbourhood help, by effort",
            1,
            3,
            List.of("GRID_WORKER"),
            OptionalInt.empty(),
            OptionalLong.of(CAP),
            false,
            0,
            "Credit measures art. 8"));
    return new CreditScheme(s.from(), s.to(), s.start(), s.floor(), rules, s.levels(), s.appeal());
  }

  private static final CreditPosts POSTS = posts();

  private static CreditPosts posts() {
    Map<String, Set<String>> m = new HashMap<>();
    for (int t = 0; t < THREADS; t++) {
      m.put("t" + t, Set.of("GRID_WORKER"));
    }
    return CreditPosts.of(m);
  }

  private static CreditLedger service(LedgerStore store, MutableClock clock) {
    return CreditLedger.builder(store, SCHEME)
        .calendar(LedgerWorld.nationalDay())
        .posts(POSTS)
        .grids(LedgerWorld.GRIDS)
        .residents(LedgerWorld.RESIDENTS)
        .clock(clock)
        .build();
  }

  @Test
  void eightThreadsThroughOneServiceNeverLoseAnEntryOrBreakTheCap() throws Exception {
    MemoryLedgerStore store = new MemoryLedgerStore(200_000);
    MutableClock clock = new MutableClock(CreditFixtures.at("2026-03-10T09:00:00"));
    CreditLedger shared = service(store, clock);
    hammer(store, t -> shared, shared);
  }

  @Test
  void eightServicesOverOneStoreNeverLoseAnEntryOrBreakTheCap() throws Exception {
    MemoryLedgerStore store = new MemoryLedgerStore(200_000);
    MutableClock clock = new MutableClock(CreditFixtures.at("2026-03-10T09:00:00"));
    List<CreditLedger> services = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      services.add(service(store, clock));
    }
    hammer(store, services::get, services.get(0));
  }

  @Test
  void eightServicesOverOneFileJournalNeverLoseAnEntryOrBreakTheCap(@TempDir Path dir)
      throws Exception {
    MutableClock clock = new MutableClock(CreditFixtures.at("2026-03-10T09:00:00"));
    Path file = dir.resolve("ledger.journal");
    List<Entry> written;
    try (FileJournalStore journal = FileJournalStore.open(file)) {
      CountingStore store = new CountingStore(journal);
      List<CreditLedger> services = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        services.add(service(store, clock));
      }
      hammer(store, services::get, services.get(0));
      written = journal.entries();
    }
    try (FileJournalStore reopened = FileJournalStore.open(file)) {
      assertThat(reopened.entries()).as("every committed entry survives").isEqualTo(written);
    }
  }

  /** Counts the appends a real store refuses for the sequence check. */
  private static final class CountingStore implements LedgerStore {
    private final LedgerStore inner;
    private final AtomicLong refused = new AtomicLong();

    CountingStore(LedgerStore inner) {
      this.inner = inner;
    }

    @Override
    public long nextSeq() {
      return inner.nextSeq();
    }

    @Override
    public void append(List<Entry> entries) {
      try {
        inner.append(entries);
      } catch (ConcurrentAppendException x) {
        refused.incrementAndGet();
        throw x;
      }
    }

    @Override
    public List<Entry> entries() {
      return inner.entries();
    }

    @Override
    public List<Entry> entriesFrom(long fromSeq) {
      return inner.entriesFrom(fromSeq);
    }

    @Override
    public void close() {
      inner.close();
    }
  }

  private interface ServiceOf {
    CreditLedger of(int thread);
  }

  private static void hammer(LedgerStore store, ServiceOf services, CreditLedger reader)
      throws Exception {
    // a few entries of other residents and rules first, so the cap is not the only thing around
    CreditLedger first = services.of(0);
    Principal street = Principal.of("t0", Role.GRID_WORKER, GridId.of("street"));
    first.recognise(street, "r-2", "V05", 3, Optional.empty()).orElseThrow();
    first.recognise(street, "r-1", "G02", 10, Optional.empty()).orElseThrow();
    int before = store.entries().size();

    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<List<LedgerResult>>> futures = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      Principal worker = Principal.of("t" + t, Role.GRID_WORKER, GridId.of("g11"));
      Callable<List<LedgerResult>> job =
          () -> {
            go.await();
            List<LedgerResult> out = new ArrayList<>();
            for (int i = 0; i < ATTEMPTS; i++) {
              out.add(
                  services
                      .of(thread)
                      .recognise(worker, "r-1", "V05", 1 + (thread + i) % 3, Optional.empty()));
            }
            return out;
          };
      futures.add(pool.submit(job));
    }
    go.countDown();
    List<LedgerResult> results = new ArrayList<>();
    for (Future<List<LedgerResult>> f : futures) {
      results.addAll(f.get(60, TimeUnit.SECONDS));
    }
    pool.shutdown();

    List<Entry> committed = new ArrayList<>();
    int capRefusals = 0;
    for (LedgerResult r : results) {
      if (r.isCommitted()) {
        committed.add(r.entry().orElseThrow());
      } else {
        assertThat(r.refusal().orElseThrow().code()).isEqualTo(Code.OVER_CAP);
        capRefusals++;
      }
    }
    assertThat(committed.size() + capRefusals).isEqualTo(THREADS * ATTEMPTS);

    List<Entry> ledger = store.entries();
    for (int i = 0; i < ledger.size(); i++) {
      assertThat(ledger.get(i).seq()).as("gapless").isEqualTo(i + 1L);
    }
    assertThat(ledger.subList(before, ledger.size()))
        .as("exactly the committed entries, none lost, none extra")
        .containsExactlyInAnyOrderElementsOf(committed);
    long sum = committed.stream().mapToLong(Entry::points).sum();
    assertThat(sum).as("the cap holds").isLessThanOrEqualTo(CAP);
    assertThat(sum)
        .as("the cap was reached: a refusal means one more would break it")
        .isGreaterThan(CAP - 3);
    assertThat(capRefusals).isPositive();
    long collisions =
        store instanceof MemoryLedgerStore m ? m.refused() : ((CountingStore) store).refused.get();
    assertThat(collisions).as("the writers really collided").isPositive();

    CreditBook book = CreditReplay.replay(SCHEME, ledger, ReplayOptions.defaults());
    assertThat(book.account("r-1").orElseThrow().balance()).isEqualTo(SCHEME.start() + 10 + sum);
    assertThat(
            reader
                .statement(LedgerWorld.R1, "r-1", CreditFixtures.at("2026-03-31T00:00:00"))
                .value()
                .orElseThrow()
                .balance())
        .isEqualTo(SCHEME.start() + 10 + sum);
  }
}
