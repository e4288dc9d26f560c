package org.gridgov.benchmarks;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.gridgov.core.io.CsvHeader;
import org.gridgov.core.io.CsvReader;
import org.gridgov.core.io.CsvRow;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading the point CSV of {@code gridgov locate} (header {@code lon,lat,id}, one point per line,
 * Zhengzhou-sized coordinates with six decimals, ids {@code P0000001}…), one million rows written
 * to a temporary file in setup; each operation reads the whole file and sums the parsed coordinates
 * (so every field is looked at and nothing is optimised away).
 *
 * <ul>
 *   <li>{@code coreIo}: the SDK path, {@link CsvReader#open} + {@link CsvHeader}: strict UTF-8 with
 *       located errors, BOM, CR/LF/CRLF, RFC 4180 quotes, line and field limits;
 *   <li>{@code baseline}: the simplest reader that is correct for unquoted input, {@link
 *       BufferedReader#readLine()} and a split at each comma ({@code indexOf} loop, what {@code
 *       String.split(",")} does for a one-character separator), with no encoding check, no quotes
 *       and no located errors.
 * </ul>
 *
 * <p>The ratio {@code coreIo / baseline} is the cost of the SDK reader's guarantees.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx2g", "-Xms2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CsvReadBenchmark {
  @Param({"1000000"})
  int rows;

  Path file;

  @Setup
  public void setUp() {
    try {
      file = Files.createTempFile("gridgov-points-", ".csv");
      write(file, rows, 20_240_601L);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @TearDown
  public void tearDown() {
    try {
      if (file != null) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code rows} random points around Zhengzhou with a header. */
  static void write(Path file, int rows, long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("lon,lat,id\n");
      StringBuilder sb = new StringBuilder(64);
      for (int i = 0; i < rows; i++) {
        sb.setLength(0);
        micros(sb, 113_300_000 + random.nextInt(900_000));
        sb.append(',');
        micros(sb, 34_500_000 + random.nextInt(500_000));
        sb.append(",P");
        String n = Integer.toString(i);
        sb.append("0000000", n.length(), 7).append(n).append('\n');
        w.write(sb.toString());
      }
    }
  }

  /** Appends millionths as a decimal with six places. */
  private static void micros(StringBuilder sb, int micros) {
    String frac = Integer.toString(micros % 1_000_000);
    sb.append(micros / 1_000_000).append('.').append("000000", frac.length(), 6).append(frac);
  }

  /** The SDK reader: header checked, every field required. */
  @Benchmark
  public double coreIo() {
    double sum = 0;
    try (CsvReader r = CsvReader.open(file)) {
      CsvHeader h = CsvHeader.read(r.next().orElseThrow(), List.of("lon", "lat", "id"), List.of());
      for (Optional<CsvRow> o = r.next(); o.isPresent(); o = r.next()) {
        CsvRow row = o.get();
        h.checkWidth(row);
        sum += Double.parseDouble(h.require(row, "lon"));
        sum += Double.parseDouble(h.require(row, "lat"));
        sum += h.require(row, "id").length();
      }
    }
    return sum;
  }

  /** The baseline: {@code readLine} and a split at commas. */
  @Benchmark
  public double baseline() {
    double sum = 0;
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String[] header = split(r.readLine());
      int lon = indexOf(header, "lon");
      int lat = indexOf(header, "lat");
      int id = indexOf(header, "id");
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isEmpty()) {
          continue;
        }
        String[] f = split(line);
        if (f.length != header.length) {
          throw new IllegalStateException("bad width: " + line);
        }
        sum += Double.parseDouble(f[lon]);
        sum += Double.parseDouble(f[lat]);
        sum += f[id].length();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sum;
  }

  /** {@code line.split(",", -1)} without the regex machinery. */
  static String[] split(String line) {
    List<String> out = new ArrayList<>(4);
    int from = 0;
    for (int comma = line.indexOf(','); comma >= 0; comma = line.indexOf(',', from)) {
      out.add(line.substring(from, comma));
      from = comma + 1;
    }
    out.add(line.substring(from));
    return out.toArray(new String[0]);
  }

  private static int indexOf(String[] header, String name) {
    for (int i = 0; i < header.length; i++) {
      if (header[i].strip().equals(name)) {
        return i;
      }
    }
    throw new IllegalStateException("no column " + name);
  }
}
