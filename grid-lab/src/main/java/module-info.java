/**
 * GridGov lab: domain generators for property-based policy tests ({@code org.gridgov.lab.gen}) and
 * the policy simulator ({@code org.gridgov.lab}: {@link org.gridgov.lab.CaseLoop}, {@link
 * org.gridgov.lab.PolicySimulation}). See {@code docs/lab.md}.
 */
module org.gridgov.lab {
  requires transitive org.gridgov.core;
  requires transitive org.gridgov.geo;
  requires transitive org.gridgov.rules;
  requires transitive org.gridgov.scoring;
  requires transitive org.gridgov.testkit;

  exports org.gridgov.lab;
  exports org.gridgov.lab.gen;
}
