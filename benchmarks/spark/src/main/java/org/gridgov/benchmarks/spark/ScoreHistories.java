package org.gridgov.benchmarks.spark;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.cases.Case;
import org.gridgov.core.cases.Transition;
import org.gridgov.core.json.GridGovJson;
import org.gridgov.core.time.WorkCalendar;
import org.gridgov.fixtures.CityMaker;
import org.gridgov.fixtures.CityPlan;
import org.gridgov.lab.CaseLoop;
import org.gridgov.lab.CaseStream;
import org.gridgov.lab.CaseStreamSpec;
import org.gridgov.lab.City;
import org.gridgov.lab.PolicyVariant;
import org.gridgov.rules.PolicySets;
import org.gridgov.scoring.CaseLog;
import org.gridgov.scoring.FactRules;

/**
 * Many case histories in the core case format (JSON Lines) without holding them: a few thousand
 * template cases with real audit trails (grid-lab's {@link CaseLoop} on a generated city, cases
 * reported in 2026), and case {@code i} of the histories is template {@code i % templates} with the
 * id made unique ({@code <id>~<i>}) and every timestamp moved to year {@code 2026 - history},
 * history {@code i / perHistory} (ten histories: 2017 … 2026). Line {@code i} is a pure function of
 * {@code i}, so Spark generates the lines on the executors, partition by partition from the
 * broadcast templates, and the single-JVM baseline generates exactly the same lines in a loop.
 *
 * <p>Nothing is materialised: 25 million lines would be about 29 GB of JSON (1,157 characters a
 * line); the single JVM holds only its {@link CaseLog} (about 120 bytes a case with the ids, 3 GB
 * for 25 million), Spark only the counts per unit and month.
 */
final class ScoreHistories implements Serializable {
  @Serial private static final long serialVersionUID = 1L;

  static final int TEMPLATE_YEAR = 2026;

  private final String[] heads; // a template up to and including its id
  private final String[] tails; // the rest
  final long perHistory;
  private final transient GridHierarchy hierarchy;
  private final Instant asOf;

  private ScoreHistories(
      String[] heads, String[] tails, long perHistory, GridHierarchy hierarchy, Instant asOf) {
    this.heads = heads;
    this.tails = tails;
    this.perHistory = perHistory;
    this.hierarchy = hierarchy;
    this.asOf = asOf;
  }

  /**
   * Generates the templates: a city of {@code 12 × 10 × 8} grids and its incidents from 2026-01-05
   * for {@code days} days through the loop.
   *
   * @param days days of incidents (150: January to early June)
   * @param perWorkingDay incidents per working day
   * @param perHistory cases per history (2,490,000: one Zhengzhou history)
   * @param seed the seed
   */
  static ScoreHistories generate(int days, double perWorkingDay, long perHistory, long seed) {
    City city =
        City.of(
            CityMaker.generate(CityPlan.uniform(12, 10, 8), seed),
            PolicySets.sampleLists(),
            WorkCalendar.standard());
    CaseStream stream =
        CaseStream.generate(
            city, CaseStreamSpec.of(LocalDate.of(TEMPLATE_YEAR, 1, 5), days, perWorkingDay), seed);
    List<Case> cases =
        CaseLoop.of(city, PolicyVariant.builder("baseline").build()).run(stream).cases();
    String[] heads = new String[cases.size()];
    String[] tails = new String[cases.size()];
    Instant latest = Instant.EPOCH;
    for (int k = 0; k < heads.length; k++) {
      Case c = cases.get(k);
      String line = GridGovJson.toJsonLine(c);
      String id = "\"id\":\"" + c.id() + "\"";
      int at = line.indexOf(id);
      if (at < 0 || line.indexOf(id, at + 1) >= 0) {
        throw new IllegalStateException("cannot find the id of " + line);
      }
      heads[k] = line.substring(0, at + id.length() - 1);
      tails[k] = line.substring(at + id.length() - 1);
      latest = max(latest, c.reportedAt());
      for (Transition t : c.trail()) {
        latest = max(latest, t.at());
      }
    }
    return new ScoreHistories(heads, tails, perHistory, city.hierarchy(), latest);
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /** The number of templates. */
  int templates() {
    return heads.length;
  }

  /** The latest time in any history (the newest history is the templates' year). */
  Instant asOf() {
    return asOf;
  }

  /** The templates' city's hierarchy (driver side only). */
  GridHierarchy hierarchy() {
    return hierarchy;
  }

  /** Case {@code i}'s JSON line. */
  String line(long i) {
    int k = (int) (i % heads.length);
    int history = (int) ((i / perHistory) % 10);
    String head = heads[k];
    String tail = tails[k];
    if (history > 0) {
      String from = "\"" + TEMPLATE_YEAR + "-";
      String to = "\"" + (TEMPLATE_YEAR - history) + "-";
      head = head.replace(from, to);
      tail = tail.replace(from, to);
    }
    return head + "~" + i + tail;
  }

  /**
   * The single-JVM baseline's input: the log of cases {@code [0, n)} as {@code gridgov score}
   * builds it (parse, derive, append), streaming.
   */
  CaseLog log(long n) {
    FactRules rules = FactRules.builder(asOf).hierarchy(hierarchy).build();
    CaseLog.Builder b = rules.newLog();
    for (long i = 0; i < n; i++) {
      b.add(rules.derive(GridGovJson.readCase(line(i))));
    }
    return b.build();
  }

  /**
   * Cases {@code [0, n)} as a dataset of JSON lines (column {@code value}) in {@code partitions}
   * partitions, generated on the executors from the broadcast templates when an action runs.
   */
  Dataset<Row> lines(SparkSession spark, long n, int partitions) {
    Broadcast<ScoreHistories> shipped =
        JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(this);
    return spark
        .range(0, n, 1, partitions)
        .mapPartitions(
            (MapPartitionsFunction<Long, String>)
                ids -> {
                  ScoreHistories h = shipped.value();
                  return new Iterator<String>() {
                    @Override
                    public boolean hasNext() {
                      return ids.hasNext();
                    }

                    @Override
                    public String next() {
                      return h.line(ids.next());
                    }
                  };
                },
            Encoders.STRING())
        .toDF("value");
  }

  /** The first lines, for a look. */
  List<String> head(int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(line(i));
    }
    return out;
  }
}
