/** GridGov scoring. */
module org.gridgov.scoring {
  requires transitive org.gridgov.core;

  exports org.gridgov.scoring;
}
