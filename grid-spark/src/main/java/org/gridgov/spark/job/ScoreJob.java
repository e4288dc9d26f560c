package org.gridgov.spark.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.io.Csv;
import org.gridgov.core.json.GridGovJson;
import org.gridgov.scoring.ExtraCounts;
import org.gridgov.scoring.Indicator;
import org.gridgov.scoring.MonthlyCounts;
import org.gridgov.scoring.Scorecard;
import org.gridgov.scoring.ScorecardCsv;
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
import org.gridgov.spark.job.JobRunner.Usage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gridgov-spark score}: {@code gridgov score --format csv} on Spark. Reads the case JSON
 * Lines file with Spark (each line numbered for errors), counts on the cluster, scores on the
 * driver and writes CSV part files into {@code --out DIR}, one per scored period, each with the
 * header {@code gridgov score --format csv} writes; the part files' rows, in part order, are that
 * command's rows, formatted by the same {@link ScorecardCsv}. {@code --cases} must be a file (not a
 * directory or a glob), so that its lines are numbered. Everything is scored before anything is
 * written; the output follows {@link JobRunner.Output} (whole or not at all; {@code --force}
 * replaces {@code DIR} and {@code DIR.bad} after success; never an input); with {@code --skip-bad}
 * {@code DIR.bad} ({@code line,problem}) is written always, only the header when no line was bad.
 * Exit 0 done, 2 unusable input (file, line, pointer), 3 internal error.
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
      description = "Output directory for the CSV part files; must not exist (see --force).")
  String out;

  @Option(
      names = "--force",
      description = "Replace an existing DIR and DIR.bad, once the job succeeded (never an input).")
  boolean force;

  @Option(
      names = "--skip-bad",
      description =
          "Skip bad case lines instead of failing: count them on stderr and write them to"
              + " DIR.bad (line,problem; only the header when none was bad).")
  boolean skipBad;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description =
          "Spark master (default: spark.master when set, as by spark-submit, else local[*]).")
  String master;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    return JobRunner.call(spec, err -> run());
  }

  private void run() throws Exception {
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
    ScoreOptions opts = options;
    JobRunner.withSession(
        "gridgov-spark score", master, spark -> score(spark, s, kind, rollup, opts, extra));
  }

  private void score(
      SparkSession spark,
      ScoringScheme s,
      UnitKind kind,
      Scorer.Rollup rollup,
      ScoreOptions options,
      ExtraCounts extra)
      throws IOException {
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    List<String> inputs = new ArrayList<>(List.of(cases));
    if (Files.isRegularFile(Path.of(scheme))) {
      inputs.add(Path.of(scheme).toAbsolutePath().toString());
    }
    for (Path p : Arrays.asList(hierarchy, calendar, limits, counts)) {
      if (p != null) {
        inputs.add(p.toAbsolutePath().toString());
      }
    }
    JobRunner.Output output = new JobRunner.Output(hadoop, out, force, inputs);
    JobRunner.inputFile(hadoop, cases);
    JavaRDD<String> text = JavaSparkContext.fromSparkContext(spark.sparkContext()).textFile(cases);
    CaseCounts counted;
    try {
      counted = GridGovSpark.countCases(lines(spark, text), EnumSet.of(kind), options);
    } catch (BadCaseException e) {
      BadCase b = e.badCase();
      throw b.atLine(lineOf(text, b)).toException();
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
    try {
      List<Indicator> inds = cards.get(0).indicators();
      List<List<String>> parts = new ArrayList<>();
      for (Scorecard card : cards) {
        List<String> part = new ArrayList<>();
        part.add(ScorecardCsv.header(inds));
        part.addAll(ScorecardCsv.rows(card, inds));
        parts.add(part);
      }
      output.writeParts(output.tmpDir, parts);
      if (skipBad) {
        output.writeParts(output.tmpBad, List.of(badLines(text, counted.skipped())));
      }
      output.commit(skipBad);
    } finally {
      output.discard();
    }
    if (skipBad) {
      int n = counted.skipped().size();
      spec.commandLine()
          .getErr()
          .println(
              "gridgov-spark score: skipped "
                  + n
                  + " bad line"
                  + (n == 1 ? "" : "s")
                  + " of "
                  + cases
                  + ", written to "
                  + out
                  + ".bad");
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

  /** The lines of {@code DIR.bad}: the header {@code line,problem}, then each skipped line. */
  private static List<String> badLines(JavaRDD<String> text, List<BadCase> bad) {
    List<String> lines = new ArrayList<>(List.of("line,problem"));
    if (bad.isEmpty()) {
      return lines;
    }
    int last = bad.stream().mapToInt(BadCase::partition).max().orElse(0);
    long[] starts = before(text, last);
    for (BadCase b : bad) {
      BadCase at = b.atLine(starts[b.partition()] + b.row());
      lines.add(
          Csv.formatRow(
              List.of(Long.toString(at.line().orElseThrow()), at.toException().getMessage())));
    }
    return lines;
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
