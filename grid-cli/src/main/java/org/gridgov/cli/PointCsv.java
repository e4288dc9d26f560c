package org.gridgov.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.io.Csv;
import org.gridgov.core.io.CsvReader;
import org.gridgov.core.io.CsvRow;
import org.gridgov.core.io.PointFields;

/**
 * The points of an {@code id,lon,lat} CSV file, read with the I/O toolkit's {@link CsvReader}
 * (streamed, RFC 4180 quoting, strict UTF-8 with a hint for GBK files, LF, CRLF or CR line ends, a
 * byte order mark) into primitive arrays for batch lookup. The header is {@code id,lon,lat} in any
 * case, spaces allowed; blank lines are skipped; the id is trimmed and must not be empty; lon and
 * lat are finite decimal numbers (no hexadecimal, {@code NaN} or {@code Infinity}) within range.
 * The id goes back out as {@link #idField} (quoted by {@link Csv#quote} when it needs quotes). Not
 * thread-safe.
 */
final class PointCsv {
  /** The required header. */
  static final String HEADER = PointFields.HEADER;

  String[] ids = new String[1024];
  double[] lons = new double[1024];
  double[] lats = new double[1024];
  int size;

  private final double[] lonLat = new double[2];
  private CsvRow current;

  private PointCsv() {}

  /**
   * Reads every row of a file; all-or-nothing.
   *
   * @param file the file
   * @return the rows
   * @throws InvalidInputException naming the line of the first bad row
   */
  static PointCsv read(Path file) {
    try (CsvReader r = CsvReader.open(CliFiles.input(file))) {
      return read(r);
    }
  }

  /**
   * Reads every row of a stream; all-or-nothing.
   *
   * @param in UTF-8 bytes, header first; not closed
   * @param source the name used in messages
   * @return the rows
   * @throws InvalidInputException naming the line of the first bad row
   */
  static PointCsv read(InputStream in, String source) {
    try (CsvReader r = CsvReader.of(in, source)) {
      return read(r);
    }
  }

  /**
   * Reads every row of bytes; all-or-nothing.
   *
   * @param data the whole input, UTF-8, header first
   * @param source the name used in messages
   * @return the rows
   */
  static PointCsv parse(byte[] data, String source) {
    return read(new ByteArrayInputStream(data), source);
  }

  private static PointCsv read(CsvReader r) {
    PointCsv rows = new PointCsv();
    Optional<CsvRow> first = r.next();
    if (first.isEmpty()) {
      throw InvalidInputException.atLine(
          r.source(), 1, "empty input; expected the header " + HEADER);
    }
    rows.header(first.get());
    for (Optional<CsvRow> row = r.next(); row.isPresent(); row = r.next()) {
      rows.row(row.get());
    }
    return rows;
  }

  /**
   * The id of a row as a CSV field.
   *
   * @param i the row
   * @return the field, quoted when needed
   */
  String idField(int i) {
    return Csv.quote(ids[i]);
  }

  private void header(CsvRow row) {
    current = row;
    String problem = PointFields.headerProblem(row.fields());
    if (problem != null) {
      throw fail(problem);
    }
  }

  private void row(CsvRow row) {
    current = row;
    List<String> f = row.fields();
    if (PointFields.isBlank(f)) {
      return; // a blank line
    }
    String count = PointFields.countProblem(f.size());
    if (count != null) {
      throw fail(count);
    }
    String problem = PointFields.check(f.get(0), f.get(1), f.get(2), lonLat);
    if (problem != null) {
      throw fail(problem);
    }
    String id = PointFields.trim(f.get(0));
    double lon = lonLat[0];
    double lat = lonLat[1];
    if (size == lons.length) {
      int grown = size * 2;
      ids = Arrays.copyOf(ids, grown);
      lons = Arrays.copyOf(lons, grown);
      lats = Arrays.copyOf(lats, grown);
    }
    ids[size] = id;
    lons[size] = lon;
    lats[size] = lat;
    size++;
  }

  private InvalidInputException fail(String reason) {
    return current.error(reason);
  }
}
