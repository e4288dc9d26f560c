package org.gridgov.cli;

import java.nio.file.Path;
import org.gridgov.rules.table.DecisionTable;
import org.gridgov.rules.table.DecisionTables;
import picocli.CommandLine.Option;

/** The {@code --table FILE [--decision NAME]} options shared by the decision-table commands. */
final class TableFile {
  @Option(
      names = "--table",
      paramLabel = "FILE",
      required = true,
      description = "Decision table: .json (GridGov format) or .dmn (DMN 1.3-1.5 XML).")
  Path file;

  @Option(
      names = "--decision",
      paramLabel = "NAME",
      description = "The decision (name or id) to use from a DMN file holding several.")
  String decision;

  /** Reads the table, all or nothing. */
  DecisionTable read() {
    Path f = CliFiles.input(file);
    return decision == null ? DecisionTables.read(f) : DecisionTables.read(f, decision);
  }
}
