package org.gridgov.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gridgov.core.time.WorkCalendar;
import org.gridgov.credit.CreditBalances;
import org.gridgov.credit.CreditReplay;
import org.gridgov.credit.CreditScheme;
import org.gridgov.credit.Entry;
import org.gridgov.credit.FileJournalStore;
import org.gridgov.credit.ReplayOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Balances from the file journal (issue 16: 10 million residents and 100 million entries in under
 * 30 s on one core, with the file journal). The ledger of {@link CreditReplayBenchmark} (same
 * generator, seed 16) is written once per trial to a {@link FileJournalStore} in appends of 10,000
 * entries; then, in the same run:
 *
 * <ul>
 *   <li>{@code fastFromJournal}: {@link CreditBalances#fromJournal} — the byte scanner over the
 *       file, CRC32C of every record, primitive state, no {@link Entry} objects;
 *   <li>{@code replayFromJournal} (baseline): {@link FileJournalStore#read} decoding every record
 *       to an {@link Entry} and {@link CreditReplay#accept} checking it, then every resident's
 *       balance.
 * </ul>
 *
 * Both return the sum of every resident's balance. The store stays open during the trial (its
 * opening scan is not measured). The smoke test checks both agree on every resident at a tiny size.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
public class CreditBalancesBenchmark {
  /** Residents and entries, {@code residents:entries}. */
  @Param({"1000000:10000000"})
  public String size;

  private CreditScheme scheme;
  private ReplayOptions options;
  private String[] residents;
  private Path dir;
  private Path journal;
  private FileJournalStore store;

  /** Generates the ledger and writes the journal once per trial. */
  @Setup
  public void setup() {
    String[] parts = size.split(":");
    setup(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
  }

  void setup(int residentCount, int entryCount) {
    scheme = CreditReplayBenchmark.scheme();
    options = ReplayOptions.defaults().withCalendar(WorkCalendar.standard());
    residents = new String[residentCount];
    for (int i = 0; i < residentCount; i++) {
      residents[i] = "r" + i;
    }
    try {
      dir = Files.createTempDirectory("gridgov-credit-bench");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    journal = dir.resolve("credit.journal");
    store = FileJournalStore.open(journal);
    List<Entry> ledger = CreditReplayBenchmark.ledger(residents, entryCount, 16L);
    for (int i = 0; i < ledger.size(); i += 10_000) {
      store.append(ledger.subList(i, Math.min(ledger.size(), i + 10_000)));
    }
  }

  /** Closes the store and deletes the journal. */
  @TearDown
  public void tearDown() throws IOException {
    store.close();
    Files.deleteIfExists(journal);
    Files.deleteIfExists(dir);
  }

  /** The fast path: the journal's bytes straight to balances. */
  @Benchmark
  public long fastFromJournal() {
    CreditBalances b = CreditBalances.fromJournal(journal, scheme);
    long[] sum = {(long) (residents.length - b.residents()) * scheme.start()};
    b.forEach((r, balance) -> sum[0] += balance);
    return sum[0];
  }

  /** The baseline: every record decoded to an entry and checked by the replay. */
  @Benchmark
  public long replayFromJournal() {
    CreditReplay r = CreditReplay.start(scheme, options);
    store.read(1, r::accept);
    long sum = 0;
    for (String id : residents) {
      sum += r.balance(id);
    }
    return sum;
  }

  CreditBalances fast() {
    return CreditBalances.fromJournal(journal, scheme);
  }

  CreditReplay replayed() {
    CreditReplay r = CreditReplay.start(scheme, options);
    store.read(1, r::accept);
    return r;
  }

  String[] residents() {
    return residents;
  }

  long fileSize() throws IOException {
    return Files.size(journal);
  }
}
