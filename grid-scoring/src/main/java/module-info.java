/**
 * GridGov scoring (考核): assessment indicators, composite scores, grades and rankings of grids, grid
 * workers, communities, streets and departments, computed from case records under a scheme that is
 * data. The front door is {@link org.gridgov.scoring.Scorer}.
 */
module org.gridgov.scoring {
  requires transitive org.gridgov.core;
  requires com.fasterxml.jackson.databind;
  requires org.eclipse.collections.api;
  requires org.eclipse.collections.impl;

  exports org.gridgov.scoring;
}
