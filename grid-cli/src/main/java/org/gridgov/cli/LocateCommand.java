package org.gridgov.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.GridKind;
import org.gridgov.core.io.AtomicFiles;
import org.gridgov.geo.CoordinateSystem;
import org.gridgov.geo.CoverageException;
import org.gridgov.geo.CoverageFinding;
import org.gridgov.geo.CoverageValidator;
import org.gridgov.geo.GridLocator;
import org.gridgov.geo.GridMap;
import org.gridgov.geo.GridMapOptions;
import org.gridgov.geo.GridMaps;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gridgov locate --grids FILE... [--crs wgs84|gcj02|bd09] [--in FILE|-] [--out FILE|-]
 * [--force] [--strict]}: finds the grid of every point of an {@code id,lon,lat} CSV and writes
 * {@code id,grid,path,exclusive}.
 *
 * <p>The map is loaded leniently (real maps are messy; invalid polygons are used as drawn) and one
 * line on stderr counts its coverage findings. Locating does not wait for that count: the map is
 * validated in the background, and the line is printed before the output when validation is done by
 * then, else after the output if validation finishes within {@link #GRACE} of it, else it says
 * {@code coverage not checked (use --validate)}. {@code --validate} waits for the count; {@code
 * --strict} waits too and refuses a map with findings (exit 1). The whole input is read and checked
 * before anything is written, so a bad row (exit 2, with its line number) leaves no output; a file
 * output is written whole with {@link AtomicFiles} (a temporary file in the target directory, moved
 * into place only when complete). An existing file is replaced only with {@code --force}, never an
 * input or a symbolic link ({@link CliFiles#output}).
 */
@Command(
    name = "locate",
    mixinStandardHelpOptions = true,
    description = {
      "Locate points in a GeoJSON grid map.",
      "Input CSV header: id,lon,lat. Output CSV header: id,grid,path,exclusive, where grid is the"
          + " leaf grid (empty outside the map), path the grids from the root to it joined by '/',"
          + " exclusive the exclusive grids covering the point joined by ';'.",
      "The map's coverage findings are counted on stderr when its validation is done by the time"
          + " locating is (--validate waits for it; otherwise the line may say 'coverage not"
          + " checked').",
      "Exit 0 on success, 1 when --strict refuses a map with findings, 2 for unusable input."
    })
final class LocateCommand implements Callable<Integer> {
  private static final int CHUNK = 1 << 16;
  private static final int PROGRESS_MIN = 200_000;

  /** How long locating waits, once its output is written, for a validation still running. */
  static final Duration GRACE = Duration.ofSeconds(1);

  /** The coverage validation run in the background (a test hook; the default validator). */
  static volatile Function<GridMap, List<CoverageFinding>> validation =
      map -> CoverageValidator.withDefaults().validate(map);

  @Mixin GridMapFiles grids;

  @Option(
      names = "--crs",
      paramLabel = "wgs84|gcj02|bd09",
      defaultValue = "wgs84",
      converter = SystemConverter.class,
      description = "Coordinate system of the input points (default ${DEFAULT-VALUE}).")
  CoordinateSystem crs;

  @Option(
      names = "--in",
      paramLabel = "FILE|-",
      defaultValue = "-",
      description = "Input CSV, '-' for standard input (default).")
  String in;

  @Option(
      names = "--out",
      paramLabel = "FILE|-",
      defaultValue = "-",
      description = "Output CSV, '-' for standard output (default).")
  String out;

  @Option(
      names = "--force",
      description = "Replace an existing --out file (never an input, a directory or a link).")
  boolean force;

  @Option(names = "--strict", description = "Refuse a map with coverage findings (exit 1).")
  boolean strict;

  @Option(
      names = "--validate",
      description =
          "Wait for the map's coverage validation to count its findings (by default the count is"
              + " printed only if validation is done by the time locating is).")
  boolean validate;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    Path target = out.equals("-") ? null : CliFiles.output(out, force, inputs());
    // The points, the map, its validation (for the findings line, or to refuse in --strict) and
    // its index are independent and each takes a while on a city-sized map: the points are read
    // while the map is parsed, then the map is validated while its index is built and the points
    // are located. Only --strict and --validate wait for the validation.
    ExecutorService background = Executors.newFixedThreadPool(2, LocateCommand::daemon);
    try {
      Future<PointCsv> read = background.submit(this::readPoints);
      GridMap map =
          GridMaps.readGeoJson(
              grids.files,
              grids.options(GridMapOptions.defaults().withMode(GridMapOptions.Mode.TRUSTED)));
      Function<GridMap, List<CoverageFinding>> check = validation;
      Future<List<CoverageFinding>> validated = background.submit(() -> check.apply(map));
      map.locator();
      PointCsv points = join(read);
      GridMapFiles.warnIfUndeclared(map, err); // once every input is known to be usable
      boolean counted = false;
      if (strict || validate || validated.isDone()) {
        List<CoverageFinding> findings = join(validated);
        if (strict && !findings.isEmpty()) {
          err.println("gridgov: " + new CoverageException(sources(), findings).getMessage());
          return GridGovCli.FINDINGS;
        }
        printCount(err, map, findings);
        counted = true;
      }

      toMapSystem(points, map.coordinateSystem());
      if (out.equals("-")) {
        PrintWriter stdout = spec.commandLine().getOut();
        write(
            points, map, (bytes, length) -> stdout.write(new String(bytes, 0, length, UTF_8)), err);
        stdout.flush();
      } else {
        AtomicFiles.<IOException>write(
            target, o -> write(points, map, (bytes, length) -> o.write(bytes, 0, length), err));
      }
      if (!counted) {
        if (finishes(validated, GRACE)) {
          printCount(err, map, join(validated));
        } else {
          err.printf(
              "map: %,d grids (%s), coverage not checked (use --validate)%n",
              map.size(), GridMapFiles.system(map));
          err.flush();
        }
      }
      return GridGovCli.OK;
    } finally {
      background.shutdownNow();
    }
  }

  /** The {@code map:} line: the grids and the coverage findings. */
  private static void printCount(PrintWriter err, GridMap map, List<CoverageFinding> findings) {
    err.printf(
        "map: %,d grids (%s), %,d coverage finding%s%s%n",
        map.size(),
        GridMapFiles.system(map),
        findings.size(),
        findings.size() == 1 ? "" : "s",
        findings.isEmpty() ? "" : " (gridgov validate lists them; polygons used as drawn)");
    err.flush();
  }

  /** Whether a background task is done, waiting for it at most {@code patience}. */
  private static boolean finishes(Future<?> task, Duration patience) throws IOException {
    try {
      task.get(patience.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      return true; // join rethrows its cause
    }
  }

  private List<Path> inputs() {
    List<Path> inputs = new java.util.ArrayList<>(grids.files);
    if (!in.equals("-")) {
      inputs.add(Path.of(in));
    }
    return inputs;
  }

  private String sources() {
    return grids.files.stream().map(Path::toString).collect(Collectors.joining(", "));
  }

  /** The result of a background task, with its own exception rethrown as it was. */
  private static <T> T join(Future<T> task) throws IOException {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IOException(e.getCause());
    }
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "gridgov-locate");
    t.setDaemon(true);
    return t;
  }

  private PointCsv readPoints() {
    return in.equals("-") ? PointCsv.read(System.in, "<stdin>") : PointCsv.read(Path.of(in));
  }

  /** Converts the points to the map's coordinate system, in place. */
  private void toMapSystem(PointCsv points, CoordinateSystem mapSystem) {
    if (crs == mapSystem) {
      return;
    }
    double[] xy = new double[2];
    for (int i = 0; i < points.size; i++) {
      crs.convert(points.lons[i], points.lats[i], mapSystem, xy);
      points.lons[i] = xy[0];
      points.lats[i] = xy[1];
    }
  }

  /**
   * Locates the points chunk by chunk and writes the rows as bytes: the id as it was written in the
   * input, then {@code grid,path} (spelled once per leaf and reused), then the exclusive grids.
   */
  private void write(PointCsv points, GridMap map, Sink sink, PrintWriter err) throws IOException {
    GridHierarchy h = map.hierarchy();
    GridLocator locator = map.locator();
    boolean exclusives = h.grids().stream().anyMatch(g -> g.kind() == GridKind.EXCLUSIVE);
    boolean progress = System.console() != null && points.size >= PROGRESS_MIN;
    byte[][] leafText = new byte[h.size()][];
    Bytes row = new Bytes();
    row.put("id,grid,path,exclusive\n".getBytes(UTF_8));
    int[] leaves = new int[0];
    int[] covering = new int[8];
    for (int from = 0; from < points.size; from += CHUNK) {
      int n = Math.min(CHUNK, points.size - from);
      double[] lons = slice(points.lons, from, n);
      double[] lats = slice(points.lats, from, n);
      if (leaves.length != n) {
        leaves = new int[n];
      }
      locator.locateAll(lons, lats, leaves);
      for (int k = 0; k < n; k++) {
        row.put(points.idField(from + k).getBytes(UTF_8));
        row.put((byte) ',');
        int leaf = leaves[k];
        if (leaf < 0) {
          row.put((byte) ',');
        } else {
          if (leafText[leaf] == null) {
            leafText[leaf] = leafText(h, leaf);
          }
          row.put(leafText[leaf]);
        }
        row.put((byte) ',');
        if (exclusives) {
          int count = locator.exclusiveAt(lons[k], lats[k], covering);
          if (count > covering.length) {
            covering = new int[count];
            locator.exclusiveAt(lons[k], lats[k], covering);
          }
          for (int e = 0; e < count; e++) {
            if (e > 0) {
              row.put((byte) ';');
            }
            row.put(h.idAt(covering[e]).value().getBytes(UTF_8));
          }
        }
        row.put((byte) '\n');
      }
      sink.write(row.buf, row.len);
      row.len = 0;
      if (progress) {
        err.printf("\rlocated %,d of %,d points", from + n, points.size);
        err.flush();
      }
    }
    if (row.len > 0) {
      sink.write(row.buf, row.len);
    }
    if (progress) {
      err.println();
    }
  }

  /** {@code grid,path} of a leaf: its id, then the ids from the root down to it joined by '/'. */
  private static byte[] leafText(GridHierarchy h, int leaf) {
    StringBuilder path = new StringBuilder();
    for (int o = leaf; o >= 0; o = h.parentOrdinal(o)) {
      path.insert(0, h.idAt(o).value());
      if (h.parentOrdinal(o) >= 0) {
        path.insert(0, '/');
      }
    }
    return (h.idAt(leaf).value() + "," + path).getBytes(UTF_8);
  }

  private static double[] slice(double[] a, int from, int n) {
    if (from == 0 && n == a.length) {
      return a;
    }
    double[] out = new double[n];
    System.arraycopy(a, from, out, 0, n);
    return out;
  }

  /** Where rows go, a chunk at a time. */
  @FunctionalInterface
  private interface Sink {
    void write(byte[] bytes, int length) throws IOException;
  }

  /** A growable byte buffer for a chunk of rows. */
  private static final class Bytes {
    byte[] buf = new byte[1 << 20];
    int len;

    void put(byte b) {
      if (len == buf.length) {
        buf = Arrays.copyOf(buf, 2 * buf.length);
      }
      buf[len++] = b;
    }

    void put(byte[] b) {
      put(b, 0, b.length);
    }

    void put(byte[] b, int from, int to) {
      int n = to - from;
      if (len + n > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(2 * buf.length, len + n));
      }
      System.arraycopy(b, from, buf, len, n);
      len += n;
    }
  }

  /** Parses {@code --crs}. */
  static final class SystemConverter implements ITypeConverter<CoordinateSystem> {
    @Override
    public CoordinateSystem convert(String value) {
      return CoordinateSystem.parse(value);
    }
  }
}
