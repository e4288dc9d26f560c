package org.gridgov.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.gridgov.core.GridId;
import org.gridgov.core.risk.ElementType;
import org.gridgov.core.risk.RiskColour;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Eight threads commit at once: no change is lost, and every commit stays whole and in order. */
class RegisterJournalConcurrencyTest {
  private static final int THREADS = 8;
  private static final int COMMITS = 40;

  @TempDir Path dir;

  private static List<RegisterChange> batch(int thread, int i) {
    String id = "T" + thread + "-" + i;
    LocalDate day = LocalDate.of(2026, 1, 1).plusDays(i);
    return List.of(
        RegisterChange.version(
            ElementVersion.of(
                day,
                Element.of(id, ElementType.PLACES, GridId.of("G" + thread), Optional.empty(), id))),
        RegisterChange.mark(id, ColourMark.manual(RiskColour.YELLOW, day, "t", "w")),
        RegisterChange.visit(Visit.of(id, Instant.parse("2026-02-01T00:00:00Z"), "w", List.of())));
  }

  @Test
  void eightThreadsCommittingAtOnceLoseNoChange() throws Exception {
    Path file = dir.resolve("register.journal");
    Map<Integer, List<Long>> lastSeqs = new HashMap<>();
    try (RegisterJournal j = RegisterJournal.open(file)) {
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<Long>>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  List<Long> seqs = new ArrayList<>();
                  for (int i = 0; i < COMMITS; i++) {
                    seqs.add(j.commit(batch(thread, i)));
                  }
                  return seqs;
                }));
      }
      start.countDown();
      for (int t = 0; t < THREADS; t++) {
        lastSeqs.put(t, futures.get(t).get(60, TimeUnit.SECONDS));
      }
      pool.shutdown();
      assertThat(j.lastSeq()).isEqualTo(THREADS * COMMITS * 3L);
      assertThat(j.state().visits().size()).isEqualTo(THREADS * COMMITS);
      assertThat(j.state().register().size()).isEqualTo(THREADS * COMMITS);
    }
    try (RegisterJournal j = RegisterJournal.open(file)) {
      assertThat(j.recovery().clean()).isTrue();
      List<RegisterChange> changes = j.changes();
      assertThat(changes).hasSize(THREADS * COMMITS * 3);
      for (int t = 0; t < THREADS; t++) {
        List<Long> seqs = lastSeqs.get(t);
        for (int i = 0; i < COMMITS; i++) {
          int last = (int) (long) seqs.get(i);
          // the commit's three changes are whole, in order, at the seqs the commit returned
          assertThat(changes.subList(last - 3, last)).isEqualTo(batch(t, i));
          if (i > 0) {
            assertThat(seqs.get(i)).isGreaterThan(seqs.get(i - 1));
          }
        }
      }
      RegisterJournalFixtures.assertSameState(j.replay(), j.state());
    }
  }
}
