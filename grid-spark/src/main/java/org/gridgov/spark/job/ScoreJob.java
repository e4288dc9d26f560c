package org.gridgov.spark.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.gridgov.core.GridGovException;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.json.GridGovJson;
import org.gridgov.scoring.ExtraCounts;
import org.gridgov.scoring.Indicator;
import org.gridgov.scoring.MonthlyCounts;
import org.gridgov.scoring.Scorecard;
import org.gridgov.scoring.Scorecard.IndicatorValue;
import org.gridgov.scoring.Scorecard.UnitScore;
import org.gridgov.scoring.Scorer;
import org.gridgov.scoring.ScoringPeriod;
import org.gridgov.scoring.ScoringScheme;
import org.gridgov.scoring.ScoringSchemes;
import org.gridgov.scoring.UnitKind;
import org.gridgov.spark.BadCase;
import org.gridgov.spark.BadCaseException;
import org.gridgov.spark.CaseCounts;
import org.gridgov.spark.GridGovSpark;
import org.gridgov.spark.ScoreOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gridgov-spark score}: {@code gridgov score --format csv} on Spark. Reads the case JSON
 * Lines file with Spark (each line numbered for errors), counts on the cluster, scores on the
 * driver and writes CSV part files into {@code --out DIR}, one per scored period, each with the
 * header {@code gridgov score --format csv} writes; the part files' rows, in part order, are that
 * command's rows. Exit 0 done, 2 unusable input (file, line, pointer), 3 internal error.
 */
@Command(
    name = "score",
    mixinStandardHelpOptions = true,
    description = {
      "Score cases under a scoring scheme on Spark and write the ranking as CSV part files,"
          + " with the header and rows of 'gridgov score --format csv'.",
      "Exit 0 on success, 2 when an input cannot be used (file, line and pointer named) or"
          + " nothing would be scored, 3 on an internal error."
    })
final class ScoreJob implements Callable<Integer> {
  @Option(
      names = "--scheme",
      paramLabel = "FILE|ID",
      required = true,
      description = "Scoring scheme: a JSON file, or the id of a shipped scheme.")
  String scheme;

  @Option(
      names = "--cases",
      paramLabel = "FILE",
      required = true,
      description = "Cases, one JSON object per line (core case format); any Hadoop path.")
  String cases;

  @Option(
      names = "--by",
      paramLabel = "KIND",
      description =
          "Unit kind to rank: grid, worker, community, street or department (default: the scheme's"
              + " first unit kind, else department).")
  String by;

  @Option(
      names = "--period",
      paramLabel = "P",
      description = "Months to score: 2026-01..2026-12, 2026-03 or 2026 (default: all months).")
  String period;

  @Option(
      names = "--each",
      paramLabel = "R",
      defaultValue = "period",
      description = "period (one ranking), month or year (default ${DEFAULT-VALUE}).")
  String each;

  @Option(
      names = "--as-of",
      paramLabel = "INSTANT",
      description =
          "When open and overdue states are taken (default: the latest time in the cases).")
  String asOf;

  @Option(
      names = "--hierarchy",
      paramLabel = "FILE",
      description = "Grid hierarchy JSON, for communities and streets.")
  Path hierarchy;

  @Option(
      names = "--calendar",
      paramLabel = "FILE",
      description = "Working calendar JSON (default: standard).")
  Path calendar;

  @Option(names = "--limits", paramLabel = "FILE", description = "Time-limit table JSON.")
  Path limits;

