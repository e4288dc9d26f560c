package org.gridgov.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 *       file, CRC32C of every record, primitive state, no {@link Entry} objects; lines in the
 *       store's exact layout read eight bytes at a time, residents looked up in batches;
 *   <li>{@code generalFromJournal} (same-run baseline of the scanner): the same with the
 *       exact-layout path turned off (system property {@code
 *       gridgov.credit.balances.generalScanner}), every line read by the general scanner;
 *   <li>{@code replayFromJournal} (baseline): {@link FileJournalStore#read} decoding every record
 *       to an {@link Entry} and {@link CreditReplay#accept} checking it, then every resident's
 *       balance.
 * </ul>
 *
 * All return the sum of every resident's balance. The store stays open during the trial (its
 * opening scan is not measured). The smoke test checks all agree on every resident at a tiny size.
 *
 * <p>With {@code -p journal=PATH} the journal is kept at PATH across runs: written there (entry by
 * entry from the generator, in appends of 10,000, never the whole ledger in memory) when it does
 * not exist, reused when it does, and not deleted; the store is not opened, so {@code
 * replayFromJournal} is not available then. For the 100-million-entry measurement.
 *
 * <p>The fork runs with transparent huge pages for the heap ({@code -XX:+UseTransparentHugePages},
 * on Linux with THP set to {@code madvise} or {@code always}; elsewhere the JVM warns and goes on):
 * at 10 million residents every entry looks up its resident in a 256 MB table and many look back
 * into the 800 MB per-entry state, and with 4 KB pages nearly every such access also misses the
 * TLB: on the test VM the fast path took 23.1–29.5 s per 100 M-entry operation with 4 KB pages and
 * 19.4–24.4 s with huge pages (benchmarks/RESULTS.md, round 5). Both methods run with the same
 * flags.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-XX:+UseTransparentHugePages"})
public class CreditBalancesBenchmark {
  /** Residents and entries, {@code residents:entries}. */
  @Param({"1000000:10000000"})
  public String size;

  /** Where to keep the journal across runs; empty: a temporary file per trial. */
  @Param({""})
  public String journal;

  private static final String GENERAL_SCANNER = "gridgov.credit.balances.generalScanner";

  private CreditScheme scheme;
  private ReplayOptions options;
  private String[] residents;
  private Path dir;
  private Path journalFile;
  private FileJournalStore store;

  /** Generates the ledger and writes the journal once per trial. */
  @Setup
  public void setup() {
    String[] parts = size.split(":");
    if (journal.isEmpty()) {
      setup(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    } else {
      keep(Path.of(journal), Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }
  }

  /** Uses the journal at {@code file}, written first when it does not exist. */
  void keep(Path file, int residentCount, int entryCount) {
    scheme = CreditReplayBenchmark.scheme();
    options = ReplayOptions.defaults().withCalendar(WorkCalendar.standard());
    residents = residents(residentCount);
    journalFile = file;
    if (!Files.exists(file)) {
      write(file, residents, entryCount);
    }
  }

  /** Writes the generator's ledger to a new journal, in appends of 10,000, entry by entry. */
  static void write(Path file, String[] residents, int entryCount) {
    try (FileJournalStore s = FileJournalStore.open(file)) {
      List<Entry> batch = new ArrayList<>(10_000);
      CreditReplayBenchmark.ledger(
          residents,
          entryCount,
          16L,
          e -> {
            batch.add(e);
            if (batch.size() == 10_000) {
              s.append(batch);
              batch.clear();
            }
          });
      if (!batch.isEmpty()) {
        s.append(batch);
      }
    }
  }

  private static String[] residents(int residentCount) {
    String[] out = new String[residentCount];
    for (int i = 0; i < residentCount; i++) {
      out[i] = "r" + i;
    }
    return out;
  }

  void setup(int residentCount, int entryCount) {
    scheme = CreditReplayBenchmark.scheme();
    options = ReplayOptions.defaults().withCalendar(WorkCalendar.standard());
    residents = residents(residentCount);
    try {
      dir = Files.createTempDirectory("gridgov-credit-bench");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    journalFile = dir.resolve("credit.journal");
    store = FileJournalStore.open(journalFile);
    List<Entry> ledger = CreditReplayBenchmark.ledger(residents, entryCount, 16L);
    for (int i = 0; i < ledger.size(); i += 10_000) {
      store.append(ledger.subList(i, Math.min(ledger.size(), i + 10_000)));
    }
  }

  /** Closes the store and deletes the journal. */
  @TearDown
  public void tearDown() throws IOException {
    if (store == null) {
      return; // a kept journal
    }
    store.close();
    Files.deleteIfExists(journalFile);
    Files.deleteIfExists(dir);
  }

  /** The fast path: the journal's bytes straight to balances. */
  @Benchmark
  public long fastFromJournal() {
    System.clearProperty(GENERAL_SCANNER);
    return sum(CreditBalances.fromJournal(journalFile, scheme));
  }

  /** The scanner's baseline: the fast path with every line read by the general scanner. */
  @Benchmark
  public long generalFromJournal() {
    System.setProperty(GENERAL_SCANNER, "true");
    try {
      return sum(CreditBalances.fromJournal(journalFile, scheme));
    } finally {
      System.clearProperty(GENERAL_SCANNER);
    }
  }

  private long sum(CreditBalances b) {
    long[] sum = {(long) (residents.length - b.residents()) * scheme.start()};
    b.forEach((r, balance) -> sum[0] += balance);
    return sum[0];
  }

  /** The baseline: every record decoded to an entry and checked by the replay. */
  @Benchmark
  public long replayFromJournal() {
    if (store == null) {
      throw new IllegalStateException("replayFromJournal needs the journal written per trial");
    }
    CreditReplay r = CreditReplay.start(scheme, options);
    store.read(1, r::accept);
    long sum = 0;
    for (String id : residents) {
      sum += r.balance(id);
    }
    return sum;
  }

  CreditBalances fast() {
    return CreditBalances.fromJournal(journalFile, scheme);
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
    return Files.size(journalFile);
  }
}
