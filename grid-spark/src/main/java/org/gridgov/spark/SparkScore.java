package org.gridgov.spark;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.cases.Case;
import org.gridgov.core.cases.Transition;
import org.gridgov.core.io.Suggestions;
import org.gridgov.core.json.GridGovJson;
import org.gridgov.scoring.CaseFacts;
import org.gridgov.scoring.CaseFacts.WorkerRole;
import org.gridgov.scoring.Count;
import org.gridgov.scoring.Count.Counts;
import org.gridgov.scoring.FactRules;
import org.gridgov.scoring.MonthlyCounts;
import org.gridgov.scoring.Scorecard;
import org.gridgov.scoring.Scorer;
import org.gridgov.scoring.UnitKind;
import scala.Tuple2;

/**
 * Score on Spark. Each partition parses its case lines, derives their facts with {@link FactRules}
 * (built once per executor from a broadcast of the {@link ScoreOptions}) and sums counts per (kind,
 * unit, month) in a hash map; Spark merges the partial sums by key ({@code reduceByKey}, combined
 * map-side), and the driver collects the merged counts — one row per unit and month, not per case —
 * into {@link MonthlyCounts} and scores them. Scoring is independent of the scheme until that last
 * step, so the scheme never leaves the driver.
 */
final class SparkScore {
  private static final Count[] COUNTS = Count.values();
  private static final int WIDTH = COUNTS.length;
  private static final int REPEATED = Count.REPEATED_REWORKS.ordinal();
  private static final int GRADE_SUM = Count.REVERSE_GRADE_SUM.ordinal();
  private static final WorkerRole REPEATED_ROLE = Count.REPEATED_REWORKS.role();
  private static final WorkerRole GRADE_ROLE = Count.REVERSE_GRADE_SUM.role();

  /** Key kind of the cases-per-month entries. */
  private static final int CASES = -1;

  /** Key kind of a bad line. */
  private static final int BAD = -2;

  private SparkScore() {}

  static List<Scorecard> score(
      Dataset<Row> cases, Scorer scorer, Scorer.Request request, ScoreOptions options) {
    if (options.badRows() != ScoreOptions.BadRows.FAIL) {
      throw new IllegalArgumentException(
          "score fails on a bad line; to skip bad lines and see them, use countCases with"
              + " BadRows.SKIP and score its counts");
    }
    CaseCounts counts = count(cases, EnumSet.of(request.kind()), options);
    return scorer.score(counts.counts(request.kind()), request);
  }

  static CaseCounts count(Dataset<Row> cases, Set<UnitKind> kinds, ScoreOptions options) {
    if (kinds.isEmpty()) {
      throw new IllegalArgumentException("no unit kind to count");
    }
    boolean caseSensitive = SparkLocate.caseSensitive(cases.sparkSession());
    StructField text = field(cases, options.caseColumn(), "case", caseSensitive);
    if (!text.dataType().equals(DataTypes.StringType)) {
      throw new IllegalArgumentException(
          "case column '"
              + text.name()
              + "' must be a string, not "
              + text.dataType().simpleString());
    }
    Dataset<Row> selected;
    if (options.lineColumn().isPresent()) {
      StructField line = field(cases, options.lineColumn().get(), "line", caseSensitive);
      if (!isIntegral(line.dataType())) {
        throw new IllegalArgumentException(
            "line column '"
                + line.name()
                + "' must be an integer type, not "
                + line.dataType().simpleString());
      }
      selected = cases.select(cases.col(text.name()), cases.col(line.name()));
    } else {
      selected = cases.select(cases.col(text.name()));
    }
    JavaRDD<Row> rows = selected.javaRDD();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(cases.sparkSession().sparkContext());
    Instant asOf = options.asOf().orElseGet(() -> latest(rows));
    Broadcast<Spec> spec = jsc.broadcast(Spec.of(options, asOf, kinds));
    try {
      List<Tuple2<Key, Part>> merged =
          JavaPairRDD.fromJavaRDD(rows.mapPartitionsWithIndex(new Counter(spec), false))
              .reduceByKey(MERGE)
              .collect();
      return collect(merged, kinds, asOf, options);
    } finally {
      spec.destroy();
    }
  }

