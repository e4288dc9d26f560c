package org.gridgov.spark.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Serial;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
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
import org.gridgov.core.GridGovException;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.io.Csv;
import org.gridgov.core.io.CsvReader;
import org.gridgov.core.io.CsvRow;
import org.gridgov.core.io.PointFields;
import org.gridgov.geo.CoordinateSystem;
import org.gridgov.geo.GridMap;
import org.gridgov.geo.GridMapOptions;
import org.gridgov.geo.GridMaps;
import org.gridgov.spark.GridGovSpark;
import org.gridgov.spark.LocateOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gridgov-spark locate --grids FILE... --in CSV --out DIR [--master URL] [--crs
 * wgs84|gcj02|bd09] [--grids-crs …] [--skip-bad] [--force]}: {@code gridgov locate} on Spark.
 *
 * <p>The {@code id,lon,lat} file is read by Spark's CSV reader in splits and every row is checked
 * with the rules of {@code gridgov locate} ({@link PointFields}: the header in any case, the id
 * trimmed and not empty, lon and lat finite decimals in range, three fields). The map is read on
 * the driver as {@code gridgov locate} reads it (leniently, polygons used as drawn) and located
 * with {@link GridGovSpark#locate}. The output is Spark's usual directory of part files; each part
 * file is CSV with the header {@code id,grid,path,exclusive} and, per row, exactly the bytes {@code
 * gridgov locate} writes (the rows are formatted here, not by Spark's CSV writer, whose quoting
 * differs), so the part files in order, each without its header, are {@code gridgov locate}'s
 * output.
 *
 * <p>Bad rows: without {@code --skip-bad} the job stops at a bad row and leaves no output; Spark
 * does not know line numbers, so the driver then reads the file once more, alone, to name the first
 * bad row by its line, in the words of {@code gridgov locate} (exit 2). With {@code --skip-bad} the
 * bad rows are counted on stderr and written to {@code DIR.bad} (header {@code row,problem}: the
 * row as read, the problem), never dropped silently.
 *
 * <p>An existing {@code DIR} (or {@code DIR.bad}) is refused (exit 2) unless {@code --force}, which
 * is Spark's overwrite mode. Exit codes: 0 done, 2 unusable input, 3 internal error.
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

  /** The header of the part files. */
  static final String HEADER = "id,grid,path,exclusive";

  private static final String CORRUPT = "_corrupt_record";

  private static final StructType CSV =
      new StructType()
          .add("id", DataTypes.StringType, true)
          .add("lon", DataTypes.StringType, true)
          .add("lat", DataTypes.StringType, true)
          .add(CORRUPT, DataTypes.StringType, true);

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
      converter = SystemConverter.class,
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
      converter = SystemConverter.class,
      description = "Coordinate system of the input points (default ${DEFAULT-VALUE}).")
  CoordinateSystem crs;

  @Option(
      names = "--skip-bad",
      description =
          "Skip bad rows instead of failing: count them on stderr and write them to DIR.bad.")
  boolean skipBad;

  @Option(
      names = "--force",
      description = "Replace an existing DIR (and DIR.bad): Spark's overwrite mode.")
  boolean force;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    try {
      run(err);
      return SparkJob.OK;
    } catch (GridGovException | UncheckedIOException e) {
      err.println("gridgov-spark: " + e.getMessage());
      return SparkJob.INVALID_INPUT;
    } catch (IOException e) {
      err.println("gridgov-spark: cannot read or write: " + e.getMessage());
      return SparkJob.INVALID_INPUT;
    } catch (Exception e) { // Spark's exceptions are checked ones thrown unchecked (Scala)
      err.println("gridgov-spark: internal error: " + e);
      return SparkJob.INTERNAL;
    } finally {
      err.flush();
    }
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

    boolean ownSession =
        SparkSession.getActiveSession().isEmpty() && SparkSession.getDefaultSession().isEmpty();
    SparkSession spark = session();
    try {
      locate(spark, map, err);
    } finally {
      if (ownSession) {
        spark.stop();
      }
    }
  }

  private SparkSession session() {
    SparkSession.Builder b = SparkSession.builder().appName("gridgov-spark locate");
    if (master != null) {
      b.master(master);
    } else if (!new SparkConf().contains("spark.master")) {
      b.master("local[*]");
    }
    return b.getOrCreate();
  }

  private void locate(SparkSession spark, GridMap map, PrintWriter err) throws Exception {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    Path input = new Path(in);
    FileSystem inFs = input.getFileSystem(conf);
    if (!inFs.exists(input)) {
      throw InvalidInputException.at(in, "", "no such file");
    }
    if (!inFs.getFileStatus(input).isFile()) {
      throw InvalidInputException.at(in, "", "is a directory, not a file");
    }
    checkHeader(inFs, input);
    Path output = new Path(out);
    Path bad = new Path(out + ".bad");
    FileSystem outFs = output.getFileSystem(conf);
    refuseExisting(outFs, output, out);
    if (skipBad) {
      refuseExisting(outFs, bad, out + ".bad");
    }
    SaveMode mode = force ? SaveMode.Overwrite : SaveMode.ErrorIfExists;

    LongAccumulator badRows = spark.sparkContext().longAccumulator("gridgov bad rows");
    Dataset<Row> checked =
        read(spark).mapPartitions(new CheckRows(skipBad, badRows), Encoders.row(CHECKED));
    Dataset<Row> good = skipBad ? checked.filter("problem is null") : checked;
    Dataset<Row> located =
        GridGovSpark.locate(
            good.drop("problem"), "lon", "lat", map, LocateOptions.defaults().withInputSystem(crs));
    try {
      located.mapPartitions(new Lines(), Encoders.STRING()).write().mode(mode).text(out);
    } catch (Exception e) { // SparkException is checked, thrown unchecked
      Optional<InvalidInputException> row = badRow(e);
      if (row.isEmpty()) {
        throw e;
      }
      outFs.delete(output, true); // a failed job leaves no output
      throw located(inFs, input, row.get());
    }
    renameParts(outFs, output);
    if (skipBad && badRows.value() > 0) {
      Dataset<Row> rows =
          read(spark)
              .mapPartitions(new CheckRows(true, null), Encoders.row(CHECKED))
              .filter("problem is not null")
              .persist(StorageLevel.MEMORY_AND_DISK());
      try {
        long count = rows.count();
        rows.mapPartitions(new BadLines(), Encoders.STRING()).write().mode(mode).text(out + ".bad");
        renameParts(outFs, bad);
        err.printf(
            "gridgov-spark: %,d bad row%s skipped, written to %s%n",
            count, count == 1 ? "" : "s", out + ".bad");
      } finally {
        rows.unpersist();
      }
    }
  }

  private void refuseExisting(FileSystem fs, Path dir, String name) throws IOException {
    if (!force && fs.exists(dir)) {
      throw InvalidInputException.at(
          name, "", "exists; gridgov-spark writes a new directory (--force replaces it)");
    }
  }

  /** The input as Spark reads it: three text fields, or the raw line when it has not three. */
  private Dataset<Row> read(SparkSession spark) {
    return spark
        .read()
        .schema(CSV)
        .option("header", "true")
        .option("mode", "PERMISSIVE")
        .option("columnNameOfCorruptRecord", CORRUPT)
        .option("quote", "\"")
        .option("escape", "\"")
        .option("ignoreLeadingWhiteSpace", "false")
        .option("ignoreTrailingWhiteSpace", "false")
        .option("encoding", "UTF-8")
        .csv(in);
  }

  /** Checks the header on the driver, as {@code gridgov locate} does. */
  private void checkHeader(FileSystem fs, Path input) throws IOException {
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
  }

  /**
   * The error naming the first bad row's line: the file is read once more on the driver with the
   * checks the executors ran. When this reading finds no bad row (Spark's CSV reader split a row
   * the toolkit reads whole), the executor's error is given with the file's name.
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
        String problem = PointFields.countProblem(f.size());
        if (problem == null) {
          problem = PointFields.check(f.get(0), f.get(1), f.get(2), lonLat);
        }
        if (problem != null) {
          return row.error(problem);
        }
      }
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
   * Checks every row with {@code gridgov locate}'s rules: a good row becomes its id field as
   * written out (trimmed, quoted when needed) and its numbers; a bad row fails the job or, when
   * skipped, becomes its text and its problem. Blank lines are skipped.
   */
  static final class CheckRows implements MapPartitionsFunction<Row, Row> {
    @Serial private static final long serialVersionUID = 1L;

    private final boolean skip;
    private final LongAccumulator bad;

    CheckRows(boolean skip, LongAccumulator bad) {
      this.skip = skip;
      this.bad = bad;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      double[] lonLat = new double[2];
      return new Iterator<>() {
        private Row next;

        @Override
        public boolean hasNext() {
          while (next == null && rows.hasNext()) {
            next = check(rows.next(), lonLat);
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

    /** The checked row, or null for a blank line. */
    private Row check(Row row, double[] lonLat) {
      String id = text(row, 0);
      String lon = text(row, 1);
      String lat = text(row, 2);
      String corrupt = row.isNullAt(3) ? null : row.getString(3);
      String problem;
      String record;
      if (corrupt != null) {
        if (PointFields.trim(corrupt).isEmpty()) {
          return null; // a blank line
        }
        record = corrupt;
        problem = fieldProblem(corrupt);
      } else {
        record = Csv.formatRow(List.of(id, lon, lat));
        problem = PointFields.check(id, lon, lat, lonLat);
      }
      if (problem == null) {
        return RowFactory.create(Csv.quote(PointFields.trim(id)), lonLat[0], lonLat[1], null);
      }
      if (!skip) {
        throw InvalidInputException.at("", "row " + Csv.quote(record), problem);
      }
      if (bad != null) {
        bad.add(1);
      }
      return RowFactory.create(record, null, null, problem);
    }

    private static String text(Row row, int i) {
      return row.isNullAt(i) ? "" : row.getString(i);
    }

    /** What is wrong with a line Spark could not split into three fields. */
    private static String fieldProblem(String line) {
      try (CsvReader r = CsvReader.of(new StringReader(line), "")) {
        Optional<CsvRow> row = r.next();
        int count = row.map(CsvRow::size).orElse(0);
        String problem = PointFields.countProblem(count);
        return problem != null ? problem : "not a CSV row of 3 fields as Spark reads it";
      } catch (InvalidInputException e) {
        return e.reason();
      }
    }
  }

  /** The output lines of a partition: the header, then each row as {@code gridgov locate}'s. */
  static final class Lines implements MapPartitionsFunction<Row, String> {
    @Serial private static final long serialVersionUID = 1L;

    @Override
    public Iterator<String> call(Iterator<Row> rows) {
      return new Iterator<>() {
        private boolean header = true;
        private final StringBuilder sb = new StringBuilder(128);

        @Override
        public boolean hasNext() {
          return header || rows.hasNext();
        }

        @Override
        public String next() {
          if (header) {
            header = false;
            return HEADER;
          }
          Row r = rows.next();
          sb.setLength(0);
          sb.append(r.getString(0)).append(',');
          if (!r.isNullAt(3)) {
            sb.append(r.getString(3));
          }
          sb.append(',');
          if (!r.isNullAt(4)) {
            sb.append(r.getString(4));
          }
          sb.append(',').append(r.getString(5));
          return sb.toString();
        }
      };
    }
  }

  /** The lines of the bad rows: the header, then each row's text and problem. */
  static final class BadLines implements MapPartitionsFunction<Row, String> {
    @Serial private static final long serialVersionUID = 1L;

    @Override
    public Iterator<String> call(Iterator<Row> rows) {
      return new Iterator<>() {
        private boolean header = true;

        @Override
        public boolean hasNext() {
          return header || rows.hasNext();
        }

        @Override
        public String next() {
          if (header) {
            header = false;
            return BAD_HEADER;
          }
          Row r = rows.next();
          return Csv.quote(r.getString(0)) + "," + Csv.quote(r.getString(3));
        }
      };
    }
  }

  /** Parses {@code --crs} and {@code --grids-crs}. */
  static final class SystemConverter implements ITypeConverter<CoordinateSystem> {
    @Override
    public CoordinateSystem convert(String value) {
      return CoordinateSystem.parse(value);
    }
  }
}
