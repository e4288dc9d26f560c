/** GridGov lab. */
module org.gridgov.lab {
  requires transitive org.gridgov.core;
  requires transitive org.gridgov.geo;
  requires transitive org.gridgov.rules;
  requires transitive org.gridgov.scoring;
  requires transitive org.gridgov.testkit;

  exports org.gridgov.lab;
}