  private static final Function2<Part, Part, Part> MERGE = Part::plus;

  private static boolean isIntegral(DataType t) {
    return t.equals(DataTypes.IntegerType)
        || t.equals(DataTypes.LongType)
        || t.equals(DataTypes.ShortType)
        || t.equals(DataTypes.ByteType);
  }

  /** A column found as Spark resolves names (case-insensitively unless spark.sql.caseSensitive). */
  private static StructField field(
      Dataset<Row> ds, String name, String what, boolean caseSensitive) {
    StructField found = null;
    for (StructField f : ds.schema().fields()) {
      if (f.name().equals(name)) {
        return f;
      }
      if (!caseSensitive && f.name().equalsIgnoreCase(name)) {
        if (found != null) {
          throw new IllegalArgumentException(
              "the "
                  + what
                  + " column '"
                  + name
                  + "' is ambiguous: the cases have '"
                  + found.name()
                  + "' and '"
                  + f.name()
                  + "' (spark.sql.caseSensitive is false)");
        }
        found = f;
      }
    }
    if (found != null) {
      return found;
    }
    List<String> names = Arrays.asList(ds.columns());
    throw new IllegalArgumentException(
        "no "
            + what
            + " column '"
            + name
            + "'"
            + Suggestions.didYouMean(name, names).map(s -> "; did you mean '" + s + "'?").orElse("")
            + " (columns: "
            + String.join(", ", names)
            + ")");
  }

  /**
   * The latest time in the cases (reports and trail steps), floored at 1970-01-01T00:00:00Z as
   * {@code gridgov score} defaults its as-of instant; the epoch for no cases at all.
   */
  static Instant latest(JavaRDD<Row> rows) {
    return rows.mapPartitions(
            (Iterator<Row> it) -> {
              Instant m = Instant.EPOCH;
              int n = 0;
              while (it.hasNext()) {
                Row r = it.next();
                String line = r.isNullAt(0) ? null : strip(r.getString(0), n++ == 0);
                if (line == null || line.isBlank()) {
                  continue;
                }
                Case c;
                try {
                  c = GridGovJson.readCase(line);
                } catch (RuntimeException bad) {
                  continue; // reported by the counting pass
                }
                m = later(m, c.reportedAt());
                for (Transition t : c.trail()) {
                  m = later(m, t.at());
                }
              }
              return List.of(m).iterator();
            })
        .fold(Instant.EPOCH, SparkScore::later);
  }

  /** The later instant (compares seconds, then nanoseconds: no overflow for any instant). */
  private static Instant later(Instant a, Instant b) {
    return b.isAfter(a) ? b : a;
  }

  /** A byte order mark before the first line, as the JSON Lines reader accepts it. */
  private static String strip(String line, boolean first) {
    return first && line.startsWith("\uFEFF") ? line.substring(1) : line;
  }

  private static CaseCounts collect(
      List<Tuple2<Key, Part>> merged, Set<UnitKind> kinds, Instant asOf, ScoreOptions options) {
    Map<UnitKind, MonthlyCounts.Builder> builders = new EnumMap<>(UnitKind.class);
    for (UnitKind k : kinds) {
      builders.put(k, MonthlyCounts.builder(k, asOf));
    }
    List<BadCase> bad = new ArrayList<>();
    for (Tuple2<Key, Part> e : merged) {
      Key k = e._1();
      Part p = e._2();
      if (k.kind == BAD) {
        bad.add(p.bad);
      } else if (k.kind == CASES) {
        for (MonthlyCounts.Builder b : builders.values()) {
          b.addCases(month(k.month), p.counts[0]);
        }
      } else {
        Counts.Builder c = Counts.builder();
        for (int i = 0; i < WIDTH; i++) {
          c.add(COUNTS[i], p.counts[i]);
        }
        builders.get(UnitKind.values()[k.kind]).add(k.unit, month(k.month), c.build());
      }
    }
    bad.sort(
        Comparator.comparingLong((BadCase b) -> b.line().orElse(0))
            .thenComparingInt(BadCase::partition)
            .thenComparingLong(BadCase::row));
    if (!bad.isEmpty() && options.badRows() == ScoreOptions.BadRows.FAIL) {
      throw bad.get(0).toException();
    }
    Map<UnitKind, MonthlyCounts> out = new EnumMap<>(UnitKind.class);
    builders.forEach((k, b) -> out.put(k, b.build()));
    return new CaseCounts(asOf, out, bad);
  }

