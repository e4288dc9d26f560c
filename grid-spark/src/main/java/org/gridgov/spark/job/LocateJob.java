package org.gridgov.spark.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Serial;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapred.TextInputFormat;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.io.Csv;
import org.gridgov.core.io.CsvReader;
import org.gridgov.core.io.CsvRow;
import org.gridgov.core.io.Json;
import org.gridgov.core.io.PointFields;
import org.gridgov.geo.CoordinateSystem;
import org.gridgov.geo.GridMap;
import org.gridgov.geo.GridMapOptions;
import org.gridgov.geo.GridMaps;
import org.gridgov.spark.GridGovSpark;
import org.gridgov.spark.LocateOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import scala.Tuple2;

/**
 * {@code gridgov-spark locate --grids FILE... --in CSV --out DIR [--master URL] [--crs
 * wgs84|gcj02|bd09] [--grids-crs …] [--skip-bad] [--force]}: {@code gridgov locate} on Spark.
 *
 * <p>The {@code id,lon,lat} file is read by Hadoop line by line in splits (its raw bytes) and every
 * line is parsed with the core toolkit's {@link CsvReader} and checked with {@link PointFields},
 * the rules of {@code gridgov locate}: the header in any case, the id trimmed and not empty, lon
 * and lat finite decimals in range, three fields, text after a closing quote an error, bytes that
 * are not UTF-8 an error (with the hint for GBK files), empty and blank lines skipped, any other
 * line a row. One difference: a quoted field may not hold a line break, since a split ends at a
 * line; such a record is one bad row. The map is read on the driver as {@code gridgov locate} reads
 * it (leniently, polygons used as drawn) and located with {@link GridGovSpark#locate}. The output
 * is Spark's usual directory of part files; each part file is CSV with the header {@code
 * id,grid,path,exclusive} and, per row, exactly the bytes {@code gridgov locate} writes for that
 * point (formatted here, not by Spark's CSV writer). The rows of all part files are {@code gridgov
 * locate}'s rows, in an order that need not be the input's.
 *
 * <p>Bad rows: without {@code --skip-bad} the job stops at a bad row and leaves no output; Spark
 * does not know line numbers, so the driver then reads the file once more, alone, to name the first
 * bad row by its line, in the words of {@code gridgov locate} (exit 2). With {@code --skip-bad} the
 * bad rows are counted on stderr and written to {@code DIR.bad} (header {@code row,problem}: the
 * row's fields as read, formatted again as one CSV record, and the problem; only the header when
 * there was none), never dropped silently.
 *
 * <p>Output: {@link JobRunner.Output} (whole or not at all; {@code --force} replaces {@code DIR}
 * and {@code DIR.bad} after success; never an input). Exit codes: 0 done, 2 unusable input, 3
 * internal error.
 */
@Command(
    name = "locate",
    mixinStandardHelpOptions = true,
    description = {
      "Locate the points of an id,lon,lat CSV in a GeoJSON grid map on Spark.",
      "Writes CSV part files into DIR with the header id,grid,path,exclusive and the rows of"
          + " 'gridgov locate': grid is the leaf (empty outside the map), path the grids from the"
          + " root to it joined by '/', exclusive the exclusive grids covering the point joined"
          + " by ';'.",
      "Exit 0 on success, 2 for unusable input (a bad row: the file and its line), 3 for an"
          + " internal error."
    })
final class LocateJob implements Callable<Integer> {
  /** The header of the bad rows written aside with {@code --skip-bad}. */
  static final String BAD_HEADER = "row,problem";

  /** The problem of a record with a line break in a quoted field. */
  static final String MULTI_LINE =
      "a quoted field is not closed on its line; line breaks inside fields are not supported by"
          + " the Spark job";

  /** The header of the part files. */
  static final String HEADER = "id,grid,path,exclusive";

