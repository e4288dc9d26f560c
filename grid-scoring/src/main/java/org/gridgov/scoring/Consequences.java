package org.gridgov.scoring;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What last place brings over consecutive periods, after Tongcheng (DOMAIN.md §6; seed article
 * 003): the unit last in a year's ranking is summoned for a talk (约谈); a unit last two periods
 * running loses its awards eligibility (取消评先评优资格).
 *
 * @param kind the kind of unit ranked
 * @param standings one entry per scorecard, in period order
 */
public record Consequences(UnitKind kind, List<Standing> standings) {

  /** Copies the list. */
  public Consequences {
    Objects.requireNonNull(kind, "kind");
    standings = List.copyOf(standings);
  }

  /**
   * One period's consequences.
   *
   * @param period the period
   * @param summoned units in last place in this period
   * @param disqualified units in last place in this period and in the adjacent previous one
   */
  public record Standing(Period period, List<String> summoned, List<String> disqualified) {
    /** Copies the lists. */
    public Standing {
      Objects.requireNonNull(period, "period");
      summoned = List.copyOf(summoned);
      disqualified = List.copyOf(disqualified);
    }
  }

  /**
   * Works out the consequences of a series of rankings. Only adjacent periods (one ends the month
   * before the next starts) count as consecutive.
   *
   * @param cards scorecards of one kind and scheme, in increasing, non-overlapping period order
   * @return the consequences
   * @throws IllegalArgumentException when the cards mix kinds or schemes, or periods are out of
   *     order
   */
  public static Consequences of(List<Scorecard> cards) {
    if (cards.isEmpty()) {
      throw new IllegalArgumentException("no scorecards");
    }
    UnitKind kind = cards.get(0).kind();
    String scheme = cards.get(0).scheme().id();
    List<Standing> out = new ArrayList<>();
    Set<String> previousLast = Set.of();
    Period previous = null;
    for (Scorecard card : cards) {
      if (card.kind() != kind || !card.scheme().id().equals(scheme)) {
        throw new IllegalArgumentException(
            "scorecards mix kinds or schemes: " + cards.get(0) + " and " + card);
      }
      if (previous != null && !card.period().from().isAfter(previous.to())) {
        throw new IllegalArgumentException(
            "periods must increase without overlap: " + previous + " then " + card.period());
      }
      boolean adjacent =
          previous != null && previous.to().plusMonths(1).equals(card.period().from());
      List<String> last = card.lastPlace();
      List<String> twice = new ArrayList<>();
      if (adjacent) {
        for (String u : last) {
          if (previousLast.contains(u)) {
            twice.add(u);
          }
        }
      }
      out.add(new Standing(card.period(), last, twice));
      previousLast = new HashSet<>(last);
      previous = card.period();
    }
    return new Consequences(kind, out);
  }
}
