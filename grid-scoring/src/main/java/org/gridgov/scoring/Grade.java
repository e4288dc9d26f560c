package org.gridgov.scoring;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A grade band (等次): a final score at or above {@code min} earns this grade, unless a higher grade
 * applies. The lowest grade has no minimum ("else"). GB/T 30428.4 lineage: A ≥ 90, B ≥ 75, C ≥ 60,
 * D ≥ 40, else E (DOMAIN.md §7).
 *
 * @param name the grade, e.g. {@code A} or {@code 优秀}
 * @param min the lowest final score (after rounding) that earns it, or empty for the lowest grade
 */
public record Grade(String name, OptionalDouble min) {
  /** Checks for nulls. */
  public Grade {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(min, "min");
  }
}
