package org.gridgov.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileReadAuditTest {
  @TempDir Path dir;

  private static ReadRecord read(int i) {
    return new ReadRecord(
        Instant.parse("2026-05-06T01:30:00Z").plusSeconds(i),
        "w-" + (i % 7),
        "GRID_WORKER",
        "P-" + i,
        Set.of(Element.NAME, "address"),
        i % 2 == 0 ? Set.of() : Set.of("flags"));
  }

  @Test
  void recordsAreReadBackInOrderAfterAReopen() {
    Path file = dir.resolve("reads.audit");
    List<ReadRecord> written = new ArrayList<>();
    try (FileReadAudit audit = FileReadAudit.open(file)) {
      for (int i = 0; i < 5; i++) {
        audit.record(read(i));
        written.add(read(i));
      }
      assertThat(audit.records()).isEqualTo(written);
      assertThat(audit.size()).isEqualTo(5);
    }
    try (FileReadAudit audit = FileReadAudit.open(file)) {
      assertThat(audit.recovery().clean()).isTrue();
      assertThat(audit.recovery().records()).isEqualTo(5);
      audit.record(read(5));
      written.add(read(5));
      assertThat(audit.records()).isEqualTo(written);
    }
  }

  @Test
  void aTornLastLineIsRemovedAndReported() throws Exception {
    Path file = dir.resolve("reads.audit");
    try (FileReadAudit audit = FileReadAudit.open(file)) {
      audit.record(read(0));
      audit.record(read(1));
    }
    byte[] bytes = Files.readAllBytes(file);
    int second = indexAfterNewline(bytes);
    for (int end = second + 1; end < bytes.length; end += 3) {
      Files.write(file, Arrays.copyOf(bytes, end));
      try (FileReadAudit audit = FileReadAudit.open(file)) {
        StoreRecovery.TornTail torn = audit.recovery().tornTail().orElseThrow();
        assertThat(torn.line()).isEqualTo(2);
        assertThat(torn.byteOffset()).isEqualTo(second);
        assertThat(torn.bytesRemoved()).isEqualTo(end - second);
        assertThat(audit.records()).containsExactly(read(0));
      }
    }
  }

  @Test
  void aDamagedLineWithAWholeLineAfterItIsCorruption() throws Exception {
    Path file = dir.resolve("reads.audit");
    try (FileReadAudit audit = FileReadAudit.open(file)) {
      for (int i = 0; i < 3; i++) {
        audit.record(read(i));
      }
    }
    byte[] bytes = Files.readAllBytes(file);
    bytes[3] = bytes[3] == 'a' ? (byte) 'b' : (byte) 'a'; // the first line's checksum
    Files.write(file, bytes);
    assertThatThrownBy(() -> FileReadAudit.open(file))
        .isInstanceOfSatisfying(
            RiskStoreCorruptException.class,
            e -> {
              assertThat(e.line()).isEqualTo(1);
              assertThat(e.byteOffset()).isZero();
              assertThat(e.reason()).contains("a whole record follows at line 2");
            });
  }

  @Test
  void aSecondWriterIsRefused() {
    Path file = dir.resolve("reads.audit");
    try (FileReadAudit audit = FileReadAudit.open(file)) {
      assertThatThrownBy(() -> FileReadAudit.open(file))
          .isInstanceOf(RiskStoreLockedException.class);
    }
  }

  @Test
  void eightThreadsRecordingAtOnceLoseNoRecord() throws Exception {
    Path file = dir.resolve("reads.audit");
    int threads = 8;
    int each = 60;
    try (FileReadAudit audit = FileReadAudit.open(file)) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < each; i++) {
                    audit.record(read(thread * each + i));
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : futures) {
        f.get(60, TimeUnit.SECONDS);
      }
      pool.shutdown();
    }
    try (FileReadAudit audit = FileReadAudit.open(file)) {
      assertThat(audit.recovery().clean()).isTrue();
      List<ReadRecord> records = audit.records();
      assertThat(records).hasSize(threads * each);
      Set<ReadRecord> expected = new HashSet<>();
      for (int i = 0; i < threads * each; i++) {
        expected.add(read(i));
      }
      assertThat(new HashSet<>(records)).isEqualTo(expected);
    }
  }

  private static int indexAfterNewline(byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        return i + 1;
      }
    }
    throw new AssertionError("no newline");
  }
}
