/** GridGov geo. */
module org.gridgov.geo {
  requires transitive org.gridgov.core;
  requires transitive org.locationtech.jts;

  exports org.gridgov.geo;
  exports org.gridgov.geo.synthetic;
}
