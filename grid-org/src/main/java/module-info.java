/**
 * GridGov org: party-building-led organisation on the grids (党建引领) — party organisations and the
 * organisations they lead, people and their posts, teams "1 + A + B", dual reporting (双报到), the
 * rules that check coverage and branch formation, and star ratings. See {@code docs/org.md}.
 */
module org.gridgov.org {
  requires transitive org.gridgov.core;
  requires com.google.common;

  exports org.gridgov.org;
}
