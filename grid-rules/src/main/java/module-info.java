/** GridGov rules. */
module org.gridgov.rules {
  requires transitive org.gridgov.core;
  requires java.xml;

  exports org.gridgov.rules;
  exports org.gridgov.rules.dispatch;
  exports org.gridgov.rules.lists;
  exports org.gridgov.rules.table;
}
