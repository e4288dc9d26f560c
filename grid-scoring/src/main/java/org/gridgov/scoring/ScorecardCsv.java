package org.gridgov.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.gridgov.core.io.Csv;
import org.gridgov.scoring.Scorecard.IndicatorValue;
import org.gridgov.scoring.Scorecard.UnitScore;

/**
 * Scorecards as CSV, the one format {@code gridgov score --format csv} prints and {@code
 * gridgov-spark score} writes: the header {@code period,kind,rank,unit,score,grade} and one column
 * per reported indicator (its key), then one record per unit and scorecard, in the scorecards'
 * order and each scorecard's unit order. The unit is quoted as {@code core.io.Csv} quotes (a comma,
 * a quote, a line break or a leading or trailing space); an unranked unit has an empty rank, an
 * unscored one an empty score and grade, a not applicable indicator an empty value; indicator
 * values are plain decimals without trailing zeros. Lines end with LF. Stateless.
 */
public final class ScorecardCsv {
  private ScorecardCsv() {}

  /**
   * The header line, without its line break.
   *
   * @param indicators the reported indicators ({@link Scorecard#indicators()})
   * @return the header
   */
  public static String header(List<Indicator> indicators) {
    StringBuilder head = new StringBuilder("period,kind,rank,unit,score,grade");
    for (Indicator i : indicators) {
      head.append(',').append(i.key());
    }
    return head.toString();
  }

  /**
   * One unit's record, without its line break.
   *
   * @param card the scorecard
   * @param unit one of its units
   * @param indicators the columns, as in the {@link #header}
   * @return the record
   */
  public static String row(Scorecard card, UnitScore unit, List<Indicator> indicators) {
    StringBuilder row = new StringBuilder();
    row.append(card.period()).append(',').append(card.kind().key()).append(',');
    row.append(unit.rank().isPresent() ? Integer.toString(unit.rank().getAsInt()) : "");
    row.append(',').append(Csv.quote(unit.unit())).append(',');
    row.append(unit.score().map(BigDecimal::toPlainString).orElse("")).append(',');
    row.append(unit.grade().orElse(""));
    for (Indicator i : indicators) {
      row.append(',').append(unit.indicator(i).map(ScorecardCsv::value).orElse(""));
    }
    return row.toString();
  }

  /**
   * The lines of one or more scorecards: the header (the first scorecard's indicators), then every
   * unit's record.
   *
   * @param cards the scorecards, at least one, of one scheme
   * @return the lines, without line breaks
   * @throws IllegalArgumentException when {@code cards} is empty
   */
  public static List<String> lines(List<Scorecard> cards) {
    if (cards.isEmpty()) {
      throw new IllegalArgumentException("no scorecard to write");
    }
    List<Indicator> inds = cards.get(0).indicators();
    List<String> lines = new ArrayList<>();
    lines.add(header(inds));
    for (Scorecard card : cards) {
      lines.addAll(rows(card, inds));
    }
    return lines;
  }

  /**
   * The records of one scorecard, without the header.
   *
   * @param card the scorecard
   * @param indicators the columns, as in the {@link #header}
   * @return one record per unit, without line breaks
   */
  public static List<String> rows(Scorecard card, List<Indicator> indicators) {
    List<String> rows = new ArrayList<>(card.size());
    for (UnitScore u : card.units()) {
      rows.add(row(card, u, indicators));
    }
    return rows;
  }

  /**
   * An indicator's raw value: a plain decimal without trailing zeros, empty when not applicable.
   */
  private static String value(IndicatorValue v) {
    return v.value().isEmpty()
        ? ""
        : BigDecimal.valueOf(v.value().getAsDouble()).stripTrailingZeros().toPlainString();
  }
}
