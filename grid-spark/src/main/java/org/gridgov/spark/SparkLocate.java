package org.gridgov.spark;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.expressions.JoinedRow;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.io.PointFields;
import org.gridgov.core.io.Problems;
import org.gridgov.core.io.Suggestions;
import org.gridgov.geo.CoordinateSystem;
import org.gridgov.geo.GridLocator;
import org.gridgov.geo.GridMap;

/**
 * Locate on Spark: the locator is broadcast once ({@link LocatorShip}) and every partition is
 * located in chunks of {@link #CHUNK} rows with the batch lookup {@link GridLocator#locateAll} on
 * primitive arrays. The rows are Spark's internal rows from the input plan, extended by a joined
 * row of the added columns, so nothing is converted to and from Java objects per row and the texts
 * of a leaf ({@code grid}, {@code path}) are Spark strings spelled once per executor. No shuffle:
 * each output partition is its input partition.
 */
final class SparkLocate {
  /** Rows located per batch call. */
  static final int CHUNK = 4096;

  /** The columns {@link GridGovSpark#locate} adds. */
  static final String GRID = "grid";

  static final String PATH = "path";
  static final String EXCLUSIVE = "exclusive";
  static final String PROBLEM = "problem";

  private SparkLocate() {}

  static Dataset<Row> locate(
      Dataset<Row> points, String lonColumn, String latColumn, GridMap map, LocateOptions options) {
    return locate(points, lonColumn, latColumn, map, options, CHUNK);
  }

  /** {@link #locate} with another chunk size (tests cross chunk boundaries with small ones). */
  static Dataset<Row> locate(
      Dataset<Row> points,
      String lonColumn,
      String latColumn,
      GridMap map,
      LocateOptions options,
      int chunk) {
    Objects.requireNonNull(points, "points");
    Objects.requireNonNull(map, "map");
    Objects.requireNonNull(options, "options");
    if (chunk < 1) {
      throw new IllegalArgumentException("chunk must be positive, not " + chunk);
    }
    if (points.isStreaming()) {
      throw new IllegalArgumentException(
          "locate works on a batch Dataset, not a streaming one; locate each micro-batch"
              + " (writeStream().foreachBatch) or use the SQL function "
              + GridGovSpark.LOCATE_FUNCTION
              + " (registerLocate) in the streaming query");
    }
    SparkSession spark = points.sparkSession();
    boolean caseSensitive = caseSensitive(spark);
    StructType schema = points.schema();
    int lon = numericColumn(schema, lonColumn, "longitude", caseSensitive);
    int lat = numericColumn(schema, latColumn, "latitude", caseSensitive);
    int label =
        options.rowLabel().map(c -> column(schema, c, "row label", caseSensitive)).orElse(-1);
    boolean mark = options.badRows() == LocateOptions.BadRows.MARK;
    List<String> added = new ArrayList<>(List.of(GRID, PATH, EXCLUSIVE));
    if (mark) {
      added.add(PROBLEM);
    }
    for (String name : added) {
      for (String present : schema.fieldNames()) {
        if (caseSensitive ? present.equals(name) : present.equalsIgnoreCase(name)) {
          throw new IllegalArgumentException(
              "the points already have a column '"
                  + present
                  + "', which clashes with the column '"
                  + name
                  + "' locate adds"
                  + (caseSensitive || present.equals(name)
                      ? ""
                      : " (spark.sql.caseSensitive is false)")
                  + "; rename or drop it first");
        }
      }
    }
    StructType out = schema;
    for (String name : added) {
      out = out.add(name, DataTypes.StringType, true);
    }
    GridLocator locator = map.locator();
    LocatorShip.Shipped shipped = LocatorShip.broadcast(spark, locator);
    Plan plan =
        new Plan(
            shipped,
            new Reader(lon, schema.fields()[lon].dataType()),
            new Reader(lat, schema.fields()[lat].dataType()),
            options.inputSystem(),
            locator.coordinateSystem(),
            mark,
            label,
            label < 0 ? null : schema.fields()[label].name(),
            label < 0 ? null : schema.fields()[label].dataType(),
            chunk);
    RDD<InternalRow> rows = InternalRows.of(points);
    RDD<InternalRow> located = rows.toJavaRDD().mapPartitionsWithIndex(plan, true).rdd();
    return InternalRows.frame(spark, located, out);
  }

