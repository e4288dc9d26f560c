package org.gridgov.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.gridgov.rules.dispatch.CaseScope;
import org.gridgov.rules.dispatch.CaseSeverity;
import org.gridgov.rules.dispatch.DispatchFacts;
import org.gridgov.rules.dispatch.HandlerTier;
import org.gridgov.rules.lists.Item;
import org.junit.jupiter.api.Test;

class PolicyRegistryTest {
  private static final PolicySet V2024 = PolicySets.shipped().version("2024").orElseThrow();
  private static final PolicySet V2026 = PolicySets.shipped().version("2026").orElseThrow();

  @Test
  void activateReturnsTheSetItReplaces() {
    PolicyRegistry r = PolicyRegistry.of(V2024);
    assertThat(r.active()).isSameAs(V2024);
    assertThat(r.activate(V2026)).isSameAs(V2024);
    assertThat(r.active()).isSameAs(V2026);
    assertThat(r.activateIf(V2024, V2024)).isFalse();
    assertThat(r.active()).isSameAs(V2026);
    assertThat(r.activateIf(V2026, V2024)).isTrue();
    assertThat(r.update(p -> p == V2024 ? V2026 : V2024)).isSameAs(V2026);
  }

  /**
   * Readers racing a writer that swaps versions back and forth always see one whole version: the
   * dispatch decision of the set they took matches that set's version, never a mix.
   */
  @Test
  void readersSeeWholeSetsWhileAWriterSwaps() throws Exception {
    PolicyRegistry registry = PolicyRegistry.of(V2024);
    Item rubbish = PolicySets.sampleLists().item("01001").orElseThrow();
    DispatchFacts sixReports =
        DispatchFacts.of(rubbish, CaseSeverity.SIMPLE, 6, CaseScope.IN_GRID, false);
    int readers = 3;
    ExecutorService pool = Executors.newFixedThreadPool(readers + 1);
    CountDownLatch start = new CountDownLatch(1);
    AtomicBoolean stop = new AtomicBoolean();
    try {
      Future<Integer> writer =
          pool.submit(
              () -> {
                start.await();
                int swaps = 0;
                for (; swaps < 2_000; swaps++) {
                  registry.activate(swaps % 2 == 0 ? V2026 : V2024);
                }
                stop.set(true);
                return swaps;
              });
      List<Future<int[]>> results = new ArrayList<>();
      for (int i = 0; i < readers; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  int[] seen = new int[2];
                  do {
                    PolicySet p = registry.active();
                    HandlerTier tier = p.dispatcher().decide(sixReports).tier();
                    HandlerTier expected =
                        p.version().equals("2024") ? HandlerTier.COMMUNITY : HandlerTier.STREET;
                    if (tier != expected
                        || !p.dispatcher().table().id().equals("dispatch-" + p.version())) {
                      throw new AssertionError(p.version() + " decided " + tier);
                    }
                    seen[p.version().equals("2024") ? 0 : 1]++;
                  } while (!stop.get());
                  return seen;
                }));
      }
      start.countDown();
      assertThat(writer.get(30, TimeUnit.SECONDS)).isEqualTo(2_000);
      for (Future<int[]> f : results) {
        int[] seen = f.get(30, TimeUnit.SECONDS);
        assertThat(seen[0] + seen[1]).isPositive();
      }
      assertThat(registry.active()).isSameAs(V2024);
    } finally {
      pool.shutdownNow();
    }
  }
}
