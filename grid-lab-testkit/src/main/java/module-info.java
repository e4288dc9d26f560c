/**
 * GridGov lab testkit: the {@code Gen} generators of cities, lists, tables, case streams and
 * scoring schemes for property-based policy tests, on grid-testkit. Test support, used in test
 * scope; it is what keeps JUnit and the testkit out of grid-lab's run-time dependencies.
 */
module org.gridgov.lab.testkit {
  requires transitive org.gridgov.lab;
  requires transitive org.gridgov.testkit;

  exports org.gridgov.lab.testkit;
}
