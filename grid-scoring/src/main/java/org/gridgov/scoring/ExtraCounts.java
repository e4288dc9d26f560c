package org.gridgov.scoring;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.gridgov.core.InvalidInputException;

/**
 * Counts that case records do not carry (台账外数据), supplied per unit and month: missed reports,
 * verification tasks, inaccurate filings, intake calls and the intake clerk's verification and
 * check requests (every {@link Count} of type {@link Count.Type#EXTRA}). They are added to the
 * counts the log gives before any indicator is computed, so the inspector, intake-clerk and
 * shift-lead formulas of the CJ/T 292 lineage (DOMAIN.md §7) can be scored in full.
 *
 * <p>CSV form ({@link #read(Path)}, {@link #read(InputStream, String)}), header required, one count
 * per line:
 *
 * <pre>
 * kind,unit,month,count,value
 * worker,W-017,2026-03,missed_reports,2
 * worker,CLERK-3,2026-03,intakes,1408
 * </pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ExtraCounts {
  private static final ExtraCounts EMPTY = new ExtraCounts(List.of());
  private static final String HEADER = "kind,unit,month,count,value";

  private final List<Entry> entries;

  private ExtraCounts(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** No extra counts. */
  public static ExtraCounts empty() {
    return EMPTY;
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Every entry, in the order added. */
  public List<Entry> entries() {
    return entries;
  }

  /**
   * Reads the CSV form, all or nothing.
   *
   * @param file the file
   * @return the counts
   * @throws InvalidInputException naming the file, line and column of the first bad value
   */
  public static ExtraCounts read(Path file) {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(r, file.toString());
    } catch (IOException e) {
      throw new InvalidInputException(
          file.toString(), 0, 0, "", "cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * Reads the CSV form (UTF-8) from a stream, all or nothing. The stream is not closed.
   *
   * @param in the stream
   * @param sourceName the name used in errors
   * @return the counts
   * @throws InvalidInputException naming the line and column of the first bad value
   */
  public static ExtraCounts read(InputStream in, String sourceName) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(sourceName, "sourceName");
    return read(new InputStreamReader(in, StandardCharsets.UTF_8), sourceName);
  }

  private static ExtraCounts read(Reader in, String source) {
    BufferedReader br = in instanceof BufferedReader b ? b : new BufferedReader(in);
    Builder out = builder();
    int lineNo = 0;
    try {
      String header = br.readLine();
      lineNo = 1;
      if (header == null || !header.trim().replace(" ", "").equalsIgnoreCase(HEADER)) {
        throw InvalidInputException.atLine(source, 1, "the header must be '" + HEADER + "'");
      }
      for (String line = br.readLine(); line != null; line = br.readLine()) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.split(",", -1);
        if (f.length != 5) {
          throw InvalidInputException.atLine(
              source, lineNo, "expected 5 comma-separated fields, found " + f.length);
        }
        int ln = lineNo;
        UnitKind kind =
            UnitKind.parse(f[0])
                .orElseThrow(() -> bad(source, ln, "kind", "unknown unit kind '" + f[0] + "'"));
        String unit = f[1].trim();
        if (unit.isEmpty()) {
          throw bad(source, ln, "unit", "unit id is empty");
        }
        YearMonth month;
        try {
          month = YearMonth.parse(f[2].trim());
        } catch (DateTimeParseException e) {
          throw bad(source, ln, "month", "month '" + f[2] + "' is not YYYY-MM");
        }
        Count count =
            Count.byKey(f[3].trim())
                .filter(c -> c.type() == Count.Type.EXTRA)
                .orElseThrow(
                    () ->
                        bad(
                            source,
                            ln,
                            "count",
                            "'" + f[3] + "' is not an extra count; use one of " + extraKeys()));
        int value;
        try {
          value = Integer.parseInt(f[4].trim());
        } catch (NumberFormatException e) {
          throw bad(source, ln, "value", "value '" + f[4] + "' is not a whole number");
        }
        if (value < 0) {
          throw bad(source, ln, "value", "value cannot be negative: " + value);
        }
        out.add(kind, unit, month, count, value);
      }
    } catch (IOException e) {
      throw new InvalidInputException(source, lineNo, 0, "", "cannot read: " + e.getMessage(), e);
    }
    return out.build();
  }

  private static InvalidInputException bad(String source, int line, String column, String why) {
    return new InvalidInputException(source, line, 0, "column " + column, why, null);
  }

  private static String extraKeys() {
    StringBuilder sb = new StringBuilder();
    for (Count c : Count.values()) {
      if (c.type() == Count.Type.EXTRA) {
        sb.append(sb.length() == 0 ? "" : ", ").append(c.key());
      }
    }
    return sb.toString();
  }

  /**
   * One extra count.
   *
   * @param kind the unit kind
   * @param unit the unit id
   * @param month the month
   * @param count an {@link Count.Type#EXTRA} count
   * @param value the value, not negative
   */
  public record Entry(UnitKind kind, String unit, YearMonth month, Count count, int value) {
    /** Checks the fields. */
    public Entry {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(unit, "unit");
      Objects.requireNonNull(month, "month");
      Objects.requireNonNull(count, "count");
      if (count.type() != Count.Type.EXTRA) {
        throw new IllegalArgumentException(
            count.key() + " comes from case records; only extra counts can be supplied");
      }
      if (value < 0) {
        throw new IllegalArgumentException("extra count cannot be negative: " + value);
      }
    }
  }

  /** Collects entries. Not thread-safe. */
  public static final class Builder {
    private final List<Entry> entries = new ArrayList<>();

    private Builder() {}

    /**
     * Adds one count.
     *
     * @param kind the unit kind
     * @param unit the unit id
     * @param month the month
     * @param count an extra count
     * @param value the value
     * @return this builder
     */
    public Builder add(UnitKind kind, String unit, YearMonth month, Count count, int value) {
      entries.add(new Entry(kind, unit, month, count, value));
      return this;
    }

    /** The counts. */
    public ExtraCounts build() {
      return new ExtraCounts(entries);
    }
  }

  /**
   * The entries for a kind and period.
   *
   * @param kind the kind
   * @param period the period
   * @return the matching entries
   */
  List<Entry> select(UnitKind kind, ScoringPeriod period) {
    List<Entry> out = new ArrayList<>();
    for (Entry e : entries) {
      if (e.kind() == kind && period.contains(e.month())) {
        out.add(e);
      }
    }
    return out;
  }

  /** Whether there are no entries. */
  boolean isEmpty() {
    return entries.isEmpty();
  }
}