  /**
   * Whether the session resolves column names case-sensitively ({@code spark.sql.caseSensitive}).
   */
  static boolean caseSensitive(SparkSession spark) {
    return Boolean.parseBoolean(spark.conf().get("spark.sql.caseSensitive", "false"));
  }

  static void register(SparkSession spark, GridMap map, LocateOptions options) {
    Objects.requireNonNull(spark, "spark");
    Objects.requireNonNull(map, "map");
    Objects.requireNonNull(options, "options");
    GridLocator locator = map.locator();
    boolean mark = options.badRows() == LocateOptions.BadRows.MARK;
    StructType struct =
        new StructType()
            .add(GRID, DataTypes.StringType, true)
            .add(PATH, DataTypes.StringType, true)
            .add(EXCLUSIVE, DataTypes.StringType, true);
    if (mark) {
      struct = struct.add(PROBLEM, DataTypes.StringType, true);
    }
    Function function =
        new Function(
            LocatorShip.broadcast(spark, locator),
            options.inputSystem(),
            locator.coordinateSystem(),
            mark);
    spark.udf().register(GridGovSpark.LOCATE_FUNCTION, function, struct);
  }

  /** The index of a numeric column, or a did-you-mean error. */
  private static int numericColumn(
      StructType schema, String name, String what, boolean caseSensitive) {
    int i = column(schema, name, what, caseSensitive);
    DataType type = schema.fields()[i].dataType();
    if (!(type instanceof NumericType)) {
      List<String> numeric = new ArrayList<>();
      for (StructField f : schema.fields()) {
        if (f.dataType() instanceof NumericType) {
          numeric.add(f.name());
        }
      }
      throw new IllegalArgumentException(
          "the "
              + what
              + " column '"
              + name
              + "' is "
              + type.simpleString()
              + ", not a number; cast it first (col(\""
              + name
              + "\").cast(\"double\"))"
              + (numeric.isEmpty() ? "" : "; the numeric columns are " + numeric));
    }
    return i;
  }

  /**
   * The index of a column, found as Spark resolves names (case-insensitively unless {@code
   * spark.sql.caseSensitive}), or a did-you-mean error; an exact match wins over others.
   */
  private static int column(StructType schema, String name, String what, boolean caseSensitive) {
    Objects.requireNonNull(name, what + " column");
    List<String> names = Arrays.asList(schema.fieldNames());
    int i = names.indexOf(name);
    if (i < 0 && !caseSensitive) {
      for (int j = 0; j < names.size(); j++) {
        if (names.get(j).equalsIgnoreCase(name)) {
          if (i >= 0) {
            throw new IllegalArgumentException(
                "the "
                    + what
                    + " column '"
                    + name
                    + "' is ambiguous: the points have '"
                    + names.get(i)
                    + "' and '"
                    + names.get(j)
                    + "' (spark.sql.caseSensitive is false)");
          }
          i = j;
        }
      }
    }
    if (i < 0) {
      throw new IllegalArgumentException(
          "no " + what + " column '" + name + "' in the points" + Suggestions.hint(name, names));
    }
    return i;
  }

  /**
   * The problem of a position whose conversion to the map's system left the valid range (null when
   * it did not), so that it is a bad row like any other instead of an exception from the lookup.
   */
  static String convertedProblem(double lon, double lat, double[] converted, CoordinateSystem to) {
    String problem = PointFields.rangeProblem(converted[0], converted[1]);
    return problem == null
        ? null
        : "(" + lon + ", " + lat + ") converted to " + to + " is out of range: " + problem;
  }

  /** Reads a numeric column of an internal row as a double. */
  static final class Reader implements Serializable {
    @Serial private static final long serialVersionUID = 1L;

    private static final int DOUBLE = 0;
    private static final int FLOAT = 1;
    private static final int LONG = 2;
    private static final int INT = 3;
    private static final int SHORT = 4;
    private static final int BYTE = 5;
    private static final int DECIMAL = 6;

    final int index;
    private final int kind;
    private final int precision;
    private final int scale;

    Reader(int index, DataType type) {
      this.index = index;
      if (type instanceof DecimalType d) {
        kind = DECIMAL;
        precision = d.precision();
        scale = d.scale();
      } else {
        precision = 0;
        scale = 0;
        if (type.equals(DataTypes.DoubleType)) {
          kind = DOUBLE;
        } else if (type.equals(DataTypes.FloatType)) {
          kind = FLOAT;
        } else if (type.equals(DataTypes.LongType)) {
          kind = LONG;
        } else if (type.equals(DataTypes.IntegerType)) {
          kind = INT;
        } else if (type.equals(DataTypes.ShortType)) {
          kind = SHORT;
        } else if (type.equals(DataTypes.ByteType)) {
          kind = BYTE;
        } else {
          throw new IllegalArgumentException("not a numeric type: " + type.simpleString());
        }
      }
    }

