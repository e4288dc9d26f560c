package org.gridgov.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What every {@link LedgerStore} must do; a subclass per implementation supplies the store. */
abstract class LedgerStoreContract {
  /** A fresh, empty store. */
  abstract LedgerStore newStore() throws Exception;

  /** The same storage opened again (after the given store was closed). */
  abstract LedgerStore reopen() throws Exception;

  /** How many entries each of the 8 hammering threads commits. */
  int appendsPerThread() {
    return 25;
  }

  @Test
  void everyFieldOfEveryKindRoundTripsAcrossAReopen() throws Exception {
    List<Entry> written = StoreFixtures.entries(1, 60);
    assertThat(EnumSet.copyOf(written.stream().map(Entry::kind).toList()))
        .isEqualTo(EnumSet.allOf(EntryKind.class));
    try (LedgerStore store = newStore()) {
      assertThat(store.nextSeq()).isEqualTo(1);
      assertThat(store.entries()).isEmpty();
      store.append(written.subList(0, 1));
      store.append(written.subList(1, 25));
      store.append(written.subList(25, 60));
      assertThat(store.entries()).isEqualTo(written);
      assertThat(store.nextSeq()).isEqualTo(61);
    }
    try (LedgerStore store = reopen()) {
      assertThat(store.entries()).isEqualTo(written);
      assertThat(store.entriesFrom(42)).isEqualTo(written.subList(41, 60));
      assertThat(store.entriesFrom(60)).containsExactly(written.get(59));
      assertThat(store.entriesFrom(61)).isEmpty();
      assertThat(store.nextSeq()).isEqualTo(61);
    }
  }

  @Test
  void ofTwoAppendsWithTheSameSeqOneWinsAndTheOtherWritesNothing() throws Exception {
    try (LedgerStore store = newStore()) {
      store.append(StoreFixtures.entries(1, 3));
      List<Entry> mine = List.of(StoreFixtures.recognition(4, "w-mine"));
      List<Entry> theirs =
          List.of(StoreFixtures.recognition(4, "w-theirs"), StoreFixtures.recognition(5, "w-x"));
      store.append(theirs);
      assertThatThrownBy(() -> store.append(mine))
          .isInstanceOfSatisfying(
              ConcurrentAppendException.class,
              e -> {
                assertThat(e.expected()).isEqualTo(4);
                assertThat(e.actual()).isEqualTo(6);
              });
      assertThatThrownBy(() -> store.append(List.of(StoreFixtures.recognition(9, "w-ahead"))))
          .isInstanceOf(ConcurrentAppendException.class)
          .hasMessageContaining("starts at seq 9, the next is 6");
      assertThat(store.entriesFrom(4)).isEqualTo(theirs);
      assertThat(store.nextSeq()).isEqualTo(6);
    }
  }

  @Test
  void aBatchWithAGapOrNoEntriesIsACallerMistake() throws Exception {
    try (LedgerStore store = newStore()) {
      assertThatThrownBy(
              () ->
                  store.append(
                      List.of(
                          StoreFixtures.recognition(1, "w"), StoreFixtures.recognition(3, "w"))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("entry 1 has seq 3, not 2");
      assertThatThrownBy(() -> store.append(List.of()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("empty");
      assertThatThrownBy(() -> store.entriesFrom(0)).isInstanceOf(IllegalArgumentException.class);
      assertThat(store.nextSeq()).isEqualTo(1);
    }
  }

  @Test
  void eightThreadsHammeringOneResidentLoseNothingAndLeaveNoGap() throws Exception {
    int threads = 8;
    int perThread = appendsPerThread();
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicInteger conflicts = new AtomicInteger();
    try (LedgerStore store = newStore()) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < perThread; i++) {
                    String by = "w-" + thread + "-" + i;
                    while (true) {
                      long next = store.nextSeq(); // re-read: in real use, re-check caps here
                      try {
                        store.append(List.of(StoreFixtures.recognition(next, by)));
                        acknowledged.add(by);
                        break;
                      } catch (ConcurrentAppendException e) {
                        conflicts.incrementAndGet();
                      }
                    }
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : futures) {
        f.get(60, TimeUnit.SECONDS);
      }
      pool.shutdown();
      List<Entry> all = store.entries();
      assertThat(all).hasSize(threads * perThread);
      for (int i = 0; i < all.size(); i++) {
        assertThat(all.get(i).seq()).isEqualTo(i + 1L);
      }
      List<String> bys = new ArrayList<>(all.stream().map(Entry::by).toList());
      assertThat(bys).doesNotHaveDuplicates();
      assertThat(Set.copyOf(bys)).isEqualTo(acknowledged);
      assertThat(store.nextSeq()).isEqualTo(threads * perThread + 1L);
      Collections.sort(bys);
    }
    System.out.println(getClass().getSimpleName() + ": " + conflicts + " conflicts retried");
  }
}
