/**
 * GridGov loop: the case loop (事件闭环) as a service. {@link org.gridgov.loop.CaseService} takes a
 * city (its grid hierarchy and, optionally, its map), a {@link org.gridgov.rules.PolicySet} and a
 * working calendar, and drives one case step by step — locate, file, dispatch with the access-list
 * check at the holder's level, accept, urge or whistle, feed back, verify, close — answering at
 * each step the typed {@link org.gridgov.core.cases.Holder}, its deadline and why. {@link
 * org.gridgov.loop.TierMapping} is the one rule from a dispatch tier to a level and a holder. See
 * {@code docs/case-loop.md}. {@link org.gridgov.loop.ColourTable} makes a decision table
 * grid-risk's colour rules (docs/risk.md).
 */
module org.gridgov.loop {
  requires transitive org.gridgov.core;
  requires transitive org.gridgov.geo;
  requires transitive org.gridgov.rules;
  requires transitive org.gridgov.org;
  requires transitive org.gridgov.risk; // ColourTable: decision tables as colour rules

  exports org.gridgov.loop;
}
