package org.gridgov.scoring;

import java.util.List;

/** Renders scorecards completely, so that two lists compare equal exactly when they agree. */
final class Scorecards {
  private Scorecards() {}

  static String render(List<Scorecard> cards) {
    StringBuilder b = new StringBuilder();
    for (Scorecard c : cards) {
      b.append(c.period())
          .append(' ')
          .append(c.kind())
          .append(" as of ")
          .append(c.asOf())
          .append(": ")
          .append(c.scoredCount())
          .append(" of ")
          .append(c.size())
          .append(", last ")
          .append(c.lastPlace())
          .append('\n');
      for (Scorecard.UnitScore u : c.units()) {
        b.append("  ").append(u).append('\n');
        b.append("  counts ").append(c.counts(u.unit()).orElseThrow()).append('\n');
        b.append(c.explain(u.unit()).orElseThrow().render());
      }
    }
    return b.toString();
  }
}