  @Option(
      names = "--counts",
      paramLabel = "FILE",
      description = "Extra counts CSV (kind,unit,month,count,value) the case records do not carry.")
  Path counts;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      required = true,
      description = "Output directory for the CSV part files; must not exist.")
  String out;

  @Option(
      names = "--skip-bad",
      description =
          "Skip bad case lines instead of failing: count them on stderr and write them to"
              + " DIR.bad (line,problem).")
  boolean skipBad;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description =
          "Spark master (default: spark.master when set, as by spark-submit, else local[*]).")
  String master;

  @Override
  public Integer call() {
    try {
      return run();
    } catch (Usage e) {
      System.err.println("gridgov-spark score: " + e.getMessage());
      return SparkJob.INVALID_INPUT;
    } catch (GridGovException | UncheckedIOException e) {
      System.err.println("gridgov-spark score: " + e.getMessage());
      return SparkJob.INVALID_INPUT;
    } catch (RuntimeException e) {
      GridGovException located = locatedCause(e);
      if (located != null) {
        System.err.println("gridgov-spark score: " + located.getMessage());
        return SparkJob.INVALID_INPUT;
      }
      System.err.println("gridgov-spark score: internal error: " + e);
      e.printStackTrace(System.err);
      return SparkJob.INTERNAL;
    }
  }

  private static GridGovException locatedCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof GridGovException g) {
        return g;
      }
    }
    return null;
  }

  /** A caller mistake on the command line: exit 2 with the message. */
  static final class Usage extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Usage(String message) {
      super(message);
    }
  }

  private int run() {
    Scorer.Rollup rollup = rollup();
    ScoringScheme s = readScheme();
    UnitKind kind = kind(s);
    Instant at = asOf();
    ScoreOptions options =
        ScoreOptions.defaults()
            .withSource(cases)
            .withBadRows(skipBad ? ScoreOptions.BadRows.SKIP : ScoreOptions.BadRows.FAIL);
    if (at != null) {
      options = options.withAsOf(at);
    }
    if (hierarchy != null) {
      options = options.withHierarchy(GridGovJson.readHierarchy(hierarchy));
    }
    if (calendar != null) {
      options = options.withCalendar(GridGovJson.readCalendar(calendar));
    }
    if (limits != null) {
      options = options.withTimeLimits(GridGovJson.readTimeLimits(limits));
    }
    ExtraCounts extra = counts == null ? ExtraCounts.empty() : ExtraCounts.read(counts);
    boolean created =
        SparkSession.getActiveSession().isEmpty() && SparkSession.getDefaultSession().isEmpty();
    SparkSession spark = session();
    try {
      Configuration hadoop = spark.sparkContext().hadoopConfiguration();
      requireAbsent(hadoop, out);
      if (skipBad) {
        requireAbsent(hadoop, out + ".bad");
      }
      requirePresent(hadoop);
      JavaRDD<String> text =
          JavaSparkContext.fromSparkContext(spark.sparkContext()).textFile(cases);
      CaseCounts counted;
      try {
        counted = GridGovSpark.countCases(lines(spark, text), EnumSet.of(kind), options);
      } catch (BadCaseException e) {
        BadCase b = e.badCase();
        throw b.atLine(lineOf(text, b)).toException();
      }
      if (!counted.skipped().isEmpty()) {
        writeBad(spark, text, counted.skipped());
      }
      MonthlyCounts mc = counted.counts(kind);
      ScoringPeriod p = period(mc);
      if (!s.inForce(p)) {
        throw new Usage(
            "scheme " + s.id() + " is in force " + s.effectiveRange() + ", not in period " + p);
      }
      List<Scorecard> cards =
          Scorer.of(s).score(mc, Scorer.Request.of(p, kind).extra(extra).rollup(rollup));
      if (cards.stream().allMatch(c -> c.size() == 0)) {
        throw new Usage(
            "--by "
                + kind.key()
                + ": no case names a "
                + kind.key()
                + (kind == UnitKind.COMMUNITY || kind == UnitKind.STREET
                    ? " (give --hierarchy FILE or set assessment." + kind.key() + " in the cases)"
                    : ""));
      }
      write(spark, cards);
      return SparkJob.OK;
    } finally {
      if (created) {
        spark.stop();
      }
    }
  }

  private SparkSession session() {
    SparkSession.Builder b = SparkSession.builder().appName("gridgov-spark score");
    if (master != null) {
      b.master(master);
    } else if (!new SparkConf().contains("spark.master")) {
      b.master("local[*]");
    }
    return b.getOrCreate();
  }

  private static void requireAbsent(Configuration hadoop, String path) {
    org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(path);
    try {
      FileSystem fs = dir.getFileSystem(hadoop);
      if (fs.exists(dir)) {
        throw new Usage("--out: " + path + " exists; give a new directory");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot check " + path + ": " + e.getMessage(), e);
    }
  }

  private void requirePresent(Configuration hadoop) {
    org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(cases);
    try {
      if (!file.getFileSystem(hadoop).exists(file)) {
        throw InvalidInputException.at(cases, "", "no such file");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + cases + ": " + e.getMessage(), e);
    }
  }

  /**
   * The case lines, one row each, in the text file's splits (Hadoop splits keep file order, so a
   * line is named by its split and row, and numbered only when one is bad).
   */
  private static Dataset<Row> lines(SparkSession spark, JavaRDD<String> text) {
    StructType schema =
        new StructType(
            new StructField[] {DataTypes.createStructField("value", DataTypes.StringType, true)});
    return spark.createDataFrame(text.map(RowFactory::create), schema);
  }

  /** The 1-based line of a bad row: the lines of the splits before its own, plus its row. */
  private static long lineOf(JavaRDD<String> text, BadCase b) {
    return before(text, b.partition())[b.partition()] + b.row();
  }

  /** Lines in the splits before each split up to {@code last}, read only on a bad line. */
  private static long[] before(JavaRDD<String> text, int last) {
    List<long[]> sizes =
        text.mapPartitionsWithIndex(
                (Integer p, java.util.Iterator<String> it) -> {
                  long n = 0;
                  if (p < last) {
                    while (it.hasNext()) {
                      it.next();
                      n++;
                    }
                  }
                  return List.of(new long[] {p, n}).iterator();
                },
                false)
            .collect();
    long[] size = new long[text.getNumPartitions()];
    for (long[] s : sizes) {
      size[(int) s[0]] = s[1];
    }
    long[] starts = new long[size.length];
    for (int p = 1; p < size.length; p++) {
      starts[p] = starts[p - 1] + size[p - 1];
    }
    return starts;
  }

  /** The skipped lines, numbered, to {@code DIR.bad} ({@code line,problem}) and counted. */
  private void writeBad(SparkSession spark, JavaRDD<String> text, List<BadCase> bad) {
    int last = bad.stream().mapToInt(BadCase::partition).max().orElse(0);
    long[] starts = before(text, last);
    List<Row> rows = new ArrayList<>();
    for (BadCase b : bad) {
      BadCase at = b.atLine(starts[b.partition()] + b.row());
      rows.add(
          RowFactory.create(Long.toString(at.line().orElseThrow()), at.toException().getMessage()));
    }
    StructType schema =
        new StructType(
            new StructField[] {
              DataTypes.createStructField("line", DataTypes.StringType, false),
              DataTypes.createStructField("problem", DataTypes.StringType, false)
            });
    csv(spark.createDataFrame(rows, schema).coalesce(1), out + ".bad");
    System.err.println(
        "gridgov-spark score: skipped "
            + bad.size()
            + " bad line"
            + (bad.size() == 1 ? "" : "s")
            + " of "
            + cases
            + ", written to "
            + out
            + ".bad");
  }

  private void write(SparkSession spark, List<Scorecard> cards) {
    List<Indicator> inds = cards.get(0).indicators();
    List<StructField> fields = new ArrayList<>();
    for (String name : header(inds)) {
      fields.add(DataTypes.createStructField(name, DataTypes.StringType, true));
    }
    List<List<Row>> parts = new ArrayList<>();
    for (Scorecard card : cards) {
      List<Row> rows = new ArrayList<>();
      for (UnitScore u : card.units()) {
        rows.add(RowFactory.create(row(card, u, inds).toArray()));
      }
      parts.add(rows);
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    JavaRDD<Row> rdd = jsc.parallelize(parts, parts.size()).flatMap(List::iterator);
    csv(spark.createDataFrame(rdd, new StructType(fields.toArray(new StructField[0]))), out);
  }

  /** Writes CSV part files quoted as {@code gridgov} quotes (RFC 4180), empty fields bare. */
  private static void csv(Dataset<Row> rows, String dir) {
    rows.write()
        .mode(SaveMode.ErrorIfExists)
        .option("header", "true")
        .option("quote", "\"")
        .option("escape", "\"")
        .option("ignoreLeadingWhiteSpace", "false")
        .option("ignoreTrailingWhiteSpace", "false")
        .option("nullValue", "")
        .option("emptyValue", "")
        .option("lineSep", "\n")
        .option("encoding", "UTF-8")
        .csv(dir);
  }

  /** The header {@code gridgov score --format csv} writes. */
  static List<String> header(List<Indicator> inds) {
    List<String> h = new ArrayList<>(List.of("period", "kind", "rank", "unit", "score", "grade"));
    for (Indicator i : inds) {
      h.add(i.key());
    }
    return h;
  }

  /** One row as {@code gridgov score --format csv} writes it; empty fields are null. */
  static List<String> row(Scorecard card, UnitScore u, List<Indicator> inds) {
    List<String> r = new ArrayList<>();
    r.add(card.period().toString());
    r.add(card.kind().key());
    r.add(u.rank().isPresent() ? Integer.toString(u.rank().getAsInt()) : null);
    r.add(u.unit());
    r.add(u.score().map(BigDecimal::toPlainString).orElse(null));
    r.add(u.grade().orElse(null));
    for (Indicator i : inds) {
      r.add(u.indicator(i).map(ScoreJob::raw).orElse(null));
    }
    return r;
  }

  private static String raw(IndicatorValue v) {
    return v.value().isEmpty()
        ? null
        : BigDecimal.valueOf(v.value().getAsDouble()).stripTrailingZeros().toPlainString();
  }

  private Scorer.Rollup rollup() {
    return switch (each.toLowerCase(Locale.ROOT)) {
      case "period" -> Scorer.Rollup.NONE;
      case "month" -> Scorer.Rollup.MONTH;
      case "year" -> Scorer.Rollup.YEAR;
      default -> throw new Usage("--each must be one of period, month, year, not '" + each + "'");
    };
  }

  private ScoringScheme readScheme() {
    Path file = Path.of(scheme);
    if (Files.isRegularFile(file)) {
      return ScoringSchemes.read(file);
    }
    if (ScoringSchemes.BUILT_IN.contains(scheme)) {
      return ScoringSchemes.builtIn(scheme);
    }
    throw InvalidInputException.at(
        scheme,
        "",
        "no such file, and not a shipped scheme ("
            + String.join(", ", ScoringSchemes.BUILT_IN)
            + ")"
            + org.gridgov.core.io.Suggestions.didYouMean(scheme, ScoringSchemes.BUILT_IN)
                .map(x -> "; did you mean '" + x + "'?")
                .orElse(""));
  }

  private UnitKind kind(ScoringScheme s) {
    if (by == null) {
      return s.unitKinds().isEmpty()
          ? UnitKind.DEPARTMENT
          : s.unitKinds().stream().sorted().findFirst().orElseThrow();
    }
    UnitKind k =
        UnitKind.parse(by)
            .orElseThrow(
                () ->
                    new Usage(
                        "--by must be grid, worker, community, street or department, not '"
                            + by
                            + "'"));
    if (!s.assesses(k)) {
      throw new Usage(
          "scheme "
              + s.id()
              + " assesses "
              + s.unitKinds().stream().sorted().map(UnitKind::key).toList()
              + ", not "
              + k.key());
    }
    return k;
  }

  private Instant asOf() {
    if (asOf == null) {
      return null;
    }
    try {
      return Instant.parse(asOf);
    } catch (DateTimeParseException e) {
      throw new Usage("--as-of must be an instant like 2026-12-31T16:00:00Z, not '" + asOf + "'");
    }
  }

  private ScoringPeriod period(MonthlyCounts mc) {
    if (period == null) {
      return mc.span().orElseThrow(() -> InvalidInputException.at(cases, "", "no cases"));
    }
    ScoringPeriod p;
    try {
      p = ScoringPeriod.parse(period);
    } catch (IllegalArgumentException e) {
      throw new Usage("--period: " + e.getMessage());
    }
    if (mc.cases(p) == 0) {
      throw new Usage(
          "--period "
              + period
              + ": no case was reported in "
              + p
              + mc.span()
                  .map(span -> " (the cases span " + span + ")")
                  .orElse(" (" + cases + " has no cases)"));
    }
    return p;
  }
}
