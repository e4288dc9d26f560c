package org.gridgov.benchmarks;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.gridgov.core.time.WorkCalendar;
import org.gridgov.credit.CreditReplay;
import org.gridgov.credit.CreditScheme;
import org.gridgov.credit.CreditSchemes;
import org.gridgov.credit.Entry;
import org.gridgov.credit.EntryKind;
import org.gridgov.credit.PointRule;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Replaying a credit ledger to balances (issue 16: 10 million residents and 100 million entries in
 * under 30 s on one core). A generated, valid ledger of {@code entries} entries for {@code
 * residents} residents over five years — recognitions under a capped rule and an expiring capped
 * rule, deductions in a range, redemptions, appeals filed and decided (upheld or voided), repairs
 * after the waiting period, expiries — is replayed with grid-credit's {@link CreditReplay} (every
 * entry checked: rule, range, cap, appeal window on the calendar, repair and expiry conditions)
 * and, in the same run, with a straightforward baseline: the same effective rules and checks over
 * {@code HashMap}s of boxed values and string keys ({@link #naiveBalances}). Each operation replays
 * the whole ledger once ({@link Mode#SingleShotTime}). The smoke test checks both give the same
 * balances at a tiny size.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
public class CreditReplayBenchmark {
  /** Residents and entries, {@code residents:entries}. */
  @Param({"1000000:10000000"})
  public String size;

  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final ZoneOffset OFFSET = ZoneOffset.ofHours(8);

  private CreditScheme scheme;
  private ReplayOptions options;
  private List<Entry> ledger;
  private String[] residents;

  /** The benchmark's scheme: capped volunteering, capped expiring reports, a repairable range. */
  static CreditScheme scheme() {
    String json =
        """
        {"format": "gridgov.credit-scheme/1", "from": "2021-01-01", "to": "2025-12-31", "start": 1000,
         "rules": [
          {"code": "V01", "name": "volunteering", "min": 1, "max": 5, "recognisedBy": ["GRID_WORKER"],
           "capPerMonth": 20, "repairable": false, "basis": "benchmark"},
          {"code": "R01", "name": "report", "points": 1, "recognisedBy": ["GRID_WORKER"],
           "capPerMonth": 5, "expiresAfterDays": 180, "repairable": false, "basis": "benchmark"},
          {"code": "D04", "name": "violation", "min": -50, "max": -5, "recognisedBy": ["GRID_WORKER"],
           "repairable": true, "repairAfterDays": 60, "basis": "benchmark"}],
         "levels": [{"name": "AAA", "min": 1025}, {"name": "A", "min": 1000}, {"name": "D", "min": 0}],
         "appeal": {"fileWithin": "5 working days", "decideWithin": "10 working days"}}
        """;
    return CreditSchemes.read(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "benchmark scheme");
  }

  /** Generates the ledger once per trial. */
  @Setup
  public void setup() {
    String[] parts = size.split(":");
    setup(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
  }

  void setup(int residentCount, int entryCount) {
    scheme = scheme();
    options = ReplayOptions.defaults().withCalendar(WorkCalendar.standard());
    residents = new String[residentCount];
    for (int i = 0; i < residentCount; i++) {
      residents[i] = "r" + i;
    }
    ledger = ledger(residents, entryCount, 16L);
  }

  /** The pure replay, every entry checked, to each resident's balance. */
  @Benchmark
  public long replay() {
    CreditReplay r = CreditReplay.start(scheme, options);
    for (Entry e : ledger) {
      r.accept(e);
    }
    long sum = 0;
    for (String id : residents) {
      sum += r.balance(id);
    }
    return sum;
  }

  /** The baseline: the same rules and checks over boxed hash maps. */
  @Benchmark
  public long naive() {
    Map<String, Long> b = naiveBalances(scheme, options.calendar(), ledger);
    long sum = 0;
    for (String id : residents) {
      sum += b.getOrDefault(id, scheme.start());
    }
    return sum;
  }

  List<Entry> ledger() {
    return ledger;
  }

  String[] residents() {
    return residents;
  }

  CreditScheme schemeUsed() {
    return scheme;
  }

  ReplayOptions options() {
    return options;
  }

  // ------------------------------------------------------------------ the baseline

  /**
   * The straightforward replay: entries by seq in a {@code HashMap<Long, Entry>}, what each counts
   * in a {@code HashMap<Long, Long>}, caps under string keys, balances as boxed longs.
   */
  static Map<String, Long> naiveBalances(
      CreditScheme scheme, WorkCalendar calendar, List<Entry> entries) {
    Map<String, Long> balances = new HashMap<>();
    Map<Long, Entry> bySeq = new HashMap<>();
    Map<Long, Long> counts = new HashMap<>();
    Map<Long, List<Long>> dependents = new HashMap<>();
    Map<Long, Long> restored = new HashMap<>();
    Map<Long, Boolean> openAppeal = new HashMap<>();
    Map<String, Long> capUse = new HashMap<>();
    for (Entry e : entries) {
      bySeq.put(e.seq(), e);
      long delta;
      switch (e.kind()) {
        case RECOGNISE, DEDUCT -> {
          PointRule r = scheme.rule(e.rule().orElseThrow()).orElseThrow();
          if (e.points() < r.min() || e.points() > r.max()) {
            throw new IllegalStateException("points out of range at " + e.seq());
          }
          if (!scheme.inForce(LocalDate.ofInstant(e.at(), calendar.zone()))) {
            throw new IllegalStateException("not in force at " + e.seq());
          }
          if (r.capPerMonth().isPresent()) {
            String key =
                e.resident()
                    + "|"
                    + r.code()
                    + "|"
                    + YearMonth.from(LocalDate.ofInstant(e.at(), calendar.zone()));
            long used = capUse.merge(key, e.points(), Long::sum);
            if (used > r.capPerMonth().getAsLong()) {
              throw new IllegalStateException("over the cap at " + e.seq());
            }
          }
          delta = e.points();
          counts.put(e.seq(), delta);
        }
        case REDEEM, CORRECT -> {
          delta = e.points();
          counts.put(e.seq(), delta);
        }
        case APPEAL_FILED -> {
          Entry t = bySeq.get(e.refersTo().getAsLong());
          Instant closes = calendar.plus(t.at(), scheme.appeal().fileWithin());
          if (e.at().isAfter(closes) || openAppeal.containsKey(t.seq())) {
            throw new IllegalStateException("appeal refused at " + e.seq());
          }
          openAppeal.put(t.seq(), Boolean.TRUE);
          delta = 0;
        }
        case APPEAL_UPHELD -> {
          openAppeal.put(e.refersTo().getAsLong(), Boolean.FALSE);
          delta = 0;
        }
        case APPEAL_VOIDED, EXPIRE -> {
          if (e.kind() == EntryKind.APPEAL_VOIDED) {
            openAppeal.put(e.refersTo().getAsLong(), Boolean.FALSE);
          }
          delta = -zero(e.refersTo().getAsLong(), counts, dependents);
        }
        case REPAIR -> {
          long ref = e.refersTo().getAsLong();
          Entry t = bySeq.get(ref);
          long remaining = -t.points() - restored.getOrDefault(ref, 0L);
          delta = e.points() == 0 ? remaining : e.points();
          restored.merge(ref, delta, Long::sum);
          counts.put(e.seq(), delta);
          dependents.computeIfAbsent(ref, k -> new ArrayList<>()).add(e.seq());
        }
        default -> throw new IllegalStateException("unexpected " + e.kind());
      }
      balances.put(e.resident(), balances.getOrDefault(e.resident(), scheme.start()) + delta);
    }
    return balances;
  }

  private static long zero(long seq, Map<Long, Long> counts, Map<Long, List<Long>> dependents) {
    long sum = counts.getOrDefault(seq, 0L);
    counts.put(seq, 0L);
    for (Long d : dependents.getOrDefault(seq, List.of())) {
      sum += zero(d, counts, dependents);
    }
    return sum;
  }

  // ------------------------------------------------------------------ the ledger

  /** A follow-up due at an instant. */
  private record Pending(long due, EntryKind kind, int target, int resident) {}

  /**
   * A valid ledger: five years from 2021-01-01 (Asia/Shanghai), entries evenly spaced, residents
   * drawn uniformly; follow-ups (appeals within half an hour, decisions an hour later, repairs 61
   * days after a deduction, expiries 181 days after a report) are emitted when due and only while
   * still valid.
   *
   * @param residents the residents' ids
   * @param count how many entries
   * @param seed the seed
   * @return the entries, seq 1..count
   */
  static List<Entry> ledger(String[] residents, int count, long seed) {
    List<Entry> out = new ArrayList<>(count);
    ledger(residents, count, seed, out::add);
    return out;
  }

  /**
   * The same ledger handed entry by entry to {@code sink}, for ledgers too large to keep in memory
   * (the generator's own state is a few bytes per entry).
   */
  static void ledger(String[] residents, int count, long seed, Consumer<Entry> sink) {
    SplittableRandom rnd = new SplittableRandom(seed);
    long t0 = LocalDate.of(2021, 1, 1).atStartOfDay(ZONE).toEpochSecond();
    long span = LocalDate.of(2025, 12, 30).atStartOfDay(ZONE).toEpochSecond() - t0;
    double step = (double) span / count;
    Optional<String> v01 = Optional.of("V01");
    Optional<String> r01 = Optional.of("R01");
    Optional<String> d04 = Optional.of("D04");
    String by = "w1";
    int[] capMonth = new int[residents.length];
    int[] usedV = new int[residents.length];
    int[] usedR = new int[residents.length];
    // per seq: 0 counts, 1 appeal open, 2 appeal upheld, 3 counts zero; repaired flag apart
    byte[] state = new byte[count + 1];
    boolean[] repaired = new boolean[count + 1];
    PriorityQueue<Pending> pending = new PriorityQueue<>((a, b) -> Long.compare(a.due(), b.due()));
    int emitted = 0;
    long primaries = 0;
    while (emitted < count) {
      int seq = emitted + 1;
      long next = t0 + (long) (primaries * step);
      if (!pending.isEmpty() && pending.peek().due() <= next) {
        Pending p = pending.poll();
        String res = residents[p.resident()];
        OptionalLong ref = OptionalLong.of(p.target());
        Instant at = Instant.ofEpochSecond(p.due());
        byte s = state[p.target()];
        switch (p.kind()) {
          case APPEAL_FILED -> {
            if (s == 0) {
              state[p.target()] = 1;
              emitted++;
              sink.accept(entry(seq, at, res, EntryKind.APPEAL_FILED, 0, by, ref));
              pending.add(
                  new Pending(p.due() + 3600, EntryKind.APPEAL_UPHELD, p.target(), p.resident()));
            }
          }
          case APPEAL_UPHELD -> {
            boolean voided = rnd.nextInt(10) < 4;
            state[p.target()] = voided ? (byte) 3 : (byte) 2;
            emitted++;
            sink.accept(
                entry(
                    seq,
                    at,
                    res,
                    voided ? EntryKind.APPEAL_VOIDED : EntryKind.APPEAL_UPHELD,
                    0,
                    by,
                    ref));
          }
          case REPAIR -> {
            if ((s == 0 || s == 2) && !repaired[p.target()]) {
              repaired[p.target()] = true;
              emitted++;
              sink.accept(entry(seq, at, res, EntryKind.REPAIR, 0, by, ref));
            }
          }
          case EXPIRE -> {
            if (s != 3) {
              state[p.target()] = 3;
              emitted++;
              sink.accept(entry(seq, at, res, EntryKind.EXPIRE, 0, by, ref));
            }
          }
          default -> throw new IllegalStateException();
        }
        continue;
      }
      primaries++;
      int ri = rnd.nextInt(residents.length);
      String res = residents[ri];
      Instant at = Instant.ofEpochSecond(next);
      LocalDateTime local = LocalDateTime.ofEpochSecond(next, 0, OFFSET);
      int month = local.getYear() * 12 + local.getMonthValue();
      if (capMonth[ri] != month) {
        capMonth[ri] = month;
        usedV[ri] = 0;
        usedR[ri] = 0;
      }
      double u = rnd.nextDouble();
      long p = 1 + rnd.nextInt(5);
      Entry e;
      if (u < 0.70 && usedV[ri] + p <= 20) {
        usedV[ri] += (int) p;
        e = new Entry(seq, at, res, EntryKind.RECOGNISE, v01, p, by, OptionalLong.empty(), NONE);
        if (rnd.nextInt(100) == 0) {
          pending.add(new Pending(next + 1800, EntryKind.APPEAL_FILED, seq, ri));
        }
      } else if (u < 0.85 && usedR[ri] + 1 <= 5) {
        usedR[ri]++;
        e = new Entry(seq, at, res, EntryKind.RECOGNISE, r01, 1, by, OptionalLong.empty(), NONE);
        pending.add(new Pending(next + 181L * 86400, EntryKind.EXPIRE, seq, ri));
      } else if (u < 0.95) {
        long d = -5L * (1 + rnd.nextInt(10));
        e = new Entry(seq, at, res, EntryKind.DEDUCT, d04, d, by, OptionalLong.empty(), NONE);
        if (rnd.nextInt(5) == 0) {
          pending.add(new Pending(next + 1800, EntryKind.APPEAL_FILED, seq, ri));
        }
        if (rnd.nextBoolean()) {
          pending.add(new Pending(next + 61L * 86400, EntryKind.REPAIR, seq, ri));
        }
      } else {
        e =
            new Entry(
                seq,
                at,
                res,
                EntryKind.REDEEM,
                Optional.empty(),
                -5L * (1 + rnd.nextInt(4)),
                by,
                OptionalLong.empty(),
                NONE);
      }
      emitted++;
      sink.accept(e);
    }
  }

  private static final Optional<String> NONE = Optional.empty();

  private static Entry entry(
      int seq, Instant at, String res, EntryKind kind, long points, String by, OptionalLong ref) {
    return new Entry(seq, at, res, kind, Optional.empty(), points, by, ref, NONE);
  }
}
