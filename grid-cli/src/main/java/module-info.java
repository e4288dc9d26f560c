/**
 * The gridgov command line ({@link org.gridgov.cli.GridGovCli}) and the demo on the bundled sample
 * town ({@code org.gridgov.cli.demo}). Not library API: it is packaged as the shaded {@code
 * gridgov.jar} that the {@code ./gridgov} launcher runs.
 */
module org.gridgov.cli {
  requires org.gridgov.core;
  requires org.gridgov.geo;
  requires org.gridgov.rules;
  requires org.gridgov.scoring;
  requires org.gridgov.credit;
  requires org.gridgov.org;
  requires org.gridgov.watch;
  requires org.gridgov.risk;
  requires org.gridgov.loop; // risk colour: ColourTable
  requires org.gridgov.lab;
  requires org.gridgov.fixtures;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;
  requires info.picocli;

  exports org.gridgov.cli.demo;

  // picocli reads the command classes' annotated fields reflectively.
  opens org.gridgov.cli to
      info.picocli;
}
