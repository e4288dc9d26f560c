/**
 * GridGov lab: the policy simulator ({@code org.gridgov.lab}: {@link org.gridgov.lab.CaseLoop},
 * {@link org.gridgov.lab.PolicySimulation}) and the run-time makers it needs (case streams from
 * {@link org.gridgov.lab.CaseStream#generate}, generated cities from grid-fixtures). The {@code
 * Gen} generators for property tests are in grid-lab-testkit, so the lab carries no JUnit and no
 * testkit. See {@code docs/lab.md}.
 */
@SuppressWarnings("module") // the qualified export names grid-lab-testkit, built after this module
module org.gridgov.lab {
  requires transitive org.gridgov.core;
  requires transitive org.gridgov.geo;
  requires transitive org.gridgov.rules;
  requires transitive org.gridgov.scoring;
  requires transitive org.gridgov.loop;
  requires transitive org.gridgov.fixtures;
  requires transitive org.gridgov.watch;
  requires com.google.common;

  exports org.gridgov.lab;
  // Incident drawing for grid-lab-testkit's property generators; not API.
  exports org.gridgov.lab.internal to
      org.gridgov.lab.testkit;
}
