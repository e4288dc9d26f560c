package org.gridgov.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.gridgov.credit.Entry;
import org.gridgov.credit.EntryKind;
import org.gridgov.credit.FileJournalStore;
import org.gridgov.credit.LedgerStores;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The credit journal's append throughput, in committed entries per second, with and without
 * batching: {@code fsyncPerEntry} (the baseline) appends {@value #BATCH} entries one call each, one
 * write and one fsync per entry; {@code fsyncPerBatch} appends the same {@value #BATCH} entries in
 * one call, one write and one fsync for all. Both write to a fresh journal in a temporary directory
 * (on the disk, not tmpfs, or the fsync costs nothing) per iteration.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class JournalAppendBenchmark {
  /** Entries per batch. */
  public static final int BATCH = 64;

  private static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");

  private Path dir;
  private FileJournalStore store;

  /** Opens a fresh journal. */
  @Setup(Level.Iteration)
  public void open() throws IOException {
    dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "journal-bench");
    store = LedgerStores.openJournal(dir.resolve("credit.journal"));
  }

  /** Closes and deletes the journal. */
  @TearDown(Level.Iteration)
  public void close() throws IOException {
    store.close();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  static Entry entry(long seq) {
    return new Entry(
        seq,
        T0.plusSeconds(seq),
        "r-" + (seq % 10_000),
        EntryKind.RECOGNISE,
        Optional.of("V01"),
        2,
        "w-17",
        OptionalLong.empty(),
        Optional.of("case-" + seq));
  }

  /**
   * Baseline: one append (one fsync) per entry.
   *
   * @return the next seq, so nothing is optimised away
   */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public long fsyncPerEntry() {
    for (int i = 0; i < BATCH; i++) {
      store.append(List.of(entry(store.nextSeq())));
    }
    return store.nextSeq();
  }

  /**
   * Group commit: one append (one fsync) per {@value #BATCH} entries.
   *
   * @return the next seq
   */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public long fsyncPerBatch() {
    long next = store.nextSeq();
    List<Entry> batch = new ArrayList<>(BATCH);
    for (int i = 0; i < BATCH; i++) {
      batch.add(entry(next + i));
    }
    store.append(batch);
    return store.nextSeq();
  }
}
