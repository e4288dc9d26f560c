package org.gridgov.examples.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.GridKind;
import org.gridgov.core.InvalidInputException;
import org.gridgov.geo.CoordinateSystem;
import org.gridgov.geo.CoverageException;
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
 * [--strict]}: finds the grid of every point of an {@code id,lon,lat} CSV and writes {@code
 * id,grid,path,exclusive}.
 *
 * <p>The map is loaded leniently (real maps are messy; invalid polygons are used as drawn) and one
 * line on stderr counts its coverage findings; {@code --strict} refuses a map with findings (exit
 * 1). The whole input is read and checked before anything is written, so a bad row (exit 2, with
 * its line number) leaves no output; a file output is written to a temporary file in the target
 * directory and moved into place only when complete.
 */
@Command(
    name = "locate",
    mixinStandardHelpOptions = true,
    description = {
      "Locate points in a GeoJSON grid map.",
      "Input CSV header: id,lon,lat. Output CSV header: id,grid,path,exclusive, where grid is the"
          + " leaf grid (empty outside the map), path the grids from the root to it joined by '/',"
          + " exclusive the exclusive grids covering the point joined by ';'.",
      "Exit 0 on success, 1 when --strict refuses a map with findings, 2 for unusable input."
    })
final class LocateCommand implements Callable<Integer> {
  private static final int CHUNK = 1 << 16;
  private static final int PROGRESS_MIN = 200_000;

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

  @Option(names = "--strict", description = "Refuse a map with coverage findings (exit 1).")
  boolean strict;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    GridMapOptions options =
        strict ? GridMapOptions.defaults() : GridMapOptions.defaults().lenient();
    GridMap map;
    try {
      map = GridMaps.readGeoJson(grids.files, options);
    } catch (CoverageException e) {
      err.println("gridgov: " + e.getMessage());
      return GridGovCli.FINDINGS;
    }
    err.printf(
        "map: %,d grids, %,d coverage finding%s%s%n",
        map.size(),
        map.findings().size(),
        map.findings().size() == 1 ? "" : "s",
        map.findings().isEmpty() ? "" : " (gridgov validate lists them; polygons used as drawn)");
    err.flush();

    PointCsv points = readPoints();
    toMapSystem(points, map.coordinateSystem());
    if (out.equals("-")) {
      PrintWriter stdout = spec.commandLine().getOut();
      write(points, map, stdout, err);
      stdout.flush();
    } else {
      writeAtomically(Path.of(out), w -> write(points, map, w, err));
    }
    return GridGovCli.OK;
  }

  private PointCsv readPoints() throws IOException {
    if (in.equals("-")) {
      BufferedReader r = new BufferedReader(new InputStreamReader(System.in, UTF_8), 1 << 16);
      return PointCsv.read(r, "<stdin>");
    }
    try (BufferedReader r = Files.newBufferedReader(Path.of(in), UTF_8)) {
      return PointCsv.read(r, in);
    } catch (NoSuchFileException e) {
      throw InvalidInputException.at(in, "", "no such file");
    }
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

  private void write(PointCsv points, GridMap map, Writer w, PrintWriter err) throws IOException {
    GridHierarchy h = map.hierarchy();
    GridLocator locator = map.locator();
    boolean exclusives = h.grids().stream().anyMatch(g -> g.kind() == GridKind.EXCLUSIVE);
    boolean progress = System.console() != null && points.size >= PROGRESS_MIN;
    String[] paths = new String[h.size()];
    w.write("id,grid,path,exclusive\n");
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
        PointCsv.writeField(w, points.ids[from + k]);
        w.write(',');
        writeLeaf(w, h, leaves[k], paths);
        w.write(',');
        if (exclusives) {
          int count = locator.exclusiveAt(lons[k], lats[k], covering);
          if (count > covering.length) {
            covering = new int[count];
            locator.exclusiveAt(lons[k], lats[k], covering);
          }
          for (int e = 0; e < count; e++) {
            if (e > 0) {
              w.write(';');
            }
            w.write(h.idAt(covering[e]).value());
          }
        }
        w.write('\n');
      }
      if (progress) {
        err.printf("\rlocated %,d of %,d points", from + n, points.size);
        err.flush();
      }
    }
    if (progress) {
      err.println();
    }
  }

  /** Writes {@code grid,path} for a leaf ordinal, or {@code ,} when the point is outside. */
  private static void writeLeaf(Writer w, GridHierarchy h, int leaf, String[] paths)
      throws IOException {
    if (leaf < 0) {
      w.write(',');
      return;
    }
    w.write(h.idAt(leaf).value());
    w.write(',');
    String path = paths[leaf];
    if (path == null) {
      StringBuilder sb = new StringBuilder();
      for (int o = leaf; o >= 0; o = h.parentOrdinal(o)) {
        sb.insert(0, h.idAt(o).value());
        if (h.parentOrdinal(o) >= 0) {
          sb.insert(0, '/');
        }
      }
      path = sb.toString();
      paths[leaf] = path;
    }
    w.write(path);
  }

  private static double[] slice(double[] a, int from, int n) {
    if (from == 0 && n == a.length) {
      return a;
    }
    double[] out = new double[n];
    System.arraycopy(a, from, out, 0, n);
    return out;
  }

  /** Writes through a temporary file next to the target, moved into place on success. */
  private static void writeAtomically(Path file, Body body) throws IOException {
    Path target = file.toAbsolutePath();
    Path dir = target.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw InvalidInputException.at(file.toString(), "", "the output directory does not exist");
    }
    Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
    boolean done = false;
    try {
      try (Writer w =
          new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(tmp), UTF_8), 1 << 16)) {
        body.write(w);
      }
      try {
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      done = true;
    } finally {
      if (!done) {
        Files.deleteIfExists(tmp);
      }
    }
  }

  /** Writes the output. */
  @FunctionalInterface
  private interface Body {
    void write(Writer w) throws IOException;
  }

  /** Parses {@code --crs}. */
  static final class SystemConverter implements ITypeConverter<CoordinateSystem> {
    @Override
    public CoordinateSystem convert(String value) {
      return CoordinateSystem.parse(value);
    }
  }
}