  private static int monthIndex(YearMonth m) {
    return m.getYear() * 12 + m.getMonthValue() - 1;
  }

  private static YearMonth month(int index) {
    return YearMonth.of(Math.floorDiv(index, 12), Math.floorMod(index, 12) + 1);
  }

  /**
   * What travels to the executors once per job: the as-of instant, the options (their Java serial
   * form, so the broadcast is the same whatever {@code spark.serializer}), the kinds counted and
   * the bad-line policy. The {@link FactRules} are built on first use in each executor JVM (a
   * broadcast value is deserialised once per executor) and shared by its tasks.
   */
  static final class Spec implements Serializable {
    @Serial private static final long serialVersionUID = 1L;

    final long asOfSeconds;
    final int asOfNanos;
    final byte[] options;
    final int[] kinds;
    final boolean failFast;
    final boolean hasLines;
    final String source;
    private transient volatile FactRules rules;

    private Spec(ScoreOptions o, Instant asOf, Set<UnitKind> kinds) {
      this.asOfSeconds = asOf.getEpochSecond();
      this.asOfNanos = asOf.getNano();
      this.options = SerialBytes.write(o, "the score options");
      this.kinds = kinds.stream().mapToInt(Enum::ordinal).sorted().toArray();
      this.failFast = o.badRows() == ScoreOptions.BadRows.FAIL;
      this.hasLines = o.lineColumn().isPresent();
      this.source = o.source();
    }

    static Spec of(ScoreOptions o, Instant asOf, Set<UnitKind> kinds) {
      Spec s = new Spec(o, asOf, kinds);
      s.rules(); // fail on the driver, not in a task, if the rules cannot be built
      return s;
    }

    FactRules rules() {
      FactRules r = rules;
      if (r == null) {
        synchronized (this) {
          r = rules;
          if (r == null) {
            r =
                SerialBytes.read(options, ScoreOptions.class, "the score options")
                    .factRules(Instant.ofEpochSecond(asOfSeconds, asOfNanos));
            rules = r;
          }
        }
      }
      return r;
    }
  }

  /** The key of a partial count: a unit of a kind in a month, a month's cases, or a bad line. */
  static final class Key implements Serializable {
    @Serial private static final long serialVersionUID = 1L;

    final int kind;
    final String unit;
    final int month;
    private final int hash;

