/**
 * GridGov rules: the three lists (item, authority, access and prohibited lists; {@code
 * org.gridgov.rules.lists}), decision tables with DMN import, static verification and a compiled
 * evaluator ({@code org.gridgov.rules.table}), dispatch and escalation ({@code
 * org.gridgov.rules.dispatch}), bundled as versioned {@link org.gridgov.rules.PolicySet}s.
 */
module org.gridgov.rules {
  requires transitive org.gridgov.core;
  requires java.xml;

  exports org.gridgov.rules;
  exports org.gridgov.rules.dispatch;
  exports org.gridgov.rules.lists;
  exports org.gridgov.rules.table;
}
