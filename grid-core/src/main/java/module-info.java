/**
 * GridGov core: the grid hierarchy, grid ids and levels, cases and their lifecycle, working-time
 * calendars and time limits, access scopes, and the JSON formats of all of them.
 */
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
}
