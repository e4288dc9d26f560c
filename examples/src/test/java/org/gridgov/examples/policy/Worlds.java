package org.gridgov.examples.policy;

import java.time.LocalDate;
import org.gridgov.lab.CaseStreamSpec;
import org.gridgov.lab.testkit.CaseGens;
import org.gridgov.lab.testkit.CityGens;
import org.gridgov.testkit.Gen;

/**
 * The generated worlds the policy properties are checked on: small cities (one or two streets, up
 * to three communities each, up to four grids a community) with generated lists, and two weeks of
 * their cases. Small worlds keep each try fast; shrinking makes a failure smaller still.
 */
final class Worlds {
  /** The first day of every generated stream, a Monday. */
  static final LocalDate START = LocalDate.of(2026, 3, 2);

  private Worlds() {}

  /**
   * Small cities with two weeks of cases.
   *
   * @return the generator
   */
  static Gen<CaseGens.CityAndStream> small() {
    return CaseGens.citiesWithStreams(
        CityGens.builder()
            .streets(1, 2)
            .communitiesPerStreet(1, 3)
            .gridsPerCommunity(1, 4)
            .cities(),
        CaseStreamSpec.of(START, 14, 10),
        80);
  }
}