    Key(int kind, String unit, int month) {
      this.kind = kind;
      this.unit = unit;
      this.month = month;
      this.hash = (kind * 31 + month) * 31 + unit.hashCode();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.kind == kind && k.month == month && k.unit.equals(unit);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  /** A partial value: counts (a month's cases in slot 0 for {@link #CASES}) or a bad line. */
  static final class Part implements Serializable {
    @Serial private static final long serialVersionUID = 1L;

    final int[] counts;
    final BadCase bad;

    Part(int[] counts, BadCase bad) {
      this.counts = counts;
      this.bad = bad;
    }

    Part plus(Part other) {
      if (bad != null) {
        return this;
      }
      int[] sum = counts.clone();
      for (int i = 0; i < sum.length; i++) {
        sum[i] = Math.addExact(sum[i], other.counts[i]);
      }
      return new Part(sum, null);
    }
  }

  private static Tuple2<Key, Part> bad(
      Spec s, int partition, long row, long line, int column, String pointer, String reason) {
    BadCase b = new BadCase(s.source, line, partition, row, column, pointer, reason);
    return new Tuple2<>(new Key(BAD, partition + ":" + row, 0), new Part(null, b));
  }

  /** Adds one case's contributions, as {@link CaseFacts#contributions}, without a map per case. */
  static void add(Map<Key, int[]> acc, CaseFacts f, UnitKind[] kinds) {
    int m = monthIndex(f.month());
    acc.computeIfAbsent(new Key(CASES, "", m), k -> new int[1])[0]++;
    for (UnitKind kind : kinds) {
      int kk = kind.ordinal();
      if (kind == UnitKind.WORKER) {
        for (WorkerRole r : WorkerRole.values()) {
          f.unit(kind, r).ifPresent(u -> slot(acc, kk, u, m));
        }
      } else {
        f.unit(kind).ifPresent(u -> slot(acc, kk, u, m));
      }
      for (Count c : f.flags()) {
        Optional<String> u = f.unit(kind, c.role());
        if (u.isPresent()) {
          slot(acc, kk, u.get(), m)[c.ordinal()]++;
        }
      }
      int repeated = f.repeatedReworks();
      if (repeated > 0) {
        Optional<String> u = f.unit(kind, REPEATED_ROLE);
        if (u.isPresent()) {
          slot(acc, kk, u.get(), m)[REPEATED] += repeated;
        }
      }
      if (f.reverseGrade().isPresent() && f.reverseGrade().getAsInt() > 0) {
        Optional<String> u = f.unit(kind, GRADE_ROLE);
        if (u.isPresent()) {
          slot(acc, kk, u.get(), m)[GRADE_SUM] += f.reverseGrade().getAsInt();
        }
      }
    }
  }

  private static int[] slot(Map<Key, int[]> acc, int kind, String unit, int month) {
    return acc.computeIfAbsent(new Key(kind, unit, month), k -> new int[WIDTH]);
  }

  /** Counts one partition. */
  static final class Counter
      implements Function2<Integer, Iterator<Row>, Iterator<Tuple2<Key, Part>>> {
    @Serial private static final long serialVersionUID = 1L;

    private final Broadcast<Spec> spec;

    Counter(Broadcast<Spec> spec) {
      this.spec = spec;
    }

    @Override
    public Iterator<Tuple2<Key, Part>> call(Integer partition, Iterator<Row> rows) {
      Spec s = spec.value();
      FactRules rules = s.rules();
      UnitKind[] kinds = new UnitKind[s.kinds.length];
      for (int i = 0; i < kinds.length; i++) {
        kinds[i] = UnitKind.values()[s.kinds[i]];
      }
      Map<Key, int[]> acc = new HashMap<>();
      List<Tuple2<Key, Part>> bad = new ArrayList<>();
      long row = 0;
      while (rows.hasNext()) {
        Row r = rows.next();
        row++;
        long line = s.hasLines && !r.isNullAt(1) ? ((Number) r.get(1)).longValue() : 0;
        String text = r.isNullAt(0) ? null : strip(r.getString(0), row == 1);
        if (text != null && text.isBlank()) {
          continue; // as the JSON Lines reader skips blank lines
        }
        CaseFacts f;
        try {
          if (text == null) {
            throw InvalidInputException.at(s.source, "", "no case: the line is null");
          }
          f = rules.derive(GridGovJson.readCase(text));
        } catch (RuntimeException e) {
          bad.add(
              e instanceof InvalidInputException x
                  ? bad(
                      s,
                      partition,
                      row,
                      line,
                      x.column().orElse(0),
                      x.pointer().orElse(""),
                      x.reason())
                  : bad(s, partition, row, line, 0, "", String.valueOf(e.getMessage())));
          if (s.failFast) {
            return bad.iterator(); // the action fails on the driver with the first bad line
          }
          continue;
        }
        add(acc, f, kinds);
      }
      List<Tuple2<Key, Part>> out = new ArrayList<>(acc.size() + bad.size());
      acc.forEach((k, v) -> out.add(new Tuple2<>(k, new Part(v, null))));
      out.addAll(bad);
      return out.iterator();
    }
  }
}
