package org.gridgov.geo;

import org.gridgov.fixtures.CitySpec;
import org.gridgov.fixtures.SyntheticCity;

/** Generated cities shared by the tests of this module (built once per JVM). */
final class TestCities {
  private TestCities() {}

  private static final class Small {
    static final SyntheticCity CITY =
        SyntheticCity.generate(CitySpec.tongcheng().withExclusiveGrids(4), 7);
    static final GridLocator LOCATOR = GridLocator.build(CITY.hierarchy(), CITY.polygons());
    static final CoversOracle ORACLE = new CoversOracle(CITY.hierarchy(), CITY.polygons());
  }

  private static final class Mid {
    static final SyntheticCity CITY =
        SyntheticCity.generate(CitySpec.midSize().withExclusiveGrids(6), 11);
    static final GridLocator LOCATOR = GridLocator.build(CITY.hierarchy(), CITY.polygons());
    static final CoversOracle ORACLE = new CoversOracle(CITY.hierarchy(), CITY.polygons());
  }

  static SyntheticCity small() {
    return Small.CITY;
  }

  static GridLocator smallLocator() {
    return Small.LOCATOR;
  }

  static CoversOracle smallOracle() {
    return Small.ORACLE;
  }

  static SyntheticCity mid() {
    return Mid.CITY;
  }

  static GridLocator midLocator() {
    return Mid.LOCATOR;
  }

  static CoversOracle midOracle() {
    return Mid.ORACLE;
  }
}
