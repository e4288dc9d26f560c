/**
 * GridGov geo: grid maps read from GeoJSON ({@link org.gridgov.geo.GridMaps}, the front door),
 * coverage validation with findings, WGS-84 / GCJ-02 / BD-09 conversion, and the exact point → grid
 * lookup ({@link org.gridgov.geo.GridLocator}). Generated cities for tests and benchmarks are in
 * grid-fixtures (test scope).
 */
module org.gridgov.geo {
  requires transitive org.gridgov.core;
  requires transitive org.locationtech.jts;

  exports org.gridgov.geo;
}
