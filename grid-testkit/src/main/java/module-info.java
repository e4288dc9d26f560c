/** GridGov's property-testing engine: seeded generators, shrinking and a JUnit 5 extension. */
module org.gridgov.testkit {
  requires transitive org.junit.jupiter.api;
  requires org.junit.platform.commons;

  exports org.gridgov.testkit;
}
