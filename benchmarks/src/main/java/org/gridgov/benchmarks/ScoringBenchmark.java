package org.gridgov.benchmarks;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.gridgov.scoring.CaseFacts;
import org.gridgov.scoring.CaseFacts.WorkerRole;
import org.gridgov.scoring.CaseLog;
import org.gridgov.scoring.Count;
import org.gridgov.scoring.Count.Counts;
import org.gridgov.scoring.Indicator;
import org.gridgov.scoring.Scorecard;
import org.gridgov.scoring.Scorer;
import org.gridgov.scoring.ScoringPeriod;
import org.gridgov.scoring.ScoringScheme;
import org.gridgov.scoring.ScoringSchemes;
import org.gridgov.scoring.UnitKind;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Scoring Zhengzhou's whole history (docs/domain.md §3: 2.49 million cases, 54,161 micro-grids, a
 * few hundred departments) into every indicator for every unit and month, 60 months.
 *
 * <ul>
 *   <li>{@code columnar}: the SDK path, {@link CaseLog} columns aggregated in one pass per month
 *       into primitive count arrays, then every {@link Indicator} and the scheme's composite score
 *       and ranking for every unit and month;
 *   <li>{@code groupingBy}: the straightforward baseline on the same cases held as {@link
 *       CaseFacts} objects: {@code Collectors.groupingBy(month, groupingBy(unit, reducing(...)))}
 *       into {@link Counts}, then the same scoring of the same counts.
 * </ul>
 *
 * <p>Both produce the same numbers (checked in setup for one kind and month, and for random logs by
 * the grid-scoring property tests). The {@code kinds} parameter selects the unit kinds scored:
 * {@code GRID+DEPARTMENT} is the figure; {@code ALL} adds workers, communities and streets.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx6g", "-Xms6g"})
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class ScoringBenchmark {
  static final int GRIDS = 54_161;
  static final int DEPARTMENTS = 300;
  static final YearMonth FIRST = YearMonth.of(2019, 1);
  static final int MONTHS = 60;
  static final List<Indicator> ALL_INDICATORS = List.of(Indicator.values());

  @Param({"2490000"})
  int cases;

  @Param({"GRID+DEPARTMENT"})
  String kinds;

  CaseLog log;
  List<CaseFacts> facts;
  Scorer scorer;
  ScoringPeriod period;
  List<UnitKind> unitKinds;
  Scorer twoThreads;
  double[][][] buffers;
  ExecutorService pool;

  @Setup(Level.Trial)
  public void setUp() {
    ScoringScheme scheme =
        ScoringSchemes.builtIn("gbt30428-region").toBuilder().unitKinds(Set.of()).build();
    scorer = Scorer.of(scheme);
    twoThreads = scorer.withThreads(2);
    period = new ScoringPeriod(FIRST, FIRST.plusMonths(MONTHS - 1));
    unitKinds =
        kinds.equals("ALL")
            ? List.of(UnitKind.values())
            : List.of(UnitKind.GRID, UnitKind.DEPARTMENT);
    facts = generate(cases, 20260101L);
    CaseLog.Builder b = CaseLog.builder(Instant.parse("2024-01-01T00:00:00Z"));
    facts.forEach(b::add);
    log = b.build();
    int widest = 0;
    for (UnitKind k : unitKinds) {
      widest = Math.max(widest, log.units(k).size());
    }
    buffers = new double[2][ALL_INDICATORS.size()][widest];
    pool = Executors.newFixedThreadPool(2);
    checkSame();
  }

  /**
   * The SDK path: columnar one-pass aggregation per month, then every indicator of every unit
   * (written into reused buffers), the composite score, ranking and last place.
   */
  @Benchmark
  public void columnar(Blackhole bh) {
    for (UnitKind kind : unitKinds) {
      for (Scorecard card : scorer.score(log, Scorer.Request.of(period, kind).eachMonth())) {
        card.valuesInto(ALL_INDICATORS, buffers[0]);
        bh.consume(buffers[0]);
        bh.consume(card.scores());
        bh.consume(card.lastPlace());
      }
    }
  }

  /**
   * The SDK path on the machine's two cores: months scored on two threads ({@link
   * Scorer#withThreads}), then the scorecards exported on two threads, each with its own buffers.
   */
  @Benchmark
  public void columnarTwoThreads(Blackhole bh) throws Exception {
    for (UnitKind kind : unitKinds) {
      List<Scorecard> cards = twoThreads.score(log, Scorer.Request.of(period, kind).eachMonth());
      List<Future<Double>> parts = new ArrayList<>();
      for (int w = 0; w < 2; w++) {
        int first = w;
        parts.add(
            pool.submit(
                () -> {
                  double[][] mine = buffers[first];
                  double sink = 0;
                  for (int i = first; i < cards.size(); i += 2) {
                    Scorecard card = cards.get(i);
                    card.valuesInto(ALL_INDICATORS, mine);
                    sink += mine[0][0] + card.scores()[0] + card.lastPlace().size();
                  }
                  return sink;
                }));
      }
      for (Future<Double> f : parts) {
        bh.consume(f.get());
      }
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    pool.shutdown();
  }

  /**
   * The straightforward baseline: group objects by month and unit, reduce to counts, then the same
   * scoring and every indicator of every unit (fresh arrays, as a plain caller would).
   */
  @Benchmark
  public void groupingBy(Blackhole bh) {
    for (UnitKind kind : unitKinds) {
      for (Scorecard card : groupingByCards(kind)) {
        bh.consume(card.values(ALL_INDICATORS));
        bh.consume(card.scores());
        bh.consume(card.lastPlace());
      }
    }
  }

  List<Scorecard> groupingByCards(UnitKind kind) {
    Map<YearMonth, Map<String, Counts>> byMonth =
        facts.stream()
            .flatMap(
                f ->
                    f.contributions(kind).entrySet().stream()
                        .map(e -> new Row(f.month(), e.getKey(), e.getValue())))
            .collect(
                Collectors.groupingBy(
                    Row::month,
                    Collectors.groupingBy(
                        Row::unit, Collectors.reducing(Counts.zero(), Row::counts, Counts::plus))));
    List<Scorecard> out = new ArrayList<>();
    for (YearMonth m : period.months()) {
      out.add(scorer.scoreCounts(byMonth.getOrDefault(m, Map.of()), ScoringPeriod.month(m), kind));
    }
    return out;
  }

  private record Row(YearMonth month, String unit, Counts counts) {}

  private void checkSame() {
    YearMonth m = FIRST.plusMonths(7);
    for (UnitKind kind : unitKinds) {
      Scorecard fast = scorer.score(log, Scorer.Request.of(ScoringPeriod.month(m), kind)).get(0);
      Scorecard slow = groupingByCards(kind).get(7);
      for (var u : slow.units()) {
        var f = fast.unit(u.unit()).orElseThrow();
        if (!f.score().equals(u.score()) || !f.rank().equals(u.rank())) {
          throw new IllegalStateException(
              "fast and baseline differ for " + kind + " " + u + " vs " + f);
        }
      }
    }
  }

  static List<CaseFacts> generate(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    String[] grids = ids("G", GRIDS);
    String[] communities = ids("C", GRIDS / 16 + 1);
    String[] streets = ids("S", GRIDS / 256 + 1);
    String[] departments = ids("D", DEPARTMENTS);
    String[] workers = ids("W", GRIDS);
    String[] clerks = ids("K", 100);
    YearMonth[] months = new YearMonth[MONTHS];
    for (int i = 0; i < MONTHS; i++) {
      months[i] = FIRST.plusMonths(i);
    }
    List<CaseFacts> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int g = r.nextInt(GRIDS);
      Set<Count> f = EnumSet.of(Count.REPORTED);
      Map<WorkerRole, String> w = new EnumMap<>(WorkerRole.class);
      w.put(WorkerRole.RESPONSIBLE, workers[g]);
      if (r.nextInt(100) < 40) {
        f.add(Count.PUBLIC_REPORTS);
      } else {
        w.put(WorkerRole.REPORTER, workers[g]);
      }
      int reworks = 0;
      OptionalInt grade = OptionalInt.empty();
      boolean dispatched = false;
      if (r.nextInt(100) < 95) {
        f.add(Count.VALID_REPORTS);
        f.add(Count.FILED);
        w.put(WorkerRole.FILER, clerks[r.nextInt(clerks.length)]);
        if (r.nextInt(100) < 90) {
          f.add(Count.FILED_ON_TIME);
        }
        dispatched = r.nextInt(100) < 92;
      }
      if (dispatched) {
        f.add(Count.DISPATCHED);
        f.add(Count.TAKEN_ON);
        w.put(WorkerRole.DISPATCHER, clerks[r.nextInt(clerks.length)]);
        if (r.nextInt(100) < 90) {
          f.add(Count.DISPATCHED_ON_TIME);
        }
        if (r.nextInt(100) < 95) {
          f.add(Count.DISPATCHED_ACCURATELY);
        }
        if (r.nextInt(100) < 85) {
          f.add(Count.RESPONDED_ON_TIME);
        }
        if (r.nextInt(100) < 3) {
          f.add(Count.DEFERRED);
        }
        int rw = r.nextInt(100);
        reworks = rw < 8 ? 1 : rw < 10 ? 2 + r.nextInt(2) : 0;
        int status = r.nextInt(100);
        if (status < 93) {
          f.add(Count.CLOSED);
          f.add(Count.CHECKED);
          f.add(Count.CLOSURES);
          w.put(WorkerRole.CHECKER, workers[g]);
          w.put(WorkerRole.CLOSER, clerks[r.nextInt(clerks.length)]);
          if (r.nextInt(100) < 90) {
            f.add(Count.CHECKED_ON_TIME);
          }
          if (r.nextInt(100) < 90) {
            f.add(Count.CLOSURES_ON_TIME);
          }
          if (r.nextInt(100) < 90) {
            f.add(Count.HANDLED_ON_TIME);
            if (r.nextInt(100) < 95) {
              f.add(Count.CLOSED_ON_TIME);
            }
          }
          if (r.nextInt(100) < 60) {
            f.add(Count.FOLLOW_UPS);
            int rating = r.nextInt(100);
            f.add(
                rating < 80
                    ? Count.SATISFIED
                    : rating < 95 ? Count.BASICALLY_SATISFIED : Count.DISSATISFIED);
            if (r.nextInt(100) < 95) {
              f.add(Count.FOLLOW_UPS_CONTACTED);
            }
            if (r.nextInt(100) < 90) {
              f.add(Count.FOLLOW_UPS_RESOLVED);
            }
          }
        } else if (status < 96) {
          f.add(Count.OVERDUE_OPEN);
        } else if (status < 98) {
          f.add(Count.SUSPENDED_OPEN);
          if (r.nextBoolean()) {
            f.add(Count.SUSPENDED_OVERDUE);
          }
        }
        if (reworks > 0) {
          if (f.contains(Count.CLOSED) || f.contains(Count.OVERDUE_OPEN)) {
            f.add(Count.REWORKED);
          } else if (f.contains(Count.SUSPENDED_OVERDUE)) {
            f.add(Count.REWORKED_SUSPENDED);
          }
        }
        if (r.nextInt(100) < 10) {
          f.add(Count.WHISTLED);
          if (r.nextInt(100) < 70) {
            f.add(Count.REVERSE_GRADED);
            grade = OptionalInt.of(60 + r.nextInt(41));
          }
        }
      }
      out.add(
          new CaseFacts(
              "C" + i,
              months[r.nextInt(MONTHS)],
              Optional.of(grids[g]),
              Optional.of(communities[g / 16]),
              Optional.of(streets[g / 256]),
              dispatched ? Optional.of(departments[r.nextInt(DEPARTMENTS)]) : Optional.empty(),
              w,
              f,
              reworks,
              grade,
              Optional.empty()));
    }
    return out;
  }

  private static String[] ids(String prefix, int n) {
    String[] out = new String[n];
    for (int i = 0; i < n; i++) {
      out[i] = prefix + String.format("%05d", i);
    }
    return out;
  }
}
