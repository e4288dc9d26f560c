package org.gridgov.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JournalAppendBenchmarkTest {
  @Test
  void bothMethodsCommitABatchOfGaplessEntries() throws Exception {
    JournalAppendBenchmark b = new JournalAppendBenchmark();
    b.open();
    try {
      assertThat(b.fsyncPerEntry()).isEqualTo(JournalAppendBenchmark.BATCH + 1L);
      assertThat(b.fsyncPerBatch()).isEqualTo(2L * JournalAppendBenchmark.BATCH + 1);
    } finally {
      b.close();
    }
  }
}