    double read(InternalRow row) {
      return switch (kind) {
        case DOUBLE -> row.getDouble(index);
        case FLOAT -> row.getFloat(index);
        case LONG -> row.getLong(index);
        case INT -> row.getInt(index);
        case SHORT -> row.getShort(index);
        case BYTE -> row.getByte(index);
        default -> row.getDecimal(index, precision, scale).toDouble();
      };
    }
  }

  /** What every partition does: everything a task needs, small (the locator is broadcast). */
  static final class Plan
      implements Function2<Integer, Iterator<InternalRow>, Iterator<InternalRow>> {
    @Serial private static final long serialVersionUID = 1L;

    final LocatorShip.Shipped shipped;
    final Reader lon;
    final Reader lat;
    final CoordinateSystem from;
    final CoordinateSystem to;
    final boolean mark;
    final int label;
    final String labelName;
    final DataType labelType;
    final int chunk;

    Plan(
        LocatorShip.Shipped shipped,
        Reader lon,
        Reader lat,
        CoordinateSystem from,
        CoordinateSystem to,
        boolean mark,
        int label,
        String labelName,
        DataType labelType,
        int chunk) {
      this.shipped = shipped;
      this.lon = lon;
      this.lat = lat;
      this.from = from;
      this.to = to;
      this.mark = mark;
      this.label = label;
      this.labelName = labelName;
      this.labelType = labelType;
      this.chunk = chunk;
    }

    @Override
    public Iterator<InternalRow> call(Integer partition, Iterator<InternalRow> rows) {
      return new Located(this, LocatorShip.of(shipped), partition, rows);
    }

    /**
     * The error of a bad row in {@link LocateOptions.BadRows#FAIL}: the row named by its label, or
     * by its partition and its 1-based row within the partition.
     */
    InvalidInputException badRow(int partition, long row1, InternalRow row, String problem) {
      String where;
      if (label >= 0) {
        Object value = row.isNullAt(label) ? null : row.get(label, labelType);
        where =
            "row "
                + labelName
                + "="
                + (value == null ? "null" : Problems.quote(String.valueOf(value)));
      } else {
        where = "partition " + partition + ", row " + row1;
      }
      return InvalidInputException.at("", where, problem);
    }
  }

  /** One partition's rows, located a chunk at a time. */
  private static final class Located implements Iterator<InternalRow> {
    private final Plan plan;
    private final LocatorShip ship;
    private final int partition;
    private final Iterator<InternalRow> in;
    private final boolean convert;
    private final int chunk;
    private final InternalRow[] rows;
    private final String[] problems;
    private final double[] lons;
    private final double[] lats;
    private final int[] leaves;
    private final double[] xy = new double[2];
    private final int[] covering = new int[8];
    private final GenericInternalRow added;
    private final JoinedRow joined = new JoinedRow();
    private int size;
    private int next;
    private long offset;

    Located(Plan plan, LocatorShip ship, int partition, Iterator<InternalRow> in) {
      this.plan = plan;
      this.ship = ship;
      this.partition = partition;
      this.in = in;
      this.convert = plan.from != plan.to;
      this.chunk = plan.chunk;
      this.rows = new InternalRow[chunk];
      this.lons = new double[chunk];
      this.lats = new double[chunk];
      this.leaves = new int[chunk];
      this.problems = plan.mark ? new String[chunk] : null;
      this.added = new GenericInternalRow(plan.mark ? 4 : 3);
    }

    @Override
    public boolean hasNext() {
      if (next < size) {
        return true;
      }
      if (!in.hasNext()) {
        return false;
      }
      fill();
      return size > 0;
    }

