package org.gridgov.scoring;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.io.CsvHeader;
import org.gridgov.core.io.CsvReader;
import org.gridgov.core.io.CsvRow;
import org.gridgov.core.io.Problems;
import org.gridgov.core.io.Suggestions;

/**
 * Counts that case records do not carry (台账外数据), supplied per unit and month: missed reports,
 * verification tasks, inaccurate filings, intake calls and the intake clerk's verification and
 * check requests (every {@link Count} of type {@link Count.Type#EXTRA}). They are added to the
 * counts the log gives before any indicator is computed, so the inspector, intake-clerk and
 * shift-lead formulas of the CJ/T 292 lineage (docs/domain.md §7) can be scored in full.
 *
 * <p>CSV form ({@link #read(Path)}, {@link #read(InputStream, String)}; RFC 4180, UTF-8), header
 * required (the five columns in any order, names in any case), one count per line:
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
  private static final List<String> COLUMNS = List.of("kind", "unit", "month", "count", "value");
  private static final List<String> UNIT_KINDS =
      List.of("grid", "worker", "community", "street", "department");

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
   * @throws InvalidInputException naming the file, line and column of the first bad value (or the
   *     file when it cannot be read)
   */
  public static ExtraCounts read(Path file) {
    Objects.requireNonNull(file, "file");
    try (CsvReader r = CsvReader.open(file)) {
      return read(r);
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
    try (CsvReader r = CsvReader.of(in, sourceName)) {
      return read(r);
    }
  }

  private static ExtraCounts read(CsvReader r) {
    CsvRow first =
        r.next()
            .orElseThrow(
                () ->
                    InvalidInputException.atLine(
                        r.source(), 1, "the header must be " + Problems.quote(HEADER)));
    // Column names are matched without regard to case, as before.
    List<String> names = new ArrayList<>();
    for (String f : first.fields()) {
      names.add(f.strip().toLowerCase(Locale.ROOT));
    }
    CsvHeader h =
        CsvHeader.read(new CsvRow(first.source(), first.line(), names), COLUMNS, List.of());
    Builder out = builder();
    for (Optional<CsvRow> next = r.next(); next.isPresent(); next = r.next()) {
      CsvRow row = next.get();
      if (row.fields().size() == 1 && row.get(0).isBlank()) {
        continue;
      }
      h.checkWidth(row);
      String kindText = h.require(row, "kind").strip();
      UnitKind kind =
          UnitKind.parse(kindText)
              .orElseThrow(
                  () ->
                      row.error(
                          "kind",
                          "unknown unit kind "
                              + Problems.quote(kindText)
                              + Suggestions.hint(kindText, UNIT_KINDS)));
      String unit = h.get(row, "unit").map(String::strip).orElse("");
      if (unit.isEmpty()) {
        throw row.error("unit", "unit id is empty");
      }
      String monthText = h.get(row, "month").map(String::strip).orElse("");
      YearMonth month;
      try {
        month = YearMonth.parse(monthText);
      } catch (DateTimeParseException e) {
        throw row.error("month", "month " + Problems.quote(monthText) + " is not YYYY-MM");
      }
      String countText = h.get(row, "count").map(String::strip).orElse("");
      Count count =
          Count.byKey(countText)
              .filter(c -> c.type() == Count.Type.EXTRA)
              .orElseThrow(
                  () ->
                      row.error(
                          "count",
                          Problems.quote(countText)
                              + " is not an extra count"
                              + Suggestions.didYouMean(countText, extraKeys())
                                  .map(k -> "; did you mean " + Problems.quote(k) + "?")
                                  .orElse("; use one of " + String.join(", ", extraKeys()))));
      String valueText = h.get(row, "value").map(String::strip).orElse("");
      int value;
      try {
        value = Integer.parseInt(valueText);
      } catch (NumberFormatException e) {
        throw row.error("value", "value " + Problems.quote(valueText) + " is not a whole number");
      }
      if (value < 0) {
        throw row.error("value", "value cannot be negative: " + value);
      }
      out.add(kind, unit, month, count, value);
    }
    return out.build();
  }

  private static List<String> extraKeys() {
    List<String> out = new ArrayList<>();
    for (Count c : Count.values()) {
      if (c.type() == Count.Type.EXTRA) {
        out.add(c.key());
      }
    }
    return out;
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
