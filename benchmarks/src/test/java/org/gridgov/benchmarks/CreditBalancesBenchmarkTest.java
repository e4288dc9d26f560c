package org.gridgov.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.gridgov.credit.CreditBalances;
import org.gridgov.credit.CreditReplay;
import org.junit.jupiter.api.Test;

class CreditBalancesBenchmarkTest {
  @Test
  void theFastPathAndTheReplayAgreeOnEveryResident() throws Exception {
    CreditBalancesBenchmark b = new CreditBalancesBenchmark();
    b.setup(300, 10_000);
    try {
      CreditBalances fast = b.fast();
      CreditReplay replay = b.replayed();
      assertThat(fast.entries()).isEqualTo(10_000);
      assertThat(b.fileSize()).isPositive();
      for (String id : b.residents()) {
        assertThat(fast.balance(id)).as(id).isEqualTo(replay.balance(id));
      }
      assertThat(b.fastFromJournal()).isEqualTo(b.replayFromJournal());
      assertThat(b.generalFromJournal()).isEqualTo(b.replayFromJournal());
    } finally {
      b.tearDown();
    }
  }
}
