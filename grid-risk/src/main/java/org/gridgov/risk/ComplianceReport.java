package org.gridgov.risk;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.gridgov.core.risk.RiskColour;

/**
 * Visit compliance by colour per worker, grid, community and street on a date ({@code
 * RiskControl.compliance}); rows sorted by kind, unit and colour.
 *
 * @param asOf the date
 * @param rows the rows
 */
public record ComplianceReport(LocalDate asOf, List<ComplianceRow> rows) {
  /**
   * Checks and copies the fields.
   *
   * @param asOf the date
   * @param rows the rows
   */
  public ComplianceReport {
    Objects.requireNonNull(asOf, "asOf");
    rows = List.copyOf(rows);
  }

  /**
   * The rows of one kind of unit.
   *
   * @param kind the kind
   * @return its rows, in order
   */
  public List<ComplianceRow> rows(ComplianceRow.UnitKind kind) {
    return rows.stream().filter(r -> r.kind() == kind).toList();
  }

  /** The header of {@link #extraCounts(YearMonth)}: grid-scoring's extra-counts CSV. */
  public static final String EXTRA_COUNTS_HEADER = "kind,unit,month,count,value";

  /**
   * The report as grid-scoring's extra-counts CSV ({@code kind,unit,month,count,value},
   * docs/scoring.md §4), so that a scoring scheme can weight visit compliance (e.g. {@code
   * red_visit_compliance}). Per unit (kind {@code worker}, {@code grid}, {@code community} or
   * {@code street}): {@code risk_elements} and {@code risk_in_control} (coloured elements with a
   * plan, and those not overdue) over every colour, the same pair per colour present ({@code
   * risk_elements_red}, {@code risk_in_control_red}, … for {@code orange}, {@code yellow}, {@code
   * blue}) and {@code risk_unanswered_findings}. Lines in row order, LF line ends, fields quoted as
   * RFC 4180 needs.
   *
   * @param month the month the counts are booked to (usually the as-of date's month)
   * @return the CSV text, header included
   */
  public String extraCounts(YearMonth month) {
    Objects.requireNonNull(month, "month");
    StringBuilder out = new StringBuilder(EXTRA_COUNTS_HEADER).append('\n');
    int i = 0;
    while (i < rows.size()) {
      ComplianceRow first = rows.get(i);
      int j = i;
      int elements = 0;
      int overdue = 0;
      int unanswered = 0;
      String prefix =
          first.kind().name().toLowerCase(Locale.ROOT)
              + ","
              + csv(first.unit())
              + ","
              + month
              + ",";
      StringBuilder colours = new StringBuilder();
      while (j < rows.size()
          && rows.get(j).kind() == first.kind()
          && rows.get(j).unit().equals(first.unit())) {
        ComplianceRow r = rows.get(j);
        elements += r.elements();
        overdue += r.overdue();
        unanswered += r.unansweredFindings();
        String c = colourKey(r.colour());
        colours.append(prefix).append("risk_elements_").append(c).append(',');
        colours.append(r.elements()).append('\n');
        colours.append(prefix).append("risk_in_control_").append(c).append(',');
        colours.append(r.elements() - r.overdue()).append('\n');
        j++;
      }
      out.append(prefix).append("risk_elements,").append(elements).append('\n');
      out.append(prefix).append("risk_in_control,").append(elements - overdue).append('\n');
      out.append(colours);
      out.append(prefix).append("risk_unanswered_findings,").append(unanswered).append('\n');
      i = j;
    }
    return out.toString();
  }

  private static String colourKey(RiskColour c) {
    return RiskNames.colour(c);
  }

  private static String csv(String field) {
    if (field.indexOf(',') < 0
        && field.indexOf('"') < 0
        && field.indexOf('\n') < 0
        && field.indexOf('\r') < 0) {
      return field;
    }
    return '"' + field.replace("\"", "\"\"") + '"';
  }
}
