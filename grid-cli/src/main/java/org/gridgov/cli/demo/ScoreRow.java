package org.gridgov.cli.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.gridgov.core.GridId;
import org.gridgov.lab.RankingResult;
import org.gridgov.rules.lists.Department;
import org.gridgov.scoring.Indicator;
import org.gridgov.scoring.Scorecard;
import org.gridgov.scoring.Scorecard.IndicatorValue;
import org.gridgov.scoring.Scorecard.UnitScore;
import org.gridgov.scoring.UnitKind;

/**
 * One row of a ranking as the demo's outputs show it: the unit, its name and parent, its score,
 * grade and rank, and the indicators a reader looks at first.
 *
 * @param kind the kind of unit
 * @param unit the unit id (grid id or department id)
 * @param name the display name
 * @param parent the display name of the unit above (a grid's community, a community's street)
 * @param score the score, when scored
 * @param grade the grade, when scored
 * @param rank the rank, when ranked
 * @param of how many units are ranked
 * @param cases cases due for closure (应结案数)
 * @param onTime the on-time handling rate (按期处置率)
 * @param satisfaction public satisfaction (群众满意度)
 * @param rework the rework rate (返工率)
 * @param overdue overdue cases (超期件数)
 */
public record ScoreRow(
    UnitKind kind,
    String unit,
    String name,
    String parent,
    OptionalDouble score,
    Optional<String> grade,
    OptionalInt rank,
    int of,
    double cases,
    OptionalDouble onTime,
    OptionalDouble satisfaction,
    OptionalDouble rework,
    double overdue) {

  /**
   * Checks for nulls.
   *
   * @param kind kind
   * @param unit unit
   * @param name name
   * @param parent parent
   * @param score score
   * @param grade grade
   * @param rank rank
   * @param of ranked units
   * @param cases cases
   * @param onTime on-time rate
   * @param satisfaction satisfaction
   * @param rework rework rate
   * @param overdue overdue count
   */
  public ScoreRow {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(parent, "parent");
  }

  /**
   * The rows of one ranking: ranked units in rank order, then the unscored ones by id. The
   * department ranking lists the joint-duty departments (大联勤单位) and any other department that was
   * scored.
   *
   * @param result the demo result
   * @param kind the kind of unit
   * @return the rows, empty when the demo does not rank that kind
   */
  public static List<ScoreRow> of(DemoResult result, UnitKind kind) {
    Optional<RankingResult> ranking = result.ranking(kind);
    if (ranking.isEmpty()) {
      return List.of();
    }
    Scorecard card = ranking.get().scorecard();
    int ranked = card.ranking().size();
    SampleCity sample = result.sample();
    List<ScoreRow> out = new ArrayList<>();
    for (UnitScore u : card.units()) {
      String name;
      String parent = "";
      if (kind == UnitKind.DEPARTMENT) {
        Optional<Department> d = sample.policy().lists().department(u.unit());
        if (u.score().isEmpty() && !d.map(Department::jointDuty).orElse(false)) {
          continue;
        }
        name = d.map(Department::name).orElse(u.unit());
      } else {
        GridId id = GridId.of(u.unit());
        name = sample.nameOf(id);
        parent = sample.map().hierarchy().parent(id).map(sample::nameOf).orElse("");
      }
      out.add(
          new ScoreRow(
              kind,
              u.unit(),
              name,
              parent,
              u.score().map(b -> OptionalDouble.of(b.doubleValue())).orElse(OptionalDouble.empty()),
              u.grade(),
              u.rank(),
              ranked,
              number(card, u.unit(), Indicator.DUE_FOR_CLOSURE),
              rate(card, u.unit(), Indicator.ON_TIME_HANDLING_RATE),
              rate(card, u.unit(), Indicator.SATISFACTION),
              rate(card, u.unit(), Indicator.REWORK_RATE),
              number(card, u.unit(), Indicator.OVERDUE_COUNT)));
    }
    return List.copyOf(out);
  }

  private static OptionalDouble rate(Scorecard card, String unit, Indicator indicator) {
    return card.value(unit, indicator).map(IndicatorValue::value).orElse(OptionalDouble.empty());
  }

  private static double number(Scorecard card, String unit, Indicator indicator) {
    return card.value(unit, indicator)
        .map(IndicatorValue::value)
        .orElse(OptionalDouble.empty())
        .orElse(0);
  }

  /**
   * The score with two decimals, or {@code –}.
   *
   * @return the text
   */
  public String scoreText() {
    return score.isPresent() ? Xml.fixed(score.getAsDouble(), 2) : "–";
  }

  /**
   * The rank as {@code 3/105}, or {@code –}.
   *
   * @return the text
   */
  public String rankText() {
    return rank.isPresent() ? rank.getAsInt() + "/" + of : "–";
  }
}
