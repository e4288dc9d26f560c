package org.gridgov.scoring;

import org.gridgov.scoring.ScoringScheme.Citation;

import java.util.Optional;

/** Shared scheme pieces for tests. */
final class SchemeFixtures {
  static final Citation CITATION =
      new Citation("test", "GridGov tests", Optional.empty(), Optional.empty(), Optional.empty());

  private SchemeFixtures() {}
}
