/**
 * GridGov fixtures: deterministic generated cities for tests, benchmarks, the lab and the demo's
 * sample town, all drawn by one brick-lattice geometry engine. {@link
 * org.gridgov.fixtures.SyntheticCity} lays out cities of any size by grid counts per level (the
 * bundled sample town and the Zhengzhou-scale benchmark city); {@link
 * org.gridgov.fixtures.CityMaker} lays out street / community / grid cities from a plan, with
 * optional planted coverage defects; {@link org.gridgov.fixtures.RegisterMaker} fills a city's
 * grids with a register of the six elements and a year of visits (grid-risk). Not a library module:
 * it has no JUnit and no testkit dependency, so the lab can use it at run time and every other
 * module in test scope.
 */
module org.gridgov.fixtures {
  requires transitive org.gridgov.core;
  requires transitive org.locationtech.jts;
  requires transitive org.gridgov.risk;

  exports org.gridgov.fixtures;
}
