/**
 * GridGov fixtures: deterministic generated cities for tests, benchmarks, the lab and the demo's
 * sample town. {@link org.gridgov.fixtures.SyntheticCity} lays out cities of any size on a brick
 * lattice (the bundled sample town and the Zhengzhou-scale benchmark city); {@link
 * org.gridgov.fixtures.CityMaker} lays out street / community / grid cities on a square lattice
 * with optional planted coverage defects. Both draw their jitter from one hash. Not a library
 * module: it has no JUnit and no testkit dependency, so the lab can use it at run time and every
 * other module in test scope.
 */
module org.gridgov.fixtures {
  requires transitive org.gridgov.core;
  requires transitive org.locationtech.jts;

  exports org.gridgov.fixtures;
}