  /** Checked rows: the id field as written out (or the bad row's text), lon, lat, problem. */
  private static final StructType CHECKED =
      new StructType()
          .add("id", DataTypes.StringType, false)
          .add("lon", DataTypes.DoubleType, true)
          .add("lat", DataTypes.DoubleType, true)
          .add("problem", DataTypes.StringType, true);

  @Option(
      names = "--grids",
      required = true,
      arity = "1..*",
      paramLabel = "FILE",
      description = "GeoJSON FeatureCollection(s) on the driver: one file, or one per level.")
  List<java.nio.file.Path> grids;

  @Option(
      names = "--grids-crs",
      paramLabel = "wgs84|gcj02|bd09",
      converter = JobRunner.SystemConverter.class,
      description =
          "Coordinate system of the map (default: the files' \"coordinateSystem\" member, else"
              + " WGS-84).")
  CoordinateSystem gridsCrs;

  @Option(
      names = "--in",
      required = true,
      paramLabel = "CSV",
      description = "Input CSV id,lon,lat (a path or URI Spark reads, e.g. hdfs://...).")
  String in;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Output directory of CSV part files; must not exist (see --force).")
  String out;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description =
          "Spark master, e.g. local[2] (default: the one spark-submit configures, else"
              + " local[*]).")
  String master;

  @Option(
      names = "--crs",
      paramLabel = "wgs84|gcj02|bd09",
      defaultValue = "wgs84",
      converter = JobRunner.SystemConverter.class,
      description = "Coordinate system of the input points (default ${DEFAULT-VALUE}).")
  CoordinateSystem crs;

  @Option(
      names = "--skip-bad",
      description =
          "Skip bad rows instead of failing: count them on stderr and write them to DIR.bad.")
  boolean skipBad;

  @Option(
      names = "--force",
      description = "Replace an existing DIR and DIR.bad, once the job succeeded (never an input).")
  boolean force;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    return JobRunner.call(spec, this::run);
  }

  private void run(PrintWriter err) throws Exception {
    for (java.nio.file.Path file : grids) {
      if (!Files.isRegularFile(file)) {
        throw InvalidInputException.at(
            file.toString(),
            "",
            Files.isDirectory(file)
                ? "is a directory, not a file"
                : Files.exists(file) ? "is not a regular file" : "no such file");
      }
    }
    GridMapOptions options = GridMapOptions.defaults().withMode(GridMapOptions.Mode.TRUSTED);
    if (gridsCrs != null) {
      options = options.withCoordinateSystem(gridsCrs);
    }
    GridMap map = GridMaps.readGeoJson(grids, options);
    String system = map.coordinateSystem().name().toLowerCase(Locale.ROOT);
    err.printf(
        "map: %,d grids (%s)%n",
        map.size(), map.coordinateSystemDeclared() ? system : system + " assumed");
    if (!map.coordinateSystemDeclared() && map.liesInChina()) {
      err.println(
          "map: warning: the grids lie in China but no coordinate system was declared, so they"
              + " were read as WGS-84; declare it: --grids-crs gcj02|bd09|wgs84");
    }
    err.flush();
    JobRunner.withSession("gridgov-spark locate", master, spark -> locate(spark, map, err));
  }

  private void locate(SparkSession spark, GridMap map, PrintWriter err) throws Exception {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    List<String> inputs = new ArrayList<>(List.of(in));
    grids.forEach(g -> inputs.add(g.toAbsolutePath().toString()));
    JobRunner.Output output = new JobRunner.Output(conf, out, force, inputs);
    Path input = JobRunner.inputFile(conf, in);
    FileSystem inFs = input.getFileSystem(conf);
    long header = checkHeader(inFs, input);

    LongAccumulator badRows = spark.sparkContext().longAccumulator("gridgov bad rows");
    try {
      Dataset<Row> checked = read(spark, header, skipBad, badRows);
      Dataset<Row> good = skipBad ? checked.filter("problem is null") : checked;
      Dataset<Row> located =
          GridGovSpark.locate(
              good.drop("problem"),
              "lon",
              "lat",
              map,
              LocateOptions.defaults().withInputSystem(crs));
      try {
        located
            .mapPartitions(new Lines(), Encoders.STRING())
            .write()
            .mode(SaveMode.ErrorIfExists)
            .text(output.tmpDir.toString());
      } catch (Exception e) { // SparkException is checked, thrown unchecked
        Optional<InvalidInputException> row = badRow(e);
        if (row.isEmpty()) {
          throw e;
        }
        throw located(inFs, input, row.get());
      }
      renameParts(output.fs, output.tmpDir);
      if (skipBad) {
        long count = badRows.value();
        if (count == 0) {
          output.writeParts(output.tmpBad, List.of(List.of(BAD_HEADER)));
        } else {
          Dataset<Row> rows =
              read(spark, header, true, null)
                  .filter("problem is not null")
                  .persist(StorageLevel.MEMORY_AND_DISK());
          try {
            count = rows.count();
            rows.coalesce(1) // one part file, one header
                .mapPartitions(new BadLines(), Encoders.STRING())
                .write()
                .mode(SaveMode.ErrorIfExists)
                .text(output.tmpBad.toString());
            renameParts(output.fs, output.tmpBad);
          } finally {
            rows.unpersist();
          }
        }
        output.commit(true);
        err.printf(
            "gridgov-spark locate: %,d bad row%s skipped, written to %s%n",
            count, count == 1 ? "" : "s", out + ".bad");
      } else {
        output.commit(false);
      }
    } finally {
      output.discard();
    }
  }

  /**
   * The input's lines as Hadoop reads them (raw bytes, in splits), checked: the header line, at
   * byte {@code header}, is left out.
   */
  private Dataset<Row> read(SparkSession spark, long header, boolean skip, LongAccumulator bad) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    JavaRDD<Row> rows =
        jsc.hadoopFile(
                in, TextInputFormat.class, LongWritable.class, Text.class, jsc.defaultParallelism())
            .mapPartitions(new CheckRows(header, skip, bad));
    return spark.createDataFrame(rows, CHECKED);
  }

  /**
   * Checks the header on the driver, as {@code gridgov locate} does, and returns where its line
   * starts as Hadoop counts (the byte offset after the empty lines before it; a byte order mark
   * right before it counts as 0, since Hadoop gives the first line the key 0).
   */
  private long checkHeader(FileSystem fs, Path input) throws IOException {
    try (InputStream stream = fs.open(input);
        CsvReader r = CsvReader.of(stream, in)) {
      Optional<CsvRow> first = r.next();
      if (first.isEmpty()) {
        throw InvalidInputException.atLine(
            in, 1, "empty input; expected the header " + PointFields.HEADER);
      }
      String problem = PointFields.headerProblem(first.get().fields());
      if (problem != null) {
        throw first.get().error(problem);
      }
    }
    try (InputStream stream = fs.open(input)) {
      byte[] head = stream.readNBytes(1 << 16);
      boolean bom =
          head.length >= 3
              && (head[0] & 0xFF) == 0xEF
              && (head[1] & 0xFF) == 0xBB
              && (head[2] & 0xFF) == 0xBF;
      int i = bom ? 3 : 0;
      while (i < head.length && (head[i] == '\n' || head[i] == '\r')) {
        i++;
      }
      return bom && i == 3 ? 0 : i;
    }
  }

  /**
   * The error naming the first bad row's line: the file is read once more on the driver with the
   * checks the executors ran ({@code gridgov locate}'s, plus: a field may not hold a line break).
   * When this reading finds no bad row, the executor's error is given with the file's name.
   */
  private InvalidInputException located(FileSystem fs, Path input, InvalidInputException seen)
      throws IOException {
    double[] lonLat = new double[2];
    try (InputStream stream = fs.open(input);
        CsvReader r = CsvReader.of(stream, in)) {
      r.next(); // the header, checked before
      for (Optional<CsvRow> next = r.next(); next.isPresent(); next = r.next()) {
        CsvRow row = next.get();
        List<String> f = row.fields();
        if (PointFields.isBlank(f)) {
          continue;
        }
        String problem = f.stream().anyMatch(x -> x.indexOf('\n') >= 0) ? MULTI_LINE : null;
        if (problem == null) {
          problem = PointFields.countProblem(f.size());
        }
        if (problem == null) {
          problem = PointFields.check(f.get(0), f.get(1), f.get(2), lonLat);
        }
        if (problem != null) {
          return row.error(problem);
        }
      }
    } catch (InvalidInputException e) {
      return e; // the toolkit's own words: an unclosed quote, text after one, bad bytes
    }
    return InvalidInputException.at(
        in, seen.pointer().orElse(""), seen.reason() + " (line not found)");
  }

  /** The bad-row error of a failed Spark job, if that is why it failed. */
  private static Optional<InvalidInputException> badRow(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InvalidInputException bad) {
        return Optional.of(bad);
      }
    }
    return Optional.empty();
  }

  /** Spark's text part files, named {@code .csv}, since they are CSV. */
  private static void renameParts(FileSystem fs, Path dir) throws IOException {
    for (FileStatus f : fs.listStatus(dir)) {
      String name = f.getPath().getName();
      if (name.startsWith("part-") && name.endsWith(".txt")) {
        Path to = new Path(dir, name.substring(0, name.length() - 4) + ".csv");
        if (!fs.rename(f.getPath(), to)) {
          throw new IOException("cannot rename " + f.getPath() + " to " + to);
        }
      }
    }
  }

  /**
   * Checks every line with {@code gridgov locate}'s rules: a good row becomes its id field as
   * written out (trimmed, quoted when needed) and its numbers; a bad row fails the job or, when
   * skipped, becomes its text and its problem. The header line and blank lines are left out. A line
   * whose quoted field is not closed on it starts a record with a line break: that line and the
   * following ones of the split up to the closing quote are one bad row, never rows of their own.
   */
  static final class CheckRows
      implements FlatMapFunction<Iterator<Tuple2<LongWritable, Text>>, Row> {
    @Serial private static final long serialVersionUID = 1L;

    private final long header;
    private final boolean skip;
    private final LongAccumulator bad;

    CheckRows(long header, boolean skip, LongAccumulator bad) {
      this.header = header;
      this.skip = skip;
      this.bad = bad;
    }

    @Override
    public Iterator<Row> call(Iterator<Tuple2<LongWritable, Text>> lines) {
      double[] lonLat = new double[2];
      CharsetDecoder utf8 =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);
      return new Iterator<>() {
        private Row next;

        @Override
        public boolean hasNext() {
          while (next == null && lines.hasNext()) {
            Tuple2<LongWritable, Text> line = lines.next();
            if (line._1().get() != header) {
              next = check(line._2(), lines, lonLat, utf8);
            }
          }
          return next != null;
        }

        @Override
        public Row next() {
          if (!hasNext()) {
            throw new java.util.NoSuchElementException();
          }
          Row r = next;
          next = null;
          return r;
        }
      };
    }

    /** The checked row, or null for a line left out. */
    private Row check(
        Text bytes,
        Iterator<Tuple2<LongWritable, Text>> more,
        double[] lonLat,
        CharsetDecoder utf8) {
      if (bytes.getLength() == 0) {
        return null; // an empty line, as CsvReader skips them
      }
      String line;
      try {
        line = decode(bytes, utf8);
      } catch (CharacterCodingException e) {
        byte[] raw = Arrays.copyOf(bytes.getBytes(), bytes.getLength());
        return bad(
            new String(raw, StandardCharsets.UTF_8),
            Json.looksGbk(raw)
                ? "the file looks GBK-encoded; save it as UTF-8"
                : "the line is not valid UTF-8");
      }
      List<String> f;
      try (CsvReader r = CsvReader.ofText(line, "")) {
        f = r.next().map(CsvRow::fields).orElse(List.of(""));
      } catch (InvalidInputException e) {
        if (!e.reason().startsWith("a quoted field is not closed")) {
          return bad(line, e.reason());
        }
        return bad(rest(line, more, utf8), MULTI_LINE);
      }
      if (PointFields.isBlank(f)) {
        return null;
      }
      String problem = PointFields.countProblem(f.size());
      if (problem == null) {
        problem = PointFields.check(f.get(0), f.get(1), f.get(2), lonLat);
      }
      if (problem == null) {
        return RowFactory.create(Csv.quote(PointFields.trim(f.get(0))), lonLat[0], lonLat[1], null);
      }
      return bad(Csv.formatRow(f), problem);
    }

    /**
     * A record that goes on past its first line: the lines of the split up to the one that closes
     * the quote (or the split's end, or 1 MiB), joined with LF.
     */
    private static String rest(
        String first, Iterator<Tuple2<LongWritable, Text>> more, CharsetDecoder utf8) {
      StringBuilder record = new StringBuilder(first);
      while (more.hasNext() && record.length() < CsvReader.MAX_LINE_BYTES) {
        Text t = more.next()._2();
        try {
          record.append('\n').append(decode(t, utf8));
        } catch (CharacterCodingException e) {
          record.append('\n').append(t);
        }
        try (CsvReader r = CsvReader.ofText(record.toString(), "")) {
          r.next();
          break; // the quote is closed: the record ends here
        } catch (InvalidInputException e) {
          if (!e.reason().startsWith("a quoted field is not closed")) {
            break;
          }
        }
      }
      return record.toString();
    }

    private static String decode(Text t, CharsetDecoder utf8) throws CharacterCodingException {
      byte[] b = t.getBytes();
      int n = t.getLength();
      for (int i = 0; i < n; i++) {
        if (b[i] < 0) {
          return utf8.decode(ByteBuffer.wrap(b, 0, n)).toString();
        }
      }
      return new String(b, 0, n, StandardCharsets.ISO_8859_1); // ASCII
    }

    private Row bad(String record, String problem) {
      if (!skip) {
        throw InvalidInputException.at("", "row " + Csv.quote(record), problem);
      }
      if (bad != null) {
        bad.add(1);
      }
      return RowFactory.create(record, null, null, problem);
    }
  }

  /** The output lines of a partition: the header, then each row as {@code gridgov locate}'s. */
  static final class Lines implements MapPartitionsFunction<Row, String> {
    @Serial private static final long serialVersionUID = 1L;

    @Override
    public Iterator<String> call(Iterator<Row> rows) {
      StringBuilder sb = new StringBuilder(128);
      return headed(
          HEADER,
          rows,
          r -> {
            sb.setLength(0);
            sb.append(r.getString(0));
            for (int column = 3; column <= 5; column++) {
              sb.append(',');
              if (!r.isNullAt(column)) {
                sb.append(r.getString(column));
              }
            }
            return sb.toString();
          });
    }
  }

  /** The lines of the bad rows: the header, then each row's text and problem. */
  static final class BadLines implements MapPartitionsFunction<Row, String> {
    @Serial private static final long serialVersionUID = 1L;

    @Override
    public Iterator<String> call(Iterator<Row> rows) {
      return headed(BAD_HEADER, rows, r -> Csv.formatRow(List.of(r.getString(0), r.getString(3))));
    }
  }

  /** A partition's lines: the header, then one line per row. */
  private static Iterator<String> headed(
      String header, Iterator<Row> rows, java.util.function.Function<Row, String> line) {
    return new Iterator<>() {
      private boolean first = true;

      @Override
      public boolean hasNext() {
        return first || rows.hasNext();
      }

      @Override
      public String next() {
        if (first) {
          first = false;
          return header;
        }
        return line.apply(rows.next());
      }
    };
  }
}
