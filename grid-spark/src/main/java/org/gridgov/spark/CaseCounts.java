package org.gridgov.spark;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.gridgov.scoring.MonthlyCounts;
import org.gridgov.scoring.ScoringPeriod;
import org.gridgov.scoring.UnitKind;

/**
 * What {@link GridGovSpark#countCases} counted on the cluster: for each unit kind asked for, the
 * {@link MonthlyCounts} per unit and month (which {@link org.gridgov.scoring.Scorer#score(
 * MonthlyCounts, org.gridgov.scoring.Scorer.Request)} scores exactly as the single-JVM scorer
 * scores the cases), the as-of instant, and the bad lines left out under {@link
 * ScoreOptions.BadRows#SKIP}.
 *
 * <p>Immutable and thread-safe.
 */
public final class CaseCounts {
  private final Instant asOf;
  private final Map<UnitKind, MonthlyCounts> counts;
  private final List<BadCase> skipped;

  CaseCounts(Instant asOf, Map<UnitKind, MonthlyCounts> counts, List<BadCase> skipped) {
    this.asOf = asOf;
    this.counts = new EnumMap<>(counts);
    this.skipped = List.copyOf(skipped);
  }

  /** The instant the facts were taken at. */
  public Instant asOf() {
    return asOf;
  }

  /** The unit kinds counted. */
  public Set<UnitKind> kinds() {
    return Set.copyOf(counts.keySet());
  }

  /**
   * The counts of a kind.
   *
   * @param kind a kind that was counted
   * @return the counts
   * @throws IllegalArgumentException when the kind was not counted
   */
  public MonthlyCounts counts(UnitKind kind) {
    MonthlyCounts c = counts.get(Objects.requireNonNull(kind, "kind"));
    if (c == null) {
      throw new IllegalArgumentException(
          kind.key() + " was not counted; counted: " + counts.keySet());
    }
    return c;
  }

  /** The number of cases counted (bad lines and blank lines excluded). */
  public long cases() {
    return counts.values().iterator().next().cases();
  }

  /** The months from the first to the last month with a case; empty when no case was counted. */
  public Optional<ScoringPeriod> span() {
    return counts.values().iterator().next().span();
  }

  /** The bad lines left out ({@link ScoreOptions.BadRows#SKIP}), in input order; else empty. */
  public List<BadCase> skipped() {
    return skipped;
  }

  @Override
  public String toString() {
    return "CaseCounts["
        + cases()
        + " cases, "
        + counts.keySet()
        + ", as of "
        + asOf
        + ", "
        + skipped.size()
        + " skipped]";
  }
}
