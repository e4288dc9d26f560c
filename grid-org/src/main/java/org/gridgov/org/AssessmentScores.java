package org.gridgov.org;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.gridgov.core.GridId;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.io.CsvReader;
import org.gridgov.core.io.CsvRow;
import org.gridgov.core.io.Problems;
import org.gridgov.core.io.Suggestions;

/**
 * Reads the grids' assessment scores for a year from the CSV that {@code gridgov score --format
 * csv} writes ({@code period,kind,rank,unit,score,grade,<indicators…>}) or from the demo's {@code
 * scores.csv} ({@code kind,rank,unit,name,parent,score,grade,…}, one period, no {@code period}
 * column), for the {@code GRID_SCORE} measure of a star scheme (docs/org.md, "Star rating").
 *
 * <p>Columns {@code unit} and {@code score} are required; {@code period} and {@code kind} are used
 * when present; other columns are ignored. Rows whose {@code kind} is not a grid kind ({@code
 * grid}, {@code community}, {@code street}) and rows with an empty score (not scored) are skipped.
 * With a {@code period} column a row counts for the year when its period ({@code 2026-03}, {@code
 * 2026-01..2026-12} or {@code 2026}) lies inside the year, and a unit's score is the mean of its
 * rows weighted by their months (the mean of the monthly scores for {@code --each month}); a unit
 * with the same period twice is an error. Without a {@code period} column every row counts, once
 * per unit. Errors name the file, line and column. Stateless and thread-safe.
 */
public final class AssessmentScores {
  private static final Set<String> GRID_KINDS = Set.of("grid", "community", "street");
  private static final List<String> KNOWN = List.of("period", "kind", "unit", "score");

  private AssessmentScores() {}

  /**
   * Reads a scores file for a year.
   *
   * @param file the CSV file
   * @param year the year
   * @return grid id → score, in file order
   * @throws InvalidInputException located, when the file cannot be read or is not in the format
   */
  public static Map<GridId, Double> read(Path file, int year) {
    Objects.requireNonNull(file, "file");
    try (CsvReader r = CsvReader.open(file)) {
      return read(r, year);
    }
  }

  /**
   * Reads scores from a stream of UTF-8 CSV, read to its end and not closed.
   *
   * @param in the stream
   * @param source the name used in errors
   * @param year the year
   * @return grid id → score, in file order
   * @throws InvalidInputException located, when the input is not in the format
   */
  public static Map<GridId, Double> read(InputStream in, String source, int year) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(source, "source");
    return read(CsvReader.of(in, source), year);
  }

  private static Map<GridId, Double> read(CsvReader r, int year) {
    Optional<CsvRow> first = r.next();
    if (first.isEmpty()) {
      throw InvalidInputException.atLine(
          r.source(), 1, "the file is empty; expected a header with 'unit' and 'score'");
    }
    CsvRow header = first.get();
    Map<String, Integer> cols = new HashMap<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      String n = header.get(i).strip();
      names.add(n);
      if (cols.putIfAbsent(n, i) != null && KNOWN.contains(n)) {
        throw header.error("column " + Problems.quote(n) + " appears twice");
      }
    }
    for (String required : List.of("unit", "score")) {
      if (!cols.containsKey(required)) {
        throw header.error(
            "the required column '"
                + required
                + "' is missing"
                + Suggestions.didYouMean(required, names)
                    .map(s -> " (is '" + s + "' meant?)")
                    .orElse("")
                + "; the header is "
                + names
                + " (the CSV of 'gridgov score --format csv' or the demo's scores.csv)");
      }
    }
    int unitCol = cols.get("unit");
    int scoreCol = cols.get("score");
    Integer periodCol = cols.get("period");
    Integer kindCol = cols.get("kind");
    Map<GridId, double[]> sums = new LinkedHashMap<>();
    Map<String, Integer> seen = new HashMap<>();
    for (Optional<CsvRow> next = r.next(); next.isPresent(); next = r.next()) {
      CsvRow row = next.get();
      if (row.size() != header.size()) {
        throw row.error(
            "the record has " + row.size() + " fields; the header has " + header.size());
      }
      if (kindCol != null && !GRID_KINDS.contains(row.get(kindCol).strip())) {
        continue;
      }
      String unit = row.get(unitCol).strip();
      if (unit.isEmpty()) {
        throw row.error("unit", "the field is empty");
      }
      String scoreText = row.get(scoreCol).strip();
      int months = 1;
      String period = "";
      if (periodCol != null) {
        period = row.get(periodCol).strip();
        int[] span = months(row, period);
        if (span[0] != year || span[1] != year) {
          continue;
        }
        months = span[2];
      }
      Integer before = seen.putIfAbsent(unit + "\u0000" + period, row.line());
      if (before != null) {
        throw row.error(
            "unit",
            "unit "
                + Problems.quote(unit)
                + (period.isEmpty() ? "" : " for period " + period)
                + " appears twice (first on line "
                + before
                + ")");
      }
      if (scoreText.isEmpty()) {
        continue; // not scored
      }
      double score;
      try {
        score = Double.parseDouble(scoreText);
      } catch (NumberFormatException e) {
        throw row.error("score", "not a number: " + Problems.quote(scoreText));
      }
      if (!Double.isFinite(score) || scoreText.chars().anyMatch(Character::isLetter)) {
        throw row.error("score", "not a finite number: " + Problems.quote(scoreText));
      }
      GridId id;
      try {
        id = GridId.of(unit);
      } catch (IllegalArgumentException e) {
        throw row.error("unit", String.valueOf(e.getMessage()));
      }
      double[] s = sums.computeIfAbsent(id, k -> new double[2]);
      s[0] += score * months;
      s[1] += months;
    }
    Map<GridId, Double> out = new LinkedHashMap<>();
    sums.forEach((k, v) -> out.put(k, v[0] / v[1]));
    return java.util.Collections.unmodifiableMap(out);
  }

  /** {first year, last year, months} of a period. */
  private static int[] months(CsvRow row, String text) {
    try {
      YearMonth from;
      YearMonth to;
      int dots = text.indexOf("..");
      if (dots >= 0) {
        from = YearMonth.parse(text.substring(0, dots));
        to = YearMonth.parse(text.substring(dots + 2));
      } else if (text.length() == 4 && text.chars().allMatch(Character::isDigit)) {
        from = YearMonth.of(Integer.parseInt(text), 1);
        to = YearMonth.of(Integer.parseInt(text), 12);
      } else {
        from = YearMonth.parse(text);
        to = from;
      }
      if (to.isBefore(from)) {
        throw row.error("period", "the period " + Problems.quote(text) + " ends before it starts");
      }
      int count = (to.getYear() - from.getYear()) * 12 + to.getMonthValue() - from.getMonthValue();
      return new int[] {from.getYear(), to.getYear(), count + 1};
    } catch (DateTimeParseException e) {
      throw row.error(
          "period",
          "not a period: "
              + Problems.quote(text)
              + " (expected 2026-03, 2026-01..2026-12 or 2026)");
    }
  }
}
