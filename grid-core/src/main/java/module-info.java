/**
 * GridGov core: the grid hierarchy, grid ids and levels, cases and their lifecycle, working-time
 * calendars and time limits, access scopes, findings, and the JSON formats of all of them.
 */
@SuppressWarnings("module") // the I/O toolkit is exported to modules built after this one
module org.gridgov.core {
  requires transitive com.fasterxml.jackson.databind;
  requires com.google.common;
  requires org.eclipse.collections.api;
  requires org.eclipse.collections.impl;

  exports org.gridgov.core;
  exports org.gridgov.core.access;
  exports org.gridgov.core.cases;
  exports org.gridgov.core.json;
  exports org.gridgov.core.risk;
  exports org.gridgov.core.time;
  exports org.gridgov.core.io to
      org.gridgov.geo,
      org.gridgov.rules,
      org.gridgov.scoring,
      org.gridgov.loop,
      org.gridgov.credit,
      org.gridgov.org,
      org.gridgov.watch,
      org.gridgov.risk,
      org.gridgov.lab,
      org.gridgov.cli,
      org.gridgov.fixtures;
}
