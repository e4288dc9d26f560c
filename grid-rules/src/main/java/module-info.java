/** GridGov rules. */
module org.gridgov.rules {
  requires transitive org.gridgov.core;

  exports org.gridgov.rules;
}