    private void fill() {
      int n = 0;
      while (n < chunk && in.hasNext()) {
        InternalRow row = in.next().copy();
        rows[n] = row;
        String problem;
        if (row.isNullAt(plan.lon.index)) {
          problem = "lon is null";
        } else if (row.isNullAt(plan.lat.index)) {
          problem = "lat is null";
        } else {
          double x = plan.lon.read(row);
          double y = plan.lat.read(row);
          problem = PointFields.rangeProblem(x, y);
          if (problem == null && convert) {
            plan.from.convert(x, y, plan.to, xy);
            problem = convertedProblem(x, y, xy, plan.to);
            x = xy[0];
            y = xy[1];
          }
          if (problem == null) {
            lons[n] = x;
            lats[n] = y;
          }
        }
        if (problem != null) {
          if (!plan.mark) {
            throw plan.badRow(partition, offset + 1, row, problem);
          }
          lons[n] = Double.NaN; // answered INVALID_POSITION
          lats[n] = Double.NaN;
        }
        if (plan.mark) {
          problems[n] = problem;
        }
        n++;
        offset++;
      }
      if (n == chunk) {
        ship.locator.locateAll(lons, lats, leaves);
      } else if (n > 0) {
        ship.locator.locateAll(Arrays.copyOf(lons, n), Arrays.copyOf(lats, n), leaves);
      }
      size = n;
      next = 0;
    }

    @Override
    public InternalRow next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      int k = next++;
      InternalRow row = rows[k];
      rows[k] = null;
      int leaf = leaves[k];
      if (leaf >= 0) {
        LocatorShip.LeafText text = ship.leaf(leaf);
        added.update(0, text.grid);
        added.update(1, text.path);
      } else {
        added.setNullAt(0);
        added.setNullAt(1);
      }
      if (leaf == GridLocator.INVALID_POSITION) {
        added.setNullAt(2);
      } else {
        String exclusive = ship.exclusive(lons[k], lats[k], covering);
        added.update(
            2, exclusive.isEmpty() ? UTF8String.EMPTY_UTF8 : UTF8String.fromString(exclusive));
      }
      if (plan.mark) {
        String problem = problems[k];
        if (problem == null) {
          added.setNullAt(3);
        } else {
          added.update(3, UTF8String.fromString(problem));
        }
      }
      return joined.apply(row, added);
    }
  }

  /** The SQL function {@code gridgov_locate(lon, lat)}: one position at a time. */
  static final class Function implements UDF2<Object, Object, Row> {
    @Serial private static final long serialVersionUID = 1L;

    private final LocatorShip.Shipped shipped;
    private final CoordinateSystem from;
    private final CoordinateSystem to;
    private final boolean mark;
    private transient LocatorShip ship;
    private transient double[] xy;
    private transient int[] covering;

    Function(
        LocatorShip.Shipped shipped, CoordinateSystem from, CoordinateSystem to, boolean mark) {
      this.shipped = shipped;
      this.from = from;
      this.to = to;
      this.mark = mark;
    }

    @Override
    public Row call(Object lonValue, Object latValue) {
      String problem;
      double lon = Double.NaN;
      double lat = Double.NaN;
      if (lonValue == null) {
        problem = "lon is null";
      } else if (latValue == null) {
        problem = "lat is null";
      } else {
        lon = number(lonValue, "lon");
        lat = number(latValue, "lat");
        problem = PointFields.rangeProblem(lon, lat);
      }
      if (ship == null) {
        ship = LocatorShip.of(shipped);
        xy = new double[2];
        covering = new int[8];
      }
      if (problem == null && from != to) {
        from.convert(lon, lat, to, xy);
        problem = convertedProblem(lon, lat, xy, to);
        lon = xy[0];
        lat = xy[1];
      }
      if (problem != null) {
        if (!mark) {
          throw InvalidInputException.at(
              "", GridGovSpark.LOCATE_FUNCTION + "(" + lonValue + ", " + latValue + ")", problem);
        }
        return RowFactory.create(null, null, null, problem);
      }
      int leaf = ship.locator.locateLeaf(lon, lat);
      String exclusive = ship.exclusive(lon, lat, covering);
      String grid = null;
      String path = null;
      if (leaf >= 0) {
        LocatorShip.LeafText text = ship.leaf(leaf);
        grid = text.gridString;
        path = text.pathString;
      }
      return mark
          ? RowFactory.create(grid, path, exclusive, null)
          : RowFactory.create(grid, path, exclusive);
    }

    private static double number(Object value, String name) {
      if (value instanceof Number n) {
        return n.doubleValue();
      }
      throw new IllegalArgumentException(
          GridGovSpark.LOCATE_FUNCTION
              + " takes numbers; "
              + name
              + " is "
              + value.getClass().getSimpleName()
              + " "
              + Problems.quote(String.valueOf(value))
              + "; cast it to double");
    }
  }
}
