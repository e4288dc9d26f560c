package org.gridgov.lab;

import java.util.Objects;
import org.gridgov.scoring.ScoringScheme;
import org.gridgov.scoring.UnitKind;

/**
 * One ranking a policy variant produces: a kind of unit scored under a scheme (考核排名).
 *
 * @param kind the units ranked
 * @param scheme the scheme they are scored under
 */
public record Ranking(UnitKind kind, ScoringScheme scheme) {
  /**
   * Checks that the scheme is meant for the kind.
   *
   * @param kind the kind
   * @param scheme the scheme
   */
  public Ranking {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(scheme, "scheme");
    if (!scheme.unitKinds().isEmpty() && !scheme.unitKinds().contains(kind)) {
      throw new IllegalArgumentException(
          "scheme " + scheme.id() + " assesses " + scheme.unitKinds() + ", not " + kind.key());
    }
  }

  /**
   * The key that identifies the ranking across variants: {@code <kind>:<scheme id>}.
   *
   * @return the key, such as {@code department:tongcheng-2022}
   */
  public String key() {
    return kind.key() + ":" + scheme.id();
  }
}
